import CSQLite
import DiversityKit
import Foundation
import Testing
@testable import DiversityKitSQLite

/// Whether `needle`'s bytes occur anywhere in `haystack`.
func contains(_ haystack: Data, _ needle: String) -> Bool {
    haystack.range(of: Data(needle.utf8)) != nil
}

/// The bytes of the file at `path`, or none when it does not exist.
func bytesIfPresent(_ path: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data() }

@Suite("SQLiteStore hostile files and configuration (issue 17)")
struct SQLiteHostileFileTests {
    /// A file carrying our application id, built with raw SQL in rollback-journal mode.
    private func ourFile(at path: String, userVersion: Int, sql: String = "") throws {
        let c = try Connection(path: path, busyTimeout: .seconds(1))
        defer { c.close() }
        try c.execute("PRAGMA application_id = \(Migrations.applicationID); PRAGMA user_version = \(userVersion); \(sql)")
    }

    @Test("a DvKt file with user_version -1 is refused with a typed error and left byte for byte")
    func negativeUserVersion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        try ourFile(at: path, userVersion: -1, sql: "CREATE TABLE x (y)")
        let before = try bytes(of: path)
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            guard case StoreError.notADiversityKitStore(let m) = error else { return false }
            return m.contains("schema version -1")
        }
        #expect(try bytes(of: path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["store.sqlite"])
    }

    @Test("a DvKt file without the tables its version promises is refused, not opened, and keeps its journal mode",
          arguments: [1, 2, 3])
    func missingTables(version: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        try ourFile(at: path, userVersion: version, sql: "CREATE TABLE unrelated (z)")
        let before = try bytes(of: path)
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            guard case StoreError.notADiversityKitStore(let m) = error else { return false }
            return m.contains("lacks") && m.contains("records")
        }
        // Byte for byte: in particular header bytes 18–19 still say rollback journal, not WAL (2).
        let after = try bytes(of: path)
        #expect(after == before)
        #expect(after[18] == 1 && after[19] == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["store.sqlite"])
    }

    @Test("a DvKt file at version 0 that already holds tables is refused")
    func versionZeroWithTables() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        try ourFile(at: path, userVersion: 0, sql: "CREATE TABLE records (x)")
        let before = try bytes(of: path)
        #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(try bytes(of: path) == before)
    }

    @Test("a migration that fails leaves the file in its old journal mode, byte for byte")
    func failedMigrationKeepsJournalMode() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let old = try SQLiteStore(SQLiteStore.Configuration(path: path), migratingTo: 2)
        await old.close()
        // Back to a rollback journal, then block version 3's index name.
        let c = try Connection(path: path, busyTimeout: .seconds(1))
        try c.execute("PRAGMA journal_mode = DELETE; CREATE TABLE row_sets (x)")
        c.close()
        let before = try bytes(of: path)
        #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(try bytes(of: path) == before)
    }

    @Test("a busy timeout outside 0 s … 1 h is refused with invalidArgument instead of trapping",
          arguments: [Duration.seconds(Int64.max), .seconds(-1), .seconds(3601), .milliseconds(-1)])
    func busyTimeoutBounds(timeout: Duration) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect {
            try SQLiteStore(.init(path: directory.path(), busyTimeout: timeout))
        } throws: { error in
            guard case StoreError.invalidArgument(let m) = error else { return false }
            return m.contains("busyTimeout")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }

    @Test("a path that is empty or holds a NUL is refused before anything is opened", arguments: ["", "a\u{0}b.sqlite"])
    func badPaths(path: String) {
        #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
    }

    @Test("NFC and NFD ids with index keys stay two records through query, count and paging")
    func unicodeTwinsWithKeys() async throws {
        let store = try SQLiteStore.inMemory()
        let nfc = "Jos\u{E9}", nfd = "Jose\u{301}"
        var batch: [RecordEnvelope] = []
        for i in 0..<1500 {
            batch.append(item("\(nfc)-\(i)", keys: ["unit": "u", "k2": "x"], payload: "nfc"))
            batch.append(item("\(nfd)-\(i)", keys: ["unit": "u", "k2": "y"], payload: "nfd"))
        }
        try await store.bulkInsert(batch)
        var seen = 0, after: String? = nil
        let q = RecordQuery(type: "test.item").where("unit", equals: "u")
        while true {
            let page = try await store.query(q.page(after: after, limit: 1000))
            seen += page.count
            for e in page { #expect(e.keys == ["unit": "u", "k2": e.payload == Data("nfc".utf8) ? "x" : "y"]) }
            guard page.count == 1000, let last = page.last else { break }
            after = last.id
        }
        #expect(seen == 3000)
        #expect(try await store.query(RecordQuery(type: "test.item")).count == 3000)
    }
}

@Suite("SQLiteStore revisions, conditions and cancellation")
struct SQLiteRevisionTests {
    @Test("revisions survive reopening and count only that record's own changes")
    func revisionsPersist() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path())
        try await store.write(WriteBatch([.insert(item("a")), .insert(item("b"))]))
        for _ in 0..<3 { try await store.write(WriteBatch([.upsert(item("a"))])) }
        await store.close()
        let reopened = try SQLiteStore(path: directory.path())
        #expect(try await reopened.fetch(RecordKey(type: "test.item", id: "a"))?.revision == 4)
        #expect(try await reopened.fetch(RecordKey(type: "test.item", id: "b"))?.revision == 1)
        await reopened.close()
    }

    @Test("the stale-index check is one seek in the index-version index")
    func staleCheckUsesIndex() async throws {
        let store = try SQLiteStore.inMemory()
        let plan = try await store.queryPlan("SELECT min(index_version) FROM records WHERE type = 'x'")
        #expect(plan.contains { $0.contains("records_index_version") })
    }

    @Test("a write waiting for another connection's lock gives up with a conflict after the busy timeout")
    func busyBecomesConflict() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(.init(path: directory.path(), busyTimeout: .milliseconds(200)))
        let blocker = try Connection(path: directory.path(), busyTimeout: .seconds(1))
        try blocker.execute("BEGIN IMMEDIATE")
        #expect(await throwsError(.conflict(RecordKey(type: "test.item", id: "a"))) { try await store.insert(item("a")) })
        try blocker.execute("ROLLBACK")
        blocker.close()
        try await store.insert(item("a"))
        #expect(try await store.count(RecordQuery(type: "test.item")) == 1)
        await store.close()
    }

    @Test("a write cancelled while it waits for the lock fails with CancellationError and writes nothing")
    func cancelledWhileWaiting() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(.init(path: directory.path(), busyTimeout: .seconds(600)))
        let blocker = try Connection(path: directory.path(), busyTimeout: .seconds(1))
        try blocker.execute("BEGIN IMMEDIATE")
        let task = Task { try await store.write(WriteBatch([.insert(item("a")), .insert(item("b"))])) }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        try blocker.execute("ROLLBACK")
        blocker.close()
        #expect(try await store.count(RecordQuery(type: "test.item")) == 0)
        await store.close()
    }

    @Test("a long batch cancelled while it runs rolls back whole")
    func cancelledWhileRunning() async throws {
        let store = try SQLiteStore.inMemory()
        let big = WriteBatch((0..<200_000).map { .insert(item("r\($0)", keys: ["k": "v"])) })
        let task = Task { try await store.write(big) }
        try await Task.sleep(nanoseconds: 50_000_000)
        task.cancel()
        do {
            try await task.value
            // Finished before the cancellation arrived: then every record is there.
            #expect(try await store.count(RecordQuery(type: "test.item")) == 200_000)
        } catch is CancellationError {
            #expect(try await store.count(RecordQuery(type: "test.item")) == 0)
        }
        // The connection is usable afterwards.
        try await store.insert(item("after"))
    }
}

@Suite("SQLiteStore compact rows")
struct SQLiteRowTests {
    @Test("rows get ids in exactly the order given, so a shuffled append reveals only the shuffle")
    func idsFollowGivenOrder() async throws {
        let store = try SQLiteStore.inMemory()
        let set = RowSetKey(type: "survey.response", partition: "q@1")
        var order = Array(0..<200)
        var rng = SplitMix64(seed: 3)
        order.shuffle(using: &rng)
        try await store.write(WriteBatch([.appendRows(set, order.map { CompactRow(group: "u", cells: [UInt8($0)]) })]))
        let page = try await store.rows(RowQuery(set: set))
        #expect(page.ids == page.ids.sorted())
        #expect(page.cells == order.map { UInt8($0) })
    }

    @Test("no table records a time or a global order, apart from when each migration was applied")
    func noTimestamps() async throws {
        let store = try SQLiteStore.inMemory()
        let tables = try await store.strings("SELECT name FROM sqlite_master WHERE type = 'table'")
        var columns: [String] = []
        for table in tables {
            columns += try await store.strings("SELECT '\(table).' || name FROM pragma_table_info('\(table)')")
        }
        let suspicious = columns.filter { c in ["time", "date", "_at", "created", "updated", "seq"].contains { c.lowercased().contains($0) } }
        #expect(suspicious == ["diversitykit_migrations.applied_at"])
        #expect(!tables.contains("sqlite_sequence"))
    }

    @Test("scopes and groups compare as bytes: NFC and NFD units are two groups")
    func unicodeGroups() async throws {
        let store = try SQLiteStore.inMemory()
        let set = RowSetKey(type: "t", partition: "p")
        try await store.write(WriteBatch([.appendRows(set, [CompactRow(group: "Malm\u{F6}", cells: [1]), CompactRow(group: "Malmo\u{308}", cells: [2]),
                                                            CompactRow(group: "Malm\u{F6}", cells: [3])])]))
        #expect(try await store.countRows(RowQuery(set: set, group: "Malm\u{F6}")) == 2)
        #expect(try await store.countRows(RowQuery(set: set, group: "Malmo\u{308}")) == 1)
        let page = try await store.rows(RowQuery(set: set))
        #expect(page.groups.count == 2)
        #expect(page.groupIndex == [0, 1, 0])
        #expect(try await store.countRows(RowQuery(set: set, group: "Lund")) == 0)
        #expect(try await store.rows(RowQuery(set: RowSetKey(type: "t", partition: "none"))).count == 0)
    }

    @Test("a row count and a page are range scans of the (set, row id) key, never a scan of other sets")
    func rowReadsUsePrimaryKey() async throws {
        let store = try SQLiteStore.inMemory()
        for sql in ["SELECT count(*) FROM compact_rows WHERE set_id = 1",
                    "SELECT row_id, cells FROM compact_rows WHERE set_id = 1 AND row_id > 5 ORDER BY set_id, row_id LIMIT 10"] {
            let plan = try await store.queryPlan(sql)
            #expect(plan.contains { $0.contains("PRIMARY KEY (set_id=?") } && !plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }
}

@Suite("SQLiteStore physical erasure")
struct SQLiteErasureTests {
    @Test("after reclaimSpace a deleted record's and row's text is in no byte of the file, its -wal, its -shm or a later backup")
    func noBytesLeft() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let secret = "Hemlig-Kommentar-Anna-Svensson-8f3a"
        let unit = "enhet-bara-anna-7c1d"
        let store = try SQLiteStore(path: path)
        let set = RowSetKey(type: "survey.response", partition: "q@1")
        try await store.bulkInsert((0..<500).map { item("keep-\($0)", keys: ["g": "x"], payload: String(repeating: "k", count: 300)) })
        try await store.write(WriteBatch([
            .insert(item("anna", keys: ["name": secret], payload: secret + String(repeating: "!", count: 3000))),
            .upsert(item("note", payload: "first " + secret)),
            .appendRows(set, [CompactRow(group: unit, cells: [1, 2], extra: Data(secret.utf8)), CompactRow(group: "u", cells: [3])]),
        ]))
        // Moved into the main file first, so secure_delete has something there to zero.
        try await store.reclaimSpace()
        #expect(contains(try bytes(of: path), secret))
        let rows = try await store.rows(RowQuery(set: set, group: unit))
        try await store.write(WriteBatch([
            .delete(RecordKey(type: "test.item", id: "anna")),
            .update(item("note", payload: "second")),
            .deleteRows(set, ids: rows.ids),
        ]))
        try await store.reclaimSpace()
        for file in [path, path + "-wal", path + "-shm"] {
            let data = bytesIfPresent(file)
            #expect(!contains(data, secret), "\(file) still holds the secret")
            #expect(!contains(data, unit), "\(file) still holds the unit name")
        }
        let backup = directory.path("backup.sqlite")
        try await store.backup(to: backup)
        #expect(!contains(try bytes(of: backup), secret))
        #expect(!contains(try bytes(of: backup), unit))
        #expect(try await store.count(RecordQuery(type: "test.item")) == 501)
        #expect(try await store.integrityCheck() == ["ok"])
        await store.close()
        #expect(!contains(try bytes(of: path), secret))
    }
}
