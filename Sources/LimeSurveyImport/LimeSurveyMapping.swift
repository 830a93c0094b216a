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
    /// Full-question-text headings (`"How satisfied are you?"`, `"Rate [Pay]"`) to the code
    /// heading they stand for, in every language of the survey; `""` for a text several columns share.
    public var textHeadings: [String: String] = [:]
    /// LimeSurvey question ids (`qid`) of the imported questions to their codes, for the
    /// `<sid>X<gid>X<qid>` field names of `.lsr` response files.
    public var questionCodes: [String: String] = [:]

    /// Creates a mapping.
    public init(questionnaire: QuestionnaireReference, surveyID: String, mode: DistributionMode, columns: [String: LimeSurveyColumn]) {
        self.questionnaire = questionnaire
        self.surveyID = surveyID
        self.mode = mode
        self.columns = columns
    }

    private enum CodingKeys: String, CodingKey { case questionnaire, surveyID, mode, columns, textHeadings, questionCodes }

    /// Decodes a mapping; one stored before text headings and question ids has none.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(questionnaire: try c.decode(QuestionnaireReference.self, forKey: .questionnaire),
                  surveyID: try c.decode(String.self, forKey: .surveyID), mode: try c.decode(DistributionMode.self, forKey: .mode),
                  columns: try c.decode([String: LimeSurveyColumn].self, forKey: .columns))
        textHeadings = try c.decodeIfPresent([String: String].self, forKey: .textHeadings) ?? [:]
        questionCodes = try c.decodeIfPresent([String: String].self, forKey: .questionCodes) ?? [:]
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

    /// The code heading `heading` stands for: itself, its underscore form, an unambiguous full
    /// question text, or a `.lsr` field name `<sid>X<gid>X<qid><suffix>` (with or without a leading `_`).
    public func codeHeading(_ heading: String) -> String? {
        resolver.resolve(heading)
    }

    /// Resolves headings with its lookup tables built once (a header of many columns stays linear).
    var resolver: HeadingResolver { HeadingResolver(self) }

    /// Looks headings up in prebuilt tables.
    struct HeadingResolver {
        let mapping: LimeSurveyMapping
        let underscore: [String: String]

        init(_ mapping: LimeSurveyMapping) {
            self.mapping = mapping
            underscore = mapping.underscoreForms
        }

        /// Whether `heading` is a full question text several columns share.
        func isAmbiguousText(_ heading: String) -> Bool { mapping.textHeadings[heading] == "" }

        func resolve(_ heading: String) -> String? {
            if mapping.columns[heading] != nil { return heading }
            if let h = underscore[heading] { return h }
            if let h = mapping.textHeadings[heading], !h.isEmpty { return h }
            return sgqa(heading)
        }

        /// `569118X1X12SQ001` → `Q1[SQ001]` when qid 12 is `Q1`.
        private func sgqa(_ heading: String) -> String? {
            var rest = Substring(heading)
            if rest.first == "_" { rest = rest.dropFirst() }
            let parts = rest.split(separator: "X", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].allSatisfy(\.isNumber), parts[1].allSatisfy(\.isNumber), !parts[0].isEmpty else { return nil }
            let tail = parts[2]
            let digits = tail.prefix { $0.isASCII && $0.isNumber }
            // The qid is the longest digit prefix that names a question (a suffix may start with digits: R1[1] is `…X12` + `1`).
            for length in stride(from: digits.count, through: 1, by: -1) {
                guard let code = mapping.questionCodes[String(digits.prefix(length))] else { continue }
                let suffix = tail.dropFirst(length)
                let candidate = suffix.isEmpty ? code : "\(code)[\(suffix)]"
                if mapping.columns[candidate] != nil { return candidate }
            }
            return nil
        }
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
    /// One rank of a ranking (`R1[1]` is rank 1): the answer code ranked there, by code.
    case rank(position: Int, codes: [String: Int])
    /// A date (`YYYY-MM-DD`, optionally with a time, which is not kept).
    case date
    /// One cell of a dual-scale array (`Q[SQ001#0]`): an answer code of the cell's scale, by code.
    case cellCode(key: String, codes: [String: Int])
    /// One cell of a numeric matrix (`Q[SQ001_SQ002]`): a whole number.
    case cellNumber(key: String)
}
