import DiversityKit
import DiversityKitPostgres
import Foundation
import Testing

/// The least-privilege application role of Docs/Storage.md, statement for statement.
/// Needs a test role that may create roles (the throw-away server's superuser in CI).
@Suite("PostgresStore privileges", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresPrivilegeTests {
    /// The connection string with another user and password.
    static func connectionString(user: String, password: String) throws -> String {
        let url = try #require(TestDatabase.url)
        if var components = URLComponents(string: url), components.scheme?.hasPrefix("postgres") == true {
            components.user = user
            components.password = password
            return try #require(components.string)
        }
        return url + " user=\(user) password=\(password)" // key=value pairs: the last value wins
    }

    @Test("an application role with only the documented grants reads and writes but cannot change the schema")
    func applicationRole() async throws {
        let role = "dk_app_" + UUID().uuidString.lowercased().prefix(8)
        let password = UUID().uuidString
        try await TestDatabase.withSchema { schema in
            _ = try await PostgresStore(TestDatabase.configuration(schema: schema)) // the owner migrates
            try await TestDatabase.admin("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
            do {
                try await Self.exercise(role: role, password: password, schema: schema)
            } catch {
                _ = try? await Self.dropRole(role)
                throw error
            }
            try await Self.dropRole(role)
        }
    }

    static func dropRole(_ role: String) async throws {
        try await TestDatabase.admin("DROP OWNED BY \(role)")
        try await TestDatabase.admin("DROP ROLE \(role)")
    }

    static func exercise(role: String, password: String, schema: String) async throws {
        let database = try #require(try await TestDatabase.admin("SELECT current_database()::text").first?.first ?? nil)
        let s = "\"\(schema)\""
        for grant in [
            "GRANT CONNECT, TEMPORARY ON DATABASE \"\(database)\" TO \(role)",
            "GRANT USAGE ON SCHEMA \(s) TO \(role)",
            "GRANT SELECT ON \(s).diversitykit_migrations TO \(role)",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \(s).records, \(s).record_keys, \(s).row_sets, \(s).row_labels, \(s).rows TO \(role)",
            "GRANT USAGE ON SEQUENCE \(s).row_sets_set_id_seq TO \(role)",
        ] { try await TestDatabase.admin(grant) }

        let connectionString = try Self.connectionString(user: role, password: password)
        let app = try await PostgresStore(.init(connectionString: connectionString, schema: schema))
        #expect(try await app.execute("SELECT current_user::text") == [[role]])
        try await app.insert(Organisation(id: "umea", name: "Umeå kommun", kind: .municipality))
        try await app.bulkInsert((0..<20).map { Participant(id: ID("p\($0)"), organisation: "umea") })
        try await app.update(Organisation(id: "umea", name: "Umeå kommun", kind: .municipality, units: [.init(id: "v", name: "VIVA")]))
        try await app.delete(Participant.self, id: "p0")
        #expect(try await app.all(Participant.self, where: "organisation", equals: "umea").count == 19)
        #expect(try await app.schemaVersion == PostgresStore.supportedSchemaVersion)
        let set = RowSetKey(type: "survey.response", partition: "q@1")
        try await app.write(WriteBatch([.appendRows(set, [CompactRow(group: "u", cells: [1, 2]), CompactRow(group: "v", cells: [3])])]))
        let page = try await app.rows(RowQuery(set: set))
        try await app.write(WriteBatch([.replaceRows(set, [CompactRow(id: page.ids[0], group: "w", cells: [4])]),
                                        .deleteRows(set, ids: [page.ids[1]])]))
        #expect(try await app.countRows(RowQuery(set: set, group: "w")) == 1)
        // VACUUM is the owner's: the application role is told so instead of silently skipped.
        do {
            try await app.reclaimSpace()
            Issue.record("reclaimSpace() by a role that cannot VACUUM the tables succeeded")
        } catch StoreError.backend(let code, _) {
            #expect(PostgresFailure.sqlstate(for: code) == PostgresFailure.insufficientPrivilege)
        }

        do {
            _ = try await app.execute("CREATE TABLE \(s).extra (a integer)")
            Issue.record("the application role changed the schema")
        } catch StoreError.backend(let code, _) {
            #expect(PostgresFailure.sqlstate(for: code) == PostgresFailure.insufficientPrivilege)
        }
        // A fresh schema needs CREATE on the database, which the application role lacks.
        do {
            _ = try await PostgresStore(.init(connectionString: connectionString, schema: schema + "_new"))
            Issue.record("the application role created a schema")
        } catch StoreError.backend(let code, _) {
            #expect(PostgresFailure.sqlstate(for: code) == PostgresFailure.insufficientPrivilege)
        }
    }
}
