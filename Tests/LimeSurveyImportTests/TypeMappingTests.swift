import DiversityKit
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

@Suite("Mapping LimeSurvey question types")
struct TypeMappingTests {
    struct Case: Sendable, CustomStringConvertible {
        var type: String
        var answers: [String] = []
        var subs: [String] = []
        /// The item codes and kind names expected, or `nil` when the question is skipped.
        var items: [String]?
        var kind: String?
        var description: String { "type '\(type)'" }
    }

    static let cases: [Case] = [
        Case(type: "F", answers: ["A1", "A2", "A3"], subs: ["SQ001", "SQ002"], items: ["Q1[SQ001]", "Q1[SQ002]"], kind: "likert"),
        Case(type: "H", answers: ["A1", "A2"], subs: ["SQ001"], items: ["Q1[SQ001]"], kind: "likert"),
        Case(type: "A", subs: ["a", "b"], items: ["Q1[a]", "Q1[b]"], kind: "likert"),
        Case(type: "B", subs: ["a"], items: ["Q1[a]"], kind: "likert"),
        Case(type: "E", subs: ["a"], items: ["Q1[a]"], kind: "likert"),
        Case(type: "C", subs: ["a"], items: ["Q1[a]"], kind: "singleChoice"),
        Case(type: "5", items: ["Q1"], kind: "likert"),
        Case(type: "L", answers: ["A1", "A2"], items: ["Q1"], kind: "singleChoice"),
        Case(type: "!", answers: ["A1", "A2"], items: ["Q1"], kind: "singleChoice"),
        Case(type: "O", answers: ["A1", "A2"], items: ["Q1"], kind: "singleChoice"),
        Case(type: "M", subs: ["SQ001", "SQ002"], items: ["Q1"], kind: "multipleChoice"),
        Case(type: "P", subs: ["SQ001", "SQ002"], items: ["Q1"], kind: "multipleChoice"),
        Case(type: "N", items: ["Q1"], kind: "numeric"),
        Case(type: "K", subs: ["x", "y"], items: ["Q1[x]", "Q1[y]"], kind: "numeric"),
        Case(type: "S", items: ["Q1"], kind: "freeText"),
        Case(type: "T", items: ["Q1"], kind: "freeText"),
        Case(type: "U", items: ["Q1"], kind: "freeText"),
        Case(type: "Q", subs: ["x"], items: ["Q1[x]"], kind: "freeText"),
        Case(type: "G", items: ["Q1"], kind: "demographic"),
        Case(type: "Y", items: ["Q1"], kind: "singleChoice"),
        Case(type: "R", answers: ["A1", "A2"], items: ["Q1"], kind: "ranking"),
        Case(type: "*"),
        Case(type: "D", items: ["Q1"], kind: "date"),
        Case(type: "|"),
        Case(type: "1", answers: ["A1", "A2"], subs: ["a"]),
        Case(type: ":", subs: ["a"]),
        Case(type: ";", subs: ["a"]),
        Case(type: "Z"),
    ]

    @Test("each type becomes its item kind, or is reported with a reason", arguments: cases)
    func mapping(_ c: Case) throws {
        let xml = MiniSurvey.xml(type: c.type, answers: c.answers, subs: c.subs)
        if let items = c.items {
            let s = try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
            #expect(s.report.importedItems == items)
            #expect(s.questionnaire.items.allSatisfy { $0.kind.name == c.kind })
            #expect(s.report.skipped.isEmpty)
            try s.questionnaire.validate()
        } else {
            #expect {
                try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
            } throws: { error in
                guard case LimeSurveyImportError.noImportableQuestions(let skipped) = error else { return false }
                return skipped.count == 1 && skipped[0].type == c.type && skipped[0].title == "Q1" && !skipped[0].reason.isEmpty
            }
        }
    }

    @Test("the public type table agrees: every unsupported type names why")
    func table() {
        for type in LimeSurveyQuestionType.allCases {
            if case .unsupported(let reason) = type.conversion { #expect(reason.count > 20, "\(type)") }
        }
        #expect(LimeSurveyQuestionType(rawValue: "F")?.conversion == .likertArray)
        #expect(LimeSurveyQuestionType.textDisplay.conversion == .noAnswer)
    }

    @Test("the built-in codes: 5-point arrays 1…5, increase/same/decrease D/S/I, yes/no Y/N, gender F/M")
    func builtInCodes() throws {
        #expect(try MiniSurvey.structure(type: "A", subs: ["a"]).mapping.column("Q1[a]")?.role
            == .code(["1": 1, "2": 2, "3": 3, "4": 4, "5": 5]))
        #expect(try MiniSurvey.structure(type: "E", subs: ["a"]).mapping.column("Q1[a]")?.role == .code(["D": 1, "S": 2, "I": 3]))
        #expect(try MiniSurvey.structure(type: "Y").mapping.column("Q1")?.role == .code(["Y": 1, "N": 0]))
        #expect(try MiniSurvey.structure(type: "G").mapping.column("Q1")?.role == .code(["F": 1, "M": 2]))
        #expect(try MiniSurvey.structure(type: "C", subs: ["a"]).mapping.column("Q1[a]")?.role == .code(["Y": 1, "U": 2, "N": 3]))
    }

    @Test("questions that cannot make a valid item are skipped with the reason", arguments: [
        ("F", ["A1"], ["a"], "two answer options"),
        ("L", ["A1"], [], "two options"),
        ("L", ["A1", "A1"], [], "answer codes repeat"),
        ("F", ["A1", "A2"], [], "no sub-questions"),
        ("M", [], [], "no sub-questions"),
        ("M", [], (1...1_001).map { "S\($0)" }, "maximumOptions = 1000"),
        ("K", [], ["a", "a"], "sub-question codes repeat"),
    ])
    func invalid(type: String, answers: [String], subs: [String], reason: String) throws {
        #expect {
            try MiniSurvey.structure(type: type, answers: answers, subs: subs)
        } throws: { error in
            guard case LimeSurveyImportError.noImportableQuestions(let skipped) = error else { return false }
            return skipped.first?.reason.contains(reason) == true
        }
    }

    @Test("an array whose options live in pre-1.9 label sets says so")
    func labelSets() throws {
        let xml = MiniSurvey.xml(type: "F", subs: ["a"]).replacingOccurrences(
            of: "</document>", with: "<labelsets><rows><row><lid>1</lid><label_name>Skala</label_name></row></rows></labelsets></document>")
        #expect {
            try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
        } throws: { error in
            guard case LimeSurveyImportError.noImportableQuestions(let skipped) = error else { return false }
            return skipped.first?.reason.contains("label sets") == true
        }
    }

    @Test("a list with 'other' gains an 'Annat' option coded after the others")
    func listOther() throws {
        let s = try MiniSurvey.structure(type: "L", answers: ["A1", "A2"], other: "Y")
        #expect(s.questionnaire.item("Q1")?.kind.options.map(\.code) == [1, 2, 3])
        #expect(s.questionnaire.item("Q1")?.kind.options.last?.label == LocalizedText(sv: "Annat", en: "Other"))
        #expect(s.report.warnings.contains { $0.contains("'other'") })
    }
}
