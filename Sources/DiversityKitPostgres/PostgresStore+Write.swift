import DiversityKit
import Foundation

/// One batch's transaction: `SERIALIZABLE`, retried from the start on a serialisation failure.
///
/// Runs on the store's worker thread only.
struct PostgresWriter {
    let connection: PostgresConnection
    let schema: PostgresSchema

    /// SQLSTATE 40001 (`serialization_failure`) and 40P01 (`deadlock_detected`): the server gave up
    /// on this transaction because of a concurrent one; running it again is safe.
    static let retryable = ["40001", "40P01"]
    /// Attempts run with row-level conflict detection only; later ones lock the tables first.
    static let optimisticAttempts = 2

    /// Applies `batch` in one transaction, retrying it up to ``PostgresStore/writeAttempts`` times.
    /// - Throws: the first failing operation's error; ``StoreError/conflict(_:)`` when the last
    ///   attempt still met a concurrent change (naming the operation it was at).
    func write(_ batch: WriteBatch) throws {
        var generator = SystemRandomNumberGenerator()
        for attempt in 1...PostgresStore.writeAttempts {
            var position = 0
            do {
                try connection.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
                do {
                    if attempt > Self.optimisticAttempts {
                        // A batch that keeps losing to a busy writer would starve: its snapshot is taken
                        // before it waits for the other's row lock, so it fails again when that commits.
                        // `LOCK TABLE` takes no snapshot, so waiting here first lets every writer in
                        // progress finish, holds new ones off, and the batch then runs against all of them.
                        try connection.execute("LOCK TABLE \(schema.writeTables) IN SHARE ROW EXCLUSIVE MODE")
                    }
                    for (index, operation) in batch.operations.enumerated() {
                        position = index
                        try apply(operation)
                    }
                    try connection.execute("COMMIT")
                    return
                } catch {
                    connection.rollback()
                    throw error
                }
            } catch let error where Self.retryable.contains(where: { PostgresFailure.isSQLState(error, $0) }) {
                guard attempt < PostgresStore.writeAttempts else {
                    throw StoreError.conflict(batch.operations[position].key)
                }
                // 0.1 ms … ~6 ms, doubling, random: lets the transaction that won finish first.
                usleep(UInt32(generator.next(upperBound: UInt64(100) << UInt64(min(attempt, 6)))) + 50)
            }
        }
    }

    /// One operation, inside the batch's transaction.
    func apply(_ operation: WriteOperation) throws {
        switch operation {
        case .insert(let e):
            // ON CONFLICT keeps the transaction usable; against a concurrent writer of the same key
            // it waits for it and then reports the duplicate (or a serialisation failure, retried).
            let result = try connection.execute("""
                INSERT INTO \(schema.records) (type, id, version, payload, index_version, revision)
                VALUES ($1, $2, $3, $4, $5, 1)
                ON CONFLICT (type, id) DO NOTHING
                """, try recordParameters(e))
            guard result.affectedRows == 1 else { throw StoreError.duplicate(e.key) }
            try insertKeys(of: e)
        case .update(let e):
            let result = try connection.execute("""
                UPDATE \(schema.records) SET version = $3, payload = $4, index_version = $5, revision = revision + 1
                WHERE type = $1 AND id = $2
                """, try recordParameters(e))
            guard result.affectedRows == 1 else { throw StoreError.notFound(e.key) }
            try deleteKeys(of: e.key)
            try insertKeys(of: e)
        case .upsert(let e):
            try connection.execute("""
                INSERT INTO \(schema.records) AS r (type, id, version, payload, index_version, revision)
                VALUES ($1, $2, $3, $4, $5, 1)
                ON CONFLICT (type, id) DO UPDATE SET version = EXCLUDED.version, payload = EXCLUDED.payload,
                    index_version = EXCLUDED.index_version, revision = r.revision + 1
                """, try recordParameters(e))
            try deleteKeys(of: e.key)
            try insertKeys(of: e)
        case .delete(let key):
            // Index keys go with the record (ON DELETE CASCADE).
            let result = try connection.execute("DELETE FROM \(schema.records) WHERE type = $1 AND id = $2",
                                                [.text(key.type), .text(key.id)])
            guard result.affectedRows == 1 else { throw StoreError.notFound(key) }
        case .check(let key, let condition):
            // A plain read: under SERIALIZABLE the server tracks it, so a concurrent change to this
            // record (or the insert of an absent one) fails one of the two transactions with 40001.
            let revision = try connection.execute("SELECT revision FROM \(schema.records) WHERE type = $1 AND id = $2",
                                                  [.text(key.type), .text(key.id)]).integer(0, 0)
            guard condition.isSatisfied(byRevision: revision) else { throw StoreError.conflict(key) }
        case .appendRows(let set, let rows):
            try PostgresRowWriter(connection: connection, schema: schema).append(rows, to: set)
        case .replaceRows(let set, let rows):
            try PostgresRowWriter(connection: connection, schema: schema).replace(rows, in: set)
        case .deleteRows(let set, let ids):
            try PostgresRowWriter(connection: connection, schema: schema).delete(ids, from: set)
        }
    }

    private func recordParameters(_ e: RecordEnvelope) throws -> [PostgresParameter] {
        guard let version = Int32(exactly: e.version), let indexVersion = Int32(exactly: e.indexVersion) else {
            throw StoreError.invalidArgument("payload or index version of \(e.key) does not fit a 32-bit integer")
        }
        return [.text(e.type), .text(e.id), .integer(Int(version)), .bytes(e.payload), .integer(Int(indexVersion))]
    }

    private func deleteKeys(of key: RecordKey) throws {
        try connection.execute("DELETE FROM \(schema.recordKeys) WHERE type = $1 AND id = $2",
                               [.text(key.type), .text(key.id)])
    }

    /// All of a record's index-key rows in one multi-row insert.
    private func insertKeys(of e: RecordEnvelope) throws {
        let rows = PostgresKeyRows.rows(of: e)
        guard !rows.isEmpty else { return }
        var parameters: [PostgresParameter] = [.text(e.type), .text(e.id)]
        var tuples: [String] = []
        for row in rows {
            parameters += [.text(row.key), .text(row.value), .boolean(row.whole)]
            let n = parameters.count
            tuples.append("($1, $2, $\(n - 2), $\(n - 1), $\(n))")
        }
        try connection.execute("INSERT INTO \(schema.recordKeys) (type, id, key, value, whole) VALUES "
                               + tuples.joined(separator: ", "), parameters)
    }
}
