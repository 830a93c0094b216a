import DiversityKit
import DiversityKitTesting
import Foundation
import Testing

@Suite("InMemoryStore")
struct InMemoryStoreTests {
    @Test("passes every check of the conformance kit", arguments: StoreConformanceKit.checks)
    func conformance(_ check: StoreConformanceCheck) async throws {
        try await check.run(on: InMemoryStore())
    }

    @Test("the kit's runner reports no failures for the in-memory store")
    func runner() async {
        #expect(await StoreConformanceKit.run { InMemoryStore() }.isEmpty)
    }

    @Test("the kit catches a store that is not atomic")
    func kitCatchesBrokenStore() async {
        let failures = await StoreConformanceKit.run { NonAtomicStore() }
        #expect(failures.contains { $0.check == "a batch that fails halfway leaves the store exactly as it was" })
        #expect(failures.contains { $0.check == "a bulk insert is all or nothing" })
    }

    @Test("forEach visits every record in pages")
    func forEachPages() async throws {
        let store = InMemoryStore()
        try await store.bulkInsert((0..<25).map { Participant(id: ID(String(format: "p%02d", $0)), organisation: "o") })
        var seen: [String] = []
        try await store.forEach(Participant.self, pageSize: 7) { seen.append($0.id.rawValue) }
        #expect(seen == (0..<25).map { String(format: "p%02d", $0) })
    }

    @Test("decoding an envelope as the wrong type is a typed error")
    func wrongType() async throws {
        let store = InMemoryStore()
        try await store.insert(Participant(id: "p", organisation: "o"))
        let envelope = try #require(await store.fetch(.of(Participant.self, "p")))
        #expect(throws: StoreError.typeMismatch(expected: "rating", found: "participant")) { try envelope.decode(Rating.self) }
    }

    @Test("a payload from a newer record version is refused, not misread")
    func newerPayload() throws {
        let e = RecordEnvelope(type: "participant", id: "p", version: 99, keys: [:], payload: Data("{}".utf8))
        #expect(throws: StoreError.unsupportedRecordVersion(type: "participant", found: 99, supported: 1)) { try e.decode(Participant.self) }
    }

    @Test("a corrupt payload is reported with its key")
    func corruptPayload() throws {
        let e = RecordEnvelope(type: "participant", id: "p", version: 1, keys: [:], payload: Data("not json".utf8))
        #expect {
            try e.decode(Participant.self)
        } throws: { error in
            if case StoreError.corruptRecord(let key, _) = error { return key == RecordKey(type: "participant", id: "p") }
            return false
        }
    }
}

/// A deliberately broken store: applies batch operations one by one without rollback.
actor NonAtomicStore: Store {
    var records: [RecordKey: RecordEnvelope] = [:]
    var schemaVersion: Int { 1 }
    func fetch(_ key: RecordKey) -> RecordEnvelope? { records[key] }
    func query(_ query: RecordQuery) throws -> [RecordEnvelope] {
        if let l = query.limit, l < 0 { throw StoreError.invalidArgument("negative limit") }
        var r = records.values.filter { $0.matches(query) }.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        if let a = query.afterID { r = r.filter { a.utf8.lexicographicallyPrecedes($0.id.utf8) } }
        if let l = query.limit { r = Array(r.prefix(l)) }
        return r
    }
    func count(_ query: RecordQuery) -> Int { records.values.filter { $0.matches(query) }.count }
    func write(_ batch: WriteBatch) throws {
        for op in batch.loweringRows().operations {
            switch op {
            case .insert(let e):
                if records[e.key] != nil { throw StoreError.duplicate(e.key) }
                records[e.key] = e
            case .update(let e):
                if records[e.key] == nil { throw StoreError.notFound(e.key) }
                records[e.key] = e
            case .upsert(let e): records[e.key] = e
            case .delete(let k):
                if records.removeValue(forKey: k) == nil { throw StoreError.notFound(k) }
            case .check(let k, let condition):
                if !condition.isSatisfied(byRevision: records[k]?.revision) { throw StoreError.conflict(k) }
            case .appendRows, .replaceRows, .deleteRows:
                break // lowered above
            }
        }
    }
}
