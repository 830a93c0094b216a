import CSQLite
import DiversityKit
import Foundation

/// Applies write operations through statements fetched once per batch and reused for every row,
/// inside the batch's `BEGIN IMMEDIATE` transaction.
///
/// Index keys live in `record_keys`: one row with `whole = 1` holding a key's entire value
/// (for `.equals` and `.oneOf`) and, for a multi-valued key, one row with `whole = 0` per
/// distinct element (for `.contains`). Revisions are assigned here: 1 on insert, `revision + 1` on
/// update and upsert, whatever the envelope carried. Compact rows go to `compact_rows`, with their
/// set and their scope and group strings interned in `row_sets` and `row_strings`.
struct RecordWriter {
    private let connection: Connection

    init(_ connection: Connection) {
        self.connection = connection
    }

    func apply(_ operation: WriteOperation) throws {
        switch operation {
        case .insert(let envelope):
            try insert(envelope)
        case .update(let envelope):
            let update = try connection.statement("""
                UPDATE records SET version = ?, payload = ?, index_version = ?, revision = revision + 1
                WHERE type = ? AND id = ?
                """)
            try update.bind(envelope.version, at: 1)
            try update.bind(envelope.payload, at: 2)
            try update.bind(envelope.indexVersion, at: 3)
            try update.bind(envelope.type, at: 4)
            try update.bind(envelope.id, at: 5)
            try update.run()
            guard try connection.changes() == 1 else { throw StoreError.notFound(envelope.key) }
            try replaceKeys(of: envelope)
        case .upsert(let envelope):
            let upsert = try connection.statement("""
                INSERT INTO records (type, id, version, payload, index_version, revision) VALUES (?, ?, ?, ?, ?, 1)
                ON CONFLICT (type, id) DO UPDATE SET version = excluded.version, payload = excluded.payload,
                    index_version = excluded.index_version, revision = revision + 1
                """)
            try bindRecord(envelope, to: upsert)
            try upsert.run()
            try replaceKeys(of: envelope)
        case .delete(let key):
            let delete = try connection.statement("DELETE FROM records WHERE type = ? AND id = ?")
            try delete.bind(key.type, at: 1)
            try delete.bind(key.id, at: 2)
            try delete.run()
            // The foreign key's ON DELETE CASCADE removes the record's index keys.
            guard try connection.changes() == 1 else { throw StoreError.notFound(key) }
        case .check(let key, let condition):
            // Read under the batch's write lock, after the operations before it: nobody can change it now.
            guard condition.isSatisfied(byRevision: try revision(of: key)) else { throw StoreError.conflict(key) }
        case .appendRows(let set, let rows):
            try append(rows, to: set)
        case .replaceRows(let set, let rows):
            try replace(rows, in: set)
        case .deleteRows(let set, let ids):
            try delete(ids, from: set)
        }
    }

    /// The stored revision of the record at `key`, or `nil` when there is none.
    func revision(of key: RecordKey) throws -> Int? {
        let select = try connection.statement("SELECT revision FROM records WHERE type = ? AND id = ?")
        defer { select.reset() }
        try select.bind(key.type, at: 1)
        try select.bind(key.id, at: 2)
        return try select.step() ? select.int(at: 0) : nil
    }

    /// Inserts `envelope` at revision 1; a primary-key violation becomes ``StoreError/duplicate(_:)``.
    func insert(_ envelope: RecordEnvelope) throws {
        let insert = try connection.statement(
            "INSERT INTO records (type, id, version, payload, index_version, revision) VALUES (?, ?, ?, ?, ?, 1)")
        try bindRecord(envelope, to: insert)
        do {
            try insert.run()
        } catch let error as StoreError where SQLiteFailure.isPrimaryKeyViolation(error) {
            throw StoreError.duplicate(envelope.key)
        }
        try insertKeys(of: envelope)
    }

    private func bindRecord(_ envelope: RecordEnvelope, to statement: Statement) throws {
        try statement.bind(envelope.type, at: 1)
        try statement.bind(envelope.id, at: 2)
        try statement.bind(envelope.version, at: 3)
        try statement.bind(envelope.payload, at: 4)
        try statement.bind(envelope.indexVersion, at: 5)
    }

    private func replaceKeys(of envelope: RecordEnvelope) throws {
        let deleteKeys = try connection.statement("DELETE FROM record_keys WHERE type = ? AND id = ?")
        try deleteKeys.bind(envelope.type, at: 1)
        try deleteKeys.bind(envelope.id, at: 2)
        try deleteKeys.run()
        try insertKeys(of: envelope)
    }

    private func insertKeys(of envelope: RecordEnvelope) throws {
        guard !envelope.keys.isEmpty else { return }
        let statement = try connection.statement("INSERT INTO record_keys (type, id, key, value, whole) VALUES (?, ?, ?, ?, ?)")
        for (key, value) in envelope.keys {
            try insertKey(statement, envelope, key: key, value: value, whole: true)
            guard value.utf8.contains(0x1F) else { continue }
            // Same elements `RecordEnvelope.matches` sees: split on the separator's byte (never on
            // Characters, which glue a following combining mark to it), empty parts dropped, each
            // distinct byte sequence once (never merging canonically equivalent elements).
            var seen = Set<[UInt8]>()
            for part in value.utf8.split(separator: 0x1F, omittingEmptySubsequences: true) where seen.insert(Array(part)).inserted {
                try insertKey(statement, envelope, key: key, value: String(decoding: part, as: UTF8.self), whole: false)
            }
        }
    }

    private func insertKey(_ statement: Statement, _ envelope: RecordEnvelope, key: String, value: String, whole: Bool) throws {
        statement.reset()
        try statement.bind(envelope.type, at: 1)
        try statement.bind(envelope.id, at: 2)
        try statement.bind(key, at: 3)
        try statement.bind(value, at: 4)
        try statement.bind(whole ? 1 : 0, at: 5)
        try statement.run()
    }

    // MARK: Compact rows

    /// Appends `rows` in the order given, with ids counting on from the set's highest: ids ascend in
    /// exactly the order the writer chose (a writer that needs unlinkability shuffles first), and
    /// nothing else about the append is recorded.
    private func append(_ rows: [CompactRow], to set: RowSetKey) throws {
        guard !rows.isEmpty else { return }
        let setID = try RowStrings.setID(set, in: connection, creating: true)!
        let highest = try connection.statement("SELECT max(row_id) FROM compact_rows WHERE set_id = ?")
        try highest.bind(setID, at: 1)
        var next = try highest.step() ? highest.int64(at: 0) + 1 : 1
        highest.reset()
        var scopes = RowStrings.Cache(), groups = RowStrings.Cache()
        let insert = try connection.statement(
            "INSERT INTO compact_rows (set_id, row_id, scope_id, group_id, cells, extra) VALUES (?, ?, ?, ?, ?, ?)")
        for row in rows {
            let scope = try scopes.id(of: row.scope, in: connection, creating: true)!
            let group = try groups.id(of: row.group, in: connection, creating: true)!
            try insert.bind(setID, at: 1)
            try insert.bind(next, at: 2)
            try insert.bind(scope, at: 3)
            try insert.bind(group, at: 4)
            try row.cells.withUnsafeBytes { cells in
                try row.extra.withUnsafeBytes { extra in
                    try insert.bindBorrowed(cells, at: 5)
                    try insert.bindBorrowed(extra, at: 6)
                    try insert.run()
                }
            }
            // Every parameter is bound again for the next row (the borrowed blobs must not outlive it).
            insert.rewind()
            next += 1
        }
    }

    private func replace(_ rows: [CompactRow], in set: RowSetKey) throws {
        guard let first = rows.first else { return }
        guard let setID = try RowStrings.setID(set, in: connection, creating: false) else {
            throw StoreError.notFound(RowSetKey.rowKey(set, first.id))
        }
        var scopes = RowStrings.Cache(), groups = RowStrings.Cache()
        let update = try connection.statement(
            "UPDATE compact_rows SET scope_id = ?, group_id = ?, cells = ?, extra = ? WHERE row_id = ? AND set_id = ?")
        for row in rows {
            try update.bind(try scopes.id(of: row.scope, in: connection, creating: true)!, at: 1)
            try update.bind(try groups.id(of: row.group, in: connection, creating: true)!, at: 2)
            try row.cells.withUnsafeBytes { cells in
                try row.extra.withUnsafeBytes { extra in
                    try update.bindBorrowed(cells, at: 3)
                    try update.bindBorrowed(extra, at: 4)
                    try update.bind(row.id, at: 5)
                    try update.bind(setID, at: 6)
                    try update.run()
                }
            }
            update.reset()
            guard try connection.changes() == 1 else { throw StoreError.notFound(RowSetKey.rowKey(set, row.id)) }
        }
    }

    private func delete(_ ids: [Int64], from set: RowSetKey) throws {
        guard let first = ids.first else { return }
        guard let setID = try RowStrings.setID(set, in: connection, creating: false) else {
            throw StoreError.notFound(RowSetKey.rowKey(set, first))
        }
        let delete = try connection.statement("DELETE FROM compact_rows WHERE row_id = ? AND set_id = ?")
        for id in ids {
            delete.reset()
            try delete.bind(id, at: 1)
            try delete.bind(setID, at: 2)
            try delete.run()
            guard try connection.changes() == 1 else { throw StoreError.notFound(RowSetKey.rowKey(set, id)) }
        }
    }
}

/// The interned names of compact rows: a row set's `(type, partition)` as one small integer, and every
/// scope and group string once per store (so a million rows of one unit hold its name once).
enum RowStrings {
    /// The id of `set`, created when missing and `creating`; `nil` when missing otherwise.
    static func setID(_ set: RowSetKey, in connection: Connection, creating: Bool) throws -> Int64? {
        let select = try connection.statement("SELECT set_id FROM row_sets WHERE type = ? AND partition = ?")
        try select.bind(set.type, at: 1)
        try select.bind(set.partition, at: 2)
        if try select.step() {
            defer { select.reset() }
            return select.int64(at: 0)
        }
        select.reset()
        guard creating else { return nil }
        let insert = try connection.statement("INSERT INTO row_sets (type, partition) VALUES (?, ?)")
        try insert.bind(set.type, at: 1)
        try insert.bind(set.partition, at: 2)
        try insert.run()
        return sqlite3_last_insert_rowid(try connection.database())
    }

    /// The id of `value`, created when missing and `creating`; `nil` when missing otherwise.
    static func stringID(_ value: String, in connection: Connection, creating: Bool) throws -> Int64? {
        let select = try connection.statement("SELECT string_id FROM row_strings WHERE value = ?")
        try select.bind(value, at: 1)
        if try select.step() {
            defer { select.reset() }
            return select.int64(at: 0)
        }
        select.reset()
        guard creating else { return nil }
        let insert = try connection.statement("INSERT INTO row_strings (value) VALUES (?)")
        try insert.bind(value, at: 1)
        try insert.run()
        return sqlite3_last_insert_rowid(try connection.database())
    }

    /// String ids looked up once per operation, with the previous hit checked first (rows of one batch
    /// mostly share their scope and group). Found by `String` hash, then confirmed by **bytes**: a
    /// `String` key alone would merge canonically equivalent scopes.
    struct Cache {
        private var ids: [String: [(value: String, id: Int64)]] = [:]
        private var last: (value: String, id: Int64)?

        mutating func id(of value: String, in connection: Connection, creating: Bool) throws -> Int64? {
            if let last, last.value.utf8.elementsEqual(value.utf8) { return last.id }
            if let known = ids[value]?.first(where: { $0.value.utf8.elementsEqual(value.utf8) }) {
                last = known
                return known.id
            }
            guard let id = try RowStrings.stringID(value, in: connection, creating: creating) else { return nil }
            ids[value, default: []].append((value, id))
            last = (value, id)
            return id
        }
    }
}
