import DiversityKit

/// Reads compact rows straight into a ``RowPage``'s columns: no struct per row, cells copied from
/// SQLite's buffer into the page's one contiguous array, scope and group strings looked up once per
/// distinct id in the page.
enum RowReader {
    /// The conditions of `query` on `compact_rows`, or `nil` when a named set, scope or group does not
    /// exist (then no row can match).
    private static func conditions(_ query: RowQuery, _ c: Connection) throws -> (sql: String, values: [Int64])? {
        guard let setID = try RowStrings.setID(query.set, in: c, creating: false) else { return nil }
        var sql = "set_id = ?"
        var values = [setID]
        for (column, value) in [("scope_id", query.scope), ("group_id", query.group)] {
            guard let value else { continue }
            guard let id = try RowStrings.stringID(value, in: c, creating: false) else { return nil }
            sql += " AND \(column) = ?"
            values.append(id)
        }
        return (sql, values)
    }

    static func count(_ query: RowQuery, _ c: Connection) throws -> Int {
        guard let (condition, values) = try conditions(query, c) else { return 0 }
        let statement = try c.statement("SELECT count(*) FROM compact_rows WHERE \(condition)")
        defer { statement.reset() }
        for (i, v) in values.enumerated() { try statement.bind(v, at: Int32(i + 1)) }
        return try statement.step() ? statement.int(at: 0) : 0
    }

    static func page(_ query: RowQuery, _ c: Connection, _ context: JobContext) throws -> RowPage {
        var page = RowPage()
        guard var (sql, values) = try conditions(query, c) else { return page }
        if let after = query.afterID {
            sql += " AND row_id > ?"
            values.append(after)
        }
        sql = "SELECT row_id, scope_id, group_id, cells\(query.includeExtra ? ", extra" : "") FROM compact_rows WHERE \(sql) ORDER BY set_id, row_id"
        if let limit = query.limit {
            sql += " LIMIT ?"
            values.append(Int64(limit))
        }
        let statement = try c.statement(sql)
        defer { statement.reset() }
        for (i, v) in values.enumerated() { try statement.bind(v, at: Int32(i + 1)) }
        if let limit = query.limit {
            let expected = min(limit, 1 << 16)
            page.ids.reserveCapacity(expected)
            page.scopeIndex.reserveCapacity(expected)
            page.groupIndex.reserveCapacity(expected)
            page.cellOffsets.reserveCapacity(expected + 1)
        }
        var scopes = Interned(), groups = Interned()
        while try statement.step() {
            if page.ids.count & 0xFFF == 0xFFF { try context.check() }
            page.ids.append(statement.int64(at: 0))
            page.scopeIndex.append(try scopes.index(of: statement.int64(at: 1), into: &page.scopes, c))
            page.groupIndex.append(try groups.index(of: statement.int64(at: 2), into: &page.groups, c))
            page.cells.append(contentsOf: statement.blob(at: 3))
            page.cellOffsets.append(page.cells.count)
            if query.includeExtra { page.extras.append(statement.data(at: 4)) }
        }
        return page
    }

    /// String id → index in the page's list, with the previous hit checked first.
    private struct Interned {
        private var indices: [Int64: Int32] = [:]
        private var last: (id: Int64, index: Int32) = (-1, -1)

        mutating func index(of id: Int64, into values: inout [String], _ c: Connection) throws -> Int32 {
            if id == last.id { return last.index }
            if let known = indices[id] {
                last = (id, known)
                return known
            }
            let lookup = try c.statement("SELECT value FROM row_strings WHERE string_id = ?")
            defer { lookup.reset() }
            try lookup.bind(id, at: 1)
            guard try lookup.step() else { throw StoreError.backend(code: 11, message: "compact row names a missing string \(id)") }
            let index = Int32(values.count)
            values.append(lookup.string(at: 0))
            indices[id] = index
            last = (id, index)
            return index
        }
    }
}
