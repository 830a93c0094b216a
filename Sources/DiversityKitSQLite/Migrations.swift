/// One step of the store's schema, applied once, in order, inside a transaction.
///
/// Shipped migrations are never edited: a file opened by an older release must end up with
/// exactly the schema a fresh file gets. A change to the schema is a new migration at the end.
struct Migration: Sendable {
    /// A stable name, recorded in `diversitykit_migrations`.
    let name: String
    /// Plain SQL; never binds or interpolates a value.
    let sql: String
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
            """),
        Migration(name: "v2-key-lookup-index", sql: """
            CREATE INDEX record_keys_lookup ON record_keys (type, key, value);
            """),
    ]

    /// The schema version this code writes and reads.
    static var latest: Int { all.count }
}
