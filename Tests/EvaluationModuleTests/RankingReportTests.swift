import DiversityKit
@testable import EvaluationModule
import SurveyModule
import Testing

@Suite("Rankings in the survey results report")
struct RankingReportTests {
    static func label(_ s: String) -> LocalizedText { LocalizedText(sv: s, en: s) }
    static let questionnaire = Questionnaire(id: "r", title: label("Åtgärder"), sections: [Section(code: "S", title: label("S"), items: [
        Item(code: "L1", prompt: label("Trivs"), kind: .likert(scale: .agreement5, reverseCoded: false)),
        Item(code: "R1", prompt: label("Rangordna åtgärderna"), kind: .ranking(options: [
            AnswerOption(code: 1, label: label("Mentorskap")), AnswerOption(code: 2, label: label("Utbildning")), AnswerOption(code: 3, label: label("Nätverk")),
        ], minimumRanked: 1, maximumRanked: nil)),
    ])])

    static func responses(_ rankings: [[Int]]) -> [SurveyResponse] {
        rankings.enumerated().map { i, r in
            SurveyResponse(id: ID("r\(i)"), questionnaire: questionnaire.reference, answers: ["L1": .value(4), "R1": .values(r)])
        }
    }

    static func rankingSection(_ report: Report) -> ReportSection? { report.sections.first { $0.title == "Rangordningar" } }

    @Test("rank counts, how many ranked each option and the mean rank are reported when every count is publishable")
    func published() throws {
        let rs = Self.responses(Array(repeating: [1, 2, 3], count: 6) + Array(repeating: [2, 1, 3], count: 6))
        let input = try SurveyResultsInput(questionnaire: Self.questionnaire, responses: rs, language: .swedish, groupByUnit: false)
        #expect(input.rankings.first?.answers.first == [0, 1, 2])
        let report = try EvaluationReports(language: .swedish).surveyResults(input)
        let section = try #require(Self.rankingSection(report)?.subsections.first)
        guard case .table(let table)? = section.blocks.first(where: { if case .table = $0 { true } else { false } }) else {
            Issue.record("no ranking table")
            return
        }
        #expect(table.columns.map(\.title) == ["Alternativ", "Plats 1", "Plats 2", "Plats 3", "Rangordnad av", "Medelplats"])
        #expect(table.rows[0] == [.text("Mentorskap"), .integer(6), .integer(6), .integer(0), .integer(12), .decimal(1.5, digits: 2)])
        #expect(table.rows[2].last == .decimal(3, digits: 2))
    }

    @Test("a ranking answered by fewer than the threshold is withheld whole; a small cell hides its option's mean rank")
    func protected() throws {
        let few = try SurveyResultsInput(questionnaire: Self.questionnaire, responses: Self.responses(Array(repeating: [1, 2], count: 3)),
                                         language: .swedish, groupByUnit: false)
        let withheld = try #require(Self.rankingSection(try EvaluationReports(language: .swedish).surveyResults(few))?.subsections.first)
        #expect(withheld.blocks.allSatisfy { if case .note = $0 { true } else { false } })
        let rs = Self.responses(Array(repeating: [1, 2, 3], count: 10) + [[2, 1, 3]])
        let input = try SurveyResultsInput(questionnaire: Self.questionnaire, responses: rs, language: .swedish, groupByUnit: false)
        let section = try #require(Self.rankingSection(try EvaluationReports(language: .swedish).surveyResults(input))?.subsections.first)
        guard case .table(let table)? = section.blocks.first(where: { if case .table = $0 { true } else { false } }) else {
            Issue.record("no ranking table")
            return
        }
        for row in table.rows.prefix(2) {
            guard case .suppressed? = row.last else { Issue.record("mean rank shown beside a withheld count: \(row)"); continue }
        }
    }

    @Test("dual-scale, numeric-matrix and date items print nothing in the survey report (their summaries are raw)")
    func unreportedKinds() throws {
        let options = (1...3).map { AnswerOption(code: $0, label: Self.label("O\($0)")) }
        let dual = DualScale(rows: [MatrixLine(code: "SQ1", label: Self.label("Lön"))],
                             scales: [DualScale.Axis(header: Self.label("Vikt"), options: options), DualScale.Axis(header: Self.label("Nöjdhet"), options: options)])
        let matrix = NumericMatrix(rows: [MatrixLine(code: "Y1", label: Self.label("Utbildning"))], columns: [MatrixLine(code: "X1", label: Self.label("Vår"))],
                                   range: 0...40)
        let q = Questionnaire(id: "k", title: Self.label("Arter"), sections: [Section(code: "S", title: Self.label("S"), items: [
            Item(code: "L1", prompt: Self.label("Trivs"), kind: .likert(scale: .agreement5, reverseCoded: false)),
            Item(code: "DS", prompt: Self.label("Dubbelskalan"), kind: .dualScale(dual)),
            Item(code: "NM", prompt: Self.label("Timmatrisen"), kind: .numericMatrix(matrix)),
            Item(code: "D1", prompt: Self.label("Datumfrågan"), kind: .date(range: nil)),
        ])])
        let responses = (0..<12).map { i in
            SurveyResponse(id: ID("r\(i)"), questionnaire: q.reference, answers: ["L1": .value(1 + i % 5), "DS": .cells(["SQ1#0": 1 + i % 3]),
                                                                               "NM": .cells(["Y1#X1": 37]), "D1": .date(try! CalendarDate("2019-08-15"))])
        }
        let report = try EvaluationReports(language: .swedish).surveyResults(try SurveyResultsInput(questionnaire: q, responses: responses,
                                                                                                    language: .swedish, groupByUnit: false))
        let markdown = MarkdownRenderer().markdown(report)
        for prompt in ["Dubbelskalan", "Timmatrisen", "Datumfrågan", "2019"] { #expect(!markdown.contains(prompt), "\(prompt) is printed") }
        #expect(markdown.contains("Trivs"))
    }

    @Test("a report renders in a language whose labels the embedder supplies, questionnaire texts in that language")
    func anyLanguage() throws {
        var q = Self.questionnaire
        q.title["fi"] = "Toimenpiteet"
        q.sections[0].items[1].prompt["fi"] = "Järjestä toimenpiteet"
        let rs = Self.responses(Array(repeating: [1, 2, 3], count: 6))
        let input = try SurveyResultsInput(questionnaire: q, responses: rs, language: .swedish, textLanguage: "fi-FI", groupByUnit: false)
        #expect(input.title == "Toimenpiteet")
        #expect(input.rankings.first?.label == "Järjestä toimenpiteet")
        #expect(input.rankings.first?.options.first == "Mentorskap")
        let finnish = LabelTranslations(language: "fi", texts: [.surveyResults: "Kyselyn tulokset", .rankings: "Järjestykset"])
        let report = try EvaluationReports(language: .swedish, translations: finnish).surveyResults(input)
        #expect(report.title == "Kyselyn tulokset: Toimenpiteet")
        #expect(report.sections.contains { $0.title == "Järjestykset" })
        #expect(report.sections.contains { $0.title == "Kommentarer" })
        #expect(finnish.missingKeys.contains(.comments) && !finnish.missingKeys.contains(.rankings))
    }
}
