/// What a ``WriteOperation/check(_:_:)`` requires of a record when the batch commits.
public enum RecordCondition: Hashable, Sendable, Codable {
    /// No record exists at the key.
    case absent
    /// A record exists at the key.
    case present
    /// A record exists at the key with exactly this ``RecordEnvelope/revision``: compare-and-swap.
    case revision(Int)

    /// Whether a record with `revision` (or none, `nil`) satisfies the condition.
    public func isSatisfied(byRevision revision: Int?) -> Bool {
        switch self {
        case .absent: return revision == nil
        case .present: return revision != nil
        case .revision(let r): return revision == r
        }
    }
}

/// One write in a ``WriteBatch``.
public enum WriteOperation: Hashable, Sendable {
    /// Adds a record; fails with ``StoreError/duplicate(_:)`` when its key exists.
    case insert(RecordEnvelope)
    /// Replaces a record; fails with ``StoreError/notFound(_:)`` when its key does not exist.
    case update(RecordEnvelope)
    /// Adds or replaces a record.
    case upsert(RecordEnvelope)
    /// Removes a record; fails with ``StoreError/notFound(_:)`` when its key does not exist.
    case delete(RecordKey)
    /// Writes nothing, but fails the whole batch with ``StoreError/conflict(_:)`` unless the record at
    /// the key satisfies the condition at commit time (inside the batch's transaction, after the
    /// operations before it in the batch). How a read that a decision depended on is re-checked.
    case check(RecordKey, RecordCondition)
    /// Appends compact rows to a row set; the store assigns each row's id (see ``CompactRow``).
    case appendRows(RowSetKey, [CompactRow])
    /// Replaces the stored rows with these ids (each row's ``CompactRow/id``) in place; fails with
    /// ``StoreError/notFound(_:)`` when a row does not exist.
    case replaceRows(RowSetKey, [CompactRow])
    /// Removes the rows with these ids; fails with ``StoreError/notFound(_:)`` when one does not exist.
    case deleteRows(RowSetKey, ids: [Int64])

    /// The key written or checked; for a row operation, the row set's ``RowSetKey/recordKey``.
    public var key: RecordKey {
        switch self {
        case .insert(let e), .update(let e), .upsert(let e): return e.key
        case .delete(let k), .check(let k, _): return k
        case .appendRows(let s, _), .replaceRows(let s, _), .deleteRows(let s, _): return s.recordKey
        }
    }
}

/// Writes applied all together or not at all.
///
/// ```swift
/// var batch = WriteBatch()
/// try batch.insert(participant)
/// try batch.update(rating, ifRevision: 3)   // compare-and-swap: fails with .conflict if it changed
/// try await store.write(batch)
/// ```
public struct WriteBatch: Hashable, Sendable {
    /// The operations, applied in order.
    public var operations: [WriteOperation]

    /// A batch of these operations.
    public init(_ operations: [WriteOperation] = []) { self.operations = operations }

    /// Whether the batch writes nothing.
    public var isEmpty: Bool { operations.isEmpty }

    /// Appends an insert of `record`.
    public mutating func insert<R: StoredRecord>(_ record: R) throws { operations.append(.insert(try record.envelope())) }
    /// Appends an update of `record`.
    public mutating func update<R: StoredRecord>(_ record: R) throws { operations.append(.update(try record.envelope())) }
    /// Appends an upsert of `record`.
    public mutating func upsert<R: StoredRecord>(_ record: R) throws { operations.append(.upsert(try record.envelope())) }
    /// Appends a delete of record `id` of type `R`.
    public mutating func delete<R: StoredRecord>(_: R.Type, id: String) { operations.append(.delete(.of(R.self, id))) }

    /// Appends a check that the record at `key` satisfies `condition` when the batch commits.
    public mutating func expect(_ key: RecordKey, _ condition: RecordCondition) {
        operations.append(.check(key, condition))
    }

    /// Appends a check that `versioned` is still at the revision it was read at.
    public mutating func expectUnchanged<R: StoredRecord>(_ versioned: Versioned<R>) {
        operations.append(.check(.of(R.self, versioned.record.recordID), .revision(versioned.revision)))
    }

    /// Appends a compare-and-swap update: fails with ``StoreError/conflict(_:)`` unless the stored
    /// record is still at `revision`.
    public mutating func update<R: StoredRecord>(_ record: R, ifRevision revision: Int) throws {
        operations.append(.check(.of(R.self, record.recordID), .revision(revision)))
        operations.append(.update(try record.envelope()))
    }

    /// Appends a create-or-replace of `record` that holds only if nothing changed since `existing` was
    /// read: a compare-and-swap update when the record existed (`existing` is what was read), an insert
    /// conditional on the key still being absent when it did not (`existing` is `nil`). Either way a
    /// concurrent writer's change makes the batch fail with ``StoreError/conflict(_:)``, so the command
    /// re-reads and validates again instead of overwriting it.
    ///
    /// ```swift
    /// let existing = try await store.fetchVersioned(Programme.self, id: programme.id.rawValue)
    /// // … validate against what was read …
    /// try batch.replace(programme, existing: existing)
    /// ```
    public mutating func replace<R: StoredRecord>(_ record: R, existing: Versioned<R>?) throws {
        if let existing {
            precondition(existing.record.recordID == record.recordID, "replace needs the record's own earlier version")
            try update(record, ifRevision: existing.revision)
        } else {
            expect(.of(R.self, record.recordID), .absent)
            try insert(record)
        }
    }

    /// Appends a rewrite of `versioned` as it was read, conditional on its revision: nothing about the
    /// record changes but its revision moves, so every writer that read it and checks it
    /// (``expectUnchanged(_:)``, a compare-and-swap) conflicts and re-reads.
    ///
    /// How a write announces that it changed a set others validate against without writing the set's
    /// owner: a session scheduled under a programme touches the programme, a participant registered in
    /// an organisation touches the organisation, a record naming a participant touches the participant
    /// (so an erasure that read them before conflicts instead of missing the new record). Touch a record
    /// at most once per batch: a second touch would check the revision the first one moved.
    public mutating func touch<R: StoredRecord>(_ versioned: Versioned<R>) throws {
        try update(versioned.record, ifRevision: versioned.revision)
    }

    /// Appends a compare-and-swap delete: fails with ``StoreError/conflict(_:)`` unless the stored
    /// record is still at `revision`.
    public mutating func delete<R: StoredRecord>(_: R.Type, id: String, ifRevision revision: Int) {
        operations.append(.check(.of(R.self, id), .revision(revision)))
        operations.append(.delete(.of(R.self, id)))
    }

    /// Appends rows to `set`.
    public mutating func append(_ rows: [CompactRow], to set: RowSetKey) {
        guard !rows.isEmpty else { return }
        operations.append(.appendRows(set, rows))
    }

    /// Appends every operation of `other`, after this batch's own.
    public mutating func append(contentsOf other: WriteBatch) { operations += other.operations }
}

/// A record as read from a store, with the ``RecordEnvelope/revision`` a conditional write needs.
public struct Versioned<R: StoredRecord>: Sendable {
    /// The record.
    public var record: R
    /// Its store-assigned revision when it was read.
    public var revision: Int
    /// Pairs a record with its revision.
    public init(_ record: R, revision: Int) {
        self.record = record
        self.revision = revision
    }
}

extension Versioned: Equatable where R: Equatable {}
extension Versioned: Hashable where R: Hashable {}
