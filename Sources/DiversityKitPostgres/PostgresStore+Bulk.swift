import DiversityKit

extension PostgresStore {
    /// Inserts every envelope in one transaction through binary `COPY`, all or nothing.
    ///
    /// Rows are first copied into a temporary table so that a duplicate — of a stored record
    /// or of an earlier envelope in the same call — is reported as
    /// ``/DiversityKit/StoreError/duplicate(_:)`` of the first offending envelope, as an insert-only batch would.
    /// - Throws: ``/DiversityKit/StoreError/duplicate(_:)``; ``/DiversityKit/StoreError/invalidArgument(_:)`` for text holding NUL
    ///   or a version beyond 32 bits; connection and backend errors. Nothing is written on any error.
    public func bulkInsert(_ envelopes: [RecordEnvelope]) async throws {
        // `async`, though it never suspends: a synchronous method would lose to the protocol
        // extension's default when called on a `PostgresStore` directly.
        guard !envelopes.isEmpty else { return }
        guard envelopes.count <= Int(Int32.max) else {
            throw StoreError.invalidArgument("a bulk insert takes at most \(Int32.max) records")
        }
        let versions = try envelopes.map { e -> (Int32, Int32) in
            guard let v = Int32(exactly: e.version), let i = Int32(exactly: e.indexVersion) else {
                throw StoreError.invalidArgument("payload or index version of \(e.key) does not fit a 32-bit integer")
            }
            return (v, i)
        }
        try await perform { [schema] c in
            do {
                try Self.bulkInsertOnce(envelopes, versions, c, schema)
            } catch let error where PostgresFailure.isSQLState(error, PostgresFailure.uniqueViolation) {
                // A concurrent writer took a key between our check and our insert: the second
                // attempt finds it in the check and names it.
                try Self.bulkInsertOnce(envelopes, versions, c, schema)
            }
        }
    }

    private static func bulkInsertOnce(_ envelopes: [RecordEnvelope], _ versions: [(Int32, Int32)],
                                       _ connection: PostgresConnection, _ schema: PostgresSchema) throws {
        // Keys compared as bytes (type, NUL, id): a `Set<RecordKey>` would call NFC and NFD twins one key.
        var seen = Set<[UInt8]>()
        let firstRepeat = envelopes.firstIndex { !seen.insert(Array($0.type.utf8) + [0] + Array($0.id.utf8)).inserted }
        try connection.execute("BEGIN")
        do {
            try connection.execute("""
                CREATE TEMPORARY TABLE diversitykit_bulk (
                    ord integer NOT NULL, type text NOT NULL, id text COLLATE "C" NOT NULL,
                    version integer NOT NULL, index_version integer NOT NULL, payload bytea NOT NULL
                ) ON COMMIT DROP
                """)
            try connection.copyIn("COPY pg_temp.diversitykit_bulk FROM STDIN (FORMAT binary)", columns: 6) { copy in
                for (index, e) in envelopes.enumerated() {
                    try copy.row([.integer(Int32(index)), .text(e.type), .text(e.id), .integer(versions[index].0),
                                  .integer(versions[index].1), .bytes(e.payload)])
                }
            }
            let stored = try connection.execute("""
                SELECT min(s.ord) FROM pg_temp.diversitykit_bulk s
                JOIN \(schema.records) r ON r.type = s.type AND r.id = s.id
                """).integer(0, 0)
            if let first = [stored, firstRepeat].compactMap({ $0 }).min() {
                throw StoreError.duplicate(envelopes[first].key)
            }
            try connection.execute("""
                INSERT INTO \(schema.records) (type, id, version, payload, index_version, revision)
                SELECT type, id, version, payload, index_version, 1 FROM pg_temp.diversitykit_bulk ORDER BY ord
                """)
            try connection.copyIn("COPY \(schema.recordKeys) (type, id, key, value, whole) FROM STDIN (FORMAT binary)",
                                  columns: 5) { copy in
                for e in envelopes {
                    for row in PostgresKeyRows.rows(of: e) {
                        try copy.row([.text(e.type), .text(e.id), .text(row.key), .text(row.value), .boolean(row.whole)])
                    }
                }
            }
            try connection.execute("COMMIT")
        } catch {
            connection.rollback()
            throw error
        }
    }
}
