import DiversityKit
import Foundation
import SurveyModule

/// Writes a questionnaire as a LimeSurvey survey structure (`.lss`, the LimeSurvey 6 layout) that
/// LimeSurvey (and Sunet Survey) imports, so the item bank runs on an installation an
/// organisation already has; its response exports then read back through the returned mapping.
///
/// Sections become groups, every item one question coded by its item code (letters and digits,
/// as LimeSurvey requires: `K01` stays `K01`, `Q2[SQ001]` becomes `Q2SQ001`):
///
/// | item kind | LimeSurvey type |
/// |---|---|
/// | Likert, single choice, background, knowledge | `L` list (radio); answer codes `A<code>` (`N<code>` below zero) |
/// | multiple choice | `M`; sub-questions `SQ<code>`, `max_answers` |
/// | numeric | `N` with `min_num_value_n`, `max_num_value_n`, whole numbers only |
/// | free text | `T` with `maximum_chars` |
/// | ranking | `R` with `min_answers`, `max_answers` |
/// | date | `D` with `date_min`, `date_max` |
/// | dual-scale array | `1`; rows as sub-questions, `dualscale_headerA`/`B` |
/// | numeric matrix | `:` with input boxes, `multiflexible_min`/`max` |
///
/// Every language of the questionnaire is written, each text through its fallback chain. Each
/// question also carries the item itself as the attribute `diversitykit_item` (and the first
/// question the questionnaire's id, section codes and scales), so importing the export gives
/// back an equal questionnaire; without them the file imports by question type.
///
/// ```swift
/// let export = try LimeSurveyExporter().export(questionnaire)
/// try export.structure.write(to: URL(fileURLWithPath: "baseline.lss"))
/// ```
public struct LimeSurveyExporter: Sendable {
    /// The LimeSurvey survey id written (`sid`); LimeSurvey gives the survey a new one if it is taken.
    public var surveyID: Int
    /// The distribution mode: anonymous (`anonymized = Y`, the default) or identified.
    public var mode: DistributionMode
    /// The languages to write (BCP 47 tags LimeSurvey knows, e.g. `sv`, `en`, `fi`, `ar`), or `nil`
    /// for every language of the questionnaire. The base language is always written.
    public var languages: [String]?

    /// Creates an exporter.
    public init(surveyID: Int = 100_001, mode: DistributionMode = .anonymous, languages: [String]? = nil) {
        self.surveyID = surveyID
        self.mode = mode
        self.languages = languages
    }

    /// `questionnaire` as a `.lss` file and the mapping of its response exports.
    /// - Throws: ``/SurveyModule/QuestionnaireError`` for an invalid questionnaire; ``LimeSurveyImportError/notExportable(reason:)``
    ///   for an identified export of sensitive items, codes LimeSurvey cannot hold, or text XML cannot carry.
    public func export(_ q: Questionnaire) throws -> LimeSurveyExport {
        try q.validate()
        if mode == .identified && q.hasSensitiveItems {
            throw LimeSurveyImportError.notExportable(reason: "sensitive items (" + q.items.filter(\.isSensitive).map(\.code).joined(separator: ", ")
                + ") need an anonymous survey")
        }
        let chosen = self.languages ?? q.languages
        var languages = [q.baseLanguage]
        for tag in chosen where !languages.contains(where: { $0.lowercased() == tag.lowercased() }) {
            guard Questionnaire.isLanguageTag(tag) else { throw LimeSurveyImportError.notExportable(reason: "'\(tag)' is not a language tag") }
            languages.append(tag)
        }
        let sid = String(surveyID)
        var w = Writer(languages: languages, base: q.baseLanguage)
        var groups = Table("groups", ["gid", "sid", "group_order", "randomization_group", "grelevance"])
        var groupTexts = Table("group_l10ns", ["id", "gid", "group_name", "description", "language"])
        var questions = Table("questions", Self.questionFields)
        var subquestions = Table("subquestions", Self.questionFields)
        var questionTexts = Table("question_l10ns", ["id", "qid", "question", "help", "language"])
        var answers = Table("answers", ["aid", "qid", "code", "sortorder", "assessment_value", "scale_id"])
        var answerTexts = Table("answer_l10ns", ["id", "aid", "answer", "language"])
        var attributes = Table("question_attributes", ["qid", "attribute", "value", "language"])
        var columns: [String: LimeSurveyColumn] = [:]
        var titles: Set<String> = []
        var qid = 0, aid = 0, l10n = 0
        func texts(_ t: LocalizedText, _ row: (String, String, String) -> [String]) -> [[String]] {
            languages.map { language in
                l10n += 1
                return row(String(l10n), w.text(t, language), language)
            }
        }
        for (g, section) in q.sections.enumerated() {
            let gid = String(g + 1)
            groups.add([gid, sid, String(g), "", "1"])
            for language in languages {
                l10n += 1
                groupTexts.add([String(l10n), gid, w.text(section.title, language), "", language])
            }
            for (order, item) in section.items.enumerated() {
                qid += 1
                let id = String(qid)
                let title = LimeSurveyLayout.title(item.code, prefix: "Q", taken: &titles)
                let layout = try LimeSurveyLayout(item, title: title)
                columns.merge(layout.columns) { a, _ in a }
                questions.add([id, "0", sid, gid, layout.type.rawValue, title, "", "N", item.isRequired ? "Y" : "N", String(order), "0", "0", "1", "", "N",
                               layout.theme])
                questionTexts.rows += texts(item.prompt) { [$0, id, $1, "", $2] }
                for (i, sub) in layout.subs.enumerated() {
                    qid += 1
                    let subID = String(qid)
                    subquestions.add([subID, id, sid, gid, "T", sub.title, "", "N", "N", String(i), String(sub.scale), "0", "1", "", "N", ""])
                    questionTexts.rows += texts(sub.label) { [$0, subID, $1, "", $2] }
                }
                for (i, answer) in layout.answers.enumerated() {
                    aid += 1
                    let answerID = String(aid)
                    answers.add([answerID, id, answer.code, String(i), "0", String(answer.scale)])
                    answerTexts.rows += texts(answer.label) { [$0, answerID, $1, $2] }
                }
                for name in layout.attributes.keys.sorted() { attributes.add([id, name, layout.attributes[name]!, ""]) }
                for name in layout.localizedAttributes.keys.sorted() {
                    for language in languages { attributes.add([id, name, w.text(layout.localizedAttributes[name]!, language), language]) }
                }
                attributes.add([id, LimeSurveyEmbedding.itemAttribute,
                                try LimeSurveyEmbedding.encode(LimeSurveyEmbedding.ItemPart(section: section.code, item: item)), ""])
                if qid == 1 {
                    let part = LimeSurveyEmbedding.QuestionnairePart(
                        id: q.id, title: q.title, sections: q.sections.map { LimeSurveyEmbedding.SectionHead(code: $0.code, title: $0.title) },
                        scales: q.scales)
                    attributes.add([id, LimeSurveyEmbedding.questionnaireAttribute, try LimeSurveyEmbedding.encode(part), ""])
                }
            }
        }
        var surveys = Table("surveys", ["sid", "gsid", "admin", "active", "anonymized", "format", "language", "additional_languages", "datestamp", "ipaddr"])
        surveys.add([sid, "1", "", "N", mode == .anonymous ? "Y" : "N", "G", q.baseLanguage, languages.dropFirst().joined(separator: " "),
                     mode == .anonymous ? "N" : "Y", "N"])
        var settings = Table("surveys_languagesettings", ["surveyls_survey_id", "surveyls_language", "surveyls_title"])
        for language in languages { settings.add([sid, language, w.text(q.title, language)]) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>\n <LimeSurveyDocType>Survey</LimeSurveyDocType>\n <DBVersion>640</DBVersion>\n <languages>\n"
        for language in languages { xml += "  <language>\(try w.escape(language))</language>\n" }
        xml += " </languages>\n"
        for table in [answers, answerTexts, groups, groupTexts, questions, subquestions, questionTexts, attributes, surveys, settings] {
            xml += try table.xml(&w)
        }
        xml += "</document>\n"
        var mapping = LimeSurveyMapping(questionnaire: QuestionnaireReference(id: q.id, version: 1), surveyID: sid, mode: mode, columns: columns)
        mapping.questionCodes = Dictionary(uniqueKeysWithValues: questions.rows.map { ($0[0], $0[5]) })
        return LimeSurveyExport(structure: Data(xml.utf8), mapping: mapping)
    }

    static let questionFields = ["qid", "parent_qid", "sid", "gid", "type", "title", "preg", "other", "mandatory", "question_order",
                                 "scale_id", "same_default", "relevance", "modulename", "encrypted", "question_theme_name"]

    struct Table {
        let name: String
        let fields: [String]
        var rows: [[String]] = []

        init(_ name: String, _ fields: [String]) {
            self.name = name
            self.fields = fields
        }

        mutating func add(_ row: [String]) { rows.append(row) }

        func xml(_ w: inout Writer) throws -> String {
            guard !rows.isEmpty else { return "" }
            var out = " <\(name)>\n  <fields>\n"
            for f in fields { out += "   <fieldname>\(f)</fieldname>\n" }
            out += "  </fields>\n  <rows>\n"
            for row in rows {
                out += "   <row>\n"
                for (f, v) in zip(fields, row) where !v.isEmpty { out += "    <\(f)>\(try w.escape(v))</\(f)>\n" }
                out += "   </row>\n"
            }
            return out + "  </rows>\n </\(name)>\n"
        }
    }

    struct Writer {
        let languages: [String]
        let base: String

        func text(_ t: LocalizedText, _ language: String) -> String { t.text(for: language, base: base) }

        /// `text` escaped for XML; refuses characters XML 1.0 cannot carry.
        func escape(_ text: String) throws -> String {
            var out = ""
            out.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\u{9}", "\u{A}", "\u{D}": out.unicodeScalars.append(scalar)
                case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}":
                    throw LimeSurveyImportError.notExportable(reason: "the text '\(text.prefix(40))' holds control character U+\(String(scalar.value, radix: 16, uppercase: true)), which XML cannot carry")
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
    }
}

/// A questionnaire written for LimeSurvey.
public struct LimeSurveyExport: Hashable, Sendable {
    /// The `.lss` file's bytes.
    public var structure: Data
    /// How the survey's response exports map onto the questionnaire (the same mapping importing `structure` gives).
    public var mapping: LimeSurveyMapping
}
