import DiversityKit
import Foundation
import SurveyModule

/// How a LimeSurvey response export lines up with an imported questionnaire: for each
/// LimeSurvey column heading (`"Q1"`, `"Q2[SQ001]"`, `"Q3[other]"`), the item it fills and how
/// its values become our answers — LimeSurvey's answer codes (`"A1"`, `"AO01"`) to our integer codes.
///
/// Produced by ``LimeSurveyImporter/importStructure(data:)``; store it next to the questionnaire
/// (it is a ``/DiversityKit/StoredRecord``, `limesurvey.mapping`) and pass both to ``LimeSurveyResponseImporter``
/// whenever responses arrive.
///
/// ```swift
/// let structure = try LimeSurveyImporter().importStructure(from: lss)
/// try await store.insert(structure.mapping)
/// ```
public struct LimeSurveyMapping: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "limesurvey.mapping"

    /// The questionnaire the structure became.
    public var questionnaire: QuestionnaireReference
    /// LimeSurvey's survey id (`sid`), e.g. `"967851"`.
    public var surveyID: String
    /// Anonymous when the survey's `anonymized` setting is `Y` (or `I`, inherited and unknown): its responses must not carry tokens.
    public var mode: DistributionMode
    /// The columns by LimeSurvey heading.
    public var columns: [String: LimeSurveyColumn]

    /// Creates a mapping.
    public init(questionnaire: QuestionnaireReference, surveyID: String, mode: DistributionMode, columns: [String: LimeSurveyColumn]) {
        self.questionnaire = questionnaire
        self.surveyID = surveyID
        self.mode = mode
        self.columns = columns
    }

    /// One mapping per questionnaire version.
    public var recordID: String { questionnaire.description }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["questionnaire": questionnaire.id.rawValue, "survey": surveyID] }

    /// The column for `heading`: verbatim (`Q2[SQ001]`), or in the underscore form some exports
    /// and statistics packages use (`Q2_SQ001`).
    public func column(_ heading: String) -> LimeSurveyColumn? {
        if let c = columns[heading] { return c }
        return underscoreForms[heading].flatMap { columns[$0] }
    }

    private var underscoreForms: [String: String] {
        var forms: [String: String] = [:]
        for heading in columns.keys where heading.hasSuffix("]") {
            let flat = heading.dropLast().replacingOccurrences(of: "[", with: "_")
            if columns[flat] == nil { forms[flat] = heading }
        }
        return forms
    }
}

/// One LimeSurvey response column: the item it fills and how its values are read.
public struct LimeSurveyColumn: Codable, Hashable, Sendable {
    /// Our item code.
    public var item: String
    /// How a value is read.
    public var role: LimeSurveyColumnRole

    /// Creates a column.
    public init(item: String, role: LimeSurveyColumnRole) {
        self.item = item
        self.role = role
    }
}

/// How the values of a LimeSurvey response column become an ``/SurveyModule/Answer``.
public enum LimeSurveyColumnRole: Codable, Hashable, Sendable {
    /// An answer code (`"A1"`, `"Y"`, `"3"`) for a single-valued item, by code.
    case code([String: Int])
    /// A number (`"12"`, `"12.0000000000"`); it must be whole.
    case number
    /// Free text.
    case text
    /// One option of a multiple-choice item: `"Y"` (or `"1"`) selects the code, empty leaves it.
    case option(Int)
    /// The "other" text of a multiple-choice item: any text selects the code; the text itself is not kept.
    case otherOption(Int)
    /// A column read but not kept (free-text comments and "other" texts of single choices), with why.
    case ignored(String)
}
