/// What ``Workspace/erase(_:identifyingTexts:)`` did. A receipt is returned only once the **logical**
/// erasure has committed: no record or row the store returns names the participant any more. Whether
/// the bytes the erasure left behind were also removed from the store's files is ``physical``.
///
/// ```swift
/// let receipt = try await workspace.erase("p-17", identifyingTexts: ["Kim Berg"])
/// if case .pending(let reason) = receipt.physical {
///     log("p-17 erased; space not reclaimed yet: \(reason)") // run reclaimSpace() as the tables' owner
/// }
/// ```
public struct ErasureReceipt: Hashable, Sendable, Codable {
    /// Who was erased.
    public var participant: ID<Participant>
    /// How many operations the committed batch held (deletes, updates, row replacements; checks not
    /// counted). More than zero: an erasure that finds nothing to write throws instead.
    public var operations: Int
    /// Whether the store's files were cleaned after the commit.
    public var physical: PhysicalErasure

    /// Creates a receipt.
    public init(participant: ID<Participant>, operations: Int, physical: PhysicalErasure) {
        self.participant = participant
        self.operations = operations
        self.physical = physical
    }

    /// Whether both parts are done: erased logically and the space reclaimed.
    public var isComplete: Bool { physical == .reclaimed }
}

/// The physical half of an erasure: ``Store/reclaimSpace()`` after the logical erasure committed.
public enum PhysicalErasure: Hashable, Sendable, Codable {
    /// ``Store/reclaimSpace()`` returned: the store's files keep no byte of what was erased (SQLite:
    /// zeroed pages and a truncated WAL; PostgreSQL: dead row versions vacuumed).
    case reclaimed
    /// ``Store/reclaimSpace()`` failed **after** the logical erasure committed, so the bytes of the
    /// erased records may still sit in the store's free space, WAL or dead row versions until the
    /// space is reclaimed. `reason` is the store's error, which never quotes a value. The usual cause
    /// is a PostgreSQL role that does not own the tables (SQLSTATE 42501: only the owner may
    /// `VACUUM`): run ``Store/reclaimSpace()`` on a store opened as the owner role
    /// (`diversitykit store reclaim --postgres URL`), or `VACUUM` the schema's tables as the owner.
    /// Running the erasure again is safe but does not reclaim: it finds nothing left to erase.
    case pending(reason: String)
}
