import DiversityKit
import Foundation
import Testing
@testable import DiversityKitSQLite

@Suite("SQLiteStore files")
struct SQLiteFileTests {
    @Test("data survives closing and reopening the file")
    func survivesReopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try SQLiteStore(path: directory.path())
        try await first.bulkInsert([item("a", keys: ["org": "umea"]), item("b", keys: ["tags": "x\u{1F}y"])])
        try await first.insert(Participant(id: "p-1", organisation: "umea"))
        await first.close()

        let second = try SQLiteStore(path: directory.path())
        #expect(try await second.fetch(RecordKey(type: "test.item", id: "a"))?.contents == item("a", keys: ["org": "umea"]))
        #expect(try await second.query(RecordQuery(type: "test.item").where("tags", contains: "y")).map(\.id) == ["b"])
        #expect(try await second.fetch(Participant.self, id: "p-1")?.organisation == "umea")
        #expect(try await second.schemaVersion == SQLiteStore.supportedSchemaVersion)
        await second.close()
    }

    @Test("a new file is in WAL mode with foreign keys on and carries the DiversityKit application id")
    func pragmas() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path())
        #expect(try await store.strings("PRAGMA journal_mode") == ["wal"])
        #expect(try await store.strings("PRAGMA foreign_keys") == ["1"])
        #expect(try await store.strings("PRAGMA application_id") == [String(Migrations.applicationID)])
        #expect(try await store.strings("SELECT name FROM diversitykit_migrations ORDER BY name")
            == Migrations.all.map(\.name))
        await store.close()
    }

    @Test("a text file is refused as not a DiversityKit store and left untouched")
    func textFileRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("notes.sqlite")
        try Data("Mötesanteckningar\nnot a database at all, but long enough to look like one\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let before = try bytes(of: path)
        #expect(throws: StoreError.notADiversityKitStore("\(path) is not a SQLite database")) { try SQLiteStore(path: path) }
        #expect(try bytes(of: path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["notes.sqlite"])
    }

    @Test("a SQLite database of another application is refused and left untouched", arguments: [
        ("PRAGMA application_id = 1234; CREATE TABLE payroll (name TEXT, amount INTEGER); INSERT INTO payroll VALUES ('x', 1)",
         "application_id 1234"),
        ("CREATE TABLE records (x)", "application_id 0, 1 schema objects"),
    ])
    func foreignDatabaseRefused(sql: String, reason: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("other.db")
        let other = try Connection(path: path, busyTimeout: .seconds(1))
        try other.execute(sql)
        other.close()
        let before = try bytes(of: path)
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            if case StoreError.notADiversityKitStore(let message) = error { return message.contains(reason) }
            return false
        }
        #expect(try bytes(of: path) == before)
    }

    @Test("a file with a newer schema is refused with schemaTooNew and left untouched")
    func newerSchemaRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let store = try SQLiteStore(path: path)
        try await store.insert(item("a"))
        try await store.execute("PRAGMA user_version = 99")
        await store.close()
        let before = try bytes(of: path)
        #expect(throws: StoreError.schemaTooNew(found: 99, supported: SQLiteStore.supportedSchemaVersion)) {
            try SQLiteStore(path: path)
        }
        #expect(try bytes(of: path) == before)
    }

    @Test("a directory is refused as not a store")
    func directoryRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: StoreError.notADiversityKitStore("\(directory.url.path) is a directory")) {
            try SQLiteStore(path: directory.url.path)
        }
    }

    @Test("calls on a closed store fail with SQLITE_MISUSE")
    func closedStore() async throws {
        let store = try SQLiteStore.inMemory()
        await store.close()
        await #expect(throws: StoreError.backend(code: 21, message: "the store is closed")) {
            try await store.fetch(RecordKey(type: "test.item", id: "a"))
        }
    }
}
