import DiversityKit

/// A value bound to a placeholder.
enum Binding {
    case text(String)
    case integer(Int)

    func bind(to statement: Statement, at index: Int32) throws {
        switch self {
        case .text(let s): try statement.bind(s, at: index)
        case .integer(let i): try statement.bind(i, at: index)
        }
    }
}

/// The SQL and bound values for a ``RecordQuery``'s conditions. Values are only ever bound.
///
/// Each filter becomes `id IN (SELECT id FROM record_keys …)`, which the
/// `record_keys_lookup (type, key, value)` index answers without scanning the type's records.
/// Text compares with SQLite's `BINARY` collation, i.e. by UTF-8 bytes, as the protocol requires.
struct QuerySQL {
    /// A condition on `records` (aliased `r`), starting with `r.type = ?`.
    private(set) var condition = "r.type = ?"
    /// The values for the condition's placeholders, in order.
    private(set) var values: [Binding]

    /// The condition of `query`, with `afterID` and `limit` when `paged`.
    ///
    /// A plain `id IN (SELECT …)` makes SQLite collect every matching id before taking a page, so paging
    /// through n matches costs n per page — quadratic over a whole `forEach`. For the common case of one
    /// `.equals` filter (and no `outdated`), the subquery itself starts after the page's first id and
    /// stops at the page size: the lookup index holds (type, key, value) followed by the id, so that is
    /// one seek and a short scan.
    init(_ query: RecordQuery, paged: Bool = false) {
        values = [.text(query.type)]
        if paged, let limit = query.limit, query.outdated == nil, query.filters.count == 1,
           case .equals(let value) = query.filters[0].match {
            condition += " AND r.id IN (SELECT id FROM record_keys WHERE type = ? AND key = ? AND whole = 1 AND value = ?"
            values += [.text(query.type), .text(query.filters[0].key), .text(value)]
            if let after = query.afterID {
                condition += " AND id > ?"
                values.append(.text(after))
            }
            condition += " ORDER BY id LIMIT ?)"
            values.append(.integer(limit))
        } else {
            for filter in query.filters { add(filter, type: query.type) }
        }
        if let outdated = query.outdated {
            condition += " AND (r.index_version < ? OR r.version < ?)"
            values += [.integer(outdated.index), .integer(outdated.payload)]
        }
        guard paged else { return }
        if let after = query.afterID {
            condition += " AND r.id > ?"
            values.append(.text(after))
        }
        condition += " ORDER BY r.id"
        if let limit = query.limit {
            condition += " LIMIT ?"
            values.append(.integer(limit))
        }
    }

    func bind(to statement: Statement, from first: Int32 = 1) throws {
        for (offset, value) in values.enumerated() { try value.bind(to: statement, at: first + Int32(offset)) }
    }

    private mutating func add(_ filter: RecordQuery.Filter, type: String) {
        let lookup = " AND r.id IN (SELECT id FROM record_keys WHERE type = ? AND key = ? AND "
        switch filter.match {
        case .equals(let value):
            condition += lookup + "whole = 1 AND value = ?)"
            values += [.text(type), .text(filter.key), .text(value)]
        case .oneOf(let set):
            guard !set.isEmpty else {
                condition += " AND 0"
                return
            }
            // Sorted by bytes, so equal queries give the same SQL text and reuse one cached statement;
            // a Set<String> holds canonically equivalent strings once, so NFC and NFD twins cannot both be
            // asked for — each one given is matched by its own bytes only.
            let sorted = set.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            condition += lookup + "whole = 1 AND value IN (" + Array(repeating: "?", count: sorted.count).joined(separator: ", ") + "))"
            values += [.text(type), .text(filter.key)] + sorted.map { .text($0) }
        case .contains(let element):
            // An empty element or one holding the separator can never be a whole element.
            guard !element.isEmpty, !element.utf8.contains(0x1F) else {
                condition += " AND 0"
                return
            }
            // A single-valued key is stored only as its whole value, which then is its one element.
            condition += lookup + "value = ? AND (whole = 0 OR instr(value, char(31)) = 0))"
            values += [.text(type), .text(filter.key), .text(element)]
        }
    }
}
