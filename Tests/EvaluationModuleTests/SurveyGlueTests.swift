import DiversityKit
import EvaluationModule
import Foundation
import SurveyModule
import Testing

@Suite("Survey results and learning from SurveyModule responses")
struct SurveyGlueTests {
    let battery = ItemBank.baselineBattery()

    /// Deterministic synthetic responses: respondent i answers Likert items with 1 + (i + item) % 5.
    func responses(count: Int, units: [ID<OrganisationUnit>], knowledgeCorrect: (Int) -> Int, codePrefix: String = "K") -> [SurveyResponse] {
        (0..<count).map { i in
            var answers: [String: Answer] = [:]
            for (j, item) in battery.items.enumerated() {
                switch item.kind {
                case .likert: answers[item.code] = .value(1 + (i + j) % 5)
                case .knowledge(let k):
                    answers[item.code] = .value(j < knowledgeCorrect(i) ? k.correct : (k.options.first { $0.code != k.correct }?.code ?? k.correct))
                case .freeText: answers[item.code] = i % 3 == 0 ? .text("Kommentar \(i)") : nil
                default: break
                }
            }
            return SurveyResponse(id: ID("r\(i)"), questionnaire: battery.reference, reportingUnit: units[i % units.count],
                                  linkageCode: "\(codePrefix)\(i)", answers: answers)
        }
    }

    @Test("the report input takes the Likert items, unit groups, scales and comments of the battery")
    func input() throws {
        let rs = responses(count: 30, units: ["viva", "soc"], knowledgeCorrect: { _ in 3 })
        let input = try SurveyResultsInput(questionnaire: battery, responses: rs, language: .swedish, unitNames: ["viva": "VIVA"])
        let likert = battery.items.filter(\.isLikert)
        #expect(input.items.count == likert.count)
        #expect(input.items.allSatisfy { $0.answers.count == 30 })
        #expect(input.groups?.prefix(2) == ["VIVA", "soc"])
        #expect(input.points == 1...5 && input.pointLabels.count == 5)
        #expect(!input.scales.isEmpty)
        #expect(input.comments.count == battery.items.filter { if case .freeText = $0.kind { true } else { false } }.count * 10)
        let report = try EvaluationReports(language: .swedish).surveyResults(input)
        #expect(!report.allTables.isEmpty)
    }

    @Test("a questionnaire without Likert items cannot be reported as survey results")
    func noLikert() {
        let q = Questionnaire(id: "k", title: LocalizedText(sv: "Kunskap", en: "Knowledge"),
                              sections: [Section(code: "k", title: LocalizedText(sv: "K", en: "K"), items: ItemBank.knowledgeItems)])
        #expect(throws: SurveyResultsError.noLikertItems(questionnaire: "k#1")) {
            try SurveyResultsInput(questionnaire: q, responses: [], language: .english)
        }
    }

    @Test("pre- and post-tests with linkage codes are paired and the gain is tested")
    func pairedLearning() throws {
        let pre = responses(count: 12, units: ["viva"], knowledgeCorrect: { $0 % 3 })
        let post = responses(count: 12, units: ["viva"], knowledgeCorrect: { 4 + $0 % 4 })
        let m = try #require(KnowledgeMeasurement(questionnaire: battery, pre: pre, post: post))
        guard case .paired(let a, let b) = m else { Issue.record("expected paired, got \(m)"); return }
        #expect(a.count == 12 && b.count == 12)
        let summary = try FollowUp.kirkpatrick(ratings: [], knowledge: m, plans: [], goals: [])
        #expect((summary.learning?.meanDifference ?? 0) > 0)
    }

    @Test("without matching codes the groups are compared unpaired")
    func unpairedLearning() throws {
        let pre = responses(count: 8, units: ["viva"], knowledgeCorrect: { _ in 1 }, codePrefix: "A")
        let post = responses(count: 9, units: ["viva"], knowledgeCorrect: { _ in 5 }, codePrefix: "B")
        let m = try #require(KnowledgeMeasurement(questionnaire: battery, pre: pre, post: post))
        guard case .unpaired(let a, let b) = m else { Issue.record("expected unpaired"); return }
        #expect(a.count == 8 && b.count == 9)
        #expect(KnowledgeMeasurement(questionnaire: battery, pre: [], post: post) == nil)
    }
}

@Suite("Survey results with a degenerate scale")
struct DegenerateScaleTests {
    @Test("a scale whose alpha is undefined is reported as a note, not a failure")
    func zeroVarianceScale() throws {
        let answers: [Int?] = Array(repeating: 3, count: 12)
        let input = SurveyResultsInput(title: "T", points: 1...5,
                                       items: [.init(code: "a", label: "A", answers: answers), .init(code: "b", label: "B", answers: answers)],
                                       scales: [.init(name: "S", itemCodes: ["a", "b"])])
        let report = try EvaluationReports(language: .english).surveyResults(input)
        let notes = report.sections.flatMap(\.blocks).compactMap { if case .note(let n) = $0 { n.text } else { nil } }
        #expect(notes.contains { $0.hasPrefix("S: ") && $0.contains(Labels(.english)[.alphaNotComputed]) })
    }
}
