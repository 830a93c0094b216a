import DiversityKit
import Testing
@testable import EvaluationModule

@Suite("Programme follow-up")
struct FollowUpTests {
    @Test("participation is counted per organisation against plan, over and under")
    func participation() {
        let p = FollowUp.participation(programme: Fixture.programme, attendances: Fixture.attendances)
        #expect(p.rows.map(\.organisation) == ["owner", "hc", "assoc"])
        #expect(p.rows.map(\.actual) == [0, 6, 5])
        #expect(p.rows.map(\.difference) == [-5, -4, 2])
        #expect(p.underPlan == ["owner", "hc"] && p.overPlan == ["assoc"])
        #expect(p.totalPlanned == 18 && p.totalActual == 11)
        #expect(p.rows[1].attainment == 0.6)
    }

    @Test("the funnel follows the prerequisite chain and each completion rule")
    func funnel() throws {
        let chain = try FollowUp.prerequisiteChain(endingAt: "diversity", in: Fixture.interventions)
        #expect(chain.map(\.id) == ["base", "leader", "diversity"])
        let stages = FollowUp.completionFunnel(chain: chain, attendances: Fixture.attendances)
        #expect(stages.map(\.completed) == [8, 6, 0])
    }

    @Test("broken prerequisite chains are typed errors")
    func brokenChains() {
        let loop = [Intervention(id: "a", programme: "p1", name: "A", kind: .lecture, prerequisites: ["b"]),
                    Intervention(id: "b", programme: "p1", name: "B", kind: .lecture, prerequisites: ["a"])]
        #expect(throws: FollowUpError.prerequisiteCycle("a")) { try FollowUp.prerequisiteChain(endingAt: "a", in: loop) }
        #expect(throws: FollowUpError.unknownIntervention("x")) { try FollowUp.prerequisiteChain(endingAt: "x", in: loop) }
    }

    @Test("sessions held are counted against planned up to the follow-up date")
    func sessions() {
        let d = FollowUp.sessionsAgainstPlan(interventions: Fixture.interventions, sessions: Fixture.sessions, asOf: Fixture.asOf)
        #expect(d.map(\.held) == [2, 1, 0])
        #expect(d.map(\.scheduled) == [0, 0, 1])
        #expect(d.map(\.difference) == [0, 0, -1])
    }

    @Test("ratings are summarised per dimension and per facilitator")
    func ratings() throws {
        let s = try FollowUp.ratingSummaries(ratings: Fixture.ratings)
        #expect(s.map { "\($0.intervention)/\($0.dimension)" } == ["base/content", "base/trainer", "leader/content"])
        #expect(s[0].summary.answered == 8 && s[0].summary.descriptives.mean == 4.125)
        let f = try FollowUp.ratingSummaries(ratings: Fixture.ratings, sessions: Fixture.sessions, byFacilitator: true)
        #expect(f.map(\.facilitator) == ["f1", "f1", "f2"])
    }

    @Test("budget shows outcome and unspent per cost category and funding source")
    func budget() {
        let b = FollowUp.budget(Fixture.programme)
        #expect(b.categories.map(\.category) == [.salaries, .consultants, .indirectCosts])
        #expect(b.categories.map(\.unspent) == [Money(kronor: 10_000), Money(kronor: -10_000), Money(kronor: 2_000)])
        #expect(b.totalPlanned == Money(kronor: 170_000) && b.totalOutcome == Money(kronor: 168_000))
        #expect(b.unspentFunding == Money(kronor: 2_000))
        #expect(b.funding[0].proRataOutcome == Money(minorUnits: 11_858_824))
        #expect(abs(b.funding.map(\.share).reduce(0, +) - 1) < 1e-12)
    }

    @Test("a category without outcome leaves the totals open")
    func openOutcome() {
        var p = Fixture.programme
        p.budget.append(BudgetLine(category: .venuesTravelOther, planned: Money(kronor: 5_000)))
        let b = FollowUp.budget(p)
        #expect(b.categories.first { $0.category == .venuesTravelOther }?.outcome == nil)
        #expect(b.totalOutcome == nil && b.unspentFunding == nil && b.funding[0].proRataOutcome == nil)
    }

    @Test("milestone slippage is measured in days")
    func milestones() {
        let m = FollowUp.milestones(Fixture.programme, asOf: Fixture.asOf)
        #expect(m.map(\.name) == ["Start", "Styrgrupp", "Delrapport", "Slutrapport"])
        #expect(m.map(\.state) == [.late(days: 14), .early(days: 2), .overdue(days: 60), .pending])
        #expect(FollowUp.maximumSlippage(m) == 60)
    }

    @Test("goal attainment measures baseline to latest against target, both directions")
    func goals() {
        let g = FollowUp.goalAttainment(Fixture.goals)
        #expect(g.map(\.status) == [.progressing, .reached, .noBaseline, .noIndicator, .notMeasured])
        #expect(g[0].progress == 0.5)
        #expect(abs(g[1].progress! - 8.0 / 7.0) < 1e-12)
        #expect(g[2].progress == nil)
    }

    @Test("the audit finds goals without measures, measures without goals and overdue measures")
    func audit() {
        let a = FollowUp.auditGoalsAndMeasures(goals: Fixture.goals, plans: [Fixture.plan], asOf: Fixture.asOf)
        #expect(a.goalsWithoutMeasures == ["g3", "g5"])
        #expect(a.measuresWithoutGoal.map(\.measure) == ["m2"])
        #expect(a.overdueMeasures.map(\.measure) == ["m1"])
        #expect(a.goalsWithoutBaseline == ["g3"])
    }

    @Test("active-measures coverage shows the five areas × four steps and what is missing")
    func coverage() throws {
        let c = try #require(FollowUp.activeMeasuresCoverage(plans: [Fixture.plan]).first)
        #expect(c.count(.workingConditions, .investigate) == 1 && c.count(.payAndTerms, .analyse) == 1)
        #expect(c.unclassified == 1)
        #expect(c.missing.count == 18 && !c.isComplete)
        #expect(!c.missing.contains(AreaStep(area: .payAndTerms, step: .analyse)))
    }

    @Test("funder statistics are disclosure-controlled distributions")
    func funder() throws {
        let s = try FollowUp.funderStatistics(participants: Fixture.participants)
        #expect(s.participants == 11)
        #expect(s.gender.categories == ["woman", "man", "nonBinary", "notStated"])
        #expect(s.gender.count("nonBinary") == 0)
        #expect(s.gender.count("man") == nil && s.gender.count("notStated") == nil)
        #expect(s.gender.count("woman") == nil)
        #expect(s.ageBand.count("from30to54") == nil && s.ageBand.count("under18") == 0)
        #expect(s.ageBand.table.isSuppressed(row: 0, column: 4))
    }

    @Test("the Kirkpatrick summary covers reaction, learning, behaviour, results and ROI")
    func kirkpatrick() throws {
        let k = try FollowUp.kirkpatrick(ratings: Fixture.ratings,
                                         knowledge: .paired(pre: [5, 6, 4, 7, 5, 6], post: [7, 8, 5, 8, 7, 6]),
                                         behaviourItems: [[4, 5, 3, 4, 5, nil]], plans: [Fixture.plan], goals: Fixture.goals,
                                         monetisedBenefits: Money(kronor: 250_000), fullyLoadedCosts: Money(kronor: 200_000))
        #expect(k.reaction?.count == 16)
        #expect(abs(k.learning!.meanDifference - 8.0 / 6) < 1e-12 && k.learning!.pValue < 0.05)
        #expect(k.behaviourItems.first?.answered == 5)
        #expect(k.measuresDone == 1 && k.measuresTotal == 3)
        #expect(k.goalStatus[.reached] == 1)
        #expect(k.returnOnInvestment?.ratio == 0.25 && k.returnOnInvestment?.benefitCostRatio == 1.25)
        #expect(throws: FollowUpError.nonPositiveCosts(.zero)) {
            try PhillipsROI(monetisedBenefits: Money(kronor: 1), fullyLoadedCosts: .zero)
        }
        let unpaired = try FollowUp.kirkpatrick(ratings: [], knowledge: .unpaired(pre: [1, 2, 3], post: [3, 4, 5, 6]), plans: [], goals: [])
        #expect(unpaired.reaction == nil && unpaired.learning?.meanDifference == 2.5)
    }

    @Test("records load from a store for a programme id")
    func load() async throws {
        let store = InMemoryStore()
        for o in Fixture.organisations { try await store.insert(o) }
        try await store.insert(Fixture.programme)
        for i in Fixture.interventions { try await store.insert(i) }
        for s in Fixture.sessions { try await store.insert(s) }
        for f in Fixture.facilitators { try await store.insert(f) }
        for p in Fixture.participants { try await store.insert(p) }
        for a in Fixture.attendances { try await store.insert(a) }
        for r in Fixture.ratings { try await store.insert(r) }
        for g in Fixture.goals { try await store.insert(g) }
        try await store.insert(Fixture.plan)
        let loaded = try await ProgrammeRecords.load(programme: "p1", from: store)
        #expect(loaded.interventions.count == 3 && loaded.sessions.count == 4)
        #expect(loaded.attendances.count == Fixture.attendances.count && loaded.participants.count == 11)
        #expect(loaded.ratings.count == 16 && loaded.goals.count == 5 && loaded.plans.count == 1)
        #expect(loaded.facilitators.count == 2 && loaded.name(of: ID<Organisation>("hc")) == "Vårdcentralerna")
        await #expect(throws: FollowUpError.unknownProgramme("nope")) { try await ProgrammeRecords.load(programme: "nope", from: store) }
    }
}
