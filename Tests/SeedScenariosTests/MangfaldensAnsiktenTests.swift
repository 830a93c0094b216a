import DiversityKit
import ExampleSupport
import ProgrammeToolkit
import SeedScenarios
import Testing

@Suite("Mångfaldens ansikten scenario")
struct MangfaldensAnsiktenTests {
    static func run(seed: UInt64 = MangfaldensAnsiktenScenario.defaultSeed) async throws -> MangfaldensAnsiktenOutcome {
        try await MangfaldensAnsiktenScenario.run(in: Workspace(store: InMemoryStore(), ids: SequentialIDGenerator()), seed: seed)
    }

    @Test("the partnership has 12 actors: public, private, associations and unions")
    func twelveActors() async throws {
        let outcome = try await Self.run()
        #expect(outcome.organisations.count == 12)
        let kinds = Set(outcome.organisations.map(\.kind))
        #expect(kinds.isSuperset(of: [.municipality, .region, .stateAgency, .privateCompany, .association, .tradeUnion]))
        #expect(outcome.programme.organisations.count == 12)
        #expect(outcome.organisations.allSatisfy { $0.county == "Östergötland" })
    }

    @Test("an application without a dissemination plan is refused with the typed error")
    func refusedWithoutDisseminationPlan() async throws {
        let outcome = try await Self.run()
        #expect(outcome.refusals.count == 1)
        let refusal = try #require(outcome.refusals.first)
        #expect(refusal.error == .missingDisseminationPlan(application: MangfaldensAnsiktenScenario.applicationWithoutPlan))
        #expect(!outcome.applications.contains { $0.id == MangfaldensAnsiktenScenario.applicationWithoutPlan })
        #expect(outcome.applications.allSatisfy { $0.disseminationPlan != nil })
    }

    @Test("decisions stay within the fund's budget and Norrköping's attitude project is granted")
    func decisionsWithinBudget() async throws {
        let outcome = try await Self.run()
        #expect(outcome.decisions.count == outcome.applications.count)
        #expect(outcome.totalGranted <= outcome.fund.budget)
        #expect(outcome.decisions.contains { !$0.isGranted })
        let norrkoping = try #require(outcome.decisions.first { $0.application == MangfaldensAnsiktenScenario.norrkopingApplication })
        #expect(norrkoping.isGranted && norrkoping.rank == 1)
        #expect(outcome.decisions.map(\.rank) == Array(1...outcome.decisions.count))
    }

    @Test("every granted project reports results and dissemination events back")
    func resultsReported() async throws {
        let outcome = try await Self.run()
        let granted = Set(outcome.decisions.filter(\.isGranted).map(\.application))
        #expect(Set(outcome.grantReports.map(\.application)) == granted)
        #expect(Set(outcome.dissemination.map(\.application)) == granted)
        #expect(outcome.dissemination.allSatisfy { $0.held >= 1 && $0.held <= $0.planned })
    }

    @Test("Norrköping's 12 ambassadors hold Blåögd workshops; coverage is measured against 13 municipalities")
    func ambassadors() async throws {
        let outcome = try await Self.run()
        #expect(outcome.ambassadors.count == 12)
        #expect(Set(outcome.workshops.map(\.ambassador)) == Set(outcome.ambassadors.map(\.id)))
        #expect(outcome.workshops.allSatisfy { $0.material == "Blåögd" && $0.date >= MangfaldensAnsiktenScenario.ambassadorTrainingDate })
        let coverage = outcome.coverage
        #expect(coverage.covered.count + coverage.uncovered.count == 13)
        #expect(coverage.covered == ["Finspång", "Linköping", "Motala", "Norrköping", "Söderköping"])
        #expect(!coverage.goalMet)
        #expect(coverage.ambassadorsPerMunicipality["Norrköping"] == 7)
        let goal = try #require(outcome.goals.first { $0.id == MangfaldensAnsiktenScenario.ambassadorGoal })
        #expect(goal.indicator?.latest?.value == 5)
        #expect(goal.indicator?.target == 13)
    }

    @Test("Erfarenhetsdialogen's seminars include the open seminar on gender roles, within capacity")
    func seminars() async throws {
        let outcome = try await Self.run()
        #expect(outcome.seminars.count == 6)
        #expect(outcome.seminars.contains { $0.title.hasPrefix("Vad är en riktig karl?") && $0.isOpen })
        #expect(outcome.seminars.allSatisfy { $0.attended > 0 && $0.attended <= $0.enrolled })
    }

    @Test("the roster's staff are registered per actor, with no names")
    func staff() async throws {
        let outcome = try await Self.run()
        let roster = MangfaldensAnsiktenScenario.staffRoster(seed: MangfaldensAnsiktenScenario.defaultSeed)
        #expect(outcome.staffCount == roster.count)
        #expect(roster.count > 2000)
        #expect(Set(outcome.staffPerOrganisation.keys) == Set(outcome.organisations.map(\.id)))
    }

    @Test("importing the staff through the HR roster CSV gives the same outcome as registering directly")
    func rosterImportPath() async throws {
        let direct = try await Self.run()
        let workspace = Workspace(store: InMemoryStore(), ids: SequentialIDGenerator())
        let viaCSV = try await MangfaldensAnsiktenScenario.run(in: workspace) { entries in
            try await HRRosterImporter(workspace: workspace).importRoster(HRRoster.csv(entries))
        }
        #expect(viaCSV == direct)
    }

    @Test("the same seed gives the same outcome")
    func deterministic() async throws {
        let first = try await Self.run(seed: 11), second = try await Self.run(seed: 11)
        #expect(first == second)
        #expect(first.organisations.count == 12 && first.ambassadors.count == 12 && first.refusals.count == 1)
    }

    @Test("the report names the refusal and the coverage")
    func report() async throws {
        let outcome = try await Self.run()
        let report = try #require(MangfaldensAnsiktenScenario.reports(for: outcome).first)
        #expect(report.allTables.first { $0.id == "aktorer" }?.rows.count == 12)
        #expect(report.allCharts.first?.categories.count == 13)
        let notes = report.sections.flatMap(\.blocks).compactMap { if case .note(let n) = $0 { return n.text } else { return nil } }
        #expect(notes.contains { $0.contains("spridningsplan") })
    }
}
