import DiversityKit
import DiversityKitPostgres
import Foundation
import Testing

/// The test server, from `DIVERSITYKIT_POSTGRES_URL` (`.ci/run` starts one and sets it).
enum TestDatabase {
    static let variable = "DIVERSITYKIT_POSTGRES_URL"
    static let url = ProcessInfo.processInfo.environment[variable]
    static var isAvailable: Bool { url?.isEmpty == false }
    static let skipReason: Comment = "set DIVERSITYKIT_POSTGRES_URL to a PostgreSQL database to run the PostgreSQL store's tests (.ci/run does)"

    /// A schema name no other test uses.
    static func uniqueSchema() -> String {
        "dk_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }

    static func configuration(schema: String, applicationName: String = "DiversityKitTests") -> PostgresStore.Configuration {
        PostgresStore.Configuration(connectionString: url ?? "", schema: schema, applicationName: applicationName)
    }

    /// Runs `body` with a store on a fresh schema, dropped afterwards whatever happens.
    static func withStore<T>(applicationName: String = "DiversityKitTests",
                             _ body: (PostgresStore) async throws -> T) async throws -> T {
        try await withSchema { schema in
            try await body(try await PostgresStore(configuration(schema: schema, applicationName: applicationName)))
        }
    }

    /// Runs `body` with a fresh schema name, dropped afterwards whatever happens.
    static func withSchema<T>(_ body: (String) async throws -> T) async throws -> T {
        let schema = uniqueSchema()
        do {
            let result = try await body(schema)
            try await drop(schema)
            return result
        } catch {
            try? await drop(schema)
            throw error
        }
    }

    /// Runs SQL on a connection of its own, opened on a scratch schema `dk_test_admin` that is kept.
    @discardableResult
    static func admin(_ sql: String, _ texts: [String] = []) async throws -> [[String?]] {
        let store = try await PostgresStore(configuration(schema: "dk_test_admin", applicationName: "DiversityKitTestsAdmin"))
        return try await store.execute(sql, texts)
    }

    static func drop(_ schema: String) async throws {
        try await admin("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
    }
}
