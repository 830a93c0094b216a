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

    /// The key written.
    public var key: RecordKey {
        switch self {
        case .insert(let e), .update(let e), .upsert(let e): return e.key
        case .delete(let k): return k
        }
    }
}

/// Writes applied all together or not at all.
///
/// ```swift
/// var batch = WriteBatch()
/// try batch.insert(participant)
/// try batch.update(rating)
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
}
