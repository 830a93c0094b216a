import DiversityKit
import Foundation
import SurveyModule

/// Imports a LimeSurvey survey structure file (`.lss`) as a ``/SurveyModule/Questionnaire``.
///
/// Groups become sections, questions become items keeping LimeSurvey's codes (`Q1`, `Q2[SQ001]`),
/// arrays become Likert items of a scale, Swedish and English texts are taken where present, and
/// the survey's `anonymized` setting becomes ``LimeSurveyStructure/mode``. A question that cannot
/// be represented (a ranking, an equation, …) is listed in the report and left out — or, in
/// strict mode, the whole file is refused.
///
/// ```swift
/// let structure = try LimeSurveyImporter().importStructure(from: URL(fileURLWithPath: "limesurvey_survey_123456.lss"))
/// for q in structure.report.skipped { print(q) }            // question R1 (qid 12, type 'R'): a ranking …
/// try await service.publish(structure.questionnaire)
/// ```
public struct LimeSurveyImporter: Sendable {
    /// Refuse the whole file when any question cannot be represented (default: import the rest).
    public var strict: Bool
    /// The identifier of the questionnaire made, or `nil` for `"limesurvey-<sid>"`.
    public var questionnaireID: ID<Questionnaire>?

    /// Creates an importer.
    public init(strict: Bool = false, questionnaireID: ID<Questionnaire>? = nil) {
        self.strict = strict
        self.questionnaireID = questionnaireID
    }

    /// Imports the structure file at `url`.
    /// - Throws: ``LimeSurveyImportError``; `CocoaError` when the file cannot be read.
    public func importStructure(from url: URL) throws -> LimeSurveyStructure {
        try importStructure(data: try Data(contentsOf: url))
    }

    /// Imports a structure file's bytes.
    /// - Throws: ``LimeSurveyImportError``: `.notXML` with the parser's line and column,
    ///   `.notASurveyStructure`, `.malformedRow`, `.strictModeRefused` listing every unsupported
    ///   question, `.noImportableQuestions`.
    public func importStructure(data: Data) throws -> LimeSurveyStructure {
        let doc = try LSSDocument.parse(data)
        guard let docType = doc.docType else { throw LimeSurveyImportError.notASurveyStructure(found: "a <document> without <LimeSurveyDocType>") }
        guard docType == "Survey" else { throw LimeSurveyImportError.notASurveyStructure(found: "a LimeSurvey '\(docType)' export") }
        let survey = try LSSSurvey(doc)
        let texts = LimeSurveyTexts(languages: survey.languages, base: survey.baseLanguage)
        let converter = LSSQuestionConverter(survey: survey, texts: texts)
        var report = LimeSurveyImportReport(warnings: texts.warnings)
        var sections: [Section] = [], scales: [Scale] = [], columns: [String: LimeSurveyColumn] = [:]
        var itemOwner: [String: String] = [:]
        // Questions left out on purpose: named too if nothing at all can be imported.
        var leftOut: [LimeSurveyUnsupportedQuestion] = []
        let id = questionnaireID ?? ID("limesurvey-\(survey.surveyID.isEmpty ? "survey" : survey.surveyID)")
        for gid in survey.orderedGroupIDs {
            var items: [Item] = []
            for q in survey.questions(inGroup: gid) {
                func skip(_ reason: String) {
                    report.skipped.append(LimeSurveyUnsupportedQuestion(qid: String(q.qid), title: q.title, type: q.type, reason: reason))
                }
                func leave(_ reason: String) {
                    report.warnings.append("question \(q.title) (type '\(q.type)') \(reason); left out")
                    leftOut.append(LimeSurveyUnsupportedQuestion(qid: String(q.qid), title: q.title, type: q.type, reason: reason))
                }
                if LimeSurveyQuestionType(rawValue: q.type)?.conversion == .noAnswer {
                    leave("shows text only and takes no answer")
                    continue
                }
                if survey.isHidden(q.qid) {
                    leave("is hidden in LimeSurvey (hidden = 1): respondents never saw it, its value came from a default, the URL or an equation")
                    continue
                }
                let converted: ConvertedQuestion
                do { converted = try converter.convert(q) } catch let e as LSSQuestionConverter.Unsupported {
                    skip(e.reason)
                    continue
                }
                if let clash = converted.items.first(where: { itemOwner[$0.code] != nil }) {
                    skip("item code \(clash.code) is already used by question \(itemOwner[clash.code]!)")
                    continue
                }
                if let problem = Self.problem(with: converted, id: id) {
                    skip(problem)
                    continue
                }
                for item in converted.items { itemOwner[item.code] = "\(q.title) (qid \(q.qid))" }
                items += converted.items
                if let scale = converted.scale, !scales.contains(where: { $0.code == scale.code }) { scales.append(scale) }
                columns.merge(converted.columns) { first, _ in first }
                report.warnings += converted.warnings
                if Self.showsExpressions(converted.items) {
                    report.warnings.append("question \(q.title): its text contains LimeSurvey expressions ({…}), kept as written; DiversityKit does not evaluate them")
                }
            }
            guard !items.isEmpty else { continue }
            let name = texts.localized(survey.groups[gid]?.names ?? [:], fallback: "G\(gid)")
            sections.append(Section(code: "G\(gid)", title: name, items: items))
        }
        if strict && !report.skipped.isEmpty { throw LimeSurveyImportError.strictModeRefused(report.skipped) }
        guard !sections.isEmpty else { throw LimeSurveyImportError.noImportableQuestions(report.skipped + leftOut) }
        let questionnaire = Questionnaire(id: id, title: texts.localized(survey.titles, fallback: id.rawValue),
                                          sections: sections, scales: scales)
        report.importedItems = questionnaire.items.map(\.code)
        // An inherited setting is unknown here; anonymous is the choice that cannot expose anyone.
        let mode: DistributionMode = survey.anonymized || survey.anonymityInherited ? .anonymous : .identified
        if survey.anonymityInherited {
            report.warnings.append("the survey inherits its anonymity from a LimeSurvey survey group (anonymized = I), which the file "
                + "does not contain; imported as anonymous — a response export with a token column will be refused")
        }
        if mode == .identified && questionnaire.hasSensitiveItems {
            report.warnings.append("the survey is not anonymous (anonymized = N) but has sensitive items ("
                + questionnaire.items.filter(\.isSensitive).map(\.code).joined(separator: ", ") + "); distribute it anonymously")
        }
        let mapping = LimeSurveyMapping(questionnaire: questionnaire.reference, surveyID: survey.surveyID, mode: mode, columns: columns)
        return LimeSurveyStructure(questionnaire: questionnaire, mapping: mapping, report: report)
    }

    /// Whether a prompt or option label still holds an Expression Manager placeholder such as `{Q1.shown}`.
    static func showsExpressions(_ items: [Item]) -> Bool {
        items.contains { item in
            ([item.prompt] + item.kind.options.map(\.label)).contains { text in
                [text.sv, text.en].contains { s in s.firstIndex(of: "{").map { s[$0...].contains("}") } ?? false }
            }
        }
    }

    /// Why `converted` would make an invalid questionnaire, checked alone so one bad question
    /// never sinks the rest.
    private static func problem(with converted: ConvertedQuestion, id: ID<Questionnaire>) -> String? {
        let probe = Questionnaire(id: id, title: LocalizedText(sv: "", en: ""),
                                  sections: [Section(code: "probe", title: LocalizedText(sv: "", en: ""), items: converted.items)],
                                  scales: converted.scale.map { [$0] } ?? [])
        do { try probe.validate() } catch let e as QuestionnaireError { return e.description } catch { return "\(error)" }
        return nil
    }
}

/// The result of a structure import: the questionnaire, how response exports map onto it, and the report.
public struct LimeSurveyStructure: Codable, Hashable, Sendable {
    /// The questionnaire (version 1, not yet published).
    public var questionnaire: Questionnaire
    /// Column headings and answer codes of LimeSurvey's response exports; store it with the questionnaire.
    public var mapping: LimeSurveyMapping
    /// Items imported, questions skipped, warnings.
    public var report: LimeSurveyImportReport

    /// Creates a result.
    public init(questionnaire: Questionnaire, mapping: LimeSurveyMapping, report: LimeSurveyImportReport) {
        self.questionnaire = questionnaire
        self.mapping = mapping
        self.report = report
    }

    /// The distribution mode the survey ran in: anonymous when its `anonymized` setting is `Y`, or `I`
    /// (inherited from a survey group the file does not contain).
    public var mode: DistributionMode { mapping.mode }
}
