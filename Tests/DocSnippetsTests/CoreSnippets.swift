import DiversityKit
import DiversityKitPostgres
import DiversityKitSQLite
import DiversityKitTesting
import EvaluationModule
import Foundation
import Testing

/// A store with the README's programme: one organisation, the MDSS programme, a base training.
func readmeStore() async throws -> InMemoryStore {
    let store = InMemoryStore()
    let workspace = Workspace(store: store)
    try await workspace.register(Organisation(id: "umea", name: "Umeå kommun", kind: .municipality,
                                              units: [OrganisationUnit(id: "viva", name: "VIVA")]))
    try await workspace.plan(Programme(id: "mdss", name: "MDSS", owner: "umea",
                                       period: try DatePeriod("2010-01-01", "2012-12-31")))
    try await workspace.add(Intervention(id: "bas", programme: "mdss", name: "Basutbildning",
                                         kind: .baseTraining, plannedDurationMinutes: 120))
    return store
}

@Suite("Documentation snippets: README, getting started, privacy, evaluation, storage")
struct CoreSnippetTests {
    @Test("the README's embedding snippet runs and prints the refused rating")
    func readme() async throws {
        try await expectPrints("README.md#1") {
            // snippet: README.md#1

            let workspace = Workspace(store: InMemoryStore())
            try await workspace.register(Organisation(id: "umea", name: "Umeå kommun", kind: .municipality,
                                                      units: [OrganisationUnit(id: "viva", name: "VIVA")]))
            try await workspace.plan(Programme(id: "mdss", name: "MDSS", owner: "umea",
                                               period: try DatePeriod("2010-01-01", "2012-12-31")))
            try await workspace.add(Intervention(id: "bas", programme: "mdss", name: "Basutbildning",
                                                 kind: .baseTraining, plannedDurationMinutes: 120))
            try await workspace.schedule(Session(id: "bas-1", intervention: "bas",
                                                 date: try CalendarDate("2010-04-01"), durationMinutes: 120))
            try await workspace.register(Participant(id: "p1", organisation: "umea", unit: "viva"))
            try await workspace.enrol("p1", in: "bas")
            try await workspace.recordAttendance(of: "p1", at: "bas-1", .attended)
            try await workspace.record(Rating(id: "r1", subject: .session("bas-1"), intervention: "bas",
                                              dimension: .content, score: 4))
            do {
                try await workspace.record(Rating(id: "r2", subject: .session("bas-1"), intervention: "bas",
                                                  dimension: .trainer, score: 6))
            } catch let error as ValidationError { print(error) } // score 6 is outside the scale 1–5
            // end snippet
            #expect(try await workspace.ratings(of: "bas").count == 1)
        }
    }

    @Test("getting started: a refused enrolment prints its issue")
    func gettingStarted() async throws {
        let store = try await readmeStore()
        let workspace = Workspace(store: store)
        try await workspace.add(Intervention(id: "ledarforum", programme: "mdss", name: "Ledarforum", kind: .leaderForum,
                                             plannedDurationMinutes: 180, prerequisites: ["bas"]))
        try await workspace.register(Participant(id: "p7", organisation: "umea", unit: "viva"))
        try await expectPrints("Docs/GettingStarted.md#2") {
            // snippet: Docs/GettingStarted.md#2
            do {
                try await workspace.enrol("p7", in: "ledarforum")
            } catch let error as ValidationError {
                for issue in error.errors { print(issue) }
                // error: enrolment/p7→ledarforum prerequisites: prerequisites not completed: bas
            }
            // end snippet
        }
    }

    @Test("privacy: the disclosure component's example prints what the docs say")
    func privacy() async throws {
        try await expectPrints("Docs/Privacy.md#1") {
            // snippet: Docs/Privacy.md#1
            let control = DisclosureControl(configuration: try .init(threshold: 5, commentThreshold: 10, protection: 5))
            let result = try control.protect(CountTable(counts: [[12, 3, 8], [9, 7, 15], [14, 10, 11]]))   // margins: .all
            print(result.isSuppressed(row: 0, column: 1))             // true — 3 is below the threshold
            print(result.suppressedCells.count)                        // 4 — three more, so the 3 cannot be worked back
            print(result.publishedCount(row: 2, column: 0) ?? 0)       // 14 — published
            print(result.reportCell(row: 0, column: 1))                // suppressed(reason: …belowThreshold)

            // The public auditor: check any pattern of your own.
            let audit = try control.audit(table: result.table, pattern: [CellPosition(row: 0, column: 1)], published: .all)
            print(audit.cells[CellPosition(row: 0, column: 1)]!.isProtected)   // false — the row total gives it away
            print(audit.exactlyRecoverable)                                     // […CellPosition(row: 0, column: 1)]
            // end snippet
        }
    }

    @Test("evaluation: the report documents of a stored programme")
    func evaluation() async throws {
        let store = try await readmeStore()
        // snippet: Docs/Evaluation.md#1

        let records = try await ProgrammeRecords.load(programme: "mdss", from: store)
        let reports = EvaluationReports(language: .swedish)            // or .english
        let followUp = try reports.programmeFollowUp(records, asOf: try CalendarDate("2026-06-30"))
        let course = try reports.courseEvaluation(records)
        let goals = reports.goalFollowUp(goals: records.goals, plans: records.plans, asOf: try CalendarDate("2026-06-30"))
        // Render with any ReportRenderer.
        // end snippet
        #expect(!followUp.sections.isEmpty && !course.title.isEmpty && !goals.title.isEmpty)
    }

    /// A namespace for the documentation's copy of the store protocol.
    enum StoreProtocolCopy {
        // snippet: Docs/Storage.md#1
        public protocol Store: Sendable {
            var schemaVersion: Int { get async throws }
            func fetch(_ key: RecordKey) async throws -> RecordEnvelope?
            func fetch(keys: [RecordKey]) async throws -> [RecordEnvelope?]   // in the keys' order; default: one fetch per key
            func query(_ query: RecordQuery) async throws -> [RecordEnvelope]   // ordered by id
            func count(_ query: RecordQuery) async throws -> Int
            func write(_ batch: WriteBatch) async throws                        // all or nothing
            func bulkInsert(_ envelopes: [RecordEnvelope]) async throws         // all or nothing, fast path
        }
        // end snippet
    }

    @Test("storage: the documented protocol is the real one — the stores conform to the copy as well")
    func storeProtocol() {
        func conforms(_ store: some StoreProtocolCopy.Store) -> Bool { true }
        #expect(conforms(InMemoryStore()))
    }
}

/// Storage.md's SQLite store, compiled (it writes diversity.sqlite where it runs).
func storageSQLiteSnippet(organisation: Organisation) async throws {
    // snippet: Docs/Storage.md#4

    let store = try SQLiteStore(path: "diversity.sqlite")                 // created when missing
    let tuned = try SQLiteStore(.init(path: "diversity.sqlite",
                                      busyTimeout: .seconds(10),           // wait for another writer
                                      synchronous: .full))                 // sync every commit
    let scratch = try SQLiteStore.inMemory()                              // ":memory:", gone on close
    try await store.insert(organisation)
    await store.close()
    // end snippet
    _ = (tuned, scratch)
}

/// Storage.md's backup call, with the store it needs.
func storageBackupSnippet(store: SQLiteStore) async throws {
    // snippet: Docs/Storage.md#5
    try await store.backup(to: "/backups/diversity-2026-11-22.sqlite")
    // end snippet
}

/// Storage.md's PostgreSQL store, compiled (it needs a server to run).
func storagePostgresSnippet() async throws {
    // snippet: Docs/Storage.md#6

    let store = try await PostgresStore(.init(
        connectionString: "postgresql://diversitykit_app@db.region.se:5432/diversity?sslmode=verify-full",
        schema: "diversitykit",               // the PostgreSQL schema (namespace) for the tables
        applicationName: "Kommun X HR-system" // shown in pg_stat_activity
    ))
    let workspace = Workspace(store: store)
    // end snippet
    _ = workspace
}

/// The store of the conformance snippet: an in-memory store per check.
enum MyStore {
    static func temporary() -> InMemoryStore { InMemoryStore() }
}

// snippet: Docs/Storage.md#2

@Test(arguments: StoreConformanceKit.checks)
func myStoreConforms(_ check: StoreConformanceCheck) async throws {
    try await check.run(on: MyStore.temporary())   // a fresh, empty store per check
}
// end snippet

// snippet: Docs/Storage.md#3

@Test(arguments: StoreConformanceKit.processChecks)
func twoProcesses(_ check: StoreProcessCheck) async throws {
    let writer = try #require(BuiltProduct.executable("StoreRaceWriter"))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("race-\(UUID().uuidString).sqlite").path
    try await check.run(on: try SQLiteStore(path: path)) {
        try await BuiltProduct.run(writer, [check.name, "sqlite", path])
    }
}
// end snippet

// The stores satisfy the documentation's copy of the protocol with nothing added: the copy lists no
// requirement the real protocol lacks.
extension InMemoryStore: CoreSnippetTests.StoreProtocolCopy.Store {}
extension SQLiteStore: CoreSnippetTests.StoreProtocolCopy.Store {}
