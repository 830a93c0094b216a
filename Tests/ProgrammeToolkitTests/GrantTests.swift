import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Pilot-project grants")
struct GrantTests {
    static let plan = DisseminationPlan(description: "Seminarium för länets kommuner", plannedEvents: 2)

    static func fund(budget: Int64 = 500_000, partial: Bool = false) -> PilotFund {
        PilotFund(id: "ev", name: "Experimentverkstaden", budget: Money(kronor: budget), criteria: [
            GrantCriterion(code: "nytta", title: "Nytta för mångfaldsarbetet", weight: 2, maximumScore: 5),
            GrantCriterion(code: "spridning", title: "Spridningsbarhet", weight: 1, maximumScore: 5),
        ], allowsPartialGrants: partial)
    }

    static func application(_ id: String, _ kronor: Int64, plan: DisseminationPlan? = GrantTests.plan) -> GrantApplication {
        GrantApplication(id: ID(id), fund: "ev", applicant: "co", title: "Rekrytera med mångfald \(id)",
                         method: "Kompetensbaserad rekrytering", requested: Money(kronor: kronor), disseminationPlan: plan)
    }

    static func setUp(partial: Bool = false) async throws -> GrantService {
        let service = ProgrammeToolkit(store: try await Kristianstad.store()).grants
        try await service.create(fund(partial: partial))
        for (id, amount, nytta, spridning) in [("a", 300_000, 5, 5), ("b", 250_000, 4, 4), ("c", 150_000, 3, 3), ("d", 100_000, 1, 2)] {
            try await service.submit(application(id, Int64(amount)))
            try await service.assess(GrantAssessment(application: ID(id), assessor: "Bedömare 1", scores: ["nytta": nytta, "spridning": spridning]))
        }
        return service
    }

    @Test("an application without a dissemination plan is refused with its own error")
    func missingPlan() async throws {
        let service = try await Self.setUp()
        await #expect(throws: ToolkitError.missingDisseminationPlan(application: "x")) {
            try await service.submit(Self.application("x", 10_000, plan: nil))
        }
        await #expect(throws: ToolkitError.missingDisseminationPlan(application: "y")) {
            try await service.submit(Self.application("y", 10_000, plan: DisseminationPlan(description: "  ", plannedEvents: 1)))
        }
        #expect(try await service.applications(to: "ev").count == 4)
    }

    @Test("decisions go down the ranking within the budget, skipping what does not fit")
    func decide() async throws {
        let service = try await Self.setUp()
        let decisions = try await service.decide("ev")
        #expect(decisions.map(\.application) == ["a", "b", "c", "d"])
        #expect(decisions.map(\.scoreMilli) == [15_000, 12_000, 9_000, 4_000])
        #expect(decisions.map(\.granted) == [Money(kronor: 300_000), .zero, Money(kronor: 150_000), .zero])
        #expect(decisions.allSatisfy { !$0.isPartial })
        await #expect(throws: ToolkitError.alreadyDecided(fund: "ev")) { try await service.decide("ev") }
        await #expect(throws: ToolkitError.alreadyDecided(fund: "ev")) { try await service.submit(Self.application("late", 1_000)) }
    }

    @Test("with partial grants the first that does not fit gets what is left")
    func partial() async throws {
        let service = try await Self.setUp(partial: true)
        let decisions = try await service.decide("ev")
        #expect(decisions.map(\.granted) == [Money(kronor: 300_000), Money(kronor: 200_000), .zero, .zero])
        #expect(decisions[1].isPartial)
    }

    @Test("scores are the mean over assessors, and ties go to the smaller request")
    func tiesAndMeans() async throws {
        let service = ProgrammeToolkit(store: try await Kristianstad.store()).grants
        try await service.create(Self.fund(budget: 100_000))
        try await service.submit(Self.application("big", 80_000))
        try await service.submit(Self.application("small", 60_000))
        for (id, a1, a2) in [("big", 4, 2), ("small", 3, 3)] {
            try await service.assess(GrantAssessment(application: ID(id), assessor: "A", scores: ["nytta": a1, "spridning": a1]))
            try await service.assess(GrantAssessment(application: ID(id), assessor: "B", scores: ["nytta": a2, "spridning": a2]))
        }
        #expect(try await service.score(of: "big") == 9_000)
        let decisions = try await service.decide("ev")
        #expect(decisions.map(\.application) == ["small", "big"])
        #expect(decisions.map(\.granted) == [Money(kronor: 60_000), .zero])
    }

    @Test("assessments must score every criterion of the fund within its range")
    func assessmentErrors() async throws {
        let service = try await Self.setUp()
        await #expect(throws: ToolkitError.scoreOutOfRange(criterion: "nytta", score: 6, maximum: 5)) {
            try await service.assess(GrantAssessment(application: "a", assessor: "B", scores: ["nytta": 6, "spridning": 1]))
        }
        await #expect(throws: ToolkitError.missingScore(criterion: "spridning")) {
            try await service.assess(GrantAssessment(application: "a", assessor: "B", scores: ["nytta": 3]))
        }
        await #expect(throws: ToolkitError.unknownCriterion("pris")) {
            try await service.assess(GrantAssessment(application: "a", assessor: "B", scores: ["nytta": 3, "spridning": 1, "pris": 2]))
        }
        try await service.submit(Self.application("e", 5_000))
        await #expect(throws: ToolkitError.unassessed(application: "e")) { try await service.decide("ev") }
    }

    @Test("a fund and an application need their fields")
    func fieldErrors() async throws {
        let service = try await Self.setUp()
        var f = Self.fund()
        f.criteria = []
        await #expect(throws: ToolkitError.invalid(entity: .of(PilotFund.self, "ev"), field: "criteria", reason: "needs at least one criterion")) {
            try await service.create(f)
        }
        await #expect(throws: ToolkitError.notPositive(entity: .of(GrantApplication.self, "z"), field: "requested", value: 0)) {
            try await service.submit(Self.application("z", 0))
        }
        var other = Self.application("o", 1_000)
        other.fund = "nofund"
        await #expect(throws: ToolkitError.unknownReference(.of(PilotFund.self, "nofund"))) { try await service.submit(other) }
    }

    @Test("results and dissemination events are reported back for granted applications only")
    func reporting() async throws {
        let service = try await Self.setUp()
        try await service.decide("ev")
        try await service.report(GrantReport(application: "a", results: "Modellen prövades i tre arbetslag",
                                             events: [DisseminationEvent(date: try day("2007-03-01"), title: "Länsseminarium", attendees: 40)]))
        let followUp = try await service.disseminationFollowUp("ev")
        #expect(followUp["a"]?.planned == 2 && followUp["a"]?.held == 1)
        #expect(followUp["c"]?.held == 0)
        #expect(followUp["b"] == nil)
        await #expect(throws: ToolkitError.notGranted(application: "b")) {
            try await service.report(GrantReport(application: "b", results: "…", events: []))
        }
        await #expect(throws: ToolkitError.emptyText(entity: .of(GrantReport.self, "c"), field: "results")) {
            try await service.report(GrantReport(application: "c", results: "", events: []))
        }
    }
}
