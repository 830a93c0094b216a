import DiversityKit
import EvaluationModule
import ExampleSupport
import SeedScenarios
import SurveyModule
import Testing

/// One run of the default seed shared by the tests that only read it.
enum MDSSRun {
    static let store = InMemoryStore()
    static let outcome = Task { try await MDSSScenario.run(in: Workspace(store: store, ids: SequentialIDGenerator())) }
    static func get() async throws -> MDSSOutcome { try await outcome.value }
}

@Suite("MDSS scenario")
struct MDSSScenarioTests {
    @Test("the partners are the seed's organisations, the health centres apart, people only as roles")
    func organisations() async throws {
        let outcome = try await MDSSRun.get()
        #expect(outcome.organisations.map(\.id).sorted() == [
            MDSSScenario.employmentService, MDSSScenario.socialInsurance, MDSSScenario.coordinationAssociation,
            MDSSScenario.municipality, MDSSScenario.healthCentres, MDSSScenario.psychiatry].sorted())
        let insurance = try #require(outcome.organisations.first { $0.id == MDSSScenario.socialInsurance })
        #expect(insurance.units.map(\.name) == ["Försäkringskassan Umeå", "Försäkringskassan Lycksele"])
        #expect(outcome.programme.owner == MDSSScenario.coordinationAssociation)
        #expect(outcome.programme.steeringGroup.count == 7)
        #expect(outcome.programme.targetGroup == "Anställda vid de samverkande myndigheterna")
        #expect(outcome.programme.contactRole?.hasPrefix("Projektledare") == true)
    }

    @Test("about 450 distinct employees took part")
    func participants() async throws {
        let outcome = try await MDSSRun.get()
        #expect((440...460).contains(outcome.totalParticipants))
        let attended = try await MDSSRun.store.all(Attendance.self).filter { $0.status == .attended }
        #expect(Set(attended.compactMap(\.participant)).count == outcome.totalParticipants)
    }

    @Test("the health centres are under the 2010 plan and every other organisation over it")
    func participationAgainstPlan() async throws {
        let outcome = try await MDSSRun.get()
        #expect(outcome.participation.underPlan == [MDSSScenario.healthCentres])
        let others = outcome.participation.rows.filter { $0.organisation != MDSSScenario.healthCentres }
        #expect(others.count == 5)
        for row in others { #expect((row.difference ?? 0) > 0, "\(row.organisation) is not over plan") }
        #expect(outcome.totalParticipants < outcome.participation.totalPlanned)
    }

    @Test("content and trainer average close to 4 on 1–5, as computed from the stored ratings")
    func ratingsNearFour() async throws {
        let outcome = try await MDSSRun.get()
        let stored = try await MDSSRun.store.all(Rating.self).filter { $0.intervention == MDSSScenario.baseTraining }
        for dimension in [RatingDimension.content, .trainer] {
            let scores = stored.filter { $0.dimension == dimension }.map(\.score)
            #expect(scores.count > 300)
            #expect(scores.allSatisfy { (1...5).contains($0) })
            let mean = Double(scores.reduce(0, +)) / Double(scores.count)
            #expect((3.7...4.3).contains(mean))
            let reported = try #require(outcome.mean(MDSSScenario.baseTraining, dimension))
            #expect(abs(reported - mean) < 1e-9)
        }
        #expect(stored.allSatisfy { $0.rater == .anonymous })
        #expect(outcome.ratingsByFacilitator.contains { $0.facilitator == "utbildare-b" && $0.dimension == .trainer })
    }

    @Test("the diversity forum requires the base training and the leader forum, and the workspace enforces it")
    func prerequisitesEnforced() async throws {
        let outcome = try await MDSSRun.get()
        let forum = try #require(outcome.interventions.first { $0.id == MDSSScenario.diversityForum })
        #expect(Set(forum.prerequisites) == [MDSSScenario.baseTraining, MDSSScenario.leaderForum])
        let refused = try #require(outcome.refusedEnrolment)
        #expect(refused.missing == [MDSSScenario.leaderForum])
        #expect(refused.error.contains(.prerequisitesNotCompleted([MDSSScenario.leaderForum])))
        let workspace = Workspace(store: MDSSRun.store)
        #expect(try await workspace.enrolments(of: refused.participant).map(\.intervention) == [MDSSScenario.baseTraining])
        for enrolment in try await workspace.enrolments(in: MDSSScenario.diversityForum) {
            let done = try await workspace.completedInterventions(of: enrolment.participant)
            #expect(done.isSuperset(of: [MDSSScenario.baseTraining, MDSSScenario.leaderForum]))
        }
        #expect(outcome.funnel.map(\.intervention) == [MDSSScenario.baseTraining, MDSSScenario.leaderForum, MDSSScenario.diversityForum])
        #expect(outcome.funnel[2].completed > 0 && outcome.funnel[2].completed <= outcome.funnel[1].completed)
    }

    @Test("the tailored base training fills 120 minutes and keeps the Discrimination Act's minimum")
    func tailoredPlan() async throws {
        let outcome = try await MDSSRun.get()
        let plan = outcome.tailoredPlan
        #expect(plan.totalMinutes == 120)
        #expect(plan.allottedMinutes == 120)
        let rule = try #require(TailoringConfiguration.baseTraining.rules.first { $0.topic == .discriminationAct })
        #expect(plan.minutes(for: .discriminationAct) >= rule.minimumMinutes)
        #expect(plan.allocations.first { $0.topic == .discriminationAct }?.reasons.first == .mandatoryMinimum(minutes: rule.minimumMinutes))
        #expect(plan == (try TrainingTailor.plan(needs: outcome.needs, configuration: .baseTraining)))
        let base = try #require(outcome.interventions.first { $0.id == MDSSScenario.baseTraining })
        #expect(base.plannedDurationMinutes == 120)
        #expect(base.topics == plan.allocations.filter { $0.minutes > 0 }.map(\.topic.rawValue))
    }

    @Test("the baseline survey is anonymous: responses carry no participant and no token")
    func anonymousBaseline() async throws {
        let outcome = try await MDSSRun.get()
        let service = SurveyService(store: MDSSRun.store, secret: ExampleTokenSecret.value)
        let battery = try #require(try await service.latestVersion(of: "mdss-nulagesmatning"))
        let responses = try await service.responses(to: battery.reference)
        #expect(try await MDSSRun.store.count(RecordQuery(type: SurveyToken.recordType).where("used", equals: "1")) == outcome.surveyResponded)
        #expect(responses.count == outcome.surveyResponded)
        #expect(responses.allSatisfy { $0.participant == nil })
        #expect(outcome.surveyResponded > 0 && outcome.surveyResponded < outcome.surveyIssued)
        let distribution = try #require(try await MDSSRun.store.all(SurveyDistribution.self).first)
        #expect(distribution.mode == .anonymous)
        #expect(distribution.closedEarly != nil)
    }

    @Test("the time plan was kept with some delay")
    func milestones() async throws {
        let outcome = try await MDSSRun.get()
        #expect(outcome.milestones.count == 4)
        #expect(outcome.milestones.allSatisfy { $0.actual != nil })
        #expect(outcome.maximumSlippage > 0 && outcome.maximumSlippage < 60)
    }

    @Test("the follow-up reports show participation, the funnel, the ratings and the survey results")
    func followUpReports() async throws {
        let outcome = try await MDSSRun.get()
        let reports = try await MDSSScenario.followUpReports(from: MDSSRun.store)
        #expect(reports.count == 3)
        let tables = reports.flatMap(\.allTables)
        let participation = try #require(tables.first { $0.id == "participation" })
        #expect(participation.rows.last?[2] == .integer(outcome.totalParticipants))
        #expect(tables.first { $0.id == "funnel" }?.rows.count == 3)
        #expect(tables.contains { $0.id == "ratings-facilitator" })
        #expect(tables.contains { $0.id == "items" })
        let own = try #require(MDSSScenario.reports(for: outcome).first)
        #expect(own.allTables.first { $0.id == "anpassad-plan" }?.rows.count == outcome.tailoredPlan.allocations.count)
    }

    @Test("the synthetic battery behaves like a tested one: every scale's alpha lies between 0.7 and 0.9")
    func reliableBattery() async throws {
        _ = try await MDSSRun.get()
        let survey = try await MDSSScenario.followUpReports(from: MDSSRun.store)[2]
        let captions = survey.allTables.filter { $0.id.hasPrefix("reliability") }.map(\.caption)
        #expect(!captions.isEmpty)
        for caption in captions {
            // "Bemötande: Cronbachs alfa = 0,81, n = 372"
            let alpha = caption.components(separatedBy: "= ")[1].components(separatedBy: ",")[0...1].joined(separator: ".")
            let value = try #require(Double(alpha), "no alpha in “\(caption)”")
            #expect((0.7...0.9).contains(value), "\(caption)")
        }
    }

    @Test("the same seed gives the same outcome; another seed other answers and groups")
    func deterministic() async throws {
        func run(_ seed: UInt64) async throws -> MDSSOutcome {
            try await MDSSScenario.run(in: Workspace(store: InMemoryStore(), ids: SequentialIDGenerator()), seed: seed)
        }
        let first = try await run(7), second = try await run(7)
        #expect(first == second)
        let other = try await run(8)
        #expect(other.needs != first.needs)
        #expect(other.programme.plannedParticipants == first.programme.plannedParticipants)
    }
}
