import DiversityKit
import Foundation
@testable import SurveyModule
import Testing

@Suite("Ranking, date, dual-scale and numeric-matrix items; texts in any language")
struct NewItemKindTests {
    static func label(_ s: String) -> LocalizedText { LocalizedText(sv: s, en: s) }
    static let options = (1...3).map { AnswerOption(code: $0, label: label("O\($0)")) }
    static let dual = DualScale(rows: [MatrixLine(code: "SQ1", label: label("Lön")), MatrixLine(code: "SQ2", label: label("Ledning"))],
                                scales: [DualScale.Axis(header: label("Vikt"), options: Array(options.prefix(2))),
                                         DualScale.Axis(header: label("Nöjdhet"), options: options)])
    static let matrix = NumericMatrix(rows: [MatrixLine(code: "Y1", label: label("Utbildning"))],
                                      columns: [MatrixLine(code: "X1", label: label("Vår")), MatrixLine(code: "X2", label: label("Höst"))], range: 0...40)
    static var questionnaire: Questionnaire {
        var title = LocalizedText(sv: "Arter", en: "Kinds")
        title["fi"] = "Lajit"
        title["sv-x-lattlast"] = "Olika frågor"
        return Questionnaire(id: "kinds", title: title, sections: [Section(code: "S1", title: label("Allt"), items: [
            Item(code: "R1", prompt: label("Rangordna"), kind: .ranking(options: options, minimumRanked: 1, maximumRanked: 2)),
            Item(code: "D1", prompt: label("Datum"), kind: .date(range: try! CalendarDate("2000-01-01")...CalendarDate("2030-12-31"))),
            Item(code: "DS", prompt: label("Dubbel"), kind: .dualScale(dual)),
            Item(code: "NM", prompt: label("Timmar"), kind: .numericMatrix(matrix)),
            Item(code: "M1", prompt: label("Många"), kind: .multipleChoice(options: (1...40).map { AnswerOption(code: $0, label: label("\($0)")) },
                                                                          maxSelections: nil)),
        ])])
    }
    static let answers: [String: Answer] = ["R1": .values([3, 1]), "D1": .date(try! CalendarDate("2019-08-15")),
                                            "DS": .cells(["SQ1#0": 2, "SQ2#1": 3]), "NM": .cells(["Y1#X1": 12, "Y1#X2": 0]), "M1": .values([1, 35])]

    @Test("a questionnaire with every new kind, and 40 multiple-choice options, validates and accepts its answers")
    func validates() throws {
        try Self.questionnaire.validate()
        #expect(Self.questionnaire.issues(in: Self.answers, partial: false).isEmpty)
    }

    @Test("bad answers to the new kinds are reported", arguments: [
        ("R1", Answer.values([1, 2, 3]), "at most 2"), ("R1", .values([1, 1]), "ranked twice"), ("R1", .values([9]), "option"),
        ("D1", .date(try! CalendarDate("1999-12-31")), "outside"), ("DS", .cells(["SQ1#0": 3]), "option"),
        ("DS", .cells(["SQ3#0": 1]), "cell SQ3#0"), ("DS", .cells(["SQ1#2": 1]), "cell SQ1#2"), ("NM", .cells(["Y1#X1": 41]), "outside"),
        ("NM", .value(3), "cells by key"), ("R1", .cells(["a": 1]), "list of option codes"),
    ])
    func badAnswers(code: String, answer: Answer, message: String) {
        let issues = Self.questionnaire.issues(in: [code: answer], partial: true)
        #expect(issues.count == 1)
        #expect(issues.first.map { "\($0)".contains(message) } == true, "\(issues)")
    }

    @Test("ill-formed new kinds are refused by validation", arguments: [
        ItemKind.ranking(options: options, minimumRanked: 3, maximumRanked: 2), .ranking(options: options, minimumRanked: 0, maximumRanked: 4),
        .dualScale(DualScale(rows: dual.rows, scales: [dual.scales[0]])),
        .dualScale(DualScale(rows: [MatrixLine(code: "a#b", label: label("x"))], scales: dual.scales)),
        .numericMatrix(NumericMatrix(rows: [], columns: matrix.columns, range: 0...1)),
        .numericMatrix(NumericMatrix(rows: matrix.rows, columns: matrix.columns, range: Int(Int32.min)...0)),
    ])
    func invalidKinds(_ kind: ItemKind) {
        #expect(throws: QuestionnaireError.self) { try Questionnaire.validate(Item(code: "X", prompt: Self.label("x"), kind: kind)) }
    }

    @Test("JSON, the binary coding and CSV carry every new answer kind back unchanged")
    func roundTrips() throws {
        let q = Self.questionnaire
        #expect(try SurveyJSON.decodeQuestionnaire(SurveyJSON.encode(q)) == q)
        let r = SurveyResponse(id: ID("r1"), questionnaire: q.reference, answers: Self.answers)
        #expect(try SurveyJSON.decodeResponses(SurveyJSON.encode([r]), questionnaire: q) == [r])
        #expect(try ResponseBinaryCoding.decode(ResponseBinaryCoding.encode(r)).answers == r.answers)
        let csv = ResponseCSV.text([r], questionnaire: q)
        #expect(csv.contains("2019-08-15") && csv.contains("SQ1#0=2|SQ2#1=3") && csv.contains("3|1"))
        let back = try ResponseCSVImporter(questionnaire: q).importAll(try CSVReader(text: csv))
        #expect(back.first?.answers == r.answers)
    }

    @Test("a ranking summary gives rank distributions and mean ranks; cells and dates summarise too")
    func summaries() throws {
        let q = Self.questionnaire
        let responses = [[3, 1], [1, 3], [1]].enumerated().map { i, ranks in
            SurveyResponse(id: ID("r\(i)"), questionnaire: q.reference,
                           answers: ["R1": .values(ranks), "NM": .cells(["Y1#X1": 10 * (i + 1)]), "D1": .value(18_000 + i * 40)])
        }
        let ranking = try #require(RankingSummary(item: q.item("R1")!, responses: responses))
        #expect(ranking.respondents == 3)
        #expect(ranking.options[0].rankCounts == [2, 1, 0] && ranking.options[0].meanRank == 4.0 / 3.0)
        #expect(ranking.options[1].meanRank == nil)
        #expect(ranking.options[2].rankCounts == [1, 1, 0] && ranking.options[2].meanRank == 1.5)
        let cells = try #require(CellSummary(item: q.item("NM")!, responses: responses))
        #expect(cells.cells["Y1#X1"]?.mean == 20 && cells.cells["Y1#X1"]?.maximum == 30)
        let dates = try #require(DateSummary(item: q.item("D1")!, responses: responses))
        #expect(dates.count == 3 && dates.earliest == CalendarDate(dayNumber: 18_000) && dates.median == CalendarDate(dayNumber: 18_040))
        #expect(RankingSummary(item: q.item("D1")!, responses: responses) == nil)
    }

    @Test("a multiple choice over 30 options has no mask column in the matrix; the rest do")
    func matrixColumns() {
        let m = ResponseMatrix(questionnaire: Self.questionnaire, responses: [])
        #expect(m.itemCodes == ["D1"])
    }

    @Test("a text falls back along its tag's chain, then the base language, sv, en", arguments: [
        ("sv-x-lattlast", "Olika frågor"), ("sv-FI", "Arter"), ("fi", "Lajit"), ("fi-x-easy", "Lajit"), ("so", "Arter"), ("EN", "Kinds"),
    ])
    func fallback(tag: String, expected: String) {
        #expect(Self.questionnaire.title.text(for: tag) == expected)
    }

    @Test("the fallback chain drops subtags from the right and never stops at a singleton")
    func chain() {
        #expect(LocalizedText.fallbackChain("sv-x-lattlast") == ["sv-x-lattlast", "sv"])
        #expect(LocalizedText.fallbackChain("zh-Hant-TW") == ["zh-Hant-TW", "zh-Hant", "zh"])
        #expect(LocalizedText(["so": "Ku raac"]).text(for: "sv", base: "so") == "Ku raac")
    }

    @Test("JSON written before open languages still decodes, with base language sv; a bad base language is refused")
    func compatibility() throws {
        let old = #"{"id":"q","version":1,"title":{"sv":"Nuläge","en":"Baseline"},"sections":[],"scales":[]}"#
        let q = try SurveyJSON.decode(Questionnaire.self, Data(old.utf8), maximumNesting: SurveyJSON.defaultMaximumNesting)
        #expect(q.baseLanguage == "sv" && q.title.sv == "Nuläge" && q.title[.english] == "Baseline")
        var bad = q
        bad.baseLanguage = "not a tag"
        #expect(throws: QuestionnaireError.invalidLanguageTag("not a tag")) { try bad.validate() }
    }

    @Test("one version in several languages pools as one version: the language is in the texts, not the reference")
    func oneVersion() {
        var q = Self.questionnaire
        let reference = q.reference
        q.title["ar"] = "أنواع"
        #expect(q.reference == reference && q.languages.contains("ar"))
    }
}
