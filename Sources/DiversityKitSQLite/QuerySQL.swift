import DiversityKit

/// The SQL and bound values for a ``RecordQuery``'s conditions. Values are only ever bound.
///
/// Each filter becomes `id IN (SELECT id FROM record_keys …)`, which the
/// `record_keys_lookup (type, key, value)` index answers without scanning the type's records.
struct QuerySQL {
    /// A condition on `records` (aliased `r`), starting with `r.type = ?`.
    private(set) var condition = "r.type = ?"
    /// The values for the condition's placeholders, in order.
    private(set) var values: [String]
    /// The page size bound after ``values``, when the condition itself ends in `LIMIT ?` (see ``init(_:paged:)``).
    private(set) var innerLimit: Int?

    /// The condition of `query`; with `paged`, a page of a one-key query seeks in the key index.
    ///
    /// A plain `id IN (SELECT …)` makes SQLite collect every matching id before taking a page, so paging
    /// through n matches costs n per page — quadratic over a whole `forEach`. For the common case of one
    /// `.equals` filter, the subquery itself starts after the page's first id and stops at the page size:
    /// the lookup index holds (type, key, value) followed by the id, so that is one seek and a short scan.
    init(_ query: RecordQuery, paged: Bool = false) {
        values = [query.type]
        if paged, let limit = query.limit, query.filters.count == 1, case .equals(let value) = query.filters[0].match {
            condition += " AND r.id IN (SELECT id FROM record_keys WHERE type = ? AND key = ? AND whole = 1 AND value = ?"
            values += [query.type, query.filters[0].key, value]
            if let after = query.afterID {
                condition += " AND id > ?"
                values.append(after)
            }
            condition += " ORDER BY id LIMIT ?)"
            innerLimit = limit
            return
        }
        for filter in query.filters { add(filter, type: query.type) }
    }

    private mutating func add(_ filter: RecordQuery.Filter, type: String) {
        let lookup = " AND r.id IN (SELECT id FROM record_keys WHERE type = ? AND key = ? AND "
        switch filter.match {
        case .equals(let value):
            condition += lookup + "whole = 1 AND value = ?)"
            values += [type, filter.key, value]
        case .oneOf(let set):
            guard !set.isEmpty else {
                condition += " AND 0"
                return
            }
            // Sorted, so equal queries give the same SQL text and reuse one cached statement.
            let sorted = set.sorted()
            condition += lookup + "whole = 1 AND value IN (" + Array(repeating: "?", count: sorted.count).joined(separator: ", ") + "))"
            values += [type, filter.key] + sorted
        case .contains(let element):
            // An empty element or one holding the separator can never be a whole element.
            guard !element.isEmpty, !element.contains(Character(indexValueSeparator)) else {
                condition += " AND 0"
                return
            }
            // A single-valued key is stored only as its whole value, which then is its one element.
            condition += lookup + "value = ? AND (whole = 0 OR instr(value, char(31)) = 0))"
            values += [type, filter.key, element]
        }
    }
}
