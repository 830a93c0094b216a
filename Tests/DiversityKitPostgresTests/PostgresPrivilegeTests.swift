import DiversityKit
import DiversityKitPostgres
import Foundation
import Testing

/// The least-privilege application role of Docs/Storage.md, statement for statement.
/// Needs a test role that may create roles (the throw-away server's superuser in CI).
/// Serialized: two tests granting on the same database at once can fail with "tuple concurrently updated".
@Suite("PostgresStore privileges", .serialized, .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
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

    /// Grants `role` exactly what Docs/Storage.md lists for the application role.
    static func grantApplicationRights(to role: String, schema: String) async throws {
        let database = try #require(try await TestDatabase.admin("SELECT current_database()::text").first?.first ?? nil)
        let s = "\"\(schema)\""
        for grant in [
            "GRANT CONNECT, TEMPORARY ON DATABASE \"\(database)\" TO \(role)",
            "GRANT USAGE ON SCHEMA \(s) TO \(role)",
            "GRANT SELECT ON \(s).diversitykit_migrations TO \(role)",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \(s).records, \(s).record_keys, \(s).row_sets, \(s).row_labels, \(s).rows TO \(role)",
            "GRANT USAGE ON SEQUENCE \(s).row_sets_set_id_seq TO \(role)",
        ] { try await TestDatabase.admin(grant) }
    }

    static func exercise(role: String, password: String, schema: String) async throws {
        let s = "\"\(schema)\""
        try await grantApplicationRights(to: role, schema: schema)
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

    @Test("erasure by the application role commits, says the space is pending and why; a re-run is safe; the owner's reclaim removes the dead tuples")
    func erasureByApplicationRole() async throws {
        let role = "dk_app_" + UUID().uuidString.lowercased().prefix(8)
        let password = UUID().uuidString
        try await TestDatabase.withSchema { schema in
            let owner = try await PostgresStore(TestDatabase.configuration(schema: schema))
            try await TestDatabase.admin("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
            do {
                try await Self.grantApplicationRights(to: role, schema: schema)
                let app = try await PostgresStore(.init(connectionString: try Self.connectionString(user: role, password: password), schema: schema))
                try await Self.eraseAsApplication(app, owner: owner, schema: schema)
            } catch {
                _ = try? await Self.dropRole(role)
                throw error
            }
            try await Self.dropRole(role)
        }
    }

    static let erasedID = "greta-lovisa-7731"
    static let erasedName = "Greta Lovisadotter"

    static func eraseAsApplication(_ app: PostgresStore, owner: PostgresStore, schema: String) async throws {
        let ws = Workspace(store: app)
        try await ws.register(Organisation(id: "org", name: "Kommunen", kind: .municipality, units: [OrganisationUnit(id: "u", name: "Enheten")]))
        try await ws.plan(Programme(id: "prog", name: "Programmet", owner: "org", period: try DatePeriod("2026-01-01", "2026-12-31")))
        try await ws.add(Intervention(id: "bas", programme: "prog", name: "Bas", kind: .baseTraining))
        try await ws.schedule(Session(id: "s1", intervention: "bas", date: try CalendarDate("2026-03-01"), durationMinutes: 60, capacity: 10))
        try await ws.register([Participant(id: ID(erasedID), organisation: "org", unit: "u"), Participant(id: "other", organisation: "org", unit: "u")])
        for p in [erasedID, "other"] {
            try await ws.enrol(ID(p), in: "bas")
            try await ws.recordAttendance(of: ID(p), at: "s1", .attended)
        }
        try await ws.record(Rating(id: "r1", rater: .participant(ID(erasedID)), subject: .session("s1"), intervention: "bas",
                                   dimension: .content, score: 4, comment: "Bra, hälsar \(erasedName)"))
        #expect(try await PostgresErasureTests.rowsHolding(erasedID, in: schema) > 0)

        let receipt = try await ws.erase(ID(erasedID), identifyingTexts: [erasedName])
        guard case .pending(let reason) = receipt.physical else {
            Issue.record("VACUUM by a role that does not own the tables was reported as done")
            return
        }
        #expect(reason.contains("42501"), "the reason names the missing privilege: \(reason)")
        #expect(receipt.operations > 0 && !receipt.isComplete)
        // Logically erased: no row any role can read names her.
        #expect(try await PostgresErasureTests.rowsHolding(erasedID, in: schema) == 0)
        #expect(try await PostgresErasureTests.rowsHolding(erasedName, in: schema) == 0)
        #expect(try await ws.participant(ID(erasedID)) == nil)
        let inspect = await PostgresErasureTests.pageinspect()
        if inspect {
            // Physically pending, as the receipt says: her dead row versions are still on the pages.
            #expect(try await PostgresErasureTests.tuplesHolding(erasedID, in: schema) > 0)
        }

        // A re-run is safe: nothing names her, so it is refused and writes nothing.
        let records = try await app.execute("SELECT count(*)::text, coalesce(sum(revision), 0)::text FROM \"\(schema)\".records")
        await #expect(throws: StoreError.notFound(.of(Participant.self, erasedID))) { try await ws.erase(ID(erasedID)) }
        #expect(try await app.execute("SELECT count(*)::text, coalesce(sum(revision), 0)::text FROM \"\(schema)\".records") == records)

        // The operator finishes it as the owner (VACUUM waits for no transaction but cannot remove
        // versions a parallel test's open snapshot may see: retry until none is left).
        var left = -1
        for _ in 0..<60 {
            try await owner.reclaimSpace()
            left = inspect ? try await PostgresErasureTests.tuplesHolding(erasedID, in: schema)
                + PostgresErasureTests.tuplesHolding(erasedName, in: schema) : 0
            if left == 0 { break }
            try await Task.sleep(nanoseconds: 250_000_000)
        }
        #expect(left == 0, "a dead tuple still names her after the owner's VACUUM")
        #expect(try await ws.attendance(of: "bas").filter { $0.status == .attended }.count == 2)
    }
}
