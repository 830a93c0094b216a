import DiversityKit
import Foundation

/// A ``/DiversityKit/Store`` in a PostgreSQL database, for programmes shared by many systems and organisations.
///
/// One connection per store, used by one call at a time (the actor serialises them); several
/// stores, in one process or many, can use one database at once. Opening migrates the
/// schema forward; every value is bound as a parameter; batches are transactions.
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

    /// How the store was opened.
    public nonisolated let configuration: Configuration
    let schema: PostgresSchema
    let connection: PostgresConnection

    /// Connects and migrates the schema to ``supportedSchemaVersion``.
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a malformed connection string or schema name;
    ///   ``/DiversityKit/StoreError/connectionLost(_:)`` when the server cannot be reached;
    ///   ``/DiversityKit/StoreError/schemaTooNew(found:supported:)`` when the schema is newer (it is not touched);
    ///   ``/DiversityKit/StoreError/notADiversityKitStore(_:)`` when the schema holds other tables;
    ///   ``/DiversityKit/StoreError/backend(code:message:)`` for anything else the server refuses.
    public init(_ configuration: Configuration) async throws {
        let schema = try PostgresSchema(configuration.schema)
        let connection = try PostgresConnection(connectionString: configuration.connectionString,
                                                applicationName: configuration.applicationName)
        try PostgresMigrator.migrate(connection, schema)
        self.configuration = configuration
        self.schema = schema
        self.connection = connection
    }

    /// The schema version recorded in the database.
    public var schemaVersion: Int {
        get throws { try connect().execute("SELECT coalesce(max(version), 0) FROM \(schema.versionTable)").integer(0, 0) ?? 0 }
    }

    /// The record at `key`, byte for byte as written, or `nil`.
    /// - Throws: ``/DiversityKit/StoreError/connectionLost(_:)``, ``/DiversityKit/StoreError/backend(code:message:)``.
    public func fetch(_ key: RecordKey) throws -> RecordEnvelope? {
        let result = try connect().execute("""
            SELECT r.id, r.version, r.payload, \(keysColumn) FROM \(schema.records) r
            WHERE r.type = $1 AND r.id = $2
            """, [.text(key.type), .text(key.id)])
        return try envelopes(result, type: key.type).first
    }

    /// One type's records matching every filter, ordered by the UTF-8 bytes of their ids
    /// (`COLLATE "C"`), after ``/DiversityKit/RecordQuery/afterID`` and at most ``/DiversityKit/RecordQuery/limit``.
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a negative limit or text holding NUL;
    ///   connection and backend errors.
    public func query(_ query: RecordQuery) throws -> [RecordEnvelope] {
        var sql = PostgresQuerySQL(query, schema: schema)
        let condition = sql.condition()
        var text = "SELECT r.id, r.version, r.payload, \(keysColumn) FROM \(schema.records) r WHERE \(condition)"
        if let after = query.afterID { text += " AND r.id > \(sql.bind(.text(after)))" }
        text += " ORDER BY r.id"
        if let limit = query.limit {
            guard limit >= 0 else { throw StoreError.invalidArgument("a query limit must not be negative") }
            text += " LIMIT \(sql.bind(.integer(limit)))"
        }
        return try envelopes(try connect().execute(text, sql.parameters), type: query.type)
    }

    /// How many records of the query's type match its filters (paging ignored).
    /// - Throws: connection and backend errors.
    public func count(_ query: RecordQuery) throws -> Int {
        var sql = PostgresQuerySQL(query, schema: schema)
        let text = "SELECT count(*) FROM \(schema.records) r WHERE \(sql.condition())"
        return try connect().execute(text, sql.parameters).integer(0, 0) ?? 0
    }

    /// Applies the batch's operations in order in one transaction: all of them, or none.
    /// - Throws: ``/DiversityKit/StoreError/duplicate(_:)`` or ``/DiversityKit/StoreError/notFound(_:)`` for the first
    ///   operation that fails (the transaction is rolled back); connection and backend errors.
    public func write(_ batch: WriteBatch) throws {
        guard !batch.isEmpty else { return }
        try transaction {
            for operation in batch.operations { try apply(operation) }
        }
    }

    /// Runs SQL for tests and tools in this package (schema set-up, terminating backends).
    /// Every value is bound as text; results are read as text, so cast other columns (`::text`).
    package func execute(_ sql: String, _ texts: [String] = []) throws -> [[String?]] {
        let result = try connect().execute(sql, texts.map { .text($0) })
        return (0..<result.rowCount).map { row in (0..<result.columnCount).map { result.text(row, $0) } }
    }

    /// The connection, reconnected first if the last call lost it.
    func connect() throws -> PostgresConnection {
        try connection.reconnectIfNeeded()
        return connection
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction(_ body: () throws -> Void) throws {
        let connection = try connect()
        try connection.execute("BEGIN")
        do {
            try body()
            try connection.execute("COMMIT")
        } catch {
            // A lost connection rolls back on the server; the original error is the one that matters.
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// The record's index keys as one JSON object, so a row carries its whole envelope.
    private var keysColumn: String {
        "(SELECT json_object_agg(k.key, k.value) FROM \(schema.recordKeys) k WHERE k.type = r.type AND k.id = r.id AND k.whole)"
    }

    private func envelopes(_ result: PostgresResult, type: String) throws -> [RecordEnvelope] {
        try (0..<result.rowCount).map { row in
            let id = result.text(row, 0) ?? ""
            var keys: [String: String] = [:]
            if let json = result.text(row, 3) {
                do { keys = try JSONDecoder().decode([String: String].self, from: Data(json.utf8)) } catch {
                    throw StoreError.corruptRecord(RecordKey(type: type, id: id), reason: "index keys unreadable")
                }
            }
            return RecordEnvelope(type: type, id: id, version: try result.integer(row, 1) ?? 0,
                                  keys: keys, payload: result.bytes(row, 2))
        }
    }
}
