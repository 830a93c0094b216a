/// One step of the store's own schema, registered in order and never edited once shipped.
struct PostgresMigration: Sendable {
    /// The schema version this step produces.
    let version: Int
    /// A stable name, recorded in `diversitykit_migrations`.
    let name: String
    /// The statements, given the schema's names. Plain SQL; never a value.
    let statements: @Sendable (PostgresSchema) -> [String]
}

/// Every migration, oldest first: the SQLite store's schema in PostgreSQL's dialect, under the
/// same names.
///
/// Index keys live in `record_keys`: one row with `whole` true holding a key's entire value
/// (for `.equals` and `.oneOf`) and, for a multi-valued key, one row per distinct element with
/// `whole` false (for `.contains`). Ids are `COLLATE "C"`, so ordering and paging compare
/// UTF-8 bytes as the protocol requires, whatever the database's locale.
enum PostgresMigrations {
    static let all: [PostgresMigration] = [
        PostgresMigration(version: 1, name: "v1-records") { s in
            [
                """
                CREATE TABLE \(s.records) (
                    type text NOT NULL,
                    id text COLLATE "C" NOT NULL,
                    version integer NOT NULL,
                    payload bytea NOT NULL,
                    PRIMARY KEY (type, id)
                )
                """,
                """
                CREATE TABLE \(s.recordKeys) (
                    type text NOT NULL,
                    id text COLLATE "C" NOT NULL,
                    key text NOT NULL,
                    value text NOT NULL,
                    whole boolean NOT NULL,
                    PRIMARY KEY (type, id, key, whole, value),
                    FOREIGN KEY (type, id) REFERENCES \(s.records) (type, id) ON DELETE CASCADE
                )
                """,
            ]
        },
        PostgresMigration(version: 2, name: "v2-key-lookup-index") { s in
            ["CREATE INDEX record_keys_lookup ON \(s.recordKeys) (type, key, value)"]
        },
    ]

    /// The newest schema version this code knows.
    static var latest: Int { all.last?.version ?? 0 }
}
