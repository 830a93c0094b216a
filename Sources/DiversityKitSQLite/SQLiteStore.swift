import CSQLite
import DiversityKit
import Foundation

/// The embedded default store: a SQLite file reached through the system's `libsqlite3`.
///
/// Opens (or creates) the file in WAL mode with foreign keys and `secure_delete` on, recognises its
/// own files by `PRAGMA application_id`, migrates older files forward and refuses newer, foreign or
/// damaged ones without touching them. Every value is bound as a parameter and statements are
/// prepared once and reused.
///
/// The one connection lives on its own `BlockingWorker` thread: every operation is one job there
/// (a whole transaction), so SQLite's blocking calls never occupy Swift's cooperative pool, and
/// callers simply await. Every write is `BEGIN IMMEDIATE`: its checks read under the write lock, so
/// read–validate–write is serialisable across tasks, stores and processes on the same file. Several
/// stores (or processes) may open the same file and wait for each other's lock.
///
/// ```swift
/// let store = try SQLiteStore(path: "diversity.sqlite")
/// try await store.insert(organisation)
/// let staff = try await store.all(Participant.self, where: "organisation", equals: "umea")
/// ```
public final class SQLiteStore: Store, @unchecked Sendable {
    // @unchecked: `connection` is touched only inside `worker` jobs, which run one at a time.

    /// How the store was opened.
    public let configuration: Configuration
    private let worker: BlockingWorker
    private let connection: Connection

    /// Opens the store described by `configuration`, creating and migrating the file as needed.
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a configuration ``Configuration/validate()``
    ///   refuses, ``/DiversityKit/StoreError/notADiversityKitStore(_:)`` for a file that is not SQLite, belongs to
    ///   another application or lacks the tables its version promises, ``/DiversityKit/StoreError/schemaTooNew(found:supported:)``
    ///   for a file written by newer code (all leave the file untouched), ``/DiversityKit/StoreError/backend(code:message:)``
    ///   when SQLite fails.
    public convenience init(_ configuration: Configuration) throws {
        try self.init(configuration, migratingTo: Migrations.latest)
    }

    /// Opens the file at `path` with the default configuration.
    /// - Throws: the errors of ``init(_:)``.
    public convenience init(path: String) throws {
        try self.init(Configuration(path: path))
    }

    /// Opens a store migrated only up to schema version `target` — how tests build an older file.
    init(_ configuration: Configuration, migratingTo target: Int) throws {
        try configuration.validate()
        self.configuration = configuration
        let worker = BlockingWorker(label: "DiversityKitSQLite")
        self.worker = worker
        self.connection = try worker.runAndWait { try SchemaOpener.open(configuration, migratingTo: target) }
    }

    /// A fresh private in-memory store, for previews and tests.
    /// - Throws: ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite cannot allocate it.
    public static func inMemory() throws -> SQLiteStore {
        try SQLiteStore(.inMemory)
    }

    /// The newest schema version this code knows; a file with a higher one is refused.
    public static var supportedSchemaVersion: Int { Migrations.latest }

    /// The file's schema version (`PRAGMA user_version`), equal to ``supportedSchemaVersion`` once open.
    public var schemaVersion: Int {
        get async throws { try await job { c, _ in try c.integer("PRAGMA user_version") } }
    }

    // MARK: Records

    /// The record at `key` with its index keys and revision, or `nil`.
    /// - Throws: ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite fails.
    public func fetch(_ key: RecordKey) async throws -> RecordEnvelope? {
        try await job { c, _ in try Self.fetch(key, c) }
    }

    /// The records at `keys`, in their order (`nil` where missing), read in one job through the same
    /// two prepared statements as ``fetch(_:)``: one thread hop for the lot instead of one per key.
    /// - Throws: ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite fails; `CancellationError`.
    public func fetch(keys: [RecordKey]) async throws -> [RecordEnvelope?] {
        guard !keys.isEmpty else { return [] }
        return try await job { c, context in
            var result: [RecordEnvelope?] = []
            result.reserveCapacity(keys.count)
            for (i, key) in keys.enumerated() {
                if i % 1024 == 1023 { try context.check() }
                result.append(try Self.fetch(key, c))
            }
            return result
        }
    }

    private static func fetch(_ key: RecordKey, _ c: Connection) throws -> RecordEnvelope? {
        let record = try c.statement("SELECT version, payload, revision, index_version FROM records WHERE type = ? AND id = ?")
        defer { record.reset() }
        try record.bind(key.type, at: 1)
        try record.bind(key.id, at: 2)
        guard try record.step() else { return nil }
        var envelope = RecordEnvelope(type: key.type, id: key.id, version: record.int(at: 0), keys: [:],
                                      payload: record.data(at: 1), indexVersion: record.int(at: 3), revision: record.int(at: 2))
        let keys = try c.statement("SELECT key, value FROM record_keys WHERE type = ? AND id = ? AND whole = 1")
        defer { keys.reset() }
        try keys.bind(key.type, at: 1)
        try keys.bind(key.id, at: 2)
        while try keys.step() { envelope.keys[keys.string(at: 0)] = keys.string(at: 1) }
        return envelope
    }

    /// The records of `query.type` matching its filters, ordered by the UTF-8 bytes of their ids.
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a negative limit,
    ///   ``/DiversityKit/StoreError/staleIndex(type:stored:required:)`` when records of the type were indexed below
    ///   ``/DiversityKit/RecordQuery/requiredIndexVersion``, ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite fails.
    public func query(_ query: RecordQuery) async throws -> [RecordEnvelope] {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("query limit \(limit) is negative") }
        return try await job { c, context in
            try Self.checkIndexVersion(query, c)
            let conditions = QuerySQL(query, paged: true)
            // The page is chosen first, then joined with its keys; one row per (record, key).
            let statement = try c.statement("""
                SELECT p.id, p.version, p.payload, p.revision, p.index_version, k.key, k.value
                FROM (SELECT r.id, r.version, r.payload, r.revision, r.index_version FROM records r WHERE \(conditions.condition)) p
                LEFT JOIN record_keys k ON k.type = ? AND k.id = p.id AND k.whole = 1
                ORDER BY p.id
                """)
            defer { statement.reset() }
            try conditions.bind(to: statement)
            try statement.bind(query.type, at: Int32(conditions.values.count + 1))
            var result: [RecordEnvelope] = []
            while try statement.step() {
                // Rows of one record are adjacent; a new record starts where the id's *bytes* change
                // (a Swift `==` would treat NFC and NFD ids as one record and merge them).
                if result.isEmpty || !statement.text(at: 0, equals: result[result.count - 1].id) {
                    if result.count % 1024 == 1023 { try context.check() }
                    result.append(RecordEnvelope(type: query.type, id: statement.string(at: 0), version: statement.int(at: 1), keys: [:],
                                                 payload: statement.data(at: 2), indexVersion: statement.int(at: 4),
                                                 revision: statement.int(at: 3)))
                }
                if !statement.isNull(at: 5) { result[result.count - 1].keys[statement.string(at: 5)] = statement.string(at: 6) }
            }
            return result
        }
    }

    /// How many records of `query.type` match its filters; paging is ignored.
    /// - Throws: ``/DiversityKit/StoreError/staleIndex(type:stored:required:)`` as ``query(_:)``,
    ///   ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite fails.
    public func count(_ query: RecordQuery) async throws -> Int {
        try await job { c, _ in
            try Self.checkIndexVersion(query, c)
            let conditions = QuerySQL(query)
            let statement = try c.statement("SELECT count(*) FROM records r WHERE \(conditions.condition)")
            defer { statement.reset() }
            try conditions.bind(to: statement)
            guard try statement.step() else { return 0 }
            return statement.int(at: 0)
        }
    }

    /// Refuses a query on keys that records of its type were not indexed with: one seek in
    /// `records_index_version (type, index_version)`.
    private static func checkIndexVersion(_ query: RecordQuery, _ c: Connection) throws {
        guard query.outdated == nil, let required = query.requiredIndexVersion else { return }
        let lowest = try c.statement("SELECT min(index_version) FROM records WHERE type = ?")
        defer { lowest.reset() }
        try lowest.bind(query.type, at: 1)
        guard try lowest.step(), !lowest.isNull(at: 0) else { return }
        let stored = lowest.int(at: 0)
        if stored < required { throw StoreError.staleIndex(type: query.type, stored: stored, required: required) }
    }

    // MARK: Writes

    /// Applies every operation of `batch` in one `BEGIN IMMEDIATE` transaction, or none of them.
    ///
    /// Checks are read under the write lock at their position in the batch; revisions are assigned
    /// here. Cancellation is checked between operations (and interrupts a running statement): a
    /// cancelled batch rolls back.
    /// - Throws: ``/DiversityKit/StoreError/conflict(_:)`` when a check does not hold or another connection kept the
    ///   file locked past ``Configuration/busyTimeout``; ``/DiversityKit/StoreError/duplicate(_:)``,
    ///   ``/DiversityKit/StoreError/notFound(_:)``, `CancellationError` or ``/DiversityKit/StoreError/backend(code:message:)``.
    ///   The file is then exactly as before.
    public func write(_ batch: WriteBatch) async throws {
        guard let first = batch.operations.first else {
            try Task.checkCancellation()
            return
        }
        try await writeJob(conflictKey: first.key) { c, context in
            let writer = RecordWriter(c)
            for operation in batch.operations {
                try context.check()
                try writer.apply(operation)
            }
        }
    }

    /// Inserts every envelope in one transaction through reused statements, each at revision 1: the
    /// fast path for many records. All or nothing.
    /// - Throws: ``/DiversityKit/StoreError/duplicate(_:)`` when a key exists (in the store or twice in `envelopes`).
    public func bulkInsert(_ envelopes: [RecordEnvelope]) async throws {
        guard let first = envelopes.first else { return }
        try await writeJob(conflictKey: first.key) { c, context in
            let writer = RecordWriter(c)
            for (i, envelope) in envelopes.enumerated() {
                if i % 1024 == 0 { try context.check() }
                try writer.insert(envelope)
            }
        }
    }

    // MARK: Compact rows

    /// A page of the rows matching `query`, ordered by id, read straight into the page's columns.
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a negative limit, ``/DiversityKit/StoreError/backend(code:message:)``.
    public func rows(_ query: RowQuery) async throws -> RowPage {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("negative row limit \(limit)") }
        return try await job { c, context in try RowReader.page(query, c, context) }
    }

    /// How many rows match `query`'s set, scope and group: one SQL `count(*)`.
    public func countRows(_ query: RowQuery) async throws -> Int {
        try await job { c, _ in try RowReader.count(query, c) }
    }

    // MARK: Erasure

    /// Makes deletions physical: drops interned scope and group strings no row uses any more, rebuilds
    /// the file (`VACUUM`), then checkpoints the WAL into the main file and truncates it
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`). `secure_delete`, set at open, zeroes space as it is freed,
    /// but a cell that a b-tree rebalance moved can leave an old copy in a page's unused area (seen in
    /// the example programs' erasure test); `VACUUM` writes every page afresh, so afterwards no byte of a
    /// deleted record or row is left in the file, its `-wal` or its `-shm`. It rewrites the whole file:
    /// for a large store, erasure costs a file copy.
    /// - Throws: ``/DiversityKit/StoreError/backend(code:message:)`` with `SQLITE_BUSY` when another connection's
    ///   open read kept the checkpoint from finishing within the busy timeout.
    public func reclaimSpace() async throws {
        try await writeJob(conflictKey: RecordKey(type: "sqlite", id: "reclaim")) { c, _ in
            try c.execute("""
                DELETE FROM row_strings WHERE string_id NOT IN (SELECT scope_id FROM compact_rows)
                    AND string_id NOT IN (SELECT group_id FROM compact_rows);
                DELETE FROM row_sets WHERE set_id NOT IN (SELECT set_id FROM compact_rows);
                """)
        }
        try await job { c, _ in
            try c.execute("VACUUM")
            let checkpoint = try c.statement("PRAGMA wal_checkpoint(TRUNCATE)")
            defer { checkpoint.reset() }
            if try checkpoint.step(), checkpoint.int(at: 0) != 0 {
                throw StoreError.backend(code: SQLITE_BUSY, message: "the WAL checkpoint was blocked by another connection")
            }
        }
    }

    // MARK: Maintenance

    /// Closes the connection, checkpointing the WAL into the main file. Later calls throw
    /// ``/DiversityKit/StoreError/backend(code:message:)`` with `SQLITE_MISUSE`. Closing twice is harmless.
    public func close() async {
        do { try await job { c, _ in c.close() } } catch {
            // Cancelled before the job ran: close anyway, after whatever job is running now.
            worker.runAndWait { connection.close() }
        }
    }

    /// Runs `PRAGMA integrity_check` and returns its findings: `["ok"]` for a healthy file.
    /// - Throws: ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite cannot run the check.
    public func integrityCheck() async throws -> [String] {
        try await job { c, _ in try c.strings("PRAGMA integrity_check") }
    }

    /// Runs SQL without values: how tests age or damage a file on purpose.
    func execute(_ sql: String) async throws { try await job { c, _ in try c.execute(sql) } }

    /// The first column of every row of `sql`: how tests look inside the file.
    func strings(_ sql: String) async throws -> [String] { try await job { c, _ in try c.strings(sql) } }

    /// The details of `EXPLAIN QUERY PLAN sql`: how tests see which index a statement uses.
    func queryPlan(_ sql: String) async throws -> [String] {
        try await job { c, _ in
            let statement = try c.statement("EXPLAIN QUERY PLAN " + sql)
            defer { statement.reset() }
            var details: [String] = []
            while try statement.step() { details.append(statement.string(at: 3)) }
            return details
        }
    }

    // MARK: Jobs

    /// Runs `body` on the worker with the connection; a cancelled task's running statement is
    /// interrupted and the job ends with `CancellationError`.
    func job<T: Sendable>(_ body: @escaping @Sendable (Connection, JobContext) throws -> T) async throws -> T {
        try await worker.run { cancellation in
            let connection = self.connection
            // A closed connection has no handle to interrupt; its statements throw SQLITE_MISUSE.
            let context = JobContext(cancellation: cancellation, handle: connection.isOpen ? try connection.database() : nil)
            connection.cancellation = cancellation
            defer {
                context.disarm()
                connection.cancellation = nil
            }
            do {
                return try body(connection, context)
            } catch let error as StoreError where cancellation.isCancelled && SQLiteFailure.isInterruptOrBusy(error) {
                throw CancellationError()
            }
        }
    }

    /// Runs `body` as one `BEGIN IMMEDIATE` transaction; lock waits that outlast the busy timeout
    /// become ``StoreError/conflict(_:)`` naming `conflictKey`.
    private func writeJob(conflictKey: RecordKey, _ body: @escaping @Sendable (Connection, JobContext) throws -> Void) async throws {
        try await job { c, context in
            do {
                try c.transaction {
                    try body(c, context)
                    // Past this point the batch commits: a late cancellation must not interrupt COMMIT.
                    try context.check()
                    context.disarm()
                }
            } catch let error as StoreError where !context.isCancelled && SQLiteFailure.isBusy(error) {
                throw StoreError.conflict(conflictKey)
            }
        }
    }

    /// Runs `body` with the raw connection on the worker (backups).
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await job { c, _ in try body(c) }
    }
}

/// What a job sees of its caller's cancellation: checks between statements, and an interrupt of the
/// running statement when the task is cancelled — until ``disarm()``, after which nothing interrupts.
final class JobContext: @unchecked Sendable {
    private let cancellation: BlockingWorker.Cancellation
    private let lock = NSLock()
    private var handle: OpaquePointer?

    init(cancellation: BlockingWorker.Cancellation, handle: OpaquePointer?) {
        self.cancellation = cancellation
        self.handle = handle
        cancellation.onCancel { [weak self] in self?.interrupt() }
    }

    var isCancelled: Bool { cancellation.isCancelled }

    /// Throws `CancellationError` when the awaiting task was cancelled.
    func check() throws { try cancellation.check() }

    /// Stops interrupting: before COMMIT and when the job ends.
    func disarm() { lock.withLock { handle = nil } }

    private func interrupt() {
        lock.withLock { if let handle { sqlite3_interrupt(handle) } }
    }
}
