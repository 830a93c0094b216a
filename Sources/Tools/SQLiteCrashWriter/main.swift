// Writes numbered batches to a SQLite store forever, printing each batch's number after its
// commit. The SQLite crash test kills this process with SIGKILL mid-run and then checks that
// the file is intact and holds every batch that was printed. Not a product: a test fixture.
//
// Usage: SQLiteCrashWriter <database path>

import DiversityKit
import DiversityKitSQLite
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: SQLiteCrashWriter <database path>\n".utf8))
    exit(2)
}

do {
    let store = try SQLiteStore(path: arguments[1])
    var batchNumber = 0
    while true {
        let batch = WriteBatch((0..<20).map { row in
            .insert(RecordEnvelope(type: "crash.row", id: "b\(batchNumber)-r\(row)", version: 1,
                                   keys: ["batch": String(batchNumber)], payload: Data(repeating: UInt8(row), count: 200)))
        } + [.insert(RecordEnvelope(type: "crash.batch", id: String(batchNumber), version: 1, keys: [:], payload: Data()))])
        try await store.write(batch)
        // An unbuffered write: the number is out of the process the moment the commit returned.
        FileHandle.standardOutput.write(Data("\(batchNumber)\n".utf8))
        batchNumber += 1
    }
} catch {
    FileHandle.standardError.write(Data("SQLiteCrashWriter: \(error)\n".utf8))
    exit(1)
}
