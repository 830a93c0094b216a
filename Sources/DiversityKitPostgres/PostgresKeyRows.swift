import DiversityKit

/// The `record_keys` rows of an envelope, as the SQLite store writes them.
enum PostgresKeyRows {
    /// One row.
    struct Row: Hashable {
        var key: String
        var value: String
        var whole: Bool
    }

    /// A whole-value row per key and, for a multi-valued key, an element row per distinct
    /// element — the elements `RecordEnvelope.matches` sees: split, empty parts dropped.
    static func rows(of envelope: RecordEnvelope) -> [Row] {
        let separator = Character(indexValueSeparator)
        var rows: [Row] = []
        for (key, value) in envelope.keys.sorted(by: { $0.key < $1.key }) {
            rows.append(Row(key: key, value: value, whole: true))
            guard value.contains(separator) else { continue }
            let elements = Set(value.split(separator: separator, omittingEmptySubsequences: true).map(String.init))
            rows += elements.sorted().map { Row(key: key, value: $0, whole: false) }
        }
        return rows
    }
}
