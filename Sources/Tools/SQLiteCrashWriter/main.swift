// A test fixture, not a product: writes to a SQLite store in one of several modes, printing a line
// after each write has committed, so that the SQLite crash and process tests can kill it with SIGKILL
// mid-run (or run two at once) and then check the file.
//
// Usage:
//   SQLiteCrashWriter <path>                      numbered batches of 20 records forever (as `batches`)
//   SQLiteCrashWriter batches <path>              the same
//   SQLiteCrashWriter conditional <path>          forever: a batch that checks the counter's revision,
//                                                 updates it, appends 20 compact rows and inserts a marker
//   SQLiteCrashWriter reindex <path> <n>          stores n records as index version 1 code did, prints
//                                                 "seeded", re-indexes them in pages of 50 printing "page"
//                                                 after each committed page, prints "done"
//   SQLiteCrashWriter increment <path> <n>        n compare-and-swap increments of crash.counter/c with
//                                                 retry on conflict, then prints the last value it wrote

import DiversityKit
import DiversityKitSQLite
import Foundation

/// The record the `reindex` mode rewrites: index version 2 added the key "region".
struct CrashItem: StoredRecord, Codable {
    static let recordType = "crash.item"
    static let indexVersion = 2
    var id: String
    var region: String
    var recordID: String { id }
    var indexKeys: [String: String] { ["region": region] }
}

/// The SQLite store, printing "page" after every write that committed: how the `reindex` mode reports
/// each page of ``Store/reindex(_:pageSize:)`` without changing it.
struct ReportingStore: Store {
    let base: SQLiteStore
    var schemaVersion: Int { get async throws { try await base.schemaVersion } }
    func fetch(_ key: RecordKey) async throws -> RecordEnvelope? { try await base.fetch(key) }
    func query(_ query: RecordQuery) async throws -> [RecordEnvelope] { try await base.query(query) }
    func count(_ query: RecordQuery) async throws -> Int { try await base.count(query) }
    func write(_ batch: WriteBatch) async throws {
        try await base.write(batch)
        say("page")
    }
    func bulkInsert(_ envelopes: [RecordEnvelope]) async throws { try await base.bulkInsert(envelopes) }
    func rows(_ query: RowQuery) async throws -> RowPage { try await base.rows(query) }
    func countRows(_ query: RowQuery) async throws -> Int { try await base.countRows(query) }
    func reclaimSpace() async throws { try await base.reclaimSpace() }
}

func say(_ line: String) {
    // An unbuffered write: the line is out of the process the moment the commit returned.
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("SQLiteCrashWriter: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 1 { arguments.insert("batches", at: 0) }
guard arguments.count >= 2 else { fail("usage: SQLiteCrashWriter [batches|conditional|reindex N|increment N] <path>") }
let mode = arguments[0], path = arguments[1]
let count = arguments.count > 2 ? Int(arguments[2]) : nil

let counterKey = RecordKey(type: "crash.counter", id: "c")

do {
    let store = try SQLiteStore(.init(path: path, busyTimeout: .seconds(30)))
    switch mode {
    case "batches":
        var batchNumber = 0
        while true {
            let batch = WriteBatch((0..<20).map { row in
                .insert(RecordEnvelope(type: "crash.row", id: "b\(batchNumber)-r\(row)", version: 1,
                                       keys: ["batch": String(batchNumber)], payload: Data(repeating: UInt8(row), count: 200)))
            } + [.insert(RecordEnvelope(type: "crash.batch", id: String(batchNumber), version: 1, keys: [:], payload: Data()))])
            try await store.write(batch)
            say(String(batchNumber))
            batchNumber += 1
        }
    case "conditional":
        let set = RowSetKey(type: "crash.rows", partition: "p")
        if try await store.fetch(counterKey) == nil {
            try await store.write(WriteBatch([.check(counterKey, .absent),
                                              .insert(RecordEnvelope(type: counterKey.type, id: counterKey.id, version: 1, keys: [:], payload: Data("-1".utf8)))]))
        }
        while true {
            guard let counter = try await store.fetch(counterKey),
                  let last = Int(String(decoding: counter.payload, as: UTF8.self)) else { fail("counter missing") }
            let n = last + 1
            let rows = (0..<20).map { CompactRow(scope: "batch", group: String(n), cells: Array(repeating: UInt8($0), count: 24), extra: Data(count: 100)) }
            try await store.write(WriteBatch([
                .check(counterKey, .revision(counter.revision)),
                .update(RecordEnvelope(type: counterKey.type, id: counterKey.id, version: 1, keys: [:], payload: Data(String(n).utf8))),
                .appendRows(set, rows),
                .insert(RecordEnvelope(type: "crash.batch", id: String(n), version: 1, keys: [:], payload: Data())),
            ]))
            say(String(n))
        }
    case "reindex":
        guard let n = count, n > 0 else { fail("reindex needs a positive count") }
        // What code of index version 1 wrote: no "region" key.
        let old = try (0..<n).map { i in
            RecordEnvelope(type: CrashItem.recordType, id: String(format: "item-%06d", i), version: 1, keys: [:],
                           payload: try CrashItem(id: String(format: "item-%06d", i), region: "norr").encodePayload(), indexVersion: 1)
        }
        try await store.bulkInsert(old)
        say("seeded")
        try await ReportingStore(base: store).reindex(CrashItem.self, pageSize: 50)
        say("done")
    case "increment":
        guard let n = count, n > 0 else { fail("increment needs a positive count") }
        var wrote = 0
        for _ in 0..<n {
            wrote = try await withConflictRetry(attempts: 10_000) {
                guard let counter = try await store.fetch(counterKey),
                      let value = Int(String(decoding: counter.payload, as: UTF8.self)) else { fail("counter missing") }
                try await store.write(WriteBatch([
                    .check(counterKey, .revision(counter.revision)),
                    .update(RecordEnvelope(type: counterKey.type, id: counterKey.id, version: 1, keys: [:], payload: Data(String(value + 1).utf8))),
                ]))
                return value + 1
            }
        }
        say(String(wrote))
    default:
        fail("unknown mode \(mode)")
    }
    await store.close()
} catch {
    fail("\(error)")
}
