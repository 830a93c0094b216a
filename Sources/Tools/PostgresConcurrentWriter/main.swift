// A writer process for the PostgreSQL store's cross-process tests (and a smoke test by hand).
//
//   DIVERSITYKIT_POSTGRES_URL=postgresql://… PostgresConcurrentWriter <schema> <name> <own> <shared>
//
// Opens the store (racing other writers to migrate a fresh schema), inserts <own> records
// `<name>-<i>` one transaction at a time, then tries to insert `shared-0` … `shared-<shared-1>`,
// which every writer tries too. Prints `inserted=<n> duplicates=<n>` and exits 0, or prints the
// error and exits 1.
//
//   DIVERSITYKIT_POSTGRES_URL=postgresql://… PostgresConcurrentWriter increment <schema> <name> <n>
//
// Adds 1 to the counter record `writer.counter/shared` <n> times, each a read → compare-and-swap
// update (`update(_:ifRevision:)`) retried on conflict with `withConflictRetry`. After each
// committed increment prints `ok <count>` (flushed: a test may kill -9 the process and count what
// was acknowledged). Prints `increments=<n> attempts=<n>` and exits 0, or prints the error and exits 1.
import DiversityKit
import DiversityKitPostgres
import Foundation

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let url = ProcessInfo.processInfo.environment["DIVERSITYKIT_POSTGRES_URL"] else {
    fail("set DIVERSITYKIT_POSTGRES_URL", status: 2)
}

/// The counter the `increment` mode updates: a decimal count as payload.
struct Counter: StoredRecord {
    static let recordType = "writer.counter"
    var id: String
    var count: Int
    var recordID: String { id }
    func encodePayload() throws -> Data { Data(String(count).utf8) }
    static func decodePayload(_ data: Data, version: Int) throws -> Counter {
        guard let count = Int(String(decoding: data, as: UTF8.self)) else {
            throw StoreError.corruptRecord(RecordKey(type: recordType, id: "shared"), reason: "not a count")
        }
        return Counter(id: "shared", count: count)
    }
}

if arguments.first == "increment" {
    guard arguments.count == 4, let n = Int(arguments[3]) else {
        fail("usage: PostgresConcurrentWriter increment <schema> <name> <n>", status: 2)
    }
    do {
        let store = try await PostgresStore(.init(connectionString: url, schema: arguments[1], applicationName: "writer-\(arguments[2])"))
        var attempts = 0
        for _ in 0..<n {
            try await withConflictRetry(attempts: 1_000) {
                attempts += 1
                guard let counter = try await store.fetchVersioned(Counter.self, id: "shared") else {
                    throw StoreError.notFound(RecordKey(type: Counter.recordType, id: "shared"))
                }
                var batch = WriteBatch()
                try batch.update(Counter(id: "shared", count: counter.record.count + 1), ifRevision: counter.revision)
                try await store.write(batch)
                FileHandle.standardOutput.write(Data("ok \(counter.record.count + 1)\n".utf8))
            }
        }
        print("increments=\(n) attempts=\(attempts)")
    } catch {
        fail("\(arguments[2]): \(error)", status: 1)
    }
    exit(0)
}

guard arguments.count == 4, let own = Int(arguments[2]), let shared = Int(arguments[3]) else {
    fail("usage: DIVERSITYKIT_POSTGRES_URL=… PostgresConcurrentWriter <schema> <name> <own> <shared>", status: 2)
}
let schema = arguments[0]
let name = arguments[1]

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
    fail("\(name): \(error)", status: 1)
}
