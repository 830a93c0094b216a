/// The storage plug-in point: records of any type with atomic, conditional batch writes, plus a
/// compact row path for high-volume data (survey responses).
///
/// Conformers: ``InMemoryStore``, the SQLite and PostgreSQL adapters, or an embedder's own.
/// Callers normally use the typed helpers in `Store+Records.swift` (`insert`, `fetch`, `all`).
///
/// ## Implementation requirements
/// - ``write(_:)`` is atomic: either every operation takes effect or none does, and a failed
///   batch leaves the store exactly as it was. Operations apply in order, so a batch may
///   insert and then update the same key. Concurrent batches (tasks, processes, servers) are
///   serialisable with respect to the records they write and check.
/// - **Revisions.** The store assigns ``RecordEnvelope/revision``: 1 on insert (or an upsert that
///   inserts), the previous revision + 1 on update or upsert. The value a written envelope carries
///   is ignored. ``fetch(_:)`` and ``query(_:)`` return the stored revision.
/// - **Conditions.** A ``WriteOperation/check(_:_:)`` is evaluated inside the batch's transaction at
///   its position in the batch; if it does not hold, the batch fails with
///   ``StoreError/conflict(_:)`` and nothing is written. A store that detects a serialisation
///   failure of its own (SQLite busy, PostgreSQL 40001/40P01) retries the batch a bounded number of
///   times and then reports ``StoreError/conflict(_:)``.
/// - ``fetch(_:)`` returns the latest committed envelope, byte for byte as written (payload, keys,
///   versions), with its revision. ``fetch(keys:)`` does the same for many keys at once, in the
///   keys' order (`nil` where a key is missing); a store answers it in one round trip where it can.
/// - **Ids are bytes.** Record ids are compared and ordered by their UTF-8 bytes: canonically
///   equivalent ids (NFC and NFD) are different records.
/// - ``query(_:)`` returns the matching envelopes of one type **ordered by id** (byte order of
///   the UTF-8 id), honouring ``RecordQuery/afterID``, ``RecordQuery/limit``,
///   ``RecordQuery/outdated`` and ``RecordQuery/requiredIndexVersion`` (refuse with
///   ``StoreError/staleIndex(type:stored:required:)`` when a record of the type was indexed below it).
/// - ``bulkInsert(_:)`` has the same all-or-nothing promise as an insert-only batch; a store
///   may make it faster (one transaction, a reused statement, `COPY`).
/// - **Rows.** ``WriteOperation/appendRows(_:_:)`` and its siblings apply inside the same atomic batch
///   as record operations. ``rows(_:)`` returns rows ordered by id; row ids carry no order within an
///   append (see ``CompactRow``). A store without a native path lowers rows to records with
///   ``WriteBatch/loweringRows()`` and keeps the default ``rows(_:)`` and ``countRows(_:)``.
/// - **Erasure.** After ``reclaimSpace()`` returns, no byte of a deleted or overwritten record or row
///   remains in the store's files (journal and WAL included) or system columns the store controls.
/// - **Cancellation.** A cancelled task's write fails with `CancellationError` and leaves the store as
///   it was; long reads stop between pages or statements.
/// - Blocking work (a C library's calls) runs off Swift's cooperative thread pool.
/// - Errors are ``StoreError``s; messages never contain payload values.
/// - A conforming store passes `StoreConformanceKit` from `DiversityKitTesting`.
public protocol Store: Sendable {
    /// The version of the store's own schema (tables, not record payloads).
    var schemaVersion: Int { get async throws }
    /// The record at `key`, or `nil`.
    func fetch(_ key: RecordKey) async throws -> RecordEnvelope?
    /// The records at `keys`, one entry per key in the same order, `nil` where a key is missing: what
    /// a command that validates many rows reads in one call instead of one fetch per row.
    func fetch(keys: [RecordKey]) async throws -> [RecordEnvelope?]
    /// The records matching `query`, ordered by id.
    func query(_ query: RecordQuery) async throws -> [RecordEnvelope]
    /// How many records match `query`'s type and filters (paging ignored).
    func count(_ query: RecordQuery) async throws -> Int
    /// Applies every operation of `batch`, or none.
    func write(_ batch: WriteBatch) async throws
    /// Inserts many records of any types at once, all or nothing.
    func bulkInsert(_ envelopes: [RecordEnvelope]) async throws
    /// A page of the rows matching `query`, ordered by id.
    func rows(_ query: RowQuery) async throws -> RowPage
    /// How many rows match `query`'s set, scope and group (paging ignored).
    func countRows(_ query: RowQuery) async throws -> Int
    /// Physically removes what deletes and updates left behind (SQLite: a WAL checkpoint with
    /// `secure_delete`; PostgreSQL: `VACUUM`): what erasure calls after its write.
    func reclaimSpace() async throws
}

extension Store {
    /// The default many-key fetch: one ``fetch(_:)`` per key.
    public func fetch(keys: [RecordKey]) async throws -> [RecordEnvelope?] {
        var result: [RecordEnvelope?] = []
        result.reserveCapacity(keys.count)
        for key in keys { result.append(try await fetch(key)) }
        return result
    }

    /// The default bulk path: one insert-only batch.
    public func bulkInsert(_ envelopes: [RecordEnvelope]) async throws {
        try await write(WriteBatch(envelopes.map { .insert($0) }))
    }

    /// The default row path: rows kept as records (see ``RowRecords``).
    public func rows(_ query: RowQuery) async throws -> RowPage {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("negative row limit \(limit)") }
        var page = RowPage()
        for e in try await self.query(RowRecords.query(query)) {
            let row = try RowRecords.row(from: e)
            page.append(id: row.id, scope: row.scope, group: row.group, cells: row.cells, extra: query.includeExtra ? row.extra : nil)
        }
        return page
    }

    /// The default row count: rows kept as records (see ``RowRecords``).
    public func countRows(_ query: RowQuery) async throws -> Int {
        try await count(RowRecords.query(query))
    }

    /// Nothing to reclaim by default (a store that keeps no files).
    public func reclaimSpace() async throws {}
}
