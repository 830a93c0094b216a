/// One step of the store's own schema, registered in order and never edited once shipped.
struct PostgresMigration: Sendable {
    /// The schema version this step produces.
    let version: Int
    /// A stable name, recorded in the version table.
    let name: String
    /// The statements, given the schema's names.
    let statements: @Sendable (PostgresSchema) -> [String]
}

/// Every migration, oldest first. Mirrors the SQLite store's schema in PostgreSQL's dialect.
///
/// Ids are `COLLATE "C"`, so ordering and paging compare UTF-8 bytes as the protocol requires.
enum PostgresMigrations {
    static let all: [PostgresMigration] = [
        PostgresMigration(version: 1, name: "create records and index keys") { s in
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
                CREATE TABLE \(s.indexKeys) (
                    type text NOT NULL,
                    id text COLLATE "C" NOT NULL,
                    key text NOT NULL,
                    value text NOT NULL,
                    PRIMARY KEY (type, id, key),
                    FOREIGN KEY (type, id) REFERENCES \(s.records) (type, id) ON DELETE CASCADE
                )
                """,
            ]
        },
        PostgresMigration(version: 2, name: "index keys by value") { s in
            ["CREATE INDEX index_keys_by_value ON \(s.indexKeys) (type, key, value)"]
        },
    ]

    /// The newest schema version this code knows.
    static var latest: Int { all.last?.version ?? 0 }
}
