import DiversityKit

/// Table names inside the store's PostgreSQL schema, quoted for SQL text.
///
/// The schema name is the only identifier that comes from outside; it is quoted, never
/// bound, because identifiers cannot be parameters. Every value is bound.
struct PostgresSchema: Sendable {
    /// The schema's name as given.
    let name: String
    /// The quoted schema name.
    let quoted: String

    /// - Throws: ``StoreError/invalidArgument(_:)`` for an empty, too long or NUL-holding name.
    init(_ name: String) throws {
        guard !name.isEmpty, name.utf8.count <= 63, !name.utf8.contains(0) else {
            throw StoreError.invalidArgument("a PostgreSQL schema name must be 1–63 bytes without NUL")
        }
        self.name = name
        quoted = Self.quoteIdentifier(name)
    }

    /// `name` as a quoted SQL identifier: every `"` doubled, compared by Unicode scalar — so a quote
    /// glued to a combining mark (`"\u{301}`, one `Character`) is doubled too and cannot end the
    /// identifier early.
    static func quoteIdentifier(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append("\"")
        for scalar in name.unicodeScalars {
            scalars.append(scalar)
            if scalar == "\"" { scalars.append(scalar) }
        }
        scalars.append("\"")
        return String(scalars)
    }

    var records: String { quoted + ".records" }
    var recordKeys: String { quoted + ".record_keys" }
    var rowSets: String { quoted + ".row_sets" }
    var rowLabels: String { quoted + ".row_labels" }
    var rows: String { quoted + ".rows" }
    /// The tables a batch writes, in the one order every `LOCK TABLE` names them (so two lockers
    /// never wait for each other in opposite orders).
    var writeTables: String { [records, recordKeys, rowSets, rowLabels, rows].joined(separator: ", ") }
    /// Every table of the store, for `VACUUM` and for tests that read them all.
    var allTables: [String] { [records, recordKeys, rowSets, rowLabels, rows, versionTable] }
    /// The version table's unquoted name.
    static let versionTableName = "diversitykit_migrations"
    var versionTable: String { quoted + "." + Self.versionTableName }
}
