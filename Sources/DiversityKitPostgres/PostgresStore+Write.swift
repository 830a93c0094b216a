import DiversityKit

extension PostgresStore {
    /// One operation of a batch, inside the batch's transaction.
    func apply(_ operation: WriteOperation) throws {
        let connection = try connect()
        switch operation {
        case .insert(let e):
            // ON CONFLICT keeps the transaction usable and, against a concurrent writer of the
            // same key, waits for it and then reports the duplicate.
            let result = try connection.execute("""
                INSERT INTO \(schema.records) (type, id, version, payload) VALUES ($1, $2, $3, $4)
                ON CONFLICT (type, id) DO NOTHING
                """, recordParameters(e))
            guard result.affectedRows == 1 else { throw StoreError.duplicate(e.key) }
            try insertKeys(of: e)
        case .update(let e):
            let result = try connection.execute("""
                UPDATE \(schema.records) SET version = $3, payload = $4 WHERE type = $1 AND id = $2
                """, recordParameters(e))
            guard result.affectedRows == 1 else { throw StoreError.notFound(e.key) }
            try deleteKeys(of: e.key)
            try insertKeys(of: e)
        case .upsert(let e):
            try connection.execute("""
                INSERT INTO \(schema.records) (type, id, version, payload) VALUES ($1, $2, $3, $4)
                ON CONFLICT (type, id) DO UPDATE SET version = EXCLUDED.version, payload = EXCLUDED.payload
                """, recordParameters(e))
            try deleteKeys(of: e.key)
            try insertKeys(of: e)
        case .check, .appendRows, .replaceRows, .deleteRows:
            // Placeholder on the `storage` branch only: the adapter engineer implements revisions,
            // conditions and the native row path here.
            throw StoreError.invalidArgument("not yet supported by this store: \(operation.key)")
        case .delete(let key):
            // Index keys go with the record (ON DELETE CASCADE).
            let result = try connection.execute("DELETE FROM \(schema.records) WHERE type = $1 AND id = $2",
                                                [.text(key.type), .text(key.id)])
            guard result.affectedRows == 1 else { throw StoreError.notFound(key) }
        }
    }

    private func recordParameters(_ e: RecordEnvelope) throws -> [PostgresParameter] {
        guard let version = Int32(exactly: e.version) else {
            throw StoreError.invalidArgument("payload version of \(e.key) does not fit a 32-bit integer")
        }
        return [.text(e.type), .text(e.id), .integer(Int(version)), .bytes(e.payload)]
    }

    private func deleteKeys(of key: RecordKey) throws {
        try connect().execute("DELETE FROM \(schema.recordKeys) WHERE type = $1 AND id = $2",
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
        try connect().execute("INSERT INTO \(schema.recordKeys) (type, id, key, value, whole) VALUES "
                              + tuples.joined(separator: ", "), parameters)
    }
}
