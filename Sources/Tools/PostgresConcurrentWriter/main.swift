// A writer process for the PostgreSQL store's cross-process test (and a smoke test by hand).
//
//   DIVERSITYKIT_POSTGRES_URL=postgresql://… PostgresConcurrentWriter <schema> <name> <own> <shared>
//
// Opens the store (racing other writers to migrate a fresh schema), inserts <own> records
// `<name>-<i>` one transaction at a time, then tries to insert `shared-0` … `shared-<shared-1>`,
// which every writer tries too. Prints `inserted=<n> duplicates=<n>` and exits 0, or prints the
// error and exits 1.
import DiversityKit
import DiversityKitPostgres
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 4, let own = Int(arguments[arguments.startIndex + 2]),
      let shared = Int(arguments[arguments.startIndex + 3]),
      let url = ProcessInfo.processInfo.environment["DIVERSITYKIT_POSTGRES_URL"]
else {
    FileHandle.standardError.write(Data("usage: DIVERSITYKIT_POSTGRES_URL=… PostgresConcurrentWriter <schema> <name> <own> <shared>\n".utf8))
    exit(2)
}
let schema = arguments[arguments.startIndex]
let name = arguments[arguments.startIndex + 1]

func record(_ id: String) -> RecordEnvelope {
    RecordEnvelope(type: "writer.item", id: id, version: 1, keys: ["writer": name], payload: Data("från \(name)".utf8))
}

do {
    let store = try await PostgresStore(.init(connectionString: url, schema: schema, applicationName: "writer-\(name)"))
    var inserted = 0, duplicates = 0
    for i in 0..<own {
        try await store.insert(record("\(name)-\(i)"))
        inserted += 1
    }
    for i in 0..<shared {
        do {
            try await store.insert(record("shared-\(i)"))
            inserted += 1
        } catch StoreError.duplicate {
            duplicates += 1
        }
    }
    print("inserted=\(inserted) duplicates=\(duplicates)")
} catch {
    FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
    exit(1)
}
