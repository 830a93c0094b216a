import DiversityKit
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

@Suite("Export to LimeSurvey and back")
struct ExportRoundTripTests {
    static func label(_ sv: String, _ en: String) -> LocalizedText { LocalizedText(sv: sv, en: en) }
    static let options = (1...3).map { AnswerOption(code: $0, label: label("Val \($0)", "Choice \($0)")) }

    /// One item of every kind, texts in Swedish, English, Finnish and easy-to-read Swedish.
    static var everyKind: Questionnaire {
        var prompt = label("Hur trivs du?", "How do you like it?")
        prompt["fi"] = "Miten viihdyt?"
        prompt["sv-x-lattlast"] = "Trivs du?"
        let rows = [MatrixLine(code: "r1", label: label("Lön", "Pay")), MatrixLine(code: "r_2", label: label("Ledning", "Management"))]
        let items: [Item] = [
            Item(code: "L01", prompt: prompt, kind: .likert(scale: LikertScale(name: "zero4", minimum: 0, labels: (0...4).map { label("\($0)", "\($0)") }), reverseCoded: true), isRequired: true),
            Item(code: "S01", prompt: label("Enkel", "Single"), kind: .singleChoice(options: options + [AnswerOption(code: -1, label: label("Vet ej", "Don't know"))])),
            Item(code: "M01", prompt: label("Flera", "Several"), kind: .multipleChoice(options: (0...39).map { AnswerOption(code: $0, label: label("O\($0)", "O\($0)")) }, maxSelections: 3)),
            Item(code: "N01", prompt: label("År", "Years"), kind: .numeric(range: 0...50, unit: label("år", "years"))),
            Item(code: "T01", prompt: label("Fritext", "Free text"), kind: .freeText(maxLength: 500)),
            Item(code: "K01", prompt: label("Kunskap", "Knowledge"), kind: .knowledge(KnowledgeQuestion(options: options, correct: 2, topic: .grounds))),
            Item(code: "B01", prompt: label("Bakgrund", "Background"), kind: .demographic(options: options), isSensitive: true),
            Item(code: "R01", prompt: label("Rangordna", "Rank"), kind: .ranking(options: options, minimumRanked: 1, maximumRanked: 2)),
            Item(code: "D01", prompt: label("Datum", "Date"), kind: .date(range: try! CalendarDate("2000-01-01")...CalendarDate("2030-12-31"))),
            Item(code: "DS[1]", prompt: label("Dubbel", "Dual"), kind: .dualScale(DualScale(rows: rows, scales: [
                DualScale.Axis(header: label("Vikt", "Importance"), options: options), DualScale.Axis(header: label("Nöjd", "Satisfied"), options: options),
            ]))),
            Item(code: "NM01", prompt: label("Timmar", "Hours"), kind: .numericMatrix(NumericMatrix(rows: rows, columns: [MatrixLine(code: "x", label: label("Vår", "Spring"))], range: -5...40))),
        ]
        return Questionnaire(id: "every-kind", title: label("Alla slag", "Every kind"),
                             sections: [Section(code: "A", title: label("Första", "First"), items: Array(items.prefix(6))),
                                        Section(code: "B", title: label("Andra", "Second"), items: Array(items.dropFirst(6)))])
    }

    /// Every item of the bank, in one questionnaire with the bank's scales.
    static var wholeBank: Questionnaire {
        Questionnaire(id: "item-bank", title: label("Frågebanken", "The item bank"),
                      sections: [Section(code: "BANK", title: label("Alla frågor", "Every item"), items: ItemBank.allItems)], scales: ItemBank.scales)
    }

    static var questionnaires: [Questionnaire] { [ItemBank.baselineBattery(), ItemBank.courseEvaluation(), wholeBank, everyKind] }

    @Test("export then import gives an equal questionnaire: the item bank and every item kind", arguments: questionnaires)
    func roundTrip(_ q: Questionnaire) throws {
        let export = try LimeSurveyExporter().export(q)
        let back = try LimeSurveyImporter(strict: true).importStructure(data: export.structure)
        #expect(back.questionnaire == q)
        #expect(back.mapping.columns == export.mapping.columns)
        #expect(back.mode == .anonymous)
    }

    @Test("without the embedded items the export still imports by question type, every kind kept")
    func byQuestionType() throws {
        let export = try LimeSurveyExporter().export(Self.everyKind)
        var text = String(decoding: export.structure, as: UTF8.self)
        text = text.replacingOccurrences(of: "<attribute>diversitykit_", with: "<attribute>dropped_")
        let back = try LimeSurveyImporter(strict: true).importStructure(data: Data(text.utf8))
        #expect(back.questionnaire.items.map(\.kind.name) == ["singleChoice", "singleChoice", "multipleChoice", "numeric", "freeText",
                                                              "singleChoice", "singleChoice", "ranking", "date", "dualScale", "numericMatrix"])
        #expect(back.questionnaire.items.map(\.code) == ["L01", "S01", "M01", "N01", "T01", "K01", "B01", "R01", "D01", "DS1", "NM01"])
        #expect(back.questionnaire.item("L01")?.prompt["fi"] == "Miten viihdyt?")
        #expect(back.questionnaire.item("D01")?.kind == .date(range: try CalendarDate("2000-01-01")...CalendarDate("2030-12-31")))
    }

    @Test("a response export of the exported survey reads back into the original item codes and answers")
    func responsesBack() throws {
        let q = Self.everyKind
        let export = try LimeSurveyExporter().export(q)
        let back = try LimeSurveyImporter().importStructure(data: export.structure)
        let importer = try LimeSurveyResponseImporter(questionnaire: back.questionnaire, mapping: back.mapping)
        let header = "id,submitdate,L01,S01,M01[SQ0],M01[SQ39],N01,T01,K01,B01,R01[1],R01[2],D01,DS1[r1#0],DS1[r2#1],NM01[r1_x],NM01[r2_x]"
        let row = "1,2024-02-04 08:26:31.5,A4,N1,Y,Y,12,Bra,A2,A3,A3,A1,2019-08-15 00:00:00,A2,A3,-5,40"
        let r = try #require(try importer.importAll(try CSVReader(text: header + "\r\n" + row + "\r\n")).responses.first)
        #expect(r.answers == [
            "L01": .value(4), "S01": .value(-1), "M01": .values([0, 39]), "N01": .value(12), "T01": .text("Bra"), "K01": .value(2),
            "B01": .value(3), "R01": .values([3, 1]), "D01": .date(try CalendarDate("2019-08-15")),
            "DS[1]": .cells(["r1#0": 2, "r_2#1": 3]), "NM01": .cells(["r1#x": -5, "r_2#x": 40]),
        ])
        try q.validate(r.answers, partial: false)
    }

    @Test("the languages written can be chosen; the base language is always among them")
    func chosenLanguages() throws {
        let export = try LimeSurveyExporter(languages: ["en"]).export(Self.everyKind)
        let text = String(decoding: export.structure, as: UTF8.self)
        #expect(text.contains("<language>sv</language>") && text.contains("<language>en</language>") && !text.contains("<language>fi</language>"))
        #expect(text.contains("<question_theme_name>listradio</question_theme_name>"))
        #expect(throws: LimeSurveyImportError.self) { try LimeSurveyExporter(languages: ["not a tag"]).export(Self.everyKind) }
    }

    @Test("what LimeSurvey cannot hold is refused with the reason", arguments: [
        Item(code: "S", prompt: label("x", "x"), kind: .singleChoice(options: [AnswerOption(code: 1, label: label("a", "a")), AnswerOption(code: 100_000, label: label("b", "b"))])),
        Item(code: "T", prompt: label("bell \u{7}", "x"), kind: .freeText(maxLength: 10)),
    ])
    func refusals(_ item: Item) {
        let q = Questionnaire(id: "q", title: Self.label("q", "q"), sections: [Section(code: "S", title: Self.label("s", "s"), items: [item])])
        #expect {
            try LimeSurveyExporter().export(q)
        } throws: { error in
            guard case LimeSurveyImportError.notExportable(let reason) = error else { return false }
            return !reason.isEmpty
        }
        let sensitive = Questionnaire(id: "q", title: Self.label("q", "q"), sections: [Section(code: "S", title: Self.label("s", "s"), items: [
            Item(code: "G", prompt: Self.label("g", "g"), kind: .demographic(options: Self.options), isSensitive: true)])])
        #expect(throws: LimeSurveyImportError.self) { try LimeSurveyExporter(mode: .identified).export(sensitive) }
    }
}
