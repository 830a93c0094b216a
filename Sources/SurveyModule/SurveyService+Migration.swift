import DiversityKit
import DiversityKitCrypto
import Foundation

/// What ``SurveyService/migrateStorage(pageSize:)`` moved.
public struct SurveyMigrationSummary: Hashable, Sendable {
    /// Tokens rewritten from clear text (payload version 1) to their keyed hash.
    public var tokens: Int
    /// Responses moved from `survey.response` envelopes to compact rows.
    public var responses: Int
    /// Creates a summary.
    public init(tokens: Int, responses: Int) {
        self.tokens = tokens
        self.responses = responses
    }
}

extension SurveyService {
    /// Moves a store written by earlier versions to the current layout, online and resumably:
    /// - tokens stored in clear become records keyed by their HMAC (their use markers too);
    /// - `survey.response` envelopes become compact rows of their questionnaire version (anonymous ones
    ///   keep only the day and a duration band, as new responses do).
    ///
    /// It works in pages of `pageSize`; each page is **one batch** (new rows or records in, the old
    /// envelopes out, conditional on their revisions), so a crash or a concurrent writer never loses or
    /// duplicates a response, and calling it again continues where it stopped. Reads include responses
    /// not yet moved, so the service works during the migration. Rows of one page are shuffled.
    /// - Returns: how much was moved by this call.
    @discardableResult
    public func migrateStorage(pageSize: Int = 1000) async throws -> SurveyMigrationSummary {
        guard pageSize > 0 else { throw StoreError.invalidArgument("page size \(pageSize) is not positive") }
        return SurveyMigrationSummary(tokens: try await migrateTokens(pageSize: pageSize),
                                      responses: try await migrateResponses(pageSize: pageSize))
    }

    private struct LegacyToken: Decodable {
        var token: String
        var distribution: ID<SurveyDistribution>
        var participant: ID<Participant>?
        var unit: ID<OrganisationUnit>?
        var isUsed: Bool
    }

    private func migrateTokens(pageSize: Int) async throws -> Int {
        var moved = 0
        let query = RecordQuery(type: SurveyToken.recordType, limit: pageSize, outdated: RecordVersions.of(SurveyToken.self))
        while true {
            try Task.checkCancellation()
            let page = try await store.query(query)
            guard !page.isEmpty else { return moved }
            var batch = WriteBatch()
            for e in page {
                batch.expect(e.key, .revision(e.revision))
                if e.version >= SurveyToken.schemaVersion {
                    // Current payload, older keys: rewrite in place.
                    batch.operations.append(.update(try e.decode(SurveyToken.self).envelope()))
                    continue
                }
                batch.operations.append(.delete(e.key))
                let old = try JSONDecoder().decode(LegacyToken.self, from: e.payload)
                let digest = secret.digest(of: old.token)
                try batch.insert(SurveyToken(digest: digest, distribution: old.distribution, participant: old.participant,
                                             unit: old.unit, isUsed: old.isUsed))
                let useKey = RecordKey.of(TokenUse.self, old.token)
                if try await store.fetch(useKey) != nil {
                    batch.operations.append(.delete(useKey))
                    try batch.insert(TokenUse(token: digest))
                }
            }
            try await store.write(batch)
            moved += page.count
        }
    }

    private func migrateResponses(pageSize: Int) async throws -> Int {
        var moved = 0
        var layouts: [QuestionnaireReference: ResponseRowLayout] = [:]
        var modes: [ID<SurveyDistribution>: DistributionMode] = [:]
        let query = RecordQuery(type: SurveyResponse.recordType, limit: pageSize)
        while true {
            try Task.checkCancellation()
            let page = try await store.query(query)
            guard !page.isEmpty else { return moved }
            var rows: [RowSetKey: [CompactRow]] = [:]
            var batch = WriteBatch()
            for e in page {
                var r = try e.decode(SurveyResponse.self)
                if layouts[r.questionnaire] == nil { layouts[r.questionnaire] = ResponseRowLayout(questionnaire: try await questionnaire(r.questionnaire)) }
                var mode = DistributionMode.anonymous
                if let id = r.distribution {
                    if modes[id] == nil { modes[id] = try await store.fetch(SurveyDistribution.self, id: id.rawValue)?.mode ?? .anonymous }
                    mode = modes[id]!
                }
                if mode == .anonymous || r.participant == nil { r = r.anonymised() }
                let layout = layouts[r.questionnaire]!
                rows[layout.rowSet, default: []].append(ResponseRowCoding.row(r, layout: layout))
                batch.expect(e.key, .revision(e.revision))
                batch.operations.append(.delete(e.key))
            }
            for (set, var list) in rows.sorted(by: { $0.key.partition < $1.key.partition }) {
                list.shuffle()
                batch.append(list, to: set)
            }
            try await store.write(batch)
            moved += page.count
        }
    }
}
