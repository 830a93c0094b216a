/// A keyed one-way function (such as HMAC-SHA-256 under a secret the embedder holds): what the
/// ``ErasureLedger`` keeps instead of an erased participant's id. `DiversityKitCrypto` provides one
/// backed by the system's libcrypto.
public protocol KeyedHasher: Sendable {
    /// The keyed hash of `text`, as printable text (e.g. lowercase hex).
    func hash(_ text: String) -> String
}

/// A record that a participant was erased, holding only the keyed hash of their id.
struct ErasureTombstone: StoredRecord, Codable, Hashable, Sendable {
    static let recordType = "erasure.tombstone"
    var hash: String
    var recordID: String { hash }
}

/// Remembers erasures without remembering who was erased, so they can be applied again to a
/// backup restored from before them.
///
/// A backup taken before an erasure still holds the erased data: restoring it brings the person
/// back. Register the ledger as a data owner; each erasure then writes, in the same atomic batch, a
/// tombstone holding only the **keyed hash** of the participant's id. After restoring a backup, run
/// ``reapply(to:)`` with the live store's ledger (or ``reapply(tombstones:to:)`` with an exported
/// list): every participant of the restored store whose keyed hash is a tombstone is erased again.
///
/// Without the key a tombstone reveals nothing; with the key, someone could test whether a given id
/// was erased — keep the key as carefully as the token secret.
///
/// ```swift
/// let ledger = ErasureLedger(hasher: myHMAC, store: liveStore)
/// let workspace = Workspace(store: liveStore, dataOwners: [ledger])
/// try await workspace.erase("anna")
/// // … later, after restoring an old backup into `restored`:
/// let receipts = try await ledger.reapply(to: Workspace(store: restored, dataOwners: [ledger]))
/// ```
public struct ErasureLedger: ParticipantDataOwner {
    /// `"erasure-ledger"`.
    public let name = "erasure-ledger"
    /// The keyed hash.
    public let hasher: any KeyedHasher
    /// Where the tombstones are kept (the live store).
    public let store: any Store

    /// A ledger whose tombstones live in `store`.
    public init(hasher: any KeyedHasher, store: any Store) {
        self.hasher = hasher
        self.store = store
    }

    /// A tombstone for the participant, written in the erasure's batch when the erased store still holds
    /// the participant's record (so a mistyped id, or a second run of a finished erasure, writes none).
    public func erasure(for request: ErasureRequest, in erased: any Store) async throws -> WriteBatch {
        let tombstone = ErasureTombstone(hash: hasher.hash(request.participant.rawValue))
        var batch = WriteBatch()
        guard try await erased.fetch(.of(Participant.self, request.participant.rawValue)) != nil else { return batch }
        if try await erased.fetch(ErasureTombstone.self, id: tombstone.hash) == nil { try batch.insert(tombstone) }
        return batch
    }

    /// Every tombstone's hash, to keep beside backups (it names no one).
    public func tombstones() async throws -> [String] {
        try await store.all(ErasureTombstone.self).map(\.hash)
    }

    /// Erases again every participant of `restored` whose keyed id is in this ledger's store.
    /// - Returns: one receipt per participant erased again; check ``ErasureReceipt/physical`` when the
    ///   restored store is opened by a role that may not reclaim space.
    @discardableResult
    public func reapply(to restored: Workspace) async throws -> [ErasureReceipt] {
        try await reapply(tombstones: Set(try await tombstones()), to: restored)
    }

    /// Erases again every participant of `restored` whose keyed id is in `tombstones`.
    /// - Returns: one receipt per participant erased again.
    @discardableResult
    public func reapply(tombstones: Set<String>, to restored: Workspace) async throws -> [ErasureReceipt] {
        var matches: [ID<Participant>] = []
        try await restored.store.forEach(Participant.self) { p in
            if tombstones.contains(hasher.hash(p.id.rawValue)) { matches.append(p.id) }
        }
        var receipts: [ErasureReceipt] = []
        for p in matches { receipts.append(try await restored.erase(p)) }
        return receipts
    }
}
