import DiversityKit
import ExampleSupport
import Foundation
import SurveyModule

/// The baseline survey (test och enkät): the item bank's battery distributed anonymously per
/// workplace, synthetic answers submitted with the one-time tokens, then closed; its needs tailor
/// the 120-minute base training.
extension MDSSScenario {
    /// The day the baseline survey opened.
    public static let surveyOpens = CalendarDate(year: 2011, month: 1, day: 10)!
    /// The day it closed (the plan said 31 January).
    public static let surveyCloses = CalendarDate(year: 2011, month: 2, day: 7)!

    /// Knowledge: the chance in percent that a respondent answers an item on the topic correctly.
    static let correctPercent: [TrainingTopic: Int] = [
        .discriminationAct: 58, .grounds: 52, .directAndIndirectDiscrimination: 38, .harassment: 61,
        .instructions: 30, .accessibility: 44,
    ]
    /// Attitudes: weights of the favourable answer 1…5 per scale (reverse-coded items are turned);
    /// answers follow each respondent's trait per scale (``LatentTrait``).
    static let favourableWeights: [String: [Int]] = [
        "TREATMENT": [4, 10, 24, 38, 24], "ATTITUDE": [3, 7, 20, 40, 30], "CLIMATE": [6, 14, 30, 32, 18],
    ]

    /// What the baseline survey gave: how many were asked and answered, the needs and the plan.
    struct BaselineResult {
        var questionnaire: Questionnaire
        var distribution: ID<SurveyDistribution>
        var issued: Int
        var responded: Int
        var needs: [TopicNeed]
        var plan: TrainingPlan
    }

    /// Noon of `day` (UTC): the survey tool's clock during the run.
    static func noon(_ day: CalendarDate) -> Date { Date(timeIntervalSince1970: TimeInterval(day.dayNumber) * 86_400 + 12 * 3_600) }

    static func runBaseline(store: any Store, staff: [ID<OrganisationUnit>: [Participant]],
                            rng: inout SeededGenerator) async throws -> BaselineResult {
        let ids = SequentialIDGenerator(prefix: "mdss-")
        let during = SurveyService(store: store, secret: ExampleTokenSecret.value, clock: { noon(CalendarDate(year: 2011, month: 1, day: 24)!) }, ids: ids)
        let battery = try await during.publish(ItemBank.baselineBattery(id: "mdss-nulagesmatning"))
        let surveyed = workplaces.filter(\.surveyed)
        let (distribution, tokens) = try await during.distribute(DistributionPlan(
            questionnaire: battery.reference, mode: .anonymous, purpose: .baseline,
            population: .units(surveyed.map { UnitHeadcount(unit: $0.unit, headcount: $0.staff) }),
            opens: noon(surveyOpens), closes: noon(surveyCloses)))

        // Tokens go out per workplace; a seeded share of each workplace's staff answers.
        let byUnit = Dictionary(grouping: tokens, by: { $0.unit })
        var responded = 0
        for workplace in surveyed {
            let people = staff[workplace.unit] ?? []
            let unitTokens = byUnit[workplace.unit] ?? []
            let rate = rng.int(in: 58...74)
            for (token, person) in zip(unitTokens, people) where rng.chance(rate) {
                try await during.submit(ResponseSubmission(token: token.token, questionnaire: battery.reference,
                                                           answers: answers(for: person, in: battery, rng: &rng)))
                responded += 1
            }
        }
        // The survey tool closes the distribution on the closing day.
        _ = try await SurveyService(store: store, secret: ExampleTokenSecret.value, clock: { noon(surveyCloses) }, ids: ids).close(distribution.id)

        var builder = ResponseMatrix.Builder(questionnaire: battery)
        for response in try await during.responsesInFixedOrder(to: battery.reference) { builder.append(response) }
        let matrix = builder.build()
        let needs = TopicNeed.needs(from: matrix)
        let plan = try TrainingTailor.plan(needs: needs, configuration: .baseTraining)
        return BaselineResult(questionnaire: battery, distribution: distribution.id, issued: tokens.count,
                              responded: responded, needs: needs, plan: plan)
    }

    /// One synthetic, anonymous set of answers. The respondent's role only decides "are you a manager?".
    static func answers(for person: Participant, in questionnaire: Questionnaire,
                        rng: inout SeededGenerator) -> [String: Answer] {
        var answers: [String: Answer] = [:]
        var traits: [String: Double] = [:]
        let scaleOf = Dictionary(questionnaire.scales.flatMap { s in s.itemCodes.map { ($0, s.code) } }, uniquingKeysWith: { a, _ in a })
        for item in questionnaire.items {
            switch item.kind {
            case .knowledge(let k):
                let wrong = k.options.map(\.code).filter { $0 != k.correct }
                answers[item.code] = .value(rng.chance(correctPercent[k.topic] ?? 50) ? k.correct : rng.pick(wrong) ?? k.correct)
            case .likert(let scale, let reversed):
                // One draw of the shared generator per item, as before, seeds the item's own: the
                // respondents and every other figure of the seed stay as they were.
                var own = SeededGenerator(seed: rng.next())
                let scaleCode = scaleOf[item.code] ?? item.code
                let trait = traits[scaleCode] ?? LatentTrait.normal(&own)
                traits[scaleCode] = trait
                let favourable = LatentTrait.answer(trait: trait, weights: favourableWeights[scaleOf[item.code] ?? ""] ?? [1, 1, 1, 1, 1], rng: &own)
                answers[item.code] = .value(reversed ? scale.reversed(favourable) : favourable)
            case .singleChoice:
                // Experiences: mostly "no"; a few once or several times; some prefer not to say.
                answers[item.code] = .value(weighted([86, 8, 3, 3], rng: &rng))
            case .multipleChoice(let options, _):
                if let experienced = answers["E01"]?.intValue, experienced == 2 || experienced == 3 {
                    answers[item.code] = .values(rng.sample(options.map(\.code), count: rng.int(in: 1...2)))
                }
            case .demographic:
                answers[item.code] = .value(person.role == .manager ? 1 : 2)
            case .numeric(let range, _):
                answers[item.code] = .value(rng.int(in: range.lowerBound...min(range.upperBound, 35)))
            case .freeText, .ranking, .date, .dualScale, .numericMatrix:
                continue
            }
        }
        return answers
    }

    /// 1 … weights.count, each with its weight.
    static func weighted(_ weights: [Int], rng: inout SeededGenerator) -> Int {
        var draw = rng.int(in: 0...(weights.reduce(0, +) - 1))
        for (i, w) in weights.enumerated() {
            if draw < w { return i + 1 }
            draw -= w
        }
        return weights.count
    }
}
