import DiversityKit

/// Applies write operations through statements fetched once per batch and reused for every row.
///
/// Index keys live in `record_keys`: one row with `whole = 1` holding a key's entire value
/// (for `.equals` and `.oneOf`) and, for a multi-valued key, one row with `whole = 0` per
/// distinct element (for `.contains`).
struct RecordWriter {
    private let insertRecord: Statement
    private let updateRecord: Statement
    private let upsertRecord: Statement
    private let deleteRecord: Statement
    private let insertKey: Statement
    private let deleteKeys: Statement
    private let connection: Connection

    init(_ connection: Connection) throws {
        self.connection = connection
        insertRecord = try connection.statement("INSERT INTO records (type, id, version, payload) VALUES (?, ?, ?, ?)")
        updateRecord = try connection.statement("UPDATE records SET version = ?, payload = ? WHERE type = ? AND id = ?")
        upsertRecord = try connection.statement("""
            INSERT INTO records (type, id, version, payload) VALUES (?, ?, ?, ?)
            ON CONFLICT (type, id) DO UPDATE SET version = excluded.version, payload = excluded.payload
            """)
        deleteRecord = try connection.statement("DELETE FROM records WHERE type = ? AND id = ?")
        insertKey = try connection.statement("INSERT INTO record_keys (type, id, key, value, whole) VALUES (?, ?, ?, ?, ?)")
        deleteKeys = try connection.statement("DELETE FROM record_keys WHERE type = ? AND id = ?")
    }

    func apply(_ operation: WriteOperation) throws {
        switch operation {
        case .insert(let envelope):
            try insert(envelope)
        case .update(let envelope):
            updateRecord.reset()
            try updateRecord.bind(envelope.version, at: 1)
            try updateRecord.bind(envelope.payload, at: 2)
            try updateRecord.bind(envelope.type, at: 3)
            try updateRecord.bind(envelope.id, at: 4)
            try updateRecord.run()
            guard try connection.changes() == 1 else { throw StoreError.notFound(envelope.key) }
            try replaceKeys(of: envelope)
        case .upsert(let envelope):
            try bindRecord(envelope, to: upsertRecord)
            try upsertRecord.run()
            try replaceKeys(of: envelope)
        case .check, .appendRows, .replaceRows, .deleteRows:
            // Placeholder on the `storage` branch only: the adapter engineer implements revisions,
            // conditions and the native row path here.
            throw StoreError.invalidArgument("not yet supported by this store: \(operation.key)")
        case .delete(let key):
            deleteRecord.reset()
            try deleteRecord.bind(key.type, at: 1)
            try deleteRecord.bind(key.id, at: 2)
            try deleteRecord.run()
            // The foreign key's ON DELETE CASCADE removes the record's index keys.
            guard try connection.changes() == 1 else { throw StoreError.notFound(key) }
        }
    }

    /// Inserts `envelope`; a primary-key violation becomes ``StoreError/duplicate(_:)``.
    func insert(_ envelope: RecordEnvelope) throws {
        try bindRecord(envelope, to: insertRecord)
        do {
            try insertRecord.run()
        } catch let error as StoreError where SQLiteFailure.isPrimaryKeyViolation(error) {
            throw StoreError.duplicate(envelope.key)
        }
        try insertKeys(of: envelope)
    }

    private func bindRecord(_ envelope: RecordEnvelope, to statement: Statement) throws {
        statement.reset()
        try statement.bind(envelope.type, at: 1)
        try statement.bind(envelope.id, at: 2)
        try statement.bind(envelope.version, at: 3)
        try statement.bind(envelope.payload, at: 4)
    }

    private func replaceKeys(of envelope: RecordEnvelope) throws {
        deleteKeys.reset()
        try deleteKeys.bind(envelope.type, at: 1)
        try deleteKeys.bind(envelope.id, at: 2)
        try deleteKeys.run()
        try insertKeys(of: envelope)
    }

    private func insertKeys(of envelope: RecordEnvelope) throws {
        for (key, value) in envelope.keys {
            try insertKey(envelope, key: key, value: value, whole: true)
            guard value.contains(separator) else { continue }
            // Same elements `RecordEnvelope.matches` sees: split, empty parts dropped, each once.
            let elements = Set(value.split(separator: separator, omittingEmptySubsequences: true).map(String.init))
            for element in elements { try insertKey(envelope, key: key, value: element, whole: false) }
        }
    }

    private func insertKey(_ envelope: RecordEnvelope, key: String, value: String, whole: Bool) throws {
        insertKey.reset()
        try insertKey.bind(envelope.type, at: 1)
        try insertKey.bind(envelope.id, at: 2)
        try insertKey.bind(key, at: 3)
        try insertKey.bind(value, at: 4)
        try insertKey.bind(whole ? 1 : 0, at: 5)
        try insertKey.run()
    }

    private var separator: Character { Character(indexValueSeparator) }
}
