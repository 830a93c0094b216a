import DiversityKit

/// Brings a store's schema to ``PostgresMigrations/latest``, once, however many processes open it.
enum PostgresMigrator {
    /// Migrates forward inside one transaction under an advisory lock, so concurrent openers
    /// wait for the first and then find nothing to do. A current schema needs no DDL and no
    /// lock, so an application role without `CREATE` can open it.
    /// - Throws: ``StoreError/schemaTooNew(found:supported:)`` (nothing changed),
    ///   ``StoreError/notADiversityKitStore(_:)`` for a schema holding other tables,
    ///   a backend error such as SQLSTATE 42501 when the role may not create tables.
    static func migrate(_ connection: PostgresConnection, _ schema: PostgresSchema) throws {
        guard try version(connection, schema) < PostgresMigrations.latest else { return }
        try connection.execute("BEGIN")
        do {
            // Two keys: a constant for DiversityKit, and the schema, so stores in other schemas don't wait.
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext('diversitykit.migrate'), hashtext($1))",
                                   [.text(schema.name)])
            let exists = try connection.execute("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1",
                                                [.text(schema.name)]).rowCount > 0
            // Only when missing: CREATE SCHEMA IF NOT EXISTS would still demand CREATE on the database.
            if !exists { try connection.execute("CREATE SCHEMA \(schema.quoted)") }
            let current = try version(connection, schema)
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS \(schema.versionTable) (
                    version integer PRIMARY KEY,
                    name text NOT NULL UNIQUE,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            for migration in PostgresMigrations.all where migration.version > current {
                for statement in migration.statements(schema) { try connection.execute(statement) }
                try connection.execute("INSERT INTO \(schema.versionTable) (version, name) VALUES ($1, $2)",
                                       [.integer(migration.version), .text(migration.name)])
            }
            try connection.execute("COMMIT")
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// The schema's version: 0 when the schema or its tables do not exist yet.
    /// - Throws: ``StoreError/schemaTooNew(found:supported:)``, ``StoreError/notADiversityKitStore(_:)``.
    static func version(_ connection: PostgresConnection, _ schema: PostgresSchema) throws -> Int {
        let tables = try connection.execute("""
            SELECT c.relname FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            """, [.text(schema.name)])
        let names = Set((0..<tables.rowCount).compactMap { tables.text($0, 0) })
        guard names.contains(PostgresSchema.versionTableName) else {
            if names.isEmpty { return 0 }
            throw StoreError.notADiversityKitStore(
                "PostgreSQL schema \(schema.quoted) holds tables but no DiversityKit \(PostgresSchema.versionTableName) table")
        }
        let found = try connection.execute("SELECT coalesce(max(version), 0) FROM \(schema.versionTable)")
        let version = try found.integer(0, 0) ?? 0
        if version > PostgresMigrations.latest {
            throw StoreError.schemaTooNew(found: version, supported: PostgresMigrations.latest)
        }
        return version
    }
}
