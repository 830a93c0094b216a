import DiversityKit
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

/// Constructs found in LimeSurvey's own sample surveys, rebuilt in fixtures written for these tests.
@Suite("Variations found in LimeSurvey's sample surveys")
struct SweepVariationTests {
    static func variations(strict: Bool = false) throws -> LimeSurveyStructure {
        try LimeSurveyImporter(strict: strict).importStructure(data: try Fixtures.data("sweep_variations"))
    }

    static func oldLayout() throws -> LimeSurveyStructure {
        try LimeSurveyImporter().importStructure(data: try Fixtures.data("sweep_old_layout"))
    }

    @Test("an array of numbers becomes one numeric matrix, its cells read from Q[row_column], with the dropdown's range")
    func numberGrid() throws {
        let s = try Self.variations()
        #expect(Array(s.report.importedItems.prefix(2)) == ["TID", "BOCK"])
        guard case .numericMatrix(let m)? = s.questionnaire.item("TID")?.kind else {
            Issue.record("TID is not a numeric matrix")
            return
        }
        #expect(m.rows.map(\.code) == ["SY001", "SY002"])
        #expect(m.columns.map(\.code) == ["SX001", "SX002"])
        #expect(m.range == 0...40)
        #expect(m.rows[1].label.sv == "Utbildning" && m.columns[0].label.en == "Spring")
        #expect(s.mapping.column("TID[SY001_SX002]")?.role == .cellNumber(key: "SY001#SX002"))
        #expect(s.mapping.column("TID_SY001_SX002") == LimeSurveyColumn(item: "TID", role: .cellNumber(key: "SY001#SX002")))
        guard case .numericMatrix(let box)? = s.questionnaire.item("BOCK")?.kind else {
            Issue.record("BOCK is not a numeric matrix")
            return
        }
        #expect(box.range == 0...1)
    }

    @Test("an array of texts becomes a free-text item per cell with the question's maximum length")
    func textGrid() throws {
        let q = try Self.variations().questionnaire
        #expect(q.item("ANTECK[r1_k1]")?.kind == .freeText(maxLength: 200))
        #expect(q.item("ANTECK[r1_k2]")?.prompt.sv == "Rad ett – Sedan")
    }

    @Test("an array without column sub-questions is skipped with the counts it found")
    func gridWithoutColumns() throws {
        #expect {
            try MiniSurvey.structure(type: ":", subs: ["a", "b"])
        } throws: { error in
            guard case LimeSurveyImportError.noImportableQuestions(let skipped) = error else { return false }
            return skipped.first?.reason == "an array of numbers needs row and column sub-questions, found 2 and 0"
        }
    }

    @Test("a hidden question is left out with a warning, not counted as unsupported, even in strict mode")
    func hidden() throws {
        let s = try Self.variations(strict: true)
        #expect(s.questionnaire.item("DOLD") == nil)
        #expect(s.report.skipped.isEmpty)
        #expect(s.report.warnings.contains { $0.hasPrefix("question DOLD (type 'S') is hidden in LimeSurvey (hidden = 1)") })
        #expect(s.report.warnings.contains { $0.hasPrefix("question BERAKNA (type '*') is hidden in LimeSurvey") })
    }

    @Test("a survey of text displays only is refused naming them, not as a survey without questions")
    func onlyTextDisplay() {
        #expect {
            try MiniSurvey.structure(type: "X")
        } throws: { error in
            guard case LimeSurveyImportError.noImportableQuestions(let questions) = error else { return false }
            return questions.map(\.title) == ["Q1"] && questions[0].reason == "shows text only and takes no answer"
                && !"\(error)".contains("the survey has none")
        }
    }

    @Test("an inherited anonymity setting (anonymized = I) is imported as anonymous, with a warning")
    func inheritedAnonymity() throws {
        let s = try Self.variations()
        #expect(s.mode == .anonymous)
        #expect(s.report.warnings.contains { $0.contains("anonymized = I") })
    }

    @Test("scripts are dropped from texts and numeric entities decoded")
    func scriptsAndEntities() throws {
        let prompt = try #require(try Self.variations().questionnaire.item("SKRIPT")).prompt
        #expect(prompt == LocalizedText(sv: "Vad tycker du om året – kort?", en: "What about the year – briefly?"))
    }

    @Test("texts holding LimeSurvey expressions are kept as written, with a warning naming the question")
    func expressions() throws {
        let s = try Self.variations()
        #expect(s.questionnaire.item("UTTRYCK")?.kind.options.first?.label.en == "Yes, {TOM.shown} is enough")
        #expect(s.report.warnings.contains("question UTTRYCK: its text contains LimeSurvey expressions ({…}), kept as written; DiversityKit does not evaluate them"))
        #expect(s.mapping.column("UTTRYCK")?.role == .code(["01": 1, "02": 2]))
    }

    @Test("the label of an 'other' option is the question's own other_replace_text, per language")
    func otherReplaceText() throws {
        let q = try Self.variations().questionnaire
        #expect(q.item("VAGAR")?.kind.options.map(\.label.sv) == ["Buss", "Cykel", "Annat färdsätt"])
        #expect(q.item("VAGAR")?.kind.options.map(\.label.en) == ["Buss", "Cykel", "Some other way"])
        #expect(try MiniSurvey.structure(type: "L", answers: ["A1", "A2"], other: "Y").questionnaire.item("Q1")?.kind.options.last?.label
            == LocalizedText(sv: "Annat", en: "Other"))
    }

    @Test("numeric limits that are not finite numbers give the full range instead of trapping")
    func extremeLimits() throws {
        #expect(try Self.variations().questionnaire.item("VIKT")?.kind == .numeric(range: -2_147_483_647...2_147_483_647, unit: nil))
        #expect(LSSQuestionConverter.range(low: "-1e300", high: "1e300") == -2_147_483_647...2_147_483_647)
        #expect(LSSQuestionConverter.range(low: "{Q1}", high: "7.9") == -2_147_483_647...7)
        #expect(LSSQuestionConverter.range(low: "inf", high: nil, defaultLow: 1, defaultHigh: 10) == 1...10)
    }

    @Test("a question without text in any language is prompted by its code; a group without a name falls back")
    func emptyTexts() throws {
        let q = try Self.variations().questionnaire
        #expect(q.item("TOM")?.prompt.sv == "TOM" && q.item("TOM")?.prompt.en == "TOM")
        #expect(q.sections.map(\.title.en) == ["Working time", "Övrigt"])
    }

    @Test("an old layout with answers per language, a ranking and a grid of number boxes imports every question")
    func oldLayout() throws {
        let s = try Self.oldLayout()
        #expect(s.report.importedItems == ["OFTA", "RANG", "RUTNAT", "KLAR"])
        #expect(s.report.skipped.isEmpty)
        #expect(s.questionnaire.title.sv == "0")
        guard case .numericMatrix(let m)? = s.questionnaire.item("RUTNAT")?.kind, case .ranking(let options, _, _)? = s.questionnaire.item("RANG")?.kind else {
            Issue.record("RUTNAT or RANG has the wrong kind")
            return
        }
        #expect(m.range == -2_147_483_647...2_147_483_647)
        #expect(m.rows.first?.label.sv == "Rad a" && m.columns.first?.label.sv == "Kolumn x")
        #expect(options.count >= 2)
        #expect(s.mode == .anonymous)
    }

    @Test("a response export fills grid cells by bracket and underscore headings")
    func gridResponses() throws {
        let s = try Self.variations()
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        let text = "id,submitdate,TID[SY001_SX001],TID_SY002_SX002,BOCK[rad_kol],ANTECK[r1_k2]\r\n"
            + "1,2026-03-02 10:15:00,12,40,1,Mest möten\r\n"
        let r = try #require(try importer.importAll(try CSVReader(text: text)).responses.first)
        #expect(r.answers["TID"] == .cells(["SY001#SX001": 12, "SY002#SX002": 40]))
        #expect(r.answers["BOCK"] == .cells(["rad#kol": 1]))
        #expect(r.answers["ANTECK[r1_k2]"] == .text("Mest möten"))
        let outOfRange = "id,submitdate,TID[SY001_SX001]\r\n1,2026-03-02 10:15:00,41\r\n"
        #expect(throws: LimeSurveyResponseImportError.self) { try importer.importAll(try CSVReader(text: outOfRange)) }
    }

    @Test("HTML becomes plain text", arguments: [
        ("a < b and c > d", "a < b and c > d"),
        ("&amp;lt;b&amp;gt;", "&lt;b&gt;"),
        ("It&#39;s &#x201C;fine&#x201D;", "It's “fine”"),
        ("<style>p { color: red }</style><p>Text</p>", "Text"),
        ("&unknown; &#xZZ; & more", "&unknown; &#xZZ; & more"),
        ("<b>fet</b><br/>rad", "fet rad"),
        ("<script>never closed", ""),
    ])
    func plain(html: String, text: String) {
        #expect(LimeSurveyTexts.plain(html) == text)
    }
}
