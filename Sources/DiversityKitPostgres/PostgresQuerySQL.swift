import DiversityKit

/// The `WHERE` condition of a ``RecordQuery`` over `records r`, with every value bound.
struct PostgresQuerySQL {
    private let query: RecordQuery
    private let schema: PostgresSchema
    /// The values bound so far, in `$n` order.
    private(set) var parameters: [PostgresParameter] = []

    init(_ query: RecordQuery, schema: PostgresSchema) {
        self.query = query
        self.schema = schema
    }

    /// Binds `value` and returns its placeholder (`$3`).
    mutating func bind(_ value: PostgresParameter) -> String {
        parameters.append(value)
        return "$\(parameters.count)"
    }

    /// The type condition and one `EXISTS` per filter.
    mutating func condition() -> String {
        var parts = ["r.type = \(bind(.text(query.type)))"]
        if let outdated = query.outdated {
            parts.append("(r.index_version < \(bind(.integer(outdated.index))) OR r.version < \(bind(.integer(outdated.payload))))")
        }
        for filter in query.filters {
            let key = bind(.text(filter.key))
            let match: String
            switch filter.match {
            case .equals(let value):
                match = "k.whole AND k.value = \(bind(.text(value)))"
            case .oneOf(let values):
                // Sorted so equal queries give equal SQL text.
                let placeholders = values.sorted().map { bind(.text($0)) }
                match = placeholders.isEmpty ? "FALSE" : "k.whole AND k.value IN (\(placeholders.joined(separator: ", ")))"
            case .contains(let element):
                // An element row, or the whole value of a single-valued key, equal to the element.
                // An empty element or one holding the separator is never an element, as in memory.
                match = element.isEmpty || element.contains(Character(indexValueSeparator)) ? "FALSE"
                    : "k.value = \(bind(.text(element)))"
            }
            parts.append("""
                EXISTS (SELECT 1 FROM \(schema.recordKeys) k \
                WHERE k.type = r.type AND k.id = r.id AND k.key = \(key) AND \(match))
                """)
        }
        return parts.joined(separator: " AND ")
    }
}
