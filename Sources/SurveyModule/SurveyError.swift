import DiversityKit
import Foundation

/// Why the survey service refused an operation. Messages never contain answer values.
public enum SurveyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No published questionnaire version with this reference.
    case unknownQuestionnaire(QuestionnaireReference)
    /// This version is already published; publish a new version instead.
    case questionnaireAlreadyPublished(QuestionnaireReference)
    /// The new version's number does not follow the latest published one.
    case versionNotNext(QuestionnaireReference, latest: Int)
    /// No distribution with this identifier.
    case unknownDistribution(ID<SurveyDistribution>)
    /// No token with this text.
    case unknownToken
    /// The token was used before.
    case tokenAlreadyUsed
    /// The distribution does not accept responses yet.
    case surveyNotOpen(ID<SurveyDistribution>, opens: Date)
    /// The distribution has closed.
    case surveyClosed(ID<SurveyDistribution>)
    /// The response answers another version than the distribution sends.
    case wrongQuestionnaireVersion(expected: QuestionnaireReference, found: QuestionnaireReference)
    /// An identified distribution of a questionnaire with sensitive items.
    case sensitiveItemsNeedAnonymity(items: [String])
    /// A distribution whose close is not after its open, or an empty population.
    case invalidDistribution(reason: String)
    /// The answers break the questionnaire's rules; every issue is listed.
    case invalidResponse([ResponseIssue])
    /// A submission or imported response whose other fields are unacceptable: a time that is not a
    /// finite instant between the years 1 and 9999, a start after the submit, an over-long linkage code,
    /// a response to another version than its distribution sends.
    case invalidSubmission(reason: String)
    /// A ``TokenSecret`` that is too short or not Base64 (the message never shows its bytes).
    case invalidSecret(reason: String)
    /// A stored entry of the mix that cannot be opened: sealed under another secret, or damaged.
    case undecryptablePending(count: Int)

    /// A readable description.
    public var description: String { text(.english) }
}

/// One problem with a response's answers, naming the item.
public enum ResponseIssue: Hashable, Sendable, CustomStringConvertible {
    /// A required item is unanswered in a complete response.
    case missingRequired(item: String)
    /// A value outside the item's range.
    case outOfRange(item: String, value: Int, allowed: ClosedRange<Int>)
    /// A code that is not one of the item's options.
    case notAnOption(item: String, value: Int)
    /// An answer to an item the questionnaire does not have.
    case unknownItem(String)
    /// Text longer than the item allows.
    case textTooLong(item: String, length: Int, maximum: Int)
    /// More choices than the item allows, or a choice repeated.
    case invalidSelection(item: String, reason: String)
    /// An answer of the wrong kind (text for a Likert item, …).
    case wrongAnswerKind(item: String, expected: String)

    /// The item the issue is about.
    public var item: String {
        switch self {
        case .missingRequired(let i), .outOfRange(let i, _, _), .notAnOption(let i, _), .unknownItem(let i),
             .textTooLong(let i, _, _), .invalidSelection(let i, _), .wrongAnswerKind(let i, _): return i
        }
    }

    /// A readable description.
    public var description: String { text(.english) }
}
