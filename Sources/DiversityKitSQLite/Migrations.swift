/// One step of the store's schema, applied once, in order, inside a transaction.
///
/// Shipped migrations are never edited: a file opened by an older release must end up with
/// exactly the schema a fresh file gets. A change to the schema is a new migration at the end.
struct Migration: Sendable {
    /// A stable name, recorded in `diversitykit_migrations`.
    let name: String
    /// Plain SQL; never binds or interpolates a value.
    let sql: String
    /// The tables and indexes the step creates: a file claiming this version must hold them all,
    /// or it is refused before anything is written (see `SchemaOpener`).
    let creates: [String]
}

/// The store's schema history. `PRAGMA user_version` holds how many of these a file has applied.
enum Migrations {
    /// `PRAGMA application_id` of every DiversityKit SQLite file: ASCII "DvKt".
    static let applicationID: Int32 = 0x4476_4B74

    static let all: [Migration] = [
        Migration(name: "v1-records", sql: """
            CREATE TABLE diversitykit_migrations (
                name TEXT PRIMARY KEY NOT NULL,
                applied_at TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE records (
                type TEXT NOT NULL,
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (type, id)
            ) WITHOUT ROWID;
            CREATE TABLE record_keys (
                type TEXT NOT NULL,
                id TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                whole INTEGER NOT NULL CHECK (whole IN (0, 1)),
                PRIMARY KEY (type, id, key, whole, value),
                FOREIGN KEY (type, id) REFERENCES records (type, id) ON DELETE CASCADE
            ) WITHOUT ROWID;
            """, creates: ["diversitykit_migrations", "records", "record_keys"]),
        Migration(name: "v2-key-lookup-index", sql: """
            CREATE INDEX record_keys_lookup ON record_keys (type, key, value);
            """, creates: ["record_keys_lookup"]),
        // Round 2: store-assigned revisions, index versions (with the index that makes the stale check
        // one seek), and compact rows: one narrow row per response in one B-tree keyed by (set, row id) —
        // no separate index, so a page is one range scan — with strings interned once per store.
        // Existing records get revision 1 and index version 1 from the column defaults.
        Migration(name: "v3-revisions-and-compact-rows", sql: """
            ALTER TABLE records ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE records ADD COLUMN index_version INTEGER NOT NULL DEFAULT 1;
            CREATE INDEX records_index_version ON records (type, index_version);
            CREATE TABLE row_sets (
                set_id INTEGER PRIMARY KEY,
                type TEXT NOT NULL,
                partition TEXT NOT NULL,
                UNIQUE (type, partition)
            );
            CREATE TABLE row_strings (
                string_id INTEGER PRIMARY KEY,
                value TEXT NOT NULL UNIQUE
            );
            CREATE TABLE compact_rows (
                set_id INTEGER NOT NULL,
                row_id INTEGER NOT NULL,
                scope_id INTEGER NOT NULL,
                group_id INTEGER NOT NULL,
                cells BLOB NOT NULL,
                extra BLOB NOT NULL,
                PRIMARY KEY (set_id, row_id)
            ) WITHOUT ROWID;
            """, creates: ["records_index_version", "row_sets", "row_strings", "compact_rows"]),
    ]

    /// The schema version this code writes and reads.
    static var latest: Int { all.count }

    /// The tables and indexes a file at `version` must hold.
    static func objects(atVersion version: Int) -> [String] {
        all.prefix(max(0, min(version, all.count))).flatMap(\.creates)
    }
}
