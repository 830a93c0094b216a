// The second OS process of the conformance kit's two-process checks.
//   StoreRaceWriter <check name> sqlite <path>
//   StoreRaceWriter <check name> postgres <connection string> <schema>
// Exits 0 when its writer finished, 1 when it failed (the error on stderr), 2 on a usage error.
import DiversityKit
import DiversityKitPostgres
import DiversityKitSQLite
import DiversityKitTesting
import Foundation

let arguments = CommandLine.arguments.dropFirst()
func usage() -> Never {
    FileHandle.standardError.write(Data("usage: StoreRaceWriter <check> sqlite <path> | <check> postgres <url> <schema>\n".utf8))
    exit(2)
}
guard arguments.count >= 3 else { usage() }
let check = arguments[arguments.startIndex]
let kind = arguments[arguments.startIndex + 1]
let rest = Array(arguments.dropFirst(2))
do {
    let store: any Store
    switch (kind, rest.count) {
    case ("sqlite", 1): store = try SQLiteStore(path: rest[0])
    case ("postgres", 2): store = try await PostgresStore(.init(connectionString: rest[0], schema: rest[1]))
    default: usage()
    }
    try await StoreConformanceKit.runSecondWriter(check, on: store)
    exit(0)
} catch {
    FileHandle.standardError.write(Data("StoreRaceWriter: \(error)\n".utf8))
    exit(1)
}
