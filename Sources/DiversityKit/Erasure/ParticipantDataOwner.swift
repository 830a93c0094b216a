/// What to erase for one participant (radering enligt GDPR artikel 17).
public struct ErasureRequest: Hashable, Sendable, Codable {
    /// The participant to erase.
    public var participant: ID<Participant>
    /// The random stand-in that replaces the participant where a record must still count once
    /// (attendance), linking to no one. Made by ``Workspace/erase(_:identifyingTexts:)``.
    public var standIn: ID<Participant>
    /// Texts that identify the participant (their name, e-mail, a phrase from a comment they
    /// wrote): free text containing any of them is removed, case-insensitively.
    public var identifyingTexts: [String]

    /// Creates a request.
    public init(participant: ID<Participant>, standIn: ID<Participant>, identifyingTexts: [String] = []) {
        self.participant = participant
        self.standIn = standIn
        self.identifyingTexts = identifyingTexts
    }

    /// Whether `text` contains one of the identifying texts (or the participant's id).
    public func identifies(_ text: String) -> Bool {
        let needles = identifyingTexts.filter { !$0.isEmpty } + [participant.rawValue]
        return needles.contains { text.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }
}

/// A module's part in erasure: it declares which of its records name a participant and how to
/// erase them. The core, SurveyModule, ProgrammeToolkit and an embedder's own modules implement it;
/// ``Workspace/erase(_:identifyingTexts:)`` runs every registered owner and writes all their
/// operations in **one** atomic batch, then reclaims the space (``Store/reclaimSpace()``).
///
/// ## Implementation requirements
/// - Return operations only; never write. Make every update and delete conditional on the revision
///   read (``WriteBatch/update(_:ifRevision:)``), so a concurrent change makes the erasure retry
///   instead of resurrecting data.
/// - Cover every record of the module that holds the participant's id or a text that identifies
///   them (``ErasureRequest/identifies(_:)``), including guard records and rows.
/// - Records must not embed a participant id in their own id: an id cannot be rewritten in place.
///
/// ```swift
/// struct PaySurveyOwner: ParticipantDataOwner {
///     let name = "acme.pay-survey"
///     func erasure(for request: ErasureRequest, in store: any Store) async throws -> WriteBatch {
///         var batch = WriteBatch()
///         for row in try await store.allVersioned(PayRow.self, where: [.init(key: "participant",
///                                                 match: .equals(request.participant.rawValue))]) {
///             batch.delete(PayRow.self, id: row.record.recordID, ifRevision: row.revision)
///         }
///         return batch
///     }
/// }
/// let workspace = Workspace(store: store, dataOwners: [PaySurveyOwner()])
/// ```
public protocol ParticipantDataOwner: Sendable {
    /// A stable name for the owner, e.g. `"survey"`.
    var name: String { get }
    /// The operations that erase `request.participant` from this module's records.
    func erasure(for request: ErasureRequest, in store: any Store) async throws -> WriteBatch
}
