import DiversityKit
import Foundation

/// One respondent's answers to one questionnaire version (svar).
///
/// In an anonymous distribution a response carries **no token and no participant**: its id is
/// random, and its only group is ``reportingUnit`` — the unit the distribution reports by.
/// In an identified distribution (course evaluations) ``participant`` names the respondent.
///
/// Stored as `survey.response` with a compact binary payload (see `Docs/Surveys.md`).
///
/// ```swift
/// let r = SurveyResponse(id: .random(), questionnaire: q.reference, answers: ["A01": .value(4)])
/// ```
public struct SurveyResponse: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "survey.response"

    /// A random identifier (never derived from a token).
    public var id: ID<SurveyResponse>
    /// The questionnaire version answered.
    public var questionnaire: QuestionnaireReference
    /// The distribution it came through, if any (imported responses may have none).
    public var distribution: ID<SurveyDistribution>?
    /// The reporting group (redovisningsenhet): results are reported per unit, subject to
    /// disclosure control downstream (groups below the threshold are suppressed).
    public var reportingUnit: ID<OrganisationUnit>?
    /// The respondent, only in an identified distribution.
    public var participant: ID<Participant>?
    /// A respondent-generated code pairing a pre-test with a post-test without identity.
    public var linkageCode: String?
    /// When the respondent started, if known.
    public var startedAt: Date?
    /// When the respondent submitted, if known.
    public var submittedAt: Date?
    /// Whether the respondent stopped before finishing; partial responses are kept and flagged.
    public var isPartial: Bool
    /// Answers by item code; an unanswered item has no entry.
    public var answers: [String: Answer]

    /// Creates a response.
    public init(id: ID<SurveyResponse>, questionnaire: QuestionnaireReference,
                distribution: ID<SurveyDistribution>? = nil, reportingUnit: ID<OrganisationUnit>? = nil,
                participant: ID<Participant>? = nil, linkageCode: String? = nil,
                startedAt: Date? = nil, submittedAt: Date? = nil, isPartial: Bool = false,
                answers: [String: Answer]) {
        self.id = id
        self.questionnaire = questionnaire
        self.distribution = distribution
        self.reportingUnit = reportingUnit
        self.participant = participant
        self.linkageCode = linkageCode
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.isPartial = isPartial
        self.answers = answers
    }

    /// Seconds from start to submit, when both are known.
    public var duration: TimeInterval? {
        guard let startedAt, let submittedAt else { return nil }
        return submittedAt.timeIntervalSince(startedAt)
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["questionnaire": questionnaire.id.rawValue, "version": questionnaire.description]
        if let distribution { keys["distribution"] = distribution.rawValue }
        if let reportingUnit { keys["unit"] = reportingUnit.rawValue }
        return keys
    }

    /// The compact binary payload (version 1), about 4–8 bytes per answer.
    public func encodePayload() throws -> Data { ResponseBinaryCoding.encode(self) }

    /// Decodes a payload written by ``encodePayload()``.
    /// - Throws: ``/DiversityKit/StoreError/unsupportedRecordVersion(type:found:supported:)`` for a newer payload;
    ///   ``ResponseBinaryCoding/DecodingError`` for a damaged one.
    public static func decodePayload(_ data: Data, version: Int) throws -> SurveyResponse {
        guard version <= schemaVersion else {
            throw StoreError.unsupportedRecordVersion(type: recordType, found: version, supported: schemaVersion)
        }
        return try ResponseBinaryCoding.decode(data)
    }
}
