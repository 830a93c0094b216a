import DiversityKit
import Foundation

/// What a respondent sends: one value, so fields can be added later.
public struct ResponseSubmission: Hashable, Sendable {
    /// The one-time token received.
    public var token: String
    /// The questionnaire version the respondent saw.
    public var questionnaire: QuestionnaireReference
    /// Answers by item code.
    public var answers: [String: Answer]
    /// A respondent-generated code for pairing a pre-test with a post-test (see ``LinkageCode``).
    public var linkageCode: String?
    /// When the respondent started, if the survey tool knows.
    public var startedAt: Date?
    /// Whether the respondent stopped before the end; required items may then be missing.
    public var isPartial: Bool

    /// Creates a submission.
    public init(token: String, questionnaire: QuestionnaireReference, answers: [String: Answer],
                linkageCode: String? = nil, startedAt: Date? = nil, isPartial: Bool = false) {
        self.token = token
        self.questionnaire = questionnaire
        self.answers = answers
        self.linkageCode = linkageCode
        self.startedAt = startedAt
        self.isPartial = isPartial
    }
}

extension SurveyService {
    /// Accepts a response: checks the token, the dates, the version and the answers, then in one
    /// batch marks the token used and stores the response.
    ///
    /// In anonymous mode the stored response has a random id, no token and no participant;
    /// its reporting unit is the unit the token was issued to.
    /// - Returns: the response as stored.
    /// - Throws: ``SurveyError/unknownToken``, ``SurveyError/tokenAlreadyUsed``,
    ///   ``SurveyError/surveyNotOpen(_:opens:)``, ``SurveyError/surveyClosed(_:)``,
    ///   ``SurveyError/wrongQuestionnaireVersion(expected:found:)``, ``SurveyError/invalidResponse(_:)``.
    @discardableResult
    public func submit(_ submission: ResponseSubmission) async throws -> SurveyResponse {
        guard var token = try await store.fetch(SurveyToken.self, id: submission.token) else { throw SurveyError.unknownToken }
        guard !token.isUsed else { throw SurveyError.tokenAlreadyUsed }
        let d = try await distribution(token.distribution)
        let now = clock()
        if now < d.opens { throw SurveyError.surveyNotOpen(d.id, opens: d.opens) }
        guard d.isOpen(at: now) else { throw SurveyError.surveyClosed(d.id) }
        guard submission.questionnaire == d.questionnaire else {
            throw SurveyError.wrongQuestionnaireVersion(expected: d.questionnaire, found: submission.questionnaire)
        }
        let q = try await questionnaire(d.questionnaire)
        try q.validate(submission.answers, partial: submission.isPartial)
        let response = SurveyResponse(
            id: .random(), questionnaire: d.questionnaire, distribution: d.id, reportingUnit: token.unit,
            participant: d.mode == .identified ? token.participant : nil,
            linkageCode: submission.linkageCode.map(LinkageCode.normalise), startedAt: submission.startedAt,
            submittedAt: now, isPartial: submission.isPartial, answers: submission.answers.filter { !$0.value.isEmpty })
        token.isUsed = true
        var batch = WriteBatch()
        try batch.insert(TokenUse(token: token.token))
        try batch.update(token)
        try batch.insert(response)
        do { try await store.write(batch) } catch StoreError.duplicate(let key) where key.type == TokenUse.recordType {
            throw SurveyError.tokenAlreadyUsed
        }
        return response
    }

    /// Stores responses collected elsewhere (an import), each validated against its questionnaire
    /// version, all or nothing through the store's bulk path.
    /// - Throws: ``SurveyError/unknownQuestionnaire(_:)``; ``SurveyError/invalidResponse(_:)`` for the
    ///   first invalid response; ``/DiversityKit/StoreError/duplicate(_:)`` when an id exists.
    public func importResponses(_ responses: [SurveyResponse]) async throws {
        var questionnaires: [QuestionnaireReference: Questionnaire] = [:]
        for r in responses {
            if questionnaires[r.questionnaire] == nil { questionnaires[r.questionnaire] = try await questionnaire(r.questionnaire) }
            try questionnaires[r.questionnaire]!.validate(r.answers, partial: r.isPartial)
        }
        try await store.bulkInsert(responses)
    }

    /// Every response of distribution `id`, ordered by (random) id.
    public func responses(of id: ID<SurveyDistribution>) async throws -> [SurveyResponse] {
        try await store.all(SurveyResponse.self, where: "distribution", equals: id.rawValue)
    }

    /// Every response to questionnaire version `reference`, ordered by id.
    public func responses(to reference: QuestionnaireReference) async throws -> [SurveyResponse] {
        try await store.all(SurveyResponse.self, where: "version", equals: reference.description)
    }

    /// The responses to `reference` as columns, read page by page (never all records at once).
    public func matrix(for reference: QuestionnaireReference, pageSize: Int = 5000) async throws -> ResponseMatrix {
        let q = try await questionnaire(reference)
        var builder = ResponseMatrix.Builder(questionnaire: q)
        try await store.forEach(SurveyResponse.self, matching: RecordQuery(type: SurveyResponse.recordType)
            .where("version", equals: reference.description), pageSize: pageSize) { builder.append($0) }
        return builder.build()
    }
}
