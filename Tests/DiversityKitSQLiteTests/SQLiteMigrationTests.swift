import DiversityKit
import Foundation
import Testing
@testable import DiversityKitSQLite

@Suite("SQLiteStore migrations")
struct SQLiteMigrationTests {
    /// A file as release 1 wrote it, built with plain SQL rather than the store's own code.
    private func buildVersion1File(at path: String) throws {
        let connection = try Connection(path: path, busyTimeout: .seconds(1))
        defer { connection.close() }
        try connection.execute("PRAGMA journal_mode = WAL")
        try connection.execute("BEGIN")
        try connection.execute(Migrations.all[0].sql)
        try connection.execute("""
            INSERT INTO diversitykit_migrations VALUES ('v1-records', '2026-01-01T00:00:00Z');
            INSERT INTO records VALUES ('test.item', 'a', 1, x'00ff');
            INSERT INTO records VALUES ('test.item', 'b', 2, x'');
            INSERT INTO record_keys VALUES ('test.item', 'a', 'org', 'umea', 1);
            INSERT INTO record_keys VALUES ('test.item', 'b', 'tags', 'x' || char(31) || 'y', 1);
            INSERT INTO record_keys VALUES ('test.item', 'b', 'tags', 'x', 0);
            INSERT INTO record_keys VALUES ('test.item', 'b', 'tags', 'y', 0);
            PRAGMA application_id = \(Migrations.applicationID);
            PRAGMA user_version = 1;
            COMMIT;
            """)
    }

    @Test("opening a version 1 file migrates it forward and keeps its records")
    func migratesVersion1() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        try buildVersion1File(at: path)

        let store = try SQLiteStore(path: path)
        #expect(try await store.schemaVersion == Migrations.latest)
        #expect(try await store.strings("SELECT name FROM diversitykit_migrations ORDER BY name")
            == ["v1-records", "v2-key-lookup-index", "v3-revisions-and-compact-rows"])
        #expect(try await store.strings("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'record_keys_lookup'")
            == ["record_keys_lookup"])
        // Records stored before revisions existed start at revision 1 and index version 1.
        #expect(try await store.fetch(RecordKey(type: "test.item", id: "a"))
            == RecordEnvelope(type: "test.item", id: "a", version: 1, keys: ["org": "umea"], payload: Data([0, 255]),
                              indexVersion: 1, revision: 1))
        try await store.write(WriteBatch([.check(RecordKey(type: "test.item", id: "b"), .revision(1)),
                                          .update(item("b", keys: ["tags": "x\u{1F}y"], payload: "new"))]))
        #expect(try await store.fetch(RecordKey(type: "test.item", id: "b"))?.revision == 2)
        #expect(try await store.query(RecordQuery(type: "test.item").where("tags", contains: "y")).map(\.id) == ["b"])
        #expect(try await store.integrityCheck() == ["ok"])
        await store.close()
    }

    @Test("a store opened only up to version 1 lacks the index that version 2 adds")
    func partialMigration() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let older = try SQLiteStore(SQLiteStore.Configuration(path: directory.path()), migratingTo: 1)
        #expect(try await older.schemaVersion == 1)
        #expect(try await older.strings("SELECT name FROM sqlite_master WHERE name = 'record_keys_lookup'").isEmpty)
        // What release 1 wrote, in its own columns (this code's writer needs version 3's).
        try await older.execute("""
            INSERT INTO records VALUES ('test.item', 'kept', 1, x'70');
            INSERT INTO record_keys VALUES ('test.item', 'kept', 'org', 'x', 1);
            """)
        await older.close()

        let newer = try SQLiteStore(path: directory.path())
        #expect(try await newer.schemaVersion == Migrations.latest)
        #expect(try await newer.query(RecordQuery(type: "test.item").where("org", equals: "x")).map(\.id) == ["kept"])
        await newer.close()
    }

    @Test("a migration that fails rolls back and leaves the file at its old version")
    func failedMigrationRollsBack() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        try buildVersion1File(at: path)
        // Occupy the name version 2's index needs, so that migration fails halfway through opening.
        let blocker = try Connection(path: path, busyTimeout: .seconds(1))
        try blocker.execute("CREATE TABLE record_keys_lookup (x)")
        blocker.close()

        #expect { try SQLiteStore(path: path) } throws: { error in
            if case StoreError.backend = error { return true }
            return false
        }
        let check = try Connection(path: path, busyTimeout: .seconds(1))
        defer { check.close() }
        #expect(try check.integer("PRAGMA user_version") == 1)
        #expect(try check.strings("SELECT name FROM diversitykit_migrations") == ["v1-records"])
        #expect(try check.integer("SELECT count(*) FROM records") == 2)
    }

    @Test("migration names are unique and never reused")
    func uniqueNames() {
        #expect(Set(Migrations.all.map(\.name)).count == Migrations.all.count)
    }
}
