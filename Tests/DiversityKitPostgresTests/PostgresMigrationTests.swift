import DiversityKit
import DiversityKitPostgres
import Foundation
import Testing

@Suite("PostgresStore migrations", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresMigrationTests {
    /// A version 1 schema built by hand, as the first release created it, holding one record.
    static func buildVersion1(_ schema: String, extraVersions: [Int] = []) async throws {
        let s = "\"\(schema)\""
        try await TestDatabase.admin("CREATE SCHEMA \(s)")
        try await TestDatabase.admin("""
            CREATE TABLE \(s).diversitykit_migrations (version integer PRIMARY KEY, name text NOT NULL UNIQUE,
                                              applied_at timestamptz NOT NULL DEFAULT now())
            """)
        try await TestDatabase.admin("""
            CREATE TABLE \(s).records (type text NOT NULL, id text COLLATE "C" NOT NULL, version integer NOT NULL,
                                       payload bytea NOT NULL, PRIMARY KEY (type, id))
            """)
        try await TestDatabase.admin("""
            CREATE TABLE \(s).record_keys (type text NOT NULL, id text COLLATE "C" NOT NULL, key text NOT NULL,
                value text NOT NULL, whole boolean NOT NULL, PRIMARY KEY (type, id, key, whole, value),
                FOREIGN KEY (type, id) REFERENCES \(s).records (type, id) ON DELETE CASCADE)
            """)
        for version in [1] + extraVersions {
            try await TestDatabase.admin("INSERT INTO \(s).diversitykit_migrations (version, name) VALUES ($1::integer, $2)",
                                         [String(version), version == 1 ? "v1-records" : "v\(version)-from-the-future"])
        }
        try await TestDatabase.admin("INSERT INTO \(s).records VALUES ('kit.item', 'old', 1, '\\x00ff'::bytea)")
        try await TestDatabase.admin("""
            INSERT INTO \(s).record_keys VALUES ('kit.item', 'old', 'kommun', 'Umeå', true),
                ('kit.item', 'old', 'tags', $1, true), ('kit.item', 'old', 'tags', 'a', false), ('kit.item', 'old', 'tags', 'b', false)
            """, ["a\u{1F}b"])
    }

    static func versions(_ schema: String) async throws -> [String?] {
        try await TestDatabase.admin("SELECT version::text FROM \"\(schema)\".diversitykit_migrations ORDER BY version").map { $0[0] }
    }

    static func hasValueIndex(_ schema: String) async throws -> Bool {
        try await !TestDatabase.admin("SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = 'record_keys_lookup'",
                                      [schema]).isEmpty
    }

    static let allVersions = PostgresStore.supportedSchemaVersion
    static let allVersionTexts = (1...allVersions).map { String($0) }

    @Test("a version 1 schema is migrated forward and keeps its records, at revision 1 and index version 1")
    func migratesVersion1() async throws {
        try await TestDatabase.withSchema { schema in
            try await Self.buildVersion1(schema)
            #expect(try await !Self.hasValueIndex(schema))
            let store = try await PostgresStore(TestDatabase.configuration(schema: schema))
            #expect(try await store.schemaVersion == Self.allVersions)
            #expect(try await Self.versions(schema) == Self.allVersionTexts)
            #expect(try await Self.hasValueIndex(schema))
            let old = try await store.fetch(RecordKey(type: "kit.item", id: "old"))
            #expect(old == RecordEnvelope(type: "kit.item", id: "old", version: 1,
                                          keys: ["kommun": "Umeå", "tags": "a\u{1F}b"], payload: Data([0, 255]),
                                          indexVersion: 1, revision: 1))
            #expect(try await store.count(RecordQuery(type: "kit.item").where("kommun", equals: "Umeå")) == 1)
            #expect(try await store.count(RecordQuery(type: "kit.item").where("tags", contains: "b")) == 1)
            let names = try await TestDatabase.admin("SELECT name FROM \"\(schema)\".diversitykit_migrations ORDER BY version")
            #expect(names == [["v1-records"], ["v2-key-lookup-index"], ["v3-revisions-and-row-sets"]])
            // The migrated record takes part in compare-and-swap from revision 1.
            try await store.write(WriteBatch([.check(RecordKey(type: "kit.item", id: "old"), .revision(1)),
                                              .update(RecordEnvelope(type: "kit.item", id: "old", version: 1, keys: [:], payload: Data()))]))
            #expect(try await store.fetch(RecordKey(type: "kit.item", id: "old"))?.revision == 2)
        }
    }

    @Test("a schema newer than the code is refused and left untouched")
    func refusesNewerSchema() async throws {
        try await TestDatabase.withSchema { schema in
            try await Self.buildVersion1(schema, extraVersions: [999])
            await #expect(throws: StoreError.schemaTooNew(found: 999, supported: PostgresStore.supportedSchemaVersion)) {
                try await PostgresStore(TestDatabase.configuration(schema: schema))
            }
            #expect(try await Self.versions(schema) == ["1", "999"])
            #expect(try await !Self.hasValueIndex(schema), "version 2 was applied to a refused schema")
            let rows = try await TestDatabase.admin("SELECT count(*)::text FROM \"\(schema)\".records")
            #expect(rows == [["1"]])
        }
    }

    @Test("a schema holding other tables is not taken for a store")
    func refusesForeignSchema() async throws {
        try await TestDatabase.withSchema { schema in
            try await TestDatabase.admin("CREATE SCHEMA \"\(schema)\"")
            try await TestDatabase.admin("CREATE TABLE \"\(schema)\".payroll (id integer)")
            do {
                _ = try await PostgresStore(TestDatabase.configuration(schema: schema))
                Issue.record("a foreign schema was opened")
            } catch StoreError.notADiversityKitStore {
                let tables = try await TestDatabase.admin("SELECT tablename::text FROM pg_tables WHERE schemaname = $1", [schema])
                #expect(tables == [["payroll"]])
            }
        }
    }

    @Test("stores opening one fresh schema at once migrate it exactly once")
    func concurrentOpeners() async throws {
        try await TestDatabase.withSchema { schema in
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await PostgresStore(TestDatabase.configuration(schema: schema)).schemaVersion }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(versions == Array(repeating: Self.allVersions, count: 6))
            #expect(try await Self.versions(schema) == Self.allVersionTexts)
        }
    }

    @Test("reopening a current schema runs no migration")
    func reopenChangesNothing() async throws {
        try await TestDatabase.withSchema { schema in
            _ = try await PostgresStore(TestDatabase.configuration(schema: schema))
            let query = "SELECT version::text, applied_at::text FROM \"\(schema)\".diversitykit_migrations ORDER BY version"
            let before = try await TestDatabase.admin(query)
            _ = try await PostgresStore(TestDatabase.configuration(schema: schema))
            #expect(try await TestDatabase.admin(query) == before)
        }
    }
}
