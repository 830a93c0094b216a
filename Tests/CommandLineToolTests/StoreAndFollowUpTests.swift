import DiversityKit
@testable import DiversityKitPostgres
@testable import DiversityKitSQLite
import Foundation
import Testing

@Suite("diversitykit store and follow-up")
struct StoreAndFollowUpTests {
    /// A SQLite store with the README's small programme: one organisation, one intervention,
    /// one session, six participants who attended.
    static func makeStore(_ path: String) async throws {
        let store = try SQLiteStore(path: path)
        let workspace = Workspace(store: store)
        try await workspace.register(Organisation(id: "umea", name: "Umeå kommun", kind: .municipality,
                                                  units: [OrganisationUnit(id: "viva", name: "VIVA")]))
        try await workspace.plan(Programme(id: "mdss", name: "MDSS", owner: "umea",
                                           period: try DatePeriod("2010-01-01", "2012-12-31")))
        try await workspace.add(Intervention(id: "bas", programme: "mdss", name: "Basutbildning",
                                             kind: .baseTraining, plannedDurationMinutes: 120))
        try await workspace.schedule(Session(id: "bas-1", intervention: "bas",
                                             date: try CalendarDate("2010-04-01"), durationMinutes: 120))
        for i in 1...6 {
            let id = ID<Participant>("p\(i)")
            try await workspace.register(Participant(id: id, organisation: "umea", unit: "viva"))
            try await workspace.enrol(id, in: "bas")
            try await workspace.recordAttendance(of: id, at: "bas-1", .attended)
        }
        await store.close()
    }

    @Test("check counts the records, backup copies them, and the copy checks out too")
    func checkAndBackup() async throws {
        let tool = try Tool()
        defer { tool.remove() }
        try await Self.makeStore(tool.path("store.sqlite"))
        let check = try tool.run("store", "check", "--store", "store.sqlite", "--format", "json")
        #expect(check.status == 0, "\(check.stderr)")
        let result = try check.json()
        #expect(result["ok"] as? Bool == true)
        #expect(result["integrity"] as? [String] == ["ok"])
        let records = try #require(result["records"] as? [String: Int])
        #expect(records["participant"] == 6 && records["attendance"] == 6 && records["programme"] == 1)

        let backup = try tool.run("store", "backup", "--store", "store.sqlite", "--to", "copy.sqlite")
        #expect(backup.status == 0, "\(backup.stderr)")
        let copy = try tool.run("store", "check", "--store", "copy.sqlite", "--format", "json")
        #expect(copy.status == 0)
        #expect(try copy.json()["records"] as? [String: Int] == records)
        let again = try tool.run("store", "backup", "--store", "store.sqlite", "--to", "copy.sqlite")
        #expect(again.status == 1 && again.stderr.contains("skriver aldrig över"))
        // A folder that is not there is named, not reported as a database error.
        let nowhere = try tool.run("store", "backup", "--store", "store.sqlite", "--to", "backups/copy.sqlite", "--lang", "en")
        #expect(nowhere.status == 1)
        #expect(nowhere.stderr.contains("backups does not exist; create it first"), "\(nowhere.stderr)")
        #expect(!nowhere.stderr.contains("database error"))
    }

    @Test("erase removes the participant and keeps their attendance under a stand-in; erasing again fails")
    func erase() async throws {
        let tool = try Tool()
        defer { tool.remove() }
        try await Self.makeStore(tool.path("store.sqlite"))
        let erased = try tool.run("store", "erase", "p3", "--store", "store.sqlite", "--lang", "en")
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(erased.stdout.contains("Participant p3 is erased."))
        let store = try SQLiteStore(path: tool.path("store.sqlite"))
        #expect(try await store.fetch(Participant.self, id: "p3") == nil)
        let attendance = try await store.all(Attendance.self)
        #expect(attendance.count == 6 && !attendance.contains { $0.participant == "p3" })
        await store.close()
        let again = try tool.run("store", "erase", "p3", "--store", "store.sqlite")
        #expect(again.status == 1 && again.stderr.contains("deltagaren p3 finns inte"))
    }

    @Test("check reports an older file without migrating it; migrate brings it up to date")
    func olderSchema() async throws {
        let tool = try Tool()
        defer { tool.remove() }
        let older = try SQLiteStore(SQLiteStore.Configuration(path: tool.path("old.sqlite")), migratingTo: 1)
        await older.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tool.path("old.sqlite") + suffix) }
        let before = try Data(contentsOf: URL(fileURLWithPath: tool.path("old.sqlite")))
        let check = try tool.run("store", "check", "--store", "old.sqlite", "--lang", "en")
        #expect(check.status == 1)
        #expect(check.stdout.contains("schema version 1 is older than \(SQLiteStore.supportedSchemaVersion)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: tool.path("old.sqlite"))) == before)
        let migrate = try tool.run("store", "migrate", "--store", "old.sqlite", "--format", "json")
        #expect(migrate.status == 0, "\(migrate.stderr)")
        let result = try migrate.json()
        #expect(result["schemaVersionBefore"] as? Int == 1 && result["schemaVersion"] as? Int == SQLiteStore.supportedSchemaVersion)
        #expect(try tool.run("store", "check", "--store", "old.sqlite").status == 0)
    }

    @Test("a file that is not a store, or no file at all, fails with exit 1 and is left as it was",
          arguments: ["check", "migrate", "backup", "erase"])
    func notAStore(_ subcommand: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: tool.path("notes.sqlite")))
        var arguments = ["store", subcommand, "--store", "notes.sqlite"]
        if subcommand == "backup" { arguments += ["--to", "b.sqlite"] }
        if subcommand == "erase" { arguments.insert("p1", at: 2) }
        let run = try tool.run(arguments)
        #expect(run.status == 1)
        #expect(run.stderr.contains("not a SQLite database"), "\(run.stderr)")
        #expect(try tool.text("notes.sqlite") == "keep me")
        var missing = arguments
        missing[missing.firstIndex(of: "notes.sqlite")!] = "nowhere.sqlite"
        let none = try tool.run(missing)
        #expect(none.status == 1 && none.stderr.contains("nowhere.sqlite: lagringsfilen finns inte"))
        #expect(!tool.exists("nowhere.sqlite"))
    }

    @Test("follow-up writes the programme's follow-up report in every format")
    func followUp() async throws {
        let tool = try Tool()
        defer { tool.remove() }
        try await Self.makeStore(tool.path("store.sqlite"))
        let run = try tool.run("follow-up", "--store", "store.sqlite", "--programme", "mdss", "--as-of", "2012-12-31",
                               "--out", "uppfoljning", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let files = try #require(try run.json()["files"] as? [String])
        #expect(files.contains { $0.hasSuffix("uppfoljning/participation.csv") })
        for file in ["report.html", "report.md", "report.json", "participation.csv", "sessions.csv"] {
            #expect(tool.exists("uppfoljning/" + file), "\(file)")
        }
        let markdown = try tool.text("uppfoljning/report.md")
        #expect(markdown.contains("MDSS") && markdown.contains("Umeå kommun"))
        let english = try tool.run("follow-up", "--store", "store.sqlite", "--programme", "mdss", "--as-of", "2012-12-31", "--lang", "en")
        #expect(english.status == 0 && tool.exists("follow-up/report.md"))
    }

    @Test("follow-up of an unknown programme exits 1; a bad date exits 2")
    func followUpErrors() async throws {
        let tool = try Tool()
        defer { tool.remove() }
        try await Self.makeStore(tool.path("store.sqlite"))
        let unknown = try tool.run("follow-up", "--store", "store.sqlite", "--programme", "verva")
        #expect(unknown.status == 1 && unknown.stderr.contains("programmet verva finns inte"))
        let date = try tool.run("follow-up", "--store", "store.sqlite", "--programme", "mdss", "--as-of", "2012-13-01")
        #expect(date.status == 2 && date.stderr.contains("--as-of"))
    }

    @Test("a PostgreSQL store: check, backup to SQLite, erase",
          .enabled(if: ProcessInfo.processInfo.environment["DIVERSITYKIT_POSTGRES_URL"] != nil))
    func postgres() async throws {
        let tool = try Tool()
        defer { tool.remove() }
        let url = try #require(ProcessInfo.processInfo.environment["DIVERSITYKIT_POSTGRES_URL"])
        let schema = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        // Fill the PostgreSQL store by copying a SQLite one through the tool's own backup path in reverse:
        // write records with the library, then check and back up with the tool.
        try await Self.makeStore(tool.path("seed.sqlite"))
        let seed = try SQLiteStore(path: tool.path("seed.sqlite"))
        var envelopes: [RecordEnvelope] = []
        for type in ["organisation", "programme", "intervention", "session", "participant", "enrolment", "attendance"] {
            envelopes += try await seed.query(RecordQuery(type: type))
        }
        await seed.close()
        let postgres = try await PostgresSeeder.store(url: url, schema: schema)
        try await postgres.bulkInsert(envelopes)
        defer { Task { try? await PostgresSeeder.drop(url: url, schema: schema) } }

        let check = try tool.run("store", "check", "--postgres", url, "--schema", schema, "--format", "json")
        #expect(check.status == 0, "\(check.stderr)")
        #expect((try check.json()["records"] as? [String: Int])?["participant"] == 6)
        let backup = try tool.run("store", "backup", "--postgres", url, "--schema", schema, "--to", "pg.sqlite", "--format", "json")
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect((try backup.json()["records"] as? [String: Int])?["attendance"] == 6)
        #expect(try tool.run("store", "check", "--store", "pg.sqlite").status == 0)
        #expect(try tool.run("store", "erase", "p1", "--postgres", url, "--schema", schema).status == 0)
        // A mistyped schema is reported, and not created as an empty store that checks out "sound".
        let missing = schema + "x"
        let typo = try tool.run("store", "check", "--lang", "en", "--postgres", url, "--schema", missing)
        #expect(typo.status == 1 && typo.stderr.contains("there is no store in schema '\(missing)'"), "\(typo.stderr)")
        #expect(try await PostgresStore.schemaExists(.init(connectionString: url, schema: missing)) == false)
        #expect(try await PostgresStore.schemaExists(.init(connectionString: url, schema: schema)))
        #expect(try await postgres.fetch(Participant.self, id: "p1") == nil)
    }
}

/// Opens and drops the PostgreSQL schemas the tests use.
enum PostgresSeeder {
    static func store(url: String, schema: String) async throws -> PostgresStore {
        try await PostgresStore(.init(connectionString: url, schema: schema, applicationName: "CommandLineToolTests"))
    }

    static func drop(url: String, schema: String) async throws {
        let admin = try await store(url: url, schema: "dk_test_admin")
        _ = try await admin.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE", [])
    }
}
