import DiversityKit
import DiversityKitPostgres
import Foundation
import Testing

@Suite("PostgresStore connections", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresConnectionTests {
    @Test("a lost connection is a typed error and the next call reconnects")
    func reconnects() async throws {
        let name = "dk-lost-" + UUID().uuidString.prefix(8)
        try await TestDatabase.withStore(applicationName: name) { store in
            let item = RecordEnvelope(type: "kit.item", id: "a", version: 1, keys: ["k": "v"], payload: Data("p".utf8))
            try await store.insert(item)
            let killed = try await TestDatabase.admin("""
                SELECT pg_terminate_backend(pid, 5000)::text FROM pg_stat_activity WHERE application_name = $1
                """, [name])
            #expect(killed == [["true"]])
            do {
                _ = try await store.fetch(item.key)
                Issue.record("a call on a terminated connection succeeded")
            } catch StoreError.connectionLost {}
            #expect(try await store.fetch(item.key)?.contents == item)
            try await store.insert(RecordEnvelope(type: "kit.item", id: "b", version: 1, keys: [:], payload: Data()))
            #expect(try await store.count(RecordQuery(type: "kit.item")) == 2)
        }
    }

    @Test("the store names itself to the server unless the connection string does")
    func applicationName() async throws {
        let name = "dk-name-" + UUID().uuidString.prefix(8)
        try await TestDatabase.withStore(applicationName: name) { (store: PostgresStore) async throws in
            #expect(try await store.execute("SELECT current_setting('application_name')") == [[name]])
            #expect(try await store.execute("SELECT current_setting('client_encoding')") == [["UTF8"]])
        }
    }
}

@Suite("PostgresStore arguments")
struct PostgresArgumentTests {
    @Test("a malformed connection string is refused without quoting it")
    func malformedConnectionString() async throws {
        do {
            _ = try await PostgresStore(.init(connectionString: "user secret-password"))
            Issue.record("a malformed connection string was accepted")
        } catch StoreError.invalidArgument(let message) {
            #expect(!message.contains("secret-password"))
        }
    }

    @Test("an unreachable server is a lost connection")
    func unreachable() async throws {
        do {
            _ = try await PostgresStore(.init(connectionString: "postgresql://nobody@127.0.0.1:1/none?connect_timeout=5"))
            Issue.record("connected to a closed port")
        } catch StoreError.connectionLost(let message) {
            #expect(message.contains("could not connect"))
        }
    }

    @Test("a schema name PostgreSQL cannot hold is refused before connecting",
          arguments: ["", String(repeating: "s", count: 64), "a\u{0}b"])
    func badSchema(_ schema: String) async throws {
        do {
            _ = try await PostgresStore(.init(connectionString: "postgresql://nobody@127.0.0.1:1/none", schema: schema))
            Issue.record("schema name accepted")
        } catch StoreError.invalidArgument {}
    }

    @Test("SQLSTATE codes pack into one integer and back", arguments: ["23505", "42501", "42P01", "08006", "XX000"])
    func sqlstate(_ state: String) {
        #expect(PostgresFailure.sqlstate(for: PostgresFailure.code(for: state)) == state)
    }
}
