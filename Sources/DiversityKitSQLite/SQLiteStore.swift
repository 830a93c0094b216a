import CSQLite
import DiversityKit
import Foundation

/// The embedded default store: a SQLite file reached through the system's `libsqlite3`.
///
/// Opens (or creates) the file in WAL mode with foreign keys on and a busy timeout, recognises
/// its own files by `PRAGMA application_id`, migrates older files forward and refuses newer or
/// foreign ones without touching them. Every value is bound as a parameter and statements are
/// prepared once and reused. The actor serialises access to its one connection; several stores
/// (or processes) may open the same file and wait for each other's write lock.
///
/// ```swift
/// let store = try SQLiteStore(path: "diversity.sqlite")
/// try await store.insert(organisation)
/// let staff = try await store.all(Participant.self, where: "organisation", equals: "umea")
/// ```
public actor SQLiteStore: Store {
    /// How the store was opened.
    public nonisolated let configuration: Configuration
    let connection: Connection

    /// Opens the store described by `configuration`, creating and migrating the file as needed.
    /// - Throws: ``/DiversityKit/StoreError/notADiversityKitStore(_:)`` for a file that is not SQLite or belongs
    ///   to another application, ``/DiversityKit/StoreError/schemaTooNew(found:supported:)`` for a file written by
    ///   newer code (both leave the file untouched), ``/DiversityKit/StoreError/backend(code:message:)`` when
    ///   SQLite fails.
    public init(_ configuration: Configuration) throws {
        try self.init(configuration, migratingTo: Migrations.latest)
    }

    /// Opens the file at `path` with the default configuration.
    /// - Throws: the errors of ``init(_:)``.
    public init(path: String) throws {
        try self.init(Configuration(path: path))
    }

    /// Opens a store migrated only up to schema version `target` — how tests build an older file.
    init(_ configuration: Configuration, migratingTo target: Int) throws {
        self.configuration = configuration
        self.connection = try SchemaOpener.open(configuration, migratingTo: target)
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
        get throws { try connection.integer("PRAGMA user_version") }
    }

    /// The record at `key` with its index keys, or `nil`.
    /// - Throws: ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite fails.
    public func fetch(_ key: RecordKey) throws -> RecordEnvelope? {
        let record = try connection.statement("SELECT version, payload FROM records WHERE type = ? AND id = ?")
        defer { record.reset() }
        try record.bind(key.type, at: 1)
        try record.bind(key.id, at: 2)
        guard try record.step() else { return nil }
        var envelope = RecordEnvelope(type: key.type, id: key.id, version: record.int(at: 0), keys: [:],
                                      payload: record.data(at: 1))
        let keys = try connection.statement("SELECT key, value FROM record_keys WHERE type = ? AND id = ? AND whole = 1")
        defer { keys.reset() }
        try keys.bind(key.type, at: 1)
        try keys.bind(key.id, at: 2)
        while try keys.step() { envelope.keys[keys.string(at: 0)] = keys.string(at: 1) }
        return envelope
    }

    /// The records of `query.type` matching its filters, ordered by the UTF-8 bytes of their ids.
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a negative limit,
    ///   ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite fails.
    public func query(_ query: RecordQuery) throws -> [RecordEnvelope] {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("query limit \(limit) is negative") }
        let conditions = QuerySQL(query, paged: true)
        var values = conditions.values
        var page = conditions.condition
        if let after = query.afterID {
            page += " AND r.id > ?"
            values.append(after)
        }
        page += " ORDER BY r.id"
        if query.limit != nil { page += " LIMIT ?" }
        // The page is chosen first, then joined with its keys; one row per (record, key).
        let sql = """
            SELECT p.id, p.version, p.payload, k.key, k.value
            FROM (SELECT r.id, r.version, r.payload FROM records r WHERE \(page)) p
            LEFT JOIN record_keys k ON k.type = ? AND k.id = p.id AND k.whole = 1
            ORDER BY p.id
            """
        let statement = try connection.statement(sql)
        defer { statement.reset() }
        var index: Int32 = 1
        for (offset, value) in values.enumerated() {
            try statement.bind(value, at: index)
            index += 1
            // The condition's own page size follows its values, before the outer page's first id.
            if offset == conditions.values.count - 1, let inner = conditions.innerLimit {
                try statement.bind(inner, at: index)
                index += 1
            }
        }
        if let limit = query.limit {
            try statement.bind(limit, at: index)
            index += 1
        }
        try statement.bind(query.type, at: index)
        var result: [RecordEnvelope] = []
        while try statement.step() {
            let id = statement.string(at: 0)
            if result.last?.id != id {
                result.append(RecordEnvelope(type: query.type, id: id, version: statement.int(at: 1), keys: [:],
                                             payload: statement.data(at: 2)))
            }
            if !statement.isNull(at: 3) { result[result.count - 1].keys[statement.string(at: 3)] = statement.string(at: 4) }
        }
        return result
    }

    /// How many records of `query.type` match its filters; paging is ignored.
    /// - Throws: ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite fails.
    public func count(_ query: RecordQuery) throws -> Int {
        let conditions = QuerySQL(query)
        let statement = try connection.statement("SELECT count(*) FROM records r WHERE \(conditions.condition)")
        defer { statement.reset() }
        for (offset, value) in conditions.values.enumerated() { try statement.bind(value, at: Int32(offset + 1)) }
        guard try statement.step() else { return 0 }
        return statement.int(at: 0)
    }

    /// Applies every operation of `batch` in one transaction, or none of them.
    /// - Throws: ``/DiversityKit/StoreError/duplicate(_:)``, ``/DiversityKit/StoreError/notFound(_:)`` or
    ///   ``/DiversityKit/StoreError/backend(code:message:)``; the file is then exactly as before.
    public func write(_ batch: WriteBatch) throws {
        guard !batch.isEmpty else { return }
        try connection.transaction {
            let writer = try RecordWriter(connection)
            for operation in batch.operations { try writer.apply(operation) }
        }
    }

    /// Inserts every envelope in one transaction through reused statements: the fast path for
    /// survey responses and attendance. All or nothing.
    /// - Throws: ``/DiversityKit/StoreError/duplicate(_:)`` when a key exists (in the store or twice in `envelopes`).
    public func bulkInsert(_ envelopes: [RecordEnvelope]) async throws {
        guard !envelopes.isEmpty else { return }
        try connection.transaction {
            let writer = try RecordWriter(connection)
            for envelope in envelopes { try writer.insert(envelope) }
        }
    }

    /// Closes the connection, checkpointing the WAL into the main file. Later calls throw
    /// ``/DiversityKit/StoreError/backend(code:message:)`` with `SQLITE_MISUSE`. Closing twice is harmless.
    public func close() {
        connection.close()
    }

    /// Runs `PRAGMA integrity_check` and returns its findings: `["ok"]` for a healthy file.
    /// - Throws: ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite cannot run the check.
    public func integrityCheck() throws -> [String] {
        try connection.strings("PRAGMA integrity_check")
    }

    /// Runs SQL without values: how tests age or damage a file on purpose.
    func execute(_ sql: String) throws { try connection.execute(sql) }

    /// The first column of every row of `sql`: how tests look inside the file.
    func strings(_ sql: String) throws -> [String] { try connection.strings(sql) }
}
