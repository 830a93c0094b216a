import DiversityKit
import Foundation

/// The native row path: `rows` holds one compact tuple per row (`id`, `set_id`, dictionary ids
/// for scope and group, `cells`, `extra`), appended with binary `COPY`.
///
/// Runs inside a batch's transaction, on the store's worker thread.
struct PostgresRowWriter {
    let connection: PostgresConnection
    let schema: PostgresSchema

    /// Appends `rows` with ids `next_id …` in the order given, so ids (and the physical order
    /// `COPY` writes) carry nothing but the order the writer chose — a shuffled batch stays shuffled.
    func append(_ rows: [CompactRow], to set: RowSetKey) throws {
        guard !rows.isEmpty else { return }
        try connection.execute("""
            INSERT INTO \(schema.rowSets) (type, partition, next_id) VALUES ($1, $2, 1)
            ON CONFLICT (type, partition) DO NOTHING
            """, [.text(set.type), .text(set.partition)])
        // Locks the set's row: appends to one set serialise here (and one of two concurrent ones
        // fails with 40001 and is retried); appends to other sets never wait.
        let claimed = try connection.execute("""
            UPDATE \(schema.rowSets) SET next_id = next_id + $3 WHERE type = $1 AND partition = $2
            RETURNING set_id, next_id - $3
            """, [.text(set.type), .text(set.partition), .integer(rows.count)])
        guard claimed.rowCount == 1 else { throw StoreError.backend(code: 0, message: "row set \(set) vanished during an append") }
        let setID = claimed.int64(0, 0), first = claimed.int64(0, 1)
        let labels = try labelIDs(for: rows, setID: setID)
        try connection.copyIn("COPY \(schema.rows) (id, set_id, scope_id, group_id, cells, extra) FROM STDIN (FORMAT binary)",
                              columns: 6) { copy in
            // Label ids are looked up once per distinct value, not per row; compared as bytes throughout.
            var lastScope = "", lastGroup = "", scopeID: Int32 = labels[""] ?? 0, groupID: Int32 = labels[""] ?? 0
            for (offset, row) in rows.enumerated() {
                if !row.scope.utf8.elementsEqual(lastScope.utf8) { scopeID = labels[row.scope]!; lastScope = row.scope }
                if !row.group.utf8.elementsEqual(lastGroup.utf8) { groupID = labels[row.group]!; lastGroup = row.group }
                try copy.row(id: first + Int64(offset), set: Int32(setID), scope: scopeID, group: groupID,
                             cells: row.cells, extra: row.extra)
            }
        }
    }

    /// Replaces the rows with these ids in place.
    /// - Throws: ``StoreError/notFound(_:)`` naming the first row that does not exist.
    func replace(_ rows: [CompactRow], in set: RowSetKey) throws {
        guard let first = rows.first else { return }
        // FOR UPDATE: new labels are numbered under the same lock appends take.
        guard let setID = try self.setID(set, lock: true) else { throw StoreError.notFound(RowSetKey.rowKey(set, first.id)) }
        let labels = try labelIDs(for: rows, setID: setID)
        for row in rows {
            let result = try connection.execute("""
                UPDATE \(schema.rows) SET scope_id = $3, group_id = $4, cells = $5, extra = $6 WHERE set_id = $1 AND id = $2
                """, [.integer(Int(setID)), .integer(Int(row.id)), .integer(Int(labels[row.scope]!)),
                      .integer(Int(labels[row.group]!)), .bytes(Data(row.cells)), .bytes(row.extra)])
            guard result.affectedRows == 1 else { throw StoreError.notFound(RowSetKey.rowKey(set, row.id)) }
        }
    }

    /// Removes the rows with these ids.
    /// - Throws: ``StoreError/notFound(_:)`` naming the first id that does not exist (or repeats).
    func delete(_ ids: [Int64], from set: RowSetKey) throws {
        guard let first = ids.first else { return }
        guard let setID = try self.setID(set, lock: false) else { throw StoreError.notFound(RowSetKey.rowKey(set, first)) }
        let deleted = try connection.execute("""
            DELETE FROM \(schema.rows) WHERE set_id = $1 AND id = ANY($2::bigint[]) RETURNING id
            """, [.integer(Int(setID)), .text(PostgresRowReader.arrayLiteral(ids))])
        var gone = Set((0..<deleted.rowCount).map { deleted.int64($0, 0) })
        for id in ids where gone.remove(id) == nil { throw StoreError.notFound(RowSetKey.rowKey(set, id)) }
    }

    private func setID(_ set: RowSetKey, lock: Bool) throws -> Int64? {
        let result = try connection.execute("SELECT set_id FROM \(schema.rowSets) WHERE type = $1 AND partition = $2"
                                            + (lock ? " FOR UPDATE" : ""), [.text(set.type), .text(set.partition)])
        return result.rowCount == 1 ? result.int64(0, 0) : nil
    }

    /// The dictionary id of every scope and group in `rows`, adding the new ones (numbered after
    /// the set's highest, in order of first use in the batch), keyed by the label's UTF-8 bytes so
    /// NFC and NFD twins get ids of their own.
    private func labelIDs(for rows: [CompactRow], setID: Int64) throws -> LabelIDs {
        var wanted: [String] = []
        var seen = Set<[UInt8]>()
        var lastScope: String? = nil, lastGroup: String? = nil
        for row in rows {
            // Rows of one unit usually come together: skip the set lookup for a repeat.
            if !(lastScope.map { $0.utf8.elementsEqual(row.scope.utf8) } ?? false), seen.insert(Array(row.scope.utf8)).inserted { wanted.append(row.scope) }
            if !(lastGroup.map { $0.utf8.elementsEqual(row.group.utf8) } ?? false), seen.insert(Array(row.group.utf8)).inserted { wanted.append(row.group) }
            lastScope = row.scope
            lastGroup = row.group
        }
        for label in wanted { try PostgresParameter.requireNoNUL(label, what: "a row's scope or group") }
        var ids = LabelIDs()
        for (id, label) in try PostgresRowReader.labelsByID(connection, schema, setID: setID) { ids[label] = id }
        let missing = wanted.filter { ids[$0] == nil }
        guard !missing.isEmpty else { return ids }
        var next = ids.highest + 1
        var parameters: [PostgresParameter] = [.integer(Int(setID))]
        var tuples: [String] = []
        for label in missing {
            ids[label] = next
            parameters += [.integer(Int(next)), .text(label)]
            tuples.append("($1, $\(parameters.count - 1)::integer, $\(parameters.count))")
            next += 1
        }
        try connection.execute("INSERT INTO \(schema.rowLabels) (set_id, label_id, label) VALUES "
                               + tuples.joined(separator: ", "), parameters)
        return ids
    }
}

/// A set's label ids, found by `String` hash and confirmed by bytes (no allocation per lookup): a
/// `String` key alone would give an NFD label its NFC twin's id.
struct LabelIDs {
    private var buckets: [String: [(label: String, id: Int32)]] = [:]
    private(set) var highest: Int32 = 0

    subscript(label: String) -> Int32? {
        get { buckets[label]?.first { $0.label.utf8.elementsEqual(label.utf8) }?.id }
        set {
            guard let newValue else { return }
            buckets[label, default: []].removeAll { $0.label.utf8.elementsEqual(label.utf8) }
            buckets[label, default: []].append((label, newValue))
            highest = max(highest, newValue)
        }
    }
}

/// Reads pages of rows straight from the result buffers into ``RowPage`` columns.
enum PostgresRowReader {
    /// A set's scope and group dictionary, label by id (callers match labels by their bytes).
    static func labelsByID(_ c: PostgresConnection, _ schema: PostgresSchema, setID: Int64) throws -> [Int32: String] {
        let result = try c.execute("SELECT label_id, label FROM \(schema.rowLabels) WHERE set_id = $1", [.integer(Int(setID))])
        var labels: [Int32: String] = [:]
        for row in 0..<result.rowCount { labels[Int32(result.int64(row, 0))] = result.text(row, 1) ?? "" }
        return labels
    }

    /// `{1,2,3}`: a `bigint[]` parameter in text form.
    static func arrayLiteral(_ ids: [Int64]) -> String { "{" + ids.map(String.init).joined(separator: ",") + "}" }

    /// The `WHERE` condition and parameters for `query`, or `nil` when the set, scope or group
    /// does not exist (so nothing can match).
    static func condition(_ query: RowQuery, _ c: PostgresConnection, _ schema: PostgresSchema)
        throws -> (setID: Int64, sql: String, parameters: [PostgresParameter])? {
        let found = try c.execute("SELECT set_id FROM \(schema.rowSets) WHERE type = $1 AND partition = $2",
                                  [.text(query.set.type), .text(query.set.partition)])
        guard found.rowCount == 1 else { return nil }
        let setID = found.int64(0, 0)
        var sql = "r.set_id = $1"
        var parameters: [PostgresParameter] = [.integer(Int(setID))]
        if query.scope != nil || query.group != nil {
            let labels = try labelsByID(c, schema, setID: setID)
            for (column, value) in [("scope_id", query.scope), ("group_id", query.group)] {
                guard let value else { continue }
                guard let id = labels.first(where: { $0.value.utf8.elementsEqual(value.utf8) })?.key else { return nil }
                parameters.append(.integer(Int(id)))
                sql += " AND r.\(column) = $\(parameters.count)"
            }
        }
        return (setID, sql, parameters)
    }

    static func page(_ query: RowQuery, _ c: PostgresConnection, _ schema: PostgresSchema) throws -> RowPage {
        var page = RowPage()
        guard let found = try condition(query, c, schema) else { return page }
        let setID = found.setID
        var (sql, parameters) = (found.sql, found.parameters)
        if let after = query.afterID {
            parameters.append(.integer(Int(after)))
            sql += " AND r.id > $\(parameters.count)"
        }
        var text = "SELECT r.id, r.scope_id, r.group_id, r.cells\(query.includeExtra ? ", r.extra" : "") FROM \(schema.rows) r WHERE \(sql) ORDER BY r.id"
        if let limit = query.limit {
            parameters.append(.integer(limit))
            text += " LIMIT $\(parameters.count)"
        }
        let result = try c.execute(text, parameters)
        guard result.rowCount > 0 else { return page }
        // Read after the page: labels are only ever added, together with the rows that use them.
        let names = try labelsByID(c, schema, setID: setID)
        page.ids.reserveCapacity(result.rowCount)
        for row in 0..<result.rowCount {
            let scope = names[Int32(result.int64(row, 1))] ?? "", group = names[Int32(result.int64(row, 2))] ?? ""
            result.withBytes(row, 3) { cells in
                page.append(id: result.int64(row, 0), scope: scope, group: group, cells: cells,
                            extra: query.includeExtra ? result.bytes(row, 4) : nil)
            }
        }
        return page
    }

    static func count(_ query: RowQuery, _ c: PostgresConnection, _ schema: PostgresSchema) throws -> Int {
        guard let (_, sql, parameters) = try condition(query, c, schema) else { return 0 }
        return try c.execute("SELECT count(*) FROM \(schema.rows) r WHERE \(sql)", parameters).integer(0, 0) ?? 0
    }
}

extension PostgresStore {
    /// A page of the rows matching `query`, ordered by id, read into columns without a struct per row.
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a negative limit; connection and backend errors.
    public func rows(_ query: RowQuery) async throws -> RowPage {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("negative row limit \(limit)") }
        return try await perform { [schema] c in try PostgresRowReader.page(query, c, schema) }
    }

    /// How many rows match `query`'s set, scope and group (paging ignored).
    /// - Throws: connection and backend errors.
    public func countRows(_ query: RowQuery) async throws -> Int {
        try await perform { [schema] c in try PostgresRowReader.count(query, c, schema) }
    }
}
