import DiversityKit
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

@Suite("Importing a LimeSurvey structure file")
struct StructureImportTests {
    @Test("a LimeSurvey 6 file (l10ns blocks) becomes sections, items and a scale with LimeSurvey's codes")
    func l10nsLayout() throws {
        let s = try Fixtures.staff()
        let q = s.questionnaire
        #expect(q.id == "limesurvey-456789")
        #expect(q.title == LocalizedText(sv: "Medarbetarenkät 2026", en: "Staff survey 2026"))
        #expect(q.sections.map(\.code) == ["G1", "G2"])
        #expect(q.sections.map(\.title.sv) == ["Arbetsklimat", "Om dig"])
        #expect(q.sections.map(\.title.en) == ["Work climate", "About you"])
        #expect(s.report.importedItems == [
            "KLIMAT[SQ001]", "KLIMAT[SQ002]", "KLIMAT[SQ003]", "ROLL", "KANAL",
            "ANSTALLD", "KON", "CHEF", "ENHET", "KOMMENTAR", "TIMMAR[arbete]", "TIMMAR[utbildning]", "NOJD", "UTV[SQ001]", "UTV[SQ002]",
        ])
        try q.validate()
        let climate = try #require(q.item("KLIMAT[SQ002]"))
        #expect(climate.prompt == LocalizedText(sv: "Jargongen är inkluderande.", en: "The jargon is inclusive."))
        #expect(climate.isRequired)
        guard case .likert(let scale, false) = climate.kind else { Issue.record("not Likert: \(climate.kind)"); return }
        #expect(scale.minimum == 1 && scale.maximum == 5)
        #expect(scale.labels.first == LocalizedText(sv: "Instämmer inte alls", en: "Strongly disagree"))
        #expect(q.scales.map(\.code) == ["KLIMAT", "UTV"])
        #expect(q.scales.first?.itemCodes == ["KLIMAT[SQ001]", "KLIMAT[SQ002]", "KLIMAT[SQ003]"])
        #expect(q.scales.first?.minimumAnswered == 2)
    }

    @Test("answer codes are kept in the mapping: AO01…AO05 become 1…5, -oth- the added 'other' option")
    func codesKept() throws {
        let s = try Fixtures.staff()
        #expect(s.mapping.column("KLIMAT[SQ001]")?.role == .code(["AO01": 1, "AO02": 2, "AO03": 3, "AO04": 4, "AO05": 5]))
        #expect(s.mapping.column("ROLL")?.role == .code(["A1": 1, "A2": 2, "A3": 3, "-oth-": 4]))
        #expect(s.mapping.column("ROLL[other]")?.role == .ignored("the text of an 'other' answer is not kept"))
        #expect(s.mapping.column("KANAL[SQ002]") == LimeSurveyColumn(item: "KANAL", role: .option(2)))
        #expect(s.mapping.column("KANAL[other]") == LimeSurveyColumn(item: "KANAL", role: .otherOption(4)))
        #expect(s.mapping.column("KANAL_SQ002") == LimeSurveyColumn(item: "KANAL", role: .option(2)))
        let role = try #require(s.questionnaire.item("ROLL")).kind.options
        #expect(role.map(\.label.en) == ["Employee", "Manager", "HR", "Other"])
        guard case .multipleChoice(let options, let max) = try #require(s.questionnaire.item("KANAL")).kind else {
            Issue.record("KANAL is not multiple choice")
            return
        }
        #expect(options.map(\.code) == [1, 2, 3, 4])
        #expect(max == 2)
    }

    @Test("question attributes set numeric ranges and text lengths; gender is a sensitive background question")
    func attributes() throws {
        let q = try Fixtures.staff().questionnaire
        #expect(q.item("ANSTALLD")?.kind == .numeric(range: 0...50, unit: nil))
        #expect(q.item("TIMMAR[arbete]")?.kind == .numeric(range: 0...80, unit: nil))
        #expect(q.item("ENHET")?.kind == .freeText(maxLength: 60))
        #expect(q.item("KOMMENTAR")?.kind == .freeText(maxLength: LSSQuestionConverter.defaultTextLength))
        let gender = try #require(q.item("KON"))
        #expect(gender.isSensitive)
        #expect(gender.kind.name == "demographic")
        #expect(q.item("CHEF")?.kind.options.map(\.code) == [1, 0])
    }

    @Test("the anonymized setting becomes the distribution mode")
    func anonymity() throws {
        #expect(try Fixtures.staff().mode == .anonymous)
        #expect(try MiniSurvey.structure(type: "S", anonymized: "N").mode == .identified)
        #expect(try MiniSurvey.structure(type: "S", anonymized: "Y").mapping.mode == .anonymous)
    }

    @Test("a sensitive item in a survey that was not anonymous gets a warning")
    func sensitiveIdentified() throws {
        let s = try MiniSurvey.structure(type: "G", anonymized: "N")
        #expect(s.report.warnings.contains { $0.contains("not anonymous") && $0.contains("Q1") })
    }

    @Test("an equation and a ranking are reported per question and the rest imported; text display is a warning")
    func lenient() throws {
        let s = try Fixtures.staff()
        #expect(s.report.skipped.map(\.title) == ["SUMMA", "RANK"])
        #expect(s.report.skipped.map(\.type) == ["*", "R"])
        #expect(s.report.skipped.map(\.qid) == ["28", "29"])
        #expect(s.report.skipped[0].reason.contains("equation"))
        #expect(s.report.skipped[1].reason.contains("ranking"))
        #expect(s.report.warnings.contains { $0.contains("INFO") && $0.contains("text only") })
        #expect(s.questionnaire.item("SUMMA") == nil && s.questionnaire.item("INFO") == nil)
    }

    @Test("strict mode refuses the whole file, listing every unsupported question")
    func strict() throws {
        do {
            _ = try LimeSurveyImporter(strict: true).importStructure(data: try Fixtures.data("staff_l10ns"))
            Issue.record("strict import succeeded")
        } catch LimeSurveyImportError.strictModeRefused(let questions) {
            #expect(questions.map(\.title) == ["SUMMA", "RANK"])
            #expect(LimeSurveyImportError.strictModeRefused(questions).description.contains("question RANK (qid 29, type 'R')"))
        }
        #expect(throws: Never.self) { try MiniSurvey.structure(type: "L", answers: ["A1", "A2"], strict: true) }
    }

    @Test("an old-style file (texts in rows per language, sub-questions among questions) imports the same way")
    func oldLayout() throws {
        let s = try LimeSurveyImporter(questionnaireID: "arbetsmiljo").importStructure(data: try Fixtures.data("workenv_old"))
        let q = s.questionnaire
        #expect(q.id == "arbetsmiljo")
        #expect(q.title == LocalizedText(sv: "Arbetsmiljöenkät", en: "Work environment survey"))
        #expect(q.sections.map(\.title) == [LocalizedText(sv: "Arbetsmiljö", en: "Work environment")])
        #expect(s.report.importedItems == ["TRIVSEL[1]", "TRIVSEL[2]", "FORV", "STOD", "ALDER", "OVRIGT"])
        #expect(s.report.skipped.map(\.title) == ["BERAKNA"])
        #expect(q.item("TRIVSEL[2]")?.prompt == LocalizedText(sv: "Kollegorna", en: "The colleagues"))
        #expect(q.item("FORV")?.kind.options.map(\.label.sv) == ["Socialförvaltningen", "Utbildningsförvaltningen"])
        #expect(s.mapping.column("FORV")?.role == .code(["SOC": 1, "UTB": 2]))
        #expect(s.mapping.column("STOD[b]")?.role == .option(2))
        #expect(s.mode == .identified)
        #expect(s.report.warnings.isEmpty)
    }

    @Test("HTML in texts becomes plain text, entities decoded")
    func plainText() throws {
        #expect(LimeSurveyTexts.plain("<p>Hur <b>väl</b>&nbsp;stämmer&amp;det?</p>\n") == "Hur väl stämmer&det?")
        #expect(LimeSurveyTexts.plain("a < b") == "a < b")
        #expect(try Fixtures.staff().questionnaire.item("KLIMAT[SQ001]")?.prompt.sv == "Jag trivs på min arbetsplats.")
    }

    @Test("every language is kept; without Swedish or English the base language is shown, with a warning each")
    func otherLanguages() throws {
        let s = try MiniSurvey.structure(type: "S", languages: ["de", "fr"])
        #expect(s.questionnaire.item("Q1")?.prompt == LocalizedText(["de": "Fråga (de)", "fr": "Fråga (fr)"]))
        #expect(s.questionnaire.baseLanguage == "de")
        #expect(s.questionnaire.item("Q1")?.prompt.text(for: "sv", base: s.questionnaire.baseLanguage) == "Fråga (de)")
        #expect(s.questionnaire.item("Q1")?.prompt.text(for: "fr-CA", base: s.questionnaire.baseLanguage) == "Fråga (fr)")
        #expect(s.report.warnings.filter { $0.contains("base language 'de'") }.count == 2)
        let english = try MiniSurvey.structure(type: "S", languages: ["en-GB"])
        #expect(english.questionnaire.item("Q1")?.prompt == LocalizedText(["en-GB": "Fråga (en-GB)"]))
        #expect(english.questionnaire.item("Q1")?.prompt.en == "Fråga (en-GB)")
        #expect(english.report.warnings.count == 1)
    }

    @Test("a structure import result round-trips through JSON, so it can be stored and used later")
    func codable() throws {
        let s = try Fixtures.staff()
        let back = try JSONDecoder().decode(LimeSurveyStructure.self, from: JSONEncoder().encode(s))
        #expect(back == s)
        let stored = try LimeSurveyMapping.decodePayload(try s.mapping.encodePayload(), version: 1)
        #expect(stored == s.mapping)
        #expect(s.mapping.recordID == "limesurvey-456789#1")
    }
}
