import DiversityKit
import Foundation
import Testing
@testable import DiversityKitSQLite

@Suite("SQLiteStore backups")
struct SQLiteBackupTests {
    @Test("a backup of an open file is a complete DiversityKit store")
    func backupOfFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path())
        try await store.bulkInsert((0..<300).map { item(String(format: "r%03d", $0), keys: ["g": String($0 % 5)]) })
        try await store.backup(to: directory.path("backup.sqlite"))
        try await store.insert(item("after-backup"))

        let copy = try SQLiteStore(path: directory.path("backup.sqlite"))
        #expect(try await copy.count(RecordQuery(type: "test.item")) == 300)
        #expect(try await copy.count(RecordQuery(type: "test.item").where("g", equals: "4")) == 60)
        #expect(try await copy.schemaVersion == SQLiteStore.supportedSchemaVersion)
        #expect(try await copy.integrityCheck() == ["ok"])
        await copy.close()
        await store.close()
    }

    @Test("an in-memory store can be saved to a file by backup")
    func backupOfMemory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteStore.inMemory()
        try await memory.insert(item("a", keys: ["k": "v"]))
        try await memory.backup(to: directory.path())
        let file = try SQLiteStore(path: directory.path())
        #expect(try await file.fetch(RecordKey(type: "test.item", id: "a"))?.contents == item("a", keys: ["k": "v"]))
        await file.close()
    }

    @Test("a backup never overwrites an existing file")
    func refusesExisting() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("precious.txt")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let store = try SQLiteStore.inMemory()
        #expect(await throwsError(.invalidArgument("backup destination \(path) already exists")) {
            try await store.backup(to: path)
        })
        #expect(try bytes(of: path) == Data("keep me".utf8))
    }
}
