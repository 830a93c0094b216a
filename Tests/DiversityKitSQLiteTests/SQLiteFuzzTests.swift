import DiversityKit
import DiversityKitTesting
import Foundation
import Testing
@testable import DiversityKitSQLite

/// Issue 17: fuzz harness for opening SQLite files (the fixes for what it finds belong to the
/// storage engineers): mutated store files must open or be refused with an error, never trap.
@Suite("Fuzz: SQLite file opening")
struct SQLiteFuzzTests {
    @Test("SQLite file opening: no mutated store file traps on open or read")
    func opening() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        do {
            let store = try SQLiteStore(path: dir.path("seed.sqlite"))
            for i in 0..<20 { try await store.insert(item("r\(i)", keys: ["k": "\(i % 3)"])) }
        }
        let seed = try bytes(of: dir.path("seed.sqlite"))
        // Whole-file mutants are costly to open, so this runs a tenth of the usual count.
        let cases = Fuzzer(corpus: [seed, Data(), Data("SQLite format 3\0".utf8)], iterations: Fuzzer(corpus: []).iterations / 10).cases()
        for (i, bytes) in cases.enumerated() {
            let path = dir.path("case-\(i).sqlite")
            try bytes.write(to: URL(fileURLWithPath: path))
            if let store = try? SQLiteStore(path: path) {
                _ = try? await store.count(RecordQuery(type: "test.item"))
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
