import DiversityKit
import DiversityKitSQLite
import ExampleSupport
import Foundation
import ProgrammeToolkit
import SeedScenarios
import Testing

@Suite("(o)Likabehandling scenario (Trelleborg)")
struct TrelleborgScenarioTests {
    typealias Scenario = LikabehandlingScenario

    // An in-memory SQLite store rather than `InMemoryStore`: the workspace's batch enrolment and
    // attendance query each participant's enrolments, which `InMemoryStore` answers by scanning
    // every record, so 3001 employees cost some 19 s there against about 2 s with SQLite's indexes.
    static func store() throws -> SQLiteStore { try SQLiteStore(path: ":memory:") }

    /// One run with the default seed, shared by the tests that only read it.
    static let shared = Task { () throws -> (LikabehandlingOutcome, SQLiteStore) in
        let store = try Self.store()
        return (try await Scenario.run(in: Workspace(store: store, ids: SequentialIDGenerator())), store)
    }

    static func outcome() async throws -> LikabehandlingOutcome { try await shared.value.0 }

    static func run(seed: UInt64) async throws -> LikabehandlingOutcome {
        try await Scenario.run(in: Workspace(store: try Self.store(), ids: SequentialIDGenerator()), seed: seed)
    }

    @Test("exactly 3001 employees take part, as planned and registered from the roster")
    func participants() async throws {
        let outcome = try await Self.outcome()
        #expect(outcome.distinctParticipants == 3001)
        #expect(outcome.staffCount == 3001)
        #expect(Scenario.staffRoster().count == 3001)
        #expect(outcome.programme.plannedParticipants[Scenario.municipality] == 3001)
        #expect(outcome.trainingDays.reduce(0) { $0 + $1.participants } == 3001)
    }

    @Test("the ESF project runs 2009-09-01 to 2011-08-31 and its budget equals the grant")
    func programme() async throws {
        let outcome = try await Self.outcome()
        #expect(outcome.programme.period == (try DatePeriod("2009-09-01", "2011-08-31")))
        #expect(outcome.programme.funding.map(\.kind) == [.esfGrant])
        #expect(outcome.programme.budget.map(\.planned).sum() == Scenario.esfGrant)
        #expect(outcome.organisation.units.contains { $0.name == "Arbete och försörjning" })
    }

    @Test("26 training days, before the reflection seminars, each with a plenary and the six electives")
    func trainingDays() async throws {
        let outcome = try await Self.outcome()
        #expect(outcome.trainingDays.count == 26)
        #expect(Set(outcome.trainingDays.map(\.date)).count == 26)
        #expect(outcome.trainingDays.allSatisfy { $0.date > Scenario.startDate && $0.date < Scenario.reflectionStart })
        let seminarIDs = Set(Scenario.seminars.map(\.id))
        #expect(outcome.trainingDays.allSatisfy { Set($0.countsPerSeminar.keys) == seminarIDs })
        #expect(Scenario.seminars.map(\.title) == ["Funktionshinder", "Genus", "Islam – vad är det?", "Rekrytering", "Kulturkrockar",
                                                    "Tänk om ingen vill förstå vad du säger"])
    }

    @Test("seminar seats sum to the allocated participants and never exceed capacity")
    func electives() async throws {
        let outcome = try await Self.outcome()
        for day in outcome.trainingDays {
            #expect(day.countsPerSeminar.values.reduce(0, +) == day.firstChoices + day.secondChoices)
            #expect(day.countsPerSeminar.values.allSatisfy { $0 <= Scenario.seminarCapacity })
            #expect(day.firstChoices + day.secondChoices + day.unassigned == day.participants)
        }
        #expect(outcome.seminarTotals.values.reduce(0, +) == outcome.seatsAllocated)
        #expect(Set(outcome.seminarTotals.keys) == Set(Scenario.seminars.map(\.title)))
        #expect(outcome.firstChoices > outcome.secondChoices)
        #expect(outcome.seatsAllocated + outcome.unassigned == 3001)
    }

    @Test("144 reflection seminars, one per group of 12–25, all between 2010-04-01 and 2011-06-30")
    func reflectionSeminars() async throws {
        let outcome = try await Self.outcome()
        #expect(outcome.reflectionSessions.count == 144)
        #expect(outcome.reflectionGroups.count == 144)
        #expect(outcome.reflectionSessions.allSatisfy { $0.date >= Scenario.reflectionStart && $0.date <= Scenario.reflectionEnd })
        #expect(Scenario.reflectionStart == CalendarDate(year: 2010, month: 4, day: 1))
        #expect(Scenario.reflectionEnd == CalendarDate(year: 2011, month: 6, day: 30))
        #expect(outcome.reflectionGroups.allSatisfy { Scenario.reflectionGroupSize.contains($0.members.count) })
        #expect(outcome.reflectionGroups.reduce(0) { $0 + $1.members.count } == 3001)
        let groups = Dictionary(uniqueKeysWithValues: outcome.reflectionGroups.map { ($0.id, $0) })
        for session in outcome.reflectionSessions {
            let group = try #require(groups[session.group])
            #expect(Set(session.attendees).isSubset(of: Set(group.members)))
            #expect(session.casesDiscussed.count == 2 && group.caseMaterial.count == 2)
        }
        // Colleagues stay together: only the smallest workplace's staff join another's group.
        #expect(outcome.reflectionGroups.filter { $0.workplaces.count > 1 }.count == 1)
    }

    @Test("(RE)Agera is presented to every manager on 2011-10-26 and then used by some workplaces")
    func material() async throws {
        let outcome = try await Self.outcome()
        let material = outcome.material
        #expect(material.presentedOn == CalendarDate(year: 2011, month: 10, day: 26))
        #expect(material.managersPresent == Scenario.staffRoster().filter { $0.role == .manager }.count)
        #expect(material.material.title == "(RE)Agera")
        #expect(!material.uses.isEmpty && material.uses.allSatisfy { $0.date > material.presentedOn && $0.date <= Scenario.coverageDate })
        #expect(!material.coverage.unitsReached.isEmpty && !material.coverage.unitsNotReached.isEmpty)
        #expect(Set(material.coverage.unitsReached).isSubset(of: Set(material.material.unitsInScope)))
        #expect(material.coverage.share > 0 && material.coverage.share < 1)
    }

    @Test("the 2008 survey's report withholds the administration with fewer than five respondents")
    func surveySuppression() async throws {
        let outcome = try await Self.outcome()
        let small = try #require(outcome.survey.respondentsPerAdministration["trb-revision"])
        #expect(small > 0 && small < 5)
        #expect(outcome.survey.respondents > 1000)
        let report = try #require(try Scenario.reports(for: outcome).last)
        let groupTables = report.allTables.filter { $0.id.hasPrefix("group-") }
        #expect(groupTables.count == 11)
        let rowNames = groupTables.flatMap { $0.rows.compactMap { if case .text(let t)? = $0.first { t } else { nil } } }
        #expect(!rowNames.contains("Kommunrevisionen"))
        #expect(rowNames.contains("Barn- och utbildningsförvaltningen"))
        #expect(rowNames.contains { $0.hasPrefix("Övriga grupper") })
    }

    @Test("the follow-up shows 26 training days and 144 reflection seminars held as planned, and rated anonymously")
    func followUp() async throws {
        let (_, store) = try await Self.shared.value
        let reports = try await Scenario.followUpReports(from: store)
        #expect(reports.count == 2)
        let sessions = try #require(reports[0].allTables.first { $0.id == "sessions" })
        let cells = sessions.rows.map { row in row.map { cell -> String in
            switch cell { case .text(let t): t; case .integer(let n): String(n); default: "" }
        } }
        #expect(cells.contains { $0.first == "Reflektionsseminarier" && $0[1] == "144" && $0[2] == "144" })
        #expect(cells.contains { $0.first?.hasPrefix("Heldagsutbildning") == true && $0[1] == "26" && $0[2] == "26" })
        let ratings = try await store.all(Rating.self)
        #expect(!ratings.isEmpty && ratings.allSatisfy { $0.rater == .anonymous })
        #expect(reports[1].allTables.contains { $0.id == "ratings" && !$0.rows.isEmpty })
    }

    @Test("importing the roster as a Swedish spreadsheet export (BOM, ;) gives the same outcome")
    func rosterImportPath() async throws {
        let direct = try await Self.outcome()
        let workspace = Workspace(store: try Self.store(), ids: SequentialIDGenerator())
        let viaCSV = try await Scenario.run(in: workspace) { entries in
            try await HRRosterImporter(workspace: workspace, batchSize: 250)
                .importRoster(Data([0xEF, 0xBB, 0xBF]) + HRRoster.csv(entries))
        }
        #expect(viaCSV.rosterImport?.registered == 3001 && viaCSV.rosterImport?.batches == 13)
        #expect(viaCSV.rosterImport?.perRole[.manager] == direct.material.managersPresent)
        var withoutImport = viaCSV
        withoutImport.rosterImport = nil
        #expect(withoutImport == direct)
    }

    @Test("a malformed roster line is reported with its line and field number, and nobody is registered")
    func brokenRoster() async throws {
        var lines = String(decoding: HRRoster.csv(Scenario.staffRoster()), as: UTF8.self).split(separator: "\n").map(String.init)
        let broken = 1234   // 1-based line in the file, the header being line 1
        let fields = lines[broken - 1].split(separator: ";").map(String.init)
        lines[broken - 1] = fields.dropLast().joined(separator: ";") + ";vikarie"
        let csv = Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
        let workspace = Workspace(store: try Self.store(), ids: SequentialIDGenerator())
        await #expect(throws: HRRosterError.unknownRole(line: broken, field: fields.count, value: "vikarie")) {
            _ = try await Scenario.run(in: workspace) { _ in try await HRRosterImporter(workspace: workspace).importRoster(csv) }
        }
        #expect(try await workspace.participants(of: Scenario.municipality).isEmpty)
    }

    @Test("the same seed gives the same outcome; another seed other choices")
    func deterministic() async throws {
        let first = try await Self.run(seed: 11), second = try await Self.run(seed: 11)
        #expect(first == second)
        #expect(first.distinctParticipants == 3001 && first.reflectionSessions.count == 144 && first.trainingDays.count == 26)
        #expect(first.trainingDays != (try await Self.outcome()).trainingDays)
    }

    @Test("the roster names no one: pseudonymous references, workplace and role only")
    func rosterHasNoNames() {
        let text = String(decoding: HRRoster.csv(Scenario.staffRoster()), as: UTF8.self)
        #expect(text.hasPrefix("employee_ref;organisation;unit;role\n"))
        #expect(Scenario.staffRoster().allSatisfy { $0.employeeRef.hasPrefix("trb-anst-") })
    }
}
