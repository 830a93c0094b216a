import DiversityKit
import Foundation
import Testing
@testable import DiversityKitSQLite

@Suite("SQLiteStore writes")
struct SQLiteWriteTests {
    @Test("a batch failing on a constraint or a missing record leaves the file byte for byte as before",
          arguments: [StoreError.duplicate(RecordKey(type: "test.item", id: "a")),
                      StoreError.notFound(RecordKey(type: "test.item", id: "missing"))])
    func failedBatchChangesNothing(_ failure: StoreError) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let setup = try SQLiteStore(path: path)
        try await setup.bulkInsert((0..<50).map { item("r\($0)", keys: ["g": String($0 % 3)]) } + [item("a")])
        await setup.close()
        let before = try bytes(of: path)

        let store = try SQLiteStore(path: path)
        let failing: WriteOperation = failure == .duplicate(RecordKey(type: "test.item", id: "a"))
            ? .insert(item("a")) : .update(item("missing"))
        let batch = WriteBatch([.insert(item("new", keys: ["g": "9"])), .update(item("r1", keys: ["g": "8"], payload: "changed")),
                                .delete(RecordKey(type: "test.item", id: "r2")), .upsert(item("r3", payload: "up")), failing])
        #expect(await throwsError(failure) { try await store.write(batch) })
        #expect(try await store.count(RecordQuery(type: "test.item")) == 51)
        await store.close()
        #expect(try bytes(of: path) == before)
    }

    @Test("a bulk insert repeating a key inside itself fails whole")
    func bulkDuplicateInside() async throws {
        let store = try SQLiteStore.inMemory()
        #expect(await throwsError(.duplicate(RecordKey(type: "test.item", id: "x"))) {
            try await store.bulkInsert([item("x"), item("y"), item("x")])
        })
        #expect(try await store.count(RecordQuery(type: "test.item")) == 0)
    }

    @Test("twelve concurrent tasks writing to one store lose nothing")
    func concurrentTasks() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<12 {
                group.addTask {
                    for i in 0..<40 {
                        if i % 4 == 0 {
                            try await store.bulkInsert([item("t\(task)-\(i)"), item("t\(task)-\(i)b")])
                        } else {
                            try await store.insert(item("t\(task)-\(i)", keys: ["task": String(task)]))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.count(RecordQuery(type: "test.item")) == 12 * 50)
        #expect(try await store.count(RecordQuery(type: "test.item").where("task", equals: "7")) == 30)
        await store.close()
    }

    @Test("two stores on the same file write concurrently and lose nothing")
    func twoConnections() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = SQLiteStore.Configuration(path: directory.path(), busyTimeout: .seconds(30))
        let stores = [try SQLiteStore(configuration), try SQLiteStore(configuration)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                for task in 0..<4 {
                    group.addTask {
                        for i in 0..<50 { try await store.insert(item("s\(index)-t\(task)-\(i)")) }
                    }
                }
            }
            try await group.waitForAll()
        }
        for store in stores { #expect(try await store.count(RecordQuery(type: "test.item")) == 400) }
        for store in stores { await store.close() }
        let reopened = try SQLiteStore(configuration)
        #expect(try await reopened.count(RecordQuery(type: "test.item")) == 400)
        #expect(try await reopened.integrityCheck() == ["ok"])
        await reopened.close()
    }

    @Test("contains matches whole elements only, never the separator or an empty element")
    func containsEdges() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.bulkInsert([item("1", keys: ["t": "ab\u{1F}c\u{1F}"]), item("2", keys: ["t": ""]), item("3", keys: ["t": "a"]),
                                    item("4", keys: ["t": "c\u{1F}c"])])
        let q = RecordQuery(type: "test.item")
        #expect(try await store.query(q.where("t", contains: "c")).map(\.id) == ["1", "4"])
        #expect(try await store.query(q.where("t", contains: "a")).map(\.id) == ["3"])
        #expect(try await store.query(q.where("t", contains: "")).isEmpty)
        #expect(try await store.query(q.where("t", contains: "ab\u{1F}c")).isEmpty)
        #expect(try await store.query(q.where("t", equals: "")).map(\.id) == ["2"])
        #expect(try await store.query(q.where("t", in: [])).isEmpty)
        #expect(try await store.fetch(RecordKey(type: "test.item", id: "4"))?.keys == ["t": "c\u{1F}c"])
    }

    @Test("a negative query limit is refused")
    func negativeLimit() async throws {
        let store = try SQLiteStore.inMemory()
        #expect(await throwsError(.invalidArgument("query limit -1 is negative")) {
            _ = try await store.query(RecordQuery(type: "test.item", limit: -1))
        })
    }

    @Test("an empty id, key, value and payload are stored as empty, not as null")
    func emptyValues() async throws {
        let store = try SQLiteStore.inMemory()
        let empty = RecordEnvelope(type: "test.item", id: "", version: 0, keys: ["": ""], payload: Data())
        try await store.insert(empty)
        #expect(try await store.fetch(empty.key)?.contents == empty)
        #expect(try await store.query(RecordQuery(type: "test.item")).map(\.contents) == [empty])
    }
}
