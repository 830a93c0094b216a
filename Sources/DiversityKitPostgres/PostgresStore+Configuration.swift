extension PostgresStore {
    /// Where and how a ``PostgresStore`` connects.
    ///
    /// ```swift
    /// let store = try await PostgresStore(.init(
    ///     connectionString: "postgresql://diversitykit_app@db.example.se/diversity?sslmode=verify-full",
    ///     schema: "vasterbotten"))
    /// ```
    public struct Configuration: Hashable, Sendable, Codable {
        /// A libpq connection string: a `postgresql://user@host:port/database?param=value` URI
        /// or `host=… dbname=… user=…` pairs. Passwords are best kept out of it (use `~/.pgpass`
        /// or `PGPASSWORD`); libpq reads its usual `PG*` environment variables for what is missing.
        public var connectionString: String
        /// The PostgreSQL schema (namespace) holding the store's tables, created on first open.
        /// Several stores — one per programme, or one per test — can share a database.
        public var schema: String
        /// Shown in `pg_stat_activity.application_name` unless the connection string sets one.
        public var applicationName: String

        /// A configuration.
        /// - Parameters:
        ///   - connectionString: how libpq reaches the server.
        ///   - schema: the schema for the store's tables (default `diversitykit`).
        ///   - applicationName: what the server shows for this connection (default `DiversityKit`).
        public init(connectionString: String, schema: String = "diversitykit", applicationName: String = "DiversityKit") {
            self.connectionString = connectionString
            self.schema = schema
            self.applicationName = applicationName
        }
    }
}
