import DiversityKit
import Foundation

/// SurveyModule's part in erasure (``/DiversityKit/ParticipantDataOwner``): register it with the `Workspace` so
/// `Workspace.erase` removes a participant from survey data in the same batch as everything else.
///
/// For the participant it
/// - removes the participant link from their tokens, keeping each token's distribution, unit and
///   used/unused state (response rates stay right; the reminder list no longer names them);
/// - erases the participant from identified responses (rows and unmigrated envelopes), keeping the answers;
/// - removes every free-text answer the request identifies (``/DiversityKit/ErasureRequest/identifies(_:)``) from any
///   response, anonymous or not — in rows, in unmigrated envelopes and in responses still waiting in the
///   mix (opened with the secret, resealed).
///
/// ```swift
/// let workspace = Workspace(store: store, dataOwners: [SurveyDataOwner(secret: secret)])
/// try await workspace.erase("p-17", identifyingTexts: ["Kim Berg"])
/// ```
public struct SurveyDataOwner: ParticipantDataOwner {
    /// `"survey"`.
    public let name = "survey"
    /// The secret the survey service uses (to open and reseal pending responses).
    public let secret: TokenSecret
    /// The configuration the survey service uses (its pending-entry size).
    public let configuration: SurveyConfiguration

    /// An owner for stores served with `secret`.
    public init(secret: TokenSecret, configuration: SurveyConfiguration = SurveyConfiguration()) {
        self.secret = secret
        self.configuration = configuration
    }

    /// The conditional operations that erase `request.participant` from survey data.
    public func erasure(for request: ErasureRequest, in store: any Store) async throws -> WriteBatch {
        var batch = WriteBatch()
        let who = request.participant.rawValue
        for t in try await store.allVersioned(SurveyToken.self, where: [.init(key: "participant", match: .equals(who))]) {
            var token = t.record
            token.participant = nil
            try batch.update(token, ifRevision: t.revision)
        }
        func scrub(_ r: SurveyResponse) -> SurveyResponse? {
            var r = r
            var changed = false
            if r.participant == request.participant {
                r.participant = nil
                changed = true
            }
            for (code, answer) in r.answers {
                if case .text(let t) = answer, request.identifies(t) {
                    r.answers[code] = nil
                    changed = true
                }
            }
            return changed ? r : nil
        }
        let service = SurveyService(store: store, secret: secret, configuration: configuration)
        var layouts: [String: (ResponseRowLayout, Questionnaire)] = [:]
        for q in try await store.all(Questionnaire.self) {
            let layout = ResponseRowLayout(questionnaire: q)
            layouts[layout.rowSet.partition] = (layout, q)
            var replaced: [CompactRow] = []
            try await store.forEachRowPage(RowQuery(set: layout.rowSet, includeExtra: true)) { page in
                for i in 0..<page.count {
                    let r = try ResponseRowCoding.response(page: page, row: i, layout: layout)
                    guard let clean = scrub(r) else { continue }
                    var row = ResponseRowCoding.row(clean, layout: layout)
                    row.id = page.ids[i]
                    replaced.append(row)
                }
            }
            if !replaced.isEmpty { batch.operations.append(.replaceRows(layout.rowSet, replaced)) }
        }
        try await store.forEach(SurveyResponse.self) { r in
            if let clean = scrub(r) { try batch.update(clean) }
        }
        for e in try await store.query(RecordQuery(type: PendingResponse.recordType)) {
            guard let d = e.keys["distribution"].map({ ID<SurveyDistribution>($0) }),
                  let distribution = try await store.fetch(SurveyDistribution.self, id: d.rawValue),
                  let (layout, q) = layouts[distribution.questionnaire.description] else { continue }
            let row = try await service.openPending(e.payload, distribution: d)
            let r = try ResponseRowCoding.response(id: 0, scope: row.scope, group: row.group, cells: row.cells, extra: row.extra, layout: layout)
            guard let clean = scrub(r) else { continue }
            var resealed = try await service.sealPending(ResponseRowCoding.row(clean, layout: layout), distribution: d, questionnaire: q)
            resealed.id = e.id
            batch.expect(e.key, .revision(e.revision))
            try batch.update(resealed)
        }
        return batch
    }
}
