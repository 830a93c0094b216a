import DiversityKit
import Testing
@testable import SurveyModule

@Suite("Tailoring the base training")
struct TailoringTests {
    let needs = [
        TopicNeed(topic: .harassment, knowledgeNeed: 0.8),
        TopicNeed(topic: .accessibility, knowledgeNeed: 0.6),
        TopicNeed(topic: .grounds, knowledgeNeed: 0.1),
        TopicNeed(topic: .workClimate, attitudeNeed: 0.4),
        TopicNeed(topic: .discriminationAct, knowledgeNeed: 0.2),
        TopicNeed(topic: .treatmentOfCitizens, knowledgeNeed: 0.4, attitudeNeed: 0.2),
    ]

    @Test("the plan fills exactly 120 minutes in 5-minute steps")
    func fills() throws {
        let plan = try TrainingTailor.plan(needs: needs, configuration: .baseTraining)
        #expect(plan.totalMinutes == 120 && plan.allottedMinutes == 120)
        #expect(plan.allocations.allSatisfy { $0.minutes % 5 == 0 && $0.minutes >= 0 })
    }

    @Test("mandatory topics get at least their minimum, with the reason given")
    func minimums() throws {
        let plan = try TrainingTailor.plan(needs: [TopicNeed(topic: .harassment, knowledgeNeed: 1)], configuration: .baseTraining)
        #expect(plan.minutes(for: .discriminationAct) >= 20)
        #expect(plan.minutes(for: .grounds) >= 10)
        #expect(plan.minutes(for: .treatmentOfCitizens) >= 10)
        let act = try #require(plan.allocations.first { $0.topic == .discriminationAct })
        #expect(act.reasons.first == .mandatoryMinimum(minutes: 20))
        #expect(act.reasons.contains(.noBaselineData))
    }

    @Test("topics are ranked by need and time follows need, ties broken by topic code")
    func ranking() throws {
        let plan = try TrainingTailor.plan(needs: needs, configuration: .baseTraining)
        let ranked = plan.allocations.prefix(4).map(\.topic)
        #expect(ranked == [.harassment, .accessibility, .workClimate, .treatmentOfCitizens])
        #expect(plan.minutes(for: .harassment) > plan.minutes(for: .accessibility))
        #expect(plan.minutes(for: .accessibility) > plan.minutes(for: .grounds))
        #expect(plan.allocations.map(\.rank) == Array(1...plan.allocations.count))
        let harassment = try #require(plan.allocations.first)
        #expect(harassment.reasons.contains { if case .need(let n, 1, let m) = $0 { return n == 0.8 && m > 0 } else { return false } })
    }

    @Test("tailoring is deterministic whatever the order of the needs")
    func deterministic() throws {
        let a = try TrainingTailor.plan(needs: needs, configuration: .baseTraining)
        let b = try TrainingTailor.plan(needs: needs.reversed(), configuration: .baseTraining)
        #expect(a == b)
        let tied = try TrainingTailor.plan(needs: [TopicNeed(topic: "b", knowledgeNeed: 0.5), TopicNeed(topic: "a", knowledgeNeed: 0.5)],
                                           configuration: TailoringConfiguration(totalMinutes: 15, granularity: 5, rules: []))
        #expect(tied.allocations.map(\.topic) == ["a", "b"])
        #expect(tied.minutes(for: "a") == 10 && tied.minutes(for: "b") == 5)
    }

    @Test("a topic at its maximum passes the rest on, and is told so")
    func caps() throws {
        let c = TailoringConfiguration(totalMinutes: 60, granularity: 5, rules: [TopicRule(topic: "x", maximumMinutes: 20)])
        let plan = try TrainingTailor.plan(needs: [TopicNeed(topic: "x", knowledgeNeed: 1), TopicNeed(topic: "y", knowledgeNeed: 0.1)], configuration: c)
        #expect(plan.minutes(for: "x") == 20 && plan.minutes(for: "y") == 40)
        #expect(plan.allocations.first { $0.topic == "x" }?.reasons.contains(.cappedAtMaximum(minutes: 20)) == true)
    }

    @Test("with no need at all, the free time goes evenly to the mandatory topics")
    func noNeed() throws {
        let plan = try TrainingTailor.plan(needs: [TopicNeed(topic: .harassment, knowledgeNeed: 0)], configuration: .baseTraining)
        #expect(plan.allottedMinutes == 120)
        #expect(plan.minutes(for: .harassment) == 0)
        #expect(plan.allocations.first { $0.topic == .harassment }?.reasons == [.noNeed])
        #expect(plan.minutes(for: .discriminationAct) + plan.minutes(for: .grounds) + plan.minutes(for: .treatmentOfCitizens) == 120)
        #expect([plan.minutes(for: .discriminationAct), plan.minutes(for: .grounds), plan.minutes(for: .treatmentOfCitizens)] == [40, 40, 40])
    }

    @Test("impossible configurations are refused with a typed error")
    func invalid() {
        #expect(throws: TailoringError.invalidLength(total: 122, granularity: 5)) {
            try TrainingTailor.plan(needs: [], configuration: TailoringConfiguration(totalMinutes: 122, rules: []))
        }
        #expect(throws: TailoringError.minimumsExceedLength(minimums: 130, total: 120)) {
            try TrainingTailor.plan(needs: [], configuration: TailoringConfiguration(totalMinutes: 120, rules: [
                TopicRule(topic: "a", minimumMinutes: 70, isMandatory: true), TopicRule(topic: "b", minimumMinutes: 60, isMandatory: true)]))
        }
        #expect(throws: TailoringError.invalidRule("a")) {
            try TrainingTailor.plan(needs: [], configuration: TailoringConfiguration(totalMinutes: 120, rules: [TopicRule(topic: "a", minimumMinutes: 7)]))
        }
        #expect(throws: TailoringError.duplicateRule("a")) {
            try TrainingTailor.plan(needs: [], configuration: TailoringConfiguration(totalMinutes: 120, rules: [TopicRule(topic: "a"), TopicRule(topic: "a")]))
        }
    }

    @Test("needs are read from a baseline matrix: wrong knowledge answers and unfavourable scales")
    func needsFromMatrix() throws {
        let battery = ItemBank.baselineBattery()
        var answers: [String: Answer] = ["D01": .value(2)]
        for (code, k) in battery.knowledgeItems { answers[code] = .value(k.topic == .harassment ? k.correct % 4 + 1 : k.correct) }
        for code in ["C01", "C03", "C04"] { answers[code] = .value(1) }
        for code in ["C02", "C05"] { answers[code] = .value(5) }
        let rs = (0..<6).map { SurveyResponse(id: ID("r\($0)"), questionnaire: battery.reference, answers: answers) }
        let needs = TopicNeed.needs(from: ResponseMatrix(questionnaire: battery, responses: rs))
        let byTopic = Dictionary(uniqueKeysWithValues: needs.map { ($0.topic, $0) })
        #expect(byTopic[.harassment]?.knowledgeNeed == 1)
        #expect(byTopic[.grounds]?.knowledgeNeed == 0)
        #expect(byTopic[.workClimate]?.attitudeNeed == 1 && byTopic[.workClimate]?.knowledgeNeed == nil)
        #expect(byTopic[.treatmentOfCitizens] == nil)
        let plan = try TrainingTailor.plan(needs: needs, configuration: .baseTraining)
        #expect(Set(plan.allocations.prefix(2).map(\.topic)) == [.harassment, .workClimate])
    }
}
