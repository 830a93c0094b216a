import DiversityKit
import Foundation

/// A ``/DiversityKit/Store`` in a PostgreSQL database, for programmes shared by many systems and organisations.
///
/// One connection per store, driven from a thread of its own (a `BlockingWorker`): each call is one
/// job on that thread, so libpq's blocking calls never hold a thread of Swift's cooperative pool.
/// Several stores, in one process or many, can use one database at once. Opening migrates the
/// schema forward; every value is bound as a parameter; a batch is one `SERIALIZABLE`
/// transaction, retried when the server reports a serialisation failure (see `Docs/Storage.md`).
///
/// ```swift
/// let store = try await PostgresStore(.init(connectionString: "postgresql://app@127.0.0.1/diversity"))
/// let workspace = Workspace(store: store)
/// ```
///
/// A lost connection fails the call with ``/DiversityKit/StoreError/connectionLost(_:)``; the next call
/// reconnects. A write interrupted that way either committed completely or not at all.
public actor PostgresStore: Store {
    /// The newest schema version this code knows; a newer database is refused.
    public static var supportedSchemaVersion: Int { PostgresMigrations.latest }

    /// How often a batch is tried when the server reports a serialisation failure or deadlock
    /// (SQLSTATE 40001, 40P01) before it fails with ``/DiversityKit/StoreError/conflict(_:)``.
    public static let writeAttempts = 8

    /// How the store was opened.
    public nonisolated let configuration: Configuration
    nonisolated let schema: PostgresSchema
    /// Touched only from `worker`'s thread.
    nonisolated let connection: PostgresConnection
    nonisolated let worker: BlockingWorker

    /// Connects and migrates the schema to ``supportedSchemaVersion``.
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a malformed connection string or schema name;
    ///   ``/DiversityKit/StoreError/connectionLost(_:)`` when the server cannot be reached;
    ///   ``/DiversityKit/StoreError/schemaTooNew(found:supported:)`` when the schema is newer (it is not touched);
    ///   ``/DiversityKit/StoreError/notADiversityKitStore(_:)`` when the schema holds other tables;
    ///   ``/DiversityKit/StoreError/backend(code:message:)`` for anything else the server refuses.
    public init(_ configuration: Configuration) async throws {
        let schema = try PostgresSchema(configuration.schema)
        let worker = BlockingWorker(label: "DiversityKitPostgres.\(configuration.schema)")
        let connection = try await worker.run { _ in
            let connection = try PostgresConnection(connectionString: configuration.connectionString,
                                                    applicationName: configuration.applicationName)
            try PostgresMigrator.migrate(connection, schema)
            return connection
        }
        self.configuration = configuration
        self.schema = schema
        self.connection = connection
        self.worker = worker
    }

    /// Runs `job` on the store's thread as one job: reconnected first if the last call lost the
    /// connection, polled for cancellation before every statement, and `CancellationError` when
    /// the awaiting task was cancelled (after rolling back whatever was open).
    nonisolated func perform<T: Sendable>(_ job: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await worker.run { [connection] cancellation in
            connection.beginJob(cancellation)
            defer { connection.endJob() }
            do {
                try connection.checkCancellation()
                try connection.reconnectIfNeeded()
                return try job(connection)
            } catch {
                if connection.isCancelled { throw CancellationError() }
                throw error
            }
        }
    }

    /// The schema version recorded in the database.
    public var schemaVersion: Int {
        get async throws {
            try await perform { [schema] c in
                try c.execute("SELECT coalesce(max(version), 0) FROM \(schema.versionTable)").integer(0, 0) ?? 0
            }
        }
    }

    /// The record at `key`, byte for byte as written, with its revision, or `nil`.
    /// - Throws: ``/DiversityKit/StoreError/connectionLost(_:)``, ``/DiversityKit/StoreError/backend(code:message:)``.
    public func fetch(_ key: RecordKey) async throws -> RecordEnvelope? {
        try await perform { [schema] c in
            let result = try c.execute("""
                SELECT \(Self.envelopeColumns(schema)) FROM \(schema.records) r
                WHERE r.type = $1 AND r.id = $2
                """, [.text(key.type), .text(key.id)])
            return try Self.envelopes(result, type: key.type).first
        }
    }

    /// The records at `keys`, in their order (`nil` where missing): one statement per record type and
    /// 500 ids (`id IN (…)`) in one job, instead of a round trip per key.
    /// - Throws: ``/DiversityKit/StoreError/connectionLost(_:)``, ``/DiversityKit/StoreError/backend(code:message:)``,
    ///   `CancellationError`.
    public func fetch(keys: [RecordKey]) async throws -> [RecordEnvelope?] {
        guard !keys.isEmpty else { return [] }
        return try await perform { [schema] c in
            // Matched back by the ids' bytes: a Swift `String` key would merge NFC and NFD twins.
            var found: [[UInt8]: [[UInt8]: RecordEnvelope]] = [:]
            var idsByType: [[UInt8]: (type: String, ids: [String])] = [:]
            for key in keys { idsByType[Array(key.type.utf8), default: (key.type, [])].ids.append(key.id) }
            for (typeBytes, (type, ids)) in idsByType {
                var seen: Set<[UInt8]> = []
                let unique = ids.filter { seen.insert(Array($0.utf8)).inserted }
                for start in stride(from: 0, to: unique.count, by: 500) {
                    try c.checkCancellation()
                    let chunk = unique[start..<min(start + 500, unique.count)]
                    let placeholders = (0..<chunk.count).map { "$\($0 + 2)" }.joined(separator: ", ")
                    let result = try c.execute("""
                        SELECT \(Self.envelopeColumns(schema)) FROM \(schema.records) r
                        WHERE r.type = $1 AND r.id IN (\(placeholders))
                        """, [.text(type)] + chunk.map { .text($0) })
                    for e in try Self.envelopes(result, type: type) { found[typeBytes, default: [:]][Array(e.id.utf8)] = e }
                }
            }
            return keys.map { found[Array($0.type.utf8)]?[Array($0.id.utf8)] }
        }
    }

    /// One type's records matching every filter, ordered by the UTF-8 bytes of their ids
    /// (`COLLATE "C"`), after ``/DiversityKit/RecordQuery/afterID`` and at most ``/DiversityKit/RecordQuery/limit``.
    /// - Throws: ``/DiversityKit/StoreError/staleIndex(type:stored:required:)`` when a record of the type was
    ///   indexed below ``/DiversityKit/RecordQuery/requiredIndexVersion``; ``/DiversityKit/StoreError/invalidArgument(_:)`` for a
    ///   negative limit or text holding NUL; connection and backend errors.
    public func query(_ query: RecordQuery) async throws -> [RecordEnvelope] {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("a query limit must not be negative") }
        return try await perform { [schema] c in
            try Self.requireIndexVersion(query, c, schema)
            var sql = PostgresQuerySQL(query, schema: schema)
            let condition = sql.condition()
            var text = "SELECT \(Self.envelopeColumns(schema)) FROM \(schema.records) r WHERE \(condition)"
            if let after = query.afterID { text += " AND r.id > \(sql.bind(.text(after)))" }
            text += " ORDER BY r.id"
            if let limit = query.limit { text += " LIMIT \(sql.bind(.integer(limit)))" }
            return try Self.envelopes(try c.execute(text, sql.parameters), type: query.type)
        }
    }

    /// How many records of the query's type match its filters (paging ignored).
    /// - Throws: ``/DiversityKit/StoreError/staleIndex(type:stored:required:)`` as ``query(_:)``; connection and backend errors.
    public func count(_ query: RecordQuery) async throws -> Int {
        try await perform { [schema] c in
            try Self.requireIndexVersion(query, c, schema)
            var sql = PostgresQuerySQL(query, schema: schema)
            let text = "SELECT count(*) FROM \(schema.records) r WHERE \(sql.condition())"
            return try c.execute(text, sql.parameters).integer(0, 0) ?? 0
        }
    }

    /// Applies the batch's operations in order in one `SERIALIZABLE` transaction: all of them, or none.
    ///
    /// Checks read inside the transaction, so the server's serialisable snapshot isolation detects a
    /// concurrent change to anything the batch checked or wrote; the batch is then retried from the
    /// start, up to ``writeAttempts`` times.
    /// - Throws: ``/DiversityKit/StoreError/duplicate(_:)`` or ``/DiversityKit/StoreError/notFound(_:)`` for the first
    ///   operation that fails; ``/DiversityKit/StoreError/conflict(_:)`` for a check that does not hold or when
    ///   every attempt met a concurrent change; `CancellationError` when the task is cancelled
    ///   (rolled back); connection and backend errors. Nothing is written on any error.
    public func write(_ batch: WriteBatch) async throws {
        guard !batch.isEmpty else { return }
        try await perform { [schema] c in try PostgresWriter(connection: c, schema: schema).write(batch) }
    }

    /// `VACUUM`s every table of the store's schema, outside any transaction: dead row versions left
    /// by deletes and updates are removed from tables and indexes (see `Docs/Storage.md` for what
    /// that does and does not erase).
    ///
    /// PostgreSQL lets only a table's owner (or a superuser) vacuum it and merely warns otherwise,
    /// so the store checks first and refuses rather than return with nothing removed.
    /// - Throws: ``/DiversityKit/StoreError/backend(code:message:)`` with SQLSTATE 42501 when the connected role
    ///   does not own the tables (run it as the owner role); connection and backend errors;
    ///   `CancellationError`.
    public func reclaimSpace() async throws {
        try await perform { [schema] c in
            let refused = try c.execute("""
                SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relkind = 'r' AND NOT pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE')
                """, [.text(schema.name)]).integer(0, 0) ?? 0
            if refused > 0 {
                throw PostgresFailure.error(sqlstate: PostgresFailure.insufficientPrivilege,
                                            message: "only the owner of the store's tables can VACUUM them; reclaimSpace() must run as that role")
            }
            for table in schema.allTables { try c.executeSimple("VACUUM \(table)") }
        }
    }

    /// `VACUUM FULL` of every table of the store's schema: each table and index is rewritten into
    /// new files and the old files are deleted, so not even the free space of a page keeps the
    /// bytes of a removed row (plain `VACUUM`, ``reclaimSpace()``, leaves them there until they are
    /// overwritten). Takes an `ACCESS EXCLUSIVE` lock on each table while it runs: every other reader
    /// and writer waits. For a maintenance window, not after every erasure.
    /// - Throws: as ``reclaimSpace()``.
    public func rewriteTables() async throws {
        try await reclaimSpace() // the ownership check, and a cheap first pass
        try await perform { [schema] c in
            for table in schema.allTables { try c.executeSimple("VACUUM FULL \(table)") }
        }
    }

    /// Runs SQL for tests and tools in this package (schema set-up, terminating backends).
    /// Every value is bound as text; results are read as text, so cast other columns (`::text`).
    package func execute(_ sql: String, _ texts: [String] = []) async throws -> [[String?]] {
        try await perform { c in
            let result = try c.execute(sql, texts.map { .text($0) })
            return (0..<result.rowCount).map { row in (0..<result.columnCount).map { result.text(row, $0) } }
        }
    }

    /// Refuses a query on a type with a record indexed below the query's required index version.
    static func requireIndexVersion(_ query: RecordQuery, _ c: PostgresConnection, _ schema: PostgresSchema) throws {
        guard query.outdated == nil, let required = query.requiredIndexVersion else { return }
        let lowest = try c.execute("SELECT min(index_version) FROM \(schema.records) WHERE type = $1",
                                   [.text(query.type)]).integer(0, 0)
        if let lowest, lowest < required {
            throw StoreError.staleIndex(type: query.type, stored: lowest, required: required)
        }
    }

    /// The columns ``envelopes(_:type:)`` reads: id, version, payload, keys as one JSON object,
    /// index version, revision.
    static func envelopeColumns(_ schema: PostgresSchema) -> String {
        """
        r.id, r.version, r.payload, \
        (SELECT json_object_agg(k.key, k.value) FROM \(schema.recordKeys) k WHERE k.type = r.type AND k.id = r.id AND k.whole), \
        r.index_version, r.revision
        """
    }

    static func envelopes(_ result: PostgresResult, type: String) throws -> [RecordEnvelope] {
        try (0..<result.rowCount).map { row in
            let id = result.text(row, 0) ?? ""
            var keys: [String: String] = [:]
            if let json = result.text(row, 3) {
                do { keys = try JSONDecoder().decode([String: String].self, from: Data(json.utf8)) } catch {
                    throw StoreError.corruptRecord(RecordKey(type: type, id: id), reason: "index keys unreadable")
                }
            }
            return RecordEnvelope(type: type, id: id, version: try result.integer(row, 1) ?? 0,
                                  keys: keys, payload: result.bytes(row, 2),
                                  indexVersion: try result.integer(row, 4) ?? 1, revision: try result.integer(row, 5) ?? 0)
        }
    }
}
