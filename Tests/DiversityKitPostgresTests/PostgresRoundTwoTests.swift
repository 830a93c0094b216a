import DiversityKit
import DiversityKitPostgres
import Foundation
import Testing

/// Concurrency, cancellation and retries on a real server, across connections.
@Suite("PostgresStore isolation, retries and cancellation", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresIsolationTests {
    @Test("blind upserts of one record through two connections all succeed, each counted once in the revision")
    func serialisationFailuresAreRetried() async throws {
        try await TestDatabase.withStore { first in
            let second = try await PostgresStore(TestDatabase.configuration(schema: first.configuration.schema))
            let perStore = 25
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (n, store) in [first, second].enumerated() {
                    group.addTask {
                        for i in 0..<perStore {
                            // Two SERIALIZABLE transactions updating one row: one fails with 40001,
                            // which the store retries instead of reporting.
                            try await store.write(WriteBatch([.upsert(RecordEnvelope(type: "kit.item", id: "hot", version: 1,
                                                                                     keys: ["by": "\(n)"], payload: Data("\(i)".utf8)))]))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await first.fetch(RecordKey(type: "kit.item", id: "hot"))?.revision == 2 * perStore)
        }
    }

    @Test("two connections checking the same revision: exactly one commits, the other is a conflict")
    func checksAreSerialisable() async throws {
        try await TestDatabase.withStore { first in
            let stores = [first] + (try await withThrowingTaskGroup(of: PostgresStore.self) { group in
                for _ in 0..<3 { group.addTask { try await PostgresStore(TestDatabase.configuration(schema: first.configuration.schema)) } }
                return try await group.reduce(into: []) { $0.append($1) }
            })
            for round in 0..<10 {
                let key = RecordKey(type: "kit.item", id: "r\(round)")
                try await first.insert(RecordEnvelope(type: "kit.item", id: key.id, version: 1, keys: [:], payload: Data()))
                let wins = await withTaskGroup(of: Bool.self) { group in
                    for (n, store) in stores.enumerated() {
                        group.addTask {
                            do {
                                // Write skew if checks were not part of the transaction: each checks the
                                // record and writes another one.
                                try await store.write(WriteBatch([.check(key, .revision(1)),
                                                                  .update(RecordEnvelope(type: "kit.item", id: key.id, version: 1, keys: [:], payload: Data("\(n)".utf8))),
                                                                  .insert(RecordEnvelope(type: "kit.claim", id: "\(round)-\(n)", version: 1, keys: [:], payload: Data()))]))
                                return true
                            } catch StoreError.conflict { return false } catch { return false }
                        }
                    }
                    return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(wins == 1, "round \(round): \(wins) writers won")
            }
            #expect(try await first.count(RecordQuery(type: "kit.claim")) == 10)
        }
    }

    @Test("cancelling a task interrupts its running statement on the server (PQcancel)")
    func cancelInterruptsStatement() async throws {
        try await TestDatabase.withStore { store in
            let task = Task { try await store.execute("SELECT pg_sleep(20)::text") }
            // Give the statement time to reach the server, then cancel the awaiting task.
            try await Task.sleep(nanoseconds: 300_000_000)
            task.cancel()
            await #expect(throws: CancellationError.self) { _ = try await task.value }
            // The connection is usable afterwards.
            #expect(try await store.execute("SELECT 1::text") == [["1"]])
        }
    }

    @Test("a batch cancelled while it runs is rolled back completely")
    func cancelledBatchLeavesNothing() async throws {
        try await TestDatabase.withStore { store in
            var batch = WriteBatch()
            for i in 0..<3_000 {
                batch.operations.append(.insert(RecordEnvelope(type: "kit.item", id: "i\(i)", version: 1, keys: ["k": "v"], payload: Data())))
            }
            let task = Task { try await store.write(batch) }
            try await Task.sleep(nanoseconds: 100_000_000)
            task.cancel()
            let count: Int
            do {
                try await task.value
                count = 3_000 // it finished before the cancellation: all of it
            } catch is CancellationError {
                count = 0
            }
            #expect(try await store.count(RecordQuery(type: "kit.item")) == count)
        }
    }
}

/// What `reclaimSpace()` removes, read the way an operator with the database would.
@Suite("PostgresStore erasure and VACUUM", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresErasureTests {
    static let secret = "Anna Andersson, Kiruna"

    /// Every table of the schema, as the catalog lists them (not as the store thinks it has).
    static func tables(_ schema: String) async throws -> [String] {
        try await TestDatabase.admin("SELECT tablename::text FROM pg_tables WHERE schemaname = $1 ORDER BY 1", [schema]).compactMap { $0[0] }
    }

    /// How many rows of every table of the schema hold `text`, in any column, as text or as `bytea` hex.
    static func rowsHolding(_ text: String, in schema: String) async throws -> Int {
        let hex = Data(text.utf8).map { String(format: "%02x", $0) }.joined()
        var total = 0
        for table in try await tables(schema) {
            let found = try await TestDatabase.admin("""
                SELECT count(*)::text FROM "\(schema)"."\(table)" t WHERE strpos(t::text, $1) > 0 OR strpos(t::text, $2) > 0
                """, [text, hex])
            total += Int(found.first?.first.flatMap { $0 } ?? "0") ?? 0
        }
        return total
    }

    /// Whether pageinspect can be used (superuser, extension installed on the server).
    static func pageinspect() async -> Bool {
        (try? await TestDatabase.admin("CREATE EXTENSION IF NOT EXISTS pageinspect")) != nil
    }

    /// How many tuples, live or dead, on any page of any table of the schema hold `text`: what
    /// `heap_page_items` shows a superuser, including row versions no query sees any more.
    static func tuplesHolding(_ text: String, in schema: String) async throws -> Int {
        var total = 0
        for table in try await tables(schema) {
            let found = try await TestDatabase.admin("""
                SELECT count(*)::text FROM generate_series(0, (pg_relation_size($1::text::regclass) / current_setting('block_size')::int)::int - 1) b,
                LATERAL heap_page_items(get_raw_page($1::text, b)) i WHERE i.t_data IS NOT NULL AND position(convert_to($2, 'UTF8') IN i.t_data) > 0
                """, ["\"\(schema)\".\"\(table)\"", text])
            total += Int(found.first?.first.flatMap { $0 } ?? "0") ?? 0
        }
        return total
    }

    static func deadTuples(_ schema: String) async throws -> Int {
        try await TestDatabase.admin("SELECT coalesce(sum(n_dead_tup), 0)::text FROM pg_stat_user_tables WHERE schemaname = $1", [schema])
            .first?.first.flatMap { $0 }.flatMap { Int($0) } ?? -1
    }

    @Test("after a record is deleted, a row's text overwritten and reclaimSpace(), the text is in no row or tuple of any table")
    func vacuumRemovesDeadTuples() async throws {
        try await TestDatabase.withStore { store in
            let schema = store.configuration.schema
            let set = RowSetKey(type: "survey.response", partition: "q@1")
            var batch = WriteBatch()
            for i in 0..<20 {
                batch.operations.append(.insert(RecordEnvelope(type: "participant", id: "p\(i)", version: 1, keys: ["unit": "u\(i % 3)"],
                                                               payload: Data("person \(i)".utf8))))
            }
            batch.operations.append(.insert(RecordEnvelope(type: "participant", id: "anna", version: 1, keys: ["name": Self.secret],
                                                           payload: Data("namn: \(Self.secret)".utf8))))
            batch.operations.append(.insert(RecordEnvelope(type: "note", id: "n1", version: 1, keys: [:], payload: Data("om \(Self.secret)".utf8))))
            batch.append((0..<10).map { CompactRow(group: "u", cells: [UInt8($0)], extra: Data($0 == 3 ? "jag, \(Self.secret)".utf8 : "ok".utf8)) }, to: set)
            try await store.write(batch)
            #expect(try await Self.rowsHolding(Self.secret, in: schema) > 0)

            let rows = try await store.rows(RowQuery(set: set, includeExtra: true))
            var comment = try #require((0..<rows.count).map(rows.row).first { $0.extra.count > 2 })
            comment.extra = Data()
            try await store.write(WriteBatch([.delete(RecordKey(type: "participant", id: "anna")),
                                              .update(RecordEnvelope(type: "note", id: "n1", version: 1, keys: [:], payload: Data("borttaget".utf8))),
                                              .replaceRows(set, [comment])]))
            #expect(try await Self.rowsHolding(Self.secret, in: schema) == 0, "a live row still holds the text")
            let inspect = await Self.pageinspect()
            if inspect {
                // Before VACUUM the dead row versions are still on the pages: this is what it removes.
                #expect(try await Self.tuplesHolding(Self.secret, in: schema) > 0)
            }

            // VACUUM cannot remove row versions an open transaction of this database might still see
            // (parallel tests): try again until the statistics show none left.
            var dead = -1
            for _ in 0..<60 {
                try await store.reclaimSpace()
                dead = try await Self.deadTuples(schema)
                let left = inspect ? try await Self.tuplesHolding(Self.secret, in: schema) : 0
                if dead == 0, left == 0 { break }
                try await Task.sleep(nanoseconds: 250_000_000)
            }
            #expect(dead == 0, "dead tuples left after VACUUM")
            #expect(try await Self.rowsHolding(Self.secret, in: schema) == 0)
            if inspect { #expect(try await Self.tuplesHolding(Self.secret, in: schema) == 0, "a dead tuple still holds the text") }
            #expect(try await store.count(RecordQuery(type: "participant")) == 20)
        }
    }

    /// How many pages of any table, index or TOAST table of the schema hold `text` anywhere in
    /// their raw bytes, free space included.
    static func rawPagesHolding(_ text: String, in schema: String) async throws -> Int {
        let found = try await TestDatabase.admin("""
            WITH rel AS (
                SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relkind IN ('r', 'i')
                UNION SELECT c.reltoastrelid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.reltoastrelid <> 0
            )
            SELECT count(*)::text FROM rel,
            LATERAL generate_series(0, (pg_relation_size(rel.oid) / current_setting('block_size')::int)::int - 1) b
            WHERE position(convert_to($2, 'UTF8') IN get_raw_page(rel.oid::regclass::text, b)) > 0
            """, [schema, text])
        return Int(found.first?.first.flatMap { $0 } ?? "0") ?? 0
    }

    @Test("rewriteTables() (VACUUM FULL) leaves a deleted record's text in no page of any table or index, free space included")
    func vacuumFullRewritesFiles() async throws {
        guard await Self.pageinspect() else { return } // needs pageinspect: nothing else reads free space
        try await TestDatabase.withStore { store in
            let schema = store.configuration.schema
            try await store.write(WriteBatch((0..<30).map {
                .insert(RecordEnvelope(type: "participant", id: "p\($0)", version: 1, keys: ["unit": "u"], payload: Data("person \($0)".utf8)))
            } + [.insert(RecordEnvelope(type: "participant", id: "anna", version: 1, keys: ["name": Self.secret], payload: Data(Self.secret.utf8)))]))
            try await store.write(WriteBatch([.delete(RecordKey(type: "participant", id: "anna"))]))
            #expect(try await Self.rawPagesHolding(Self.secret, in: schema) > 0)
            var left = -1
            for _ in 0..<40 {
                try await store.rewriteTables()
                left = try await Self.rawPagesHolding(Self.secret, in: schema)
                if left == 0 { break }
                try await Task.sleep(nanoseconds: 250_000_000)
            }
            #expect(left == 0, "a page still holds the deleted text")
            #expect(try await store.count(RecordQuery(type: "participant").where("unit", equals: "u")) == 30)
        }
    }
}
