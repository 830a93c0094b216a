import DiversityKit
import DiversityKitTesting
import Testing
@testable import EvaluationModule

/// Every case of EvaluationModule's error types has a Swedish and an English text; `key(_:)`
/// switches over every case, so a new case needs a sample here.
@Suite("Evaluation messages in Swedish and English")
struct EvaluationMessagesTests {
    static let disclosureErrors: [MessageSample<DisclosureError>] = [
        .init(.thresholdTooLow(2), sv: ["gränsen 2"], en: ["threshold 2"]),
        .init(.invalidProtection(0), sv: ["skyddsbredden 0"], en: ["protection 0"]),
        .init(.negativeCount(row: 1, column: 2), sv: ["(1, 2)"], en: ["(1, 2)"]),
        .init(.raggedRow(row: 3, expected: 4, got: 2), sv: ["rad 3", "2 celler"], en: ["row 3"]),
        .init(.cellOutOfRange(row: 9, column: 9), sv: ["(9, 9)"], en: ["(9, 9)"]),
    ]
    static func key(_ e: DisclosureError) -> Int {
        switch e {
        case .thresholdTooLow: 0
        case .invalidProtection: 1
        case .negativeCount: 2
        case .raggedRow: 3
        case .cellOutOfRange: 4
        }
    }

    static let resultsErrors: [MessageSample<SurveyResultsError>] = [
        .init(.groupCountMismatch(item: "L1", respondents: 10, groups: 9), sv: ["L1", "10 svar"], en: ["L1"]),
        .init(.unknownItem(scale: "GRID", item: "Q9"), sv: ["GRID", "Q9"], en: ["Q9"]),
        .init(.pointLabelCount(expected: 5, got: 4), sv: ["5", "4"], en: ["5"]),
        .init(.noLikertItems(questionnaire: "klimat"), sv: ["klimat", "Likertfrågor"], en: ["klimat"]),
        .init(.shapeMismatch("units 3 ≠ 4"), sv: ["units 3 ≠ 4"], en: ["units 3 ≠ 4"]),
    ]
    static func key(_ e: SurveyResultsError) -> Int {
        switch e {
        case .groupCountMismatch: 0
        case .unknownItem: 1
        case .pointLabelCount: 2
        case .noLikertItems: 3
        case .shapeMismatch: 4
        }
    }

    static let followUpErrors: [MessageSample<FollowUpError>] = [
        .init(.unknownProgramme("verva"), sv: ["programmet verva finns inte"], en: ["no programme verva"]),
        .init(.unknownIntervention("bas"), sv: ["insatsen bas finns inte"], en: ["no intervention bas"]),
        .init(.prerequisiteCycle("bas"), sv: ["slinga vid bas"], en: ["cycle at bas"]),
        .init(.nonPositiveCosts(Money(kronor: 0)), sv: ["0\u{A0}kr"], en: ["must be positive"]),
    ]
    static func key(_ e: FollowUpError) -> Int {
        switch e {
        case .unknownProgramme: 0
        case .unknownIntervention: 1
        case .prerequisiteCycle: 2
        case .nonPositiveCosts: 3
        }
    }

    static let statisticsErrors: [MessageSample<StatisticsError>] = [
        .init(.tooFewObservations(needed: 2, got: 1), sv: ["minst 2"], en: ["at least 2"]),
        .init(.unpairedLengths(first: 3, second: 4), sv: ["(3 och 4)"], en: ["(3 and 4)"]),
        .init(.nonFiniteValue(index: 5), sv: ["plats 5"], en: ["index 5"]),
        .init(.zeroVariance),
        .init(.invalidProbability(1.5), sv: ["1,500"], en: ["1.5"]),
        .init(.invalidCount(successes: 7, total: 5), sv: ["7", "0…5"], en: ["0…5"]),
        .init(.itemLengthsDiffer(item: 2, expected: 10, got: 9), sv: ["fråga 2", "9 svar"], en: ["item 2"]),
        .init(.tooFewItems(1), sv: ["fick 1"], en: ["got 1"]),
        .init(.answerOutsideScale(answer: 7, index: 3), sv: ["svaret 7", "plats 3"], en: ["answer 7"]),
        .init(.invalidDegreesOfFreedom(0), sv: ["frihetsgraderna 0,000"], en: ["degrees of freedom 0.0"]),
    ]
    static func key(_ e: StatisticsError) -> Int {
        switch e {
        case .tooFewObservations: 0
        case .unpairedLengths: 1
        case .nonFiniteValue: 2
        case .zeroVariance: 3
        case .invalidProbability: 4
        case .invalidCount: 5
        case .itemLengthsDiffer: 6
        case .tooFewItems: 7
        case .answerOutsideScale: 8
        case .invalidDegreesOfFreedom: 9
        }
    }

    static let tallyErrors: [MessageSample<LikertTallyError>] = [
        .init(.invalidLayout("0 items"), sv: ["0 items"], en: ["0 items"]),
        .init(.rowLengthMismatch(codes: 7, itemCount: 3, units: 2), sv: ["7 koder", "3 per rad"], en: ["7 codes"]),
        .init(.answerOutsideScale(answer: 9, row: 4, item: 2), sv: ["svaret 9", "rad 4, fråga 2"], en: ["row 4, item 2"]),
        .init(.unitOutOfRange(unit: 6, row: 1), sv: ["enheten 6", "rad 1"], en: ["unit 6"]),
        .init(.layoutsDiffer),
        .init(.indexOutOfRange(12), sv: ["index 12"], en: ["index 12"]),
    ]
    static func key(_ e: LikertTallyError) -> Int {
        switch e {
        case .invalidLayout: 0
        case .rowLengthMismatch: 1
        case .answerOutsideScale: 2
        case .unitOutOfRange: 3
        case .layoutsDiffer: 4
        case .indexOutOfRange: 5
        }
    }

    @Test("every disclosure error reads in Swedish and English", arguments: disclosureErrors)
    func disclosure(_ sample: MessageSample<DisclosureError>) { #expect(sample.problems == []) }

    @Test("every survey-results error reads in Swedish and English", arguments: resultsErrors)
    func results(_ sample: MessageSample<SurveyResultsError>) { #expect(sample.problems == []) }

    @Test("every follow-up error reads in Swedish and English, naming the programme or intervention", arguments: followUpErrors)
    func followUp(_ sample: MessageSample<FollowUpError>) { #expect(sample.problems == []) }

    @Test("every statistics error reads in Swedish and English, Swedish numbers with a decimal comma", arguments: statisticsErrors)
    func statistics(_ sample: MessageSample<StatisticsError>) { #expect(sample.problems == []) }

    @Test("every tally error reads in Swedish and English", arguments: tallyErrors)
    func tally(_ sample: MessageSample<LikertTallyError>) { #expect(sample.problems == []) }

    @Test("the samples cover every case of every error type")
    func everyCase() {
        #expect(Set(Self.disclosureErrors.map { Self.key($0.message) }) == Set(0...4))
        #expect(Set(Self.resultsErrors.map { Self.key($0.message) }) == Set(0...4))
        #expect(Set(Self.followUpErrors.map { Self.key($0.message) }) == Set(0...3))
        #expect(Set(Self.statisticsErrors.map { Self.key($0.message) }) == Set(0...9))
        #expect(Set(Self.tallyErrors.map { Self.key($0.message) }) == Set(0...5))
    }
}
