import DiversityKit

extension PostgresStore {
    /// Whether the configuration's schema exists in the database, found without creating it
    /// (opening a ``PostgresStore`` creates a missing schema). For tools that look after an
    /// existing store, so that a mistyped schema name is reported instead of becoming an empty store.
    ///
    /// ```swift
    /// let configuration = PostgresStore.Configuration(connectionString: url, schema: "vasterbotten")
    /// guard try await PostgresStore.schemaExists(configuration) else { throw MyError.noSuchStore }
    /// let store = try await PostgresStore(configuration)
    /// ```
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a malformed connection string
    ///   or schema name; ``/DiversityKit/StoreError/connectionLost(_:)`` when the server cannot be reached.
    public static func schemaExists(_ configuration: Configuration) async throws -> Bool {
        let schema = try PostgresSchema(configuration.schema)
        return try await BlockingWorker(label: "DiversityKitPostgres.schemaExists").run { _ in
            let connection = try PostgresConnection(connectionString: configuration.connectionString,
                                                    applicationName: configuration.applicationName)
            return try connection.execute("SELECT 1 FROM pg_namespace WHERE nspname = $1", [.text(schema.name)]).rowCount > 0
        }
    }
}
