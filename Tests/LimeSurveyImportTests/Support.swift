import DiversityKit
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

/// Fixtures written for these tests in LimeSurvey's formats (not LimeSurvey's own files).
enum Fixtures {
    static func data(_ name: String, _ ext: String = "lss") throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    /// The staff survey (LimeSurvey 6 layout, Swedish and English, anonymous) imported leniently.
    static func staff() throws -> LimeSurveyStructure {
        try LimeSurveyImporter().importStructure(data: try data("staff_l10ns"))
    }
}

/// A one-question survey in the LimeSurvey 6 layout, for the type-mapping table.
enum MiniSurvey {
    static func cdata(_ s: String) -> String { "<![CDATA[\(s)]]>" }

    static func rows(_ table: String, _ rows: [[(String, String)]]) -> String {
        "<\(table)><rows>" + rows.map { "<row>" + $0.map { "<\($0.0)>\(cdata($0.1))</\($0.0)>" }.joined() + "</row>" }.joined()
            + "</rows></\(table)>\n"
    }

    /// A survey with question `Q1` of `type`, answers `answers` and sub-questions `subs`.
    static func xml(type: String, answers: [String] = [], subs: [String] = [], anonymized: String = "N",
                    languages: [String] = ["sv", "en"], other: String = "N") -> String {
        var body = rows("groups", [[("gid", "1"), ("sid", "1"), ("group_order", "1")]])
        body += rows("group_l10ns", languages.map { [("gid", "1"), ("group_name", "Grupp \($0)"), ("language", $0)] })
        body += rows("questions", [[("qid", "1"), ("parent_qid", "0"), ("gid", "1"), ("type", type), ("title", "Q1"),
                                    ("other", other), ("mandatory", "N"), ("question_order", "1"), ("scale_id", "0")]])
        body += rows("subquestions", subs.enumerated().map { i, code in
            [("qid", "\(100 + i)"), ("parent_qid", "1"), ("gid", "1"), ("type", "T"), ("title", code), ("question_order", "\(i)"), ("scale_id", "0")]
        })
        var l10n: [[(String, String)]] = languages.map { [("qid", "1"), ("question", "Fråga (\($0))"), ("language", $0)] }
        for (i, code) in subs.enumerated() {
            l10n += languages.map { [("qid", "\(100 + i)"), ("question", "Del \(code) (\($0))"), ("language", $0)] }
        }
        body += rows("question_l10ns", l10n)
        body += rows("answers", answers.enumerated().map { i, code in
            [("aid", "\(i + 1)"), ("qid", "1"), ("code", code), ("sortorder", "\(i)"), ("scale_id", "0")]
        })
        body += rows("answer_l10ns", answers.enumerated().flatMap { i, code in
            languages.map { [("aid", "\(i + 1)"), ("answer", "Svar \(code) (\($0))"), ("language", $0)] }
        })
        body += rows("surveys", [[("sid", "1"), ("anonymized", anonymized), ("language", languages[0]),
                                  ("additional_languages", languages.dropFirst().joined(separator: " "))]])
        body += rows("surveys_languagesettings", languages.map { [("surveyls_survey_id", "1"), ("surveyls_language", $0), ("surveyls_title", "Enkät \($0)")] })
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document><LimeSurveyDocType>Survey</LimeSurveyDocType><DBVersion>640</DBVersion>"
            + "<languages>" + languages.map { "<language>\($0)</language>" }.joined() + "</languages>\n" + body + "</document>\n"
    }

    static func structure(type: String, answers: [String] = [], subs: [String] = [], anonymized: String = "N",
                          languages: [String] = ["sv", "en"], other: String = "N", strict: Bool = false) throws -> LimeSurveyStructure {
        try LimeSurveyImporter(strict: strict).importStructure(
            data: Data(xml(type: type, answers: answers, subs: subs, anonymized: anonymized, languages: languages, other: other).utf8))
    }
}

/// The seeded generator garbled inputs come from, so they are the same on every run.
typealias SeededGenerator = SplitMix64
