import DiversityKit
import SurveyModule

extension SurveyResultsInput {
    /// Builds the report input from a questionnaire and its anonymous responses.
    ///
    /// The Likert items on the questionnaire's most used Likert scale become the report's items
    /// (answers as given, before reverse coding, so the distribution shows what people said);
    /// the questionnaire's scales whose items are all on that scale are tested for reliability, their
    /// reverse-coded items flipped;
    /// free-text answers become comments; each respondent's group is their reporting unit.
    ///
    /// ```swift
    /// let input = try SurveyResultsInput(questionnaire: battery, responses: responses,
    ///                                    language: .swedish, unitNames: ["viva": "VIVA"])
    /// let report = try EvaluationReports(language: .swedish).surveyResults(input)
    /// ```
    /// - Parameters:
    ///   - questionnaire: the questionnaire the responses answer.
    ///   - responses: the anonymous responses.
    ///   - language: the language of the labels and the scale's point labels.
    ///   - groupByUnit: break results down by reporting unit (small groups are pooled by the report).
    ///   - unitNames: names to show for unit ids; the id is shown otherwise.
    /// - Throws: ``SurveyResultsError/noLikertItems(questionnaire:)`` when the questionnaire has none.
    public init(questionnaire: Questionnaire, responses: [SurveyResponse], language: ReportLanguage,
                groupByUnit: Bool = true, unitNames: [ID<OrganisationUnit>: String] = [:]) throws {
        let lang: SurveyLanguage = language == .swedish ? .swedish : .english
        var scaleUse: [LikertScale: Int] = [:]
        for item in questionnaire.items { if case .likert(let s, _) = item.kind { scaleUse[s, default: 0] += 1 } }
        guard let scale = scaleUse.max(by: { ($0.value, $1.key.name) < ($1.value, $0.key.name) })?.key else {
            throw SurveyResultsError.noLikertItems(questionnaire: questionnaire.reference.description)
        }
        let likert = questionnaire.items.filter { if case .likert(let s, _) = $0.kind { return s == scale } else { return false } }
        let included = Set(likert.map(\.code))
        let comments = questionnaire.items.filter { if case .freeText = $0.kind { return true } else { return false } }.map(\.code)
        self.init(
            title: questionnaire.title[lang],
            points: scale.minimum...scale.maximum,
            pointLabels: scale.labels.map { $0[lang] },
            items: likert.map { item in
                .init(code: item.code, label: item.prompt[lang], answers: responses.map { $0.answers[item.code]?.intValue })
            },
            groups: groupByUnit ? responses.map { r in r.reportingUnit.map { unitNames[$0] ?? $0.rawValue } } : nil,
            scales: questionnaire.scales.filter { $0.itemCodes.allSatisfy(included.contains) }
                .map { scale in .init(name: scale.title[lang], itemCodes: scale.itemCodes, reversedItemCodes: scale.itemCodes.filter { code in
                    if case .likert(_, true)? = questionnaire.item(code)?.kind { return true } else { return false }
                }) },
            comments: responses.flatMap { r in
                comments.compactMap { code -> String? in
                    if case .text(let t)? = r.answers[code], !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return t }
                    return nil
                }
            })
    }
}
