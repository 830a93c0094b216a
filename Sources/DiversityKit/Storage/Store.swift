/// The storage plug-in point: a store of records of any type, with atomic batch writes.
///
/// Conformers: ``InMemoryStore``, the SQLite and PostgreSQL adapters, or an embedder's own.
/// Callers normally use the typed helpers in `Store+Records.swift` (`insert`, `fetch`, `all`).
///
/// ## Implementation requirements
/// - ``write(_:)`` is atomic: either every operation takes effect or none does, and a failed
///   batch leaves the store exactly as it was. Operations apply in order, so a batch may
///   insert and then update the same key.
/// - ``fetch(_:)`` returns the latest committed envelope, byte for byte as written.
/// - ``query(_:)`` returns the matching envelopes of one type **ordered by id** (byte order of
///   the UTF-8 id), honouring ``RecordQuery/afterID`` and ``RecordQuery/limit``.
/// - ``bulkInsert(_:)`` has the same all-or-nothing promise as an insert-only batch; a store
///   may make it faster (one transaction, a reused statement, `COPY`).
/// - Errors are ``StoreError``s; messages never contain payload values.
/// - A conforming store passes `StoreConformanceKit` from `DiversityKitTesting`.
public protocol Store: Sendable {
    /// The version of the store's own schema (tables, not record payloads).
    var schemaVersion: Int { get async throws }
    /// The record at `key`, or `nil`.
    func fetch(_ key: RecordKey) async throws -> RecordEnvelope?
    /// The records matching `query`, ordered by id.
    func query(_ query: RecordQuery) async throws -> [RecordEnvelope]
    /// How many records match `query`'s type and filters (paging ignored).
    func count(_ query: RecordQuery) async throws -> Int
    /// Applies every operation of `batch`, or none.
    func write(_ batch: WriteBatch) async throws
    /// Inserts many records of any types at once, all or nothing.
    func bulkInsert(_ envelopes: [RecordEnvelope]) async throws
}

extension Store {
    /// The default bulk path: one insert-only batch.
    public func bulkInsert(_ envelopes: [RecordEnvelope]) async throws {
        try await write(WriteBatch(envelopes.map { .insert($0) }))
    }
}
