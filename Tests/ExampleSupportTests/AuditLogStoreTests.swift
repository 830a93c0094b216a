import DiversityKit
import DiversityKitTesting
import ExampleSupport
import Foundation
import Testing

@Suite("Audit-log store decorator")
struct AuditLogStoreTests {
    @Test("passes every check of the conformance kit wrapping the in-memory store", arguments: StoreConformanceKit.checks)
    func conformance(_ check: StoreConformanceCheck) async throws {
        try await check.run(on: AuditLogStore(wrapping: InMemoryStore()))
    }

    @Test("logs each committed write's operation kind and key, in order, and forwards it")
    func logsWrites() async throws {
        let base = InMemoryStore()
        let store = try AuditLogStore(wrapping: base)
        let org = Organisation(id: "org", name: "Kristianstads kommun", kind: .municipality)
        try await store.insert(org)
        try await store.upsert(Participant(id: "p1", organisation: "org"))
        try await store.delete(Participant.self, id: "p1")
        try await store.bulkInsert([Participant(id: "p2", organisation: "org"), Participant(id: "p3", organisation: "org")])
        let log = await store.log
        #expect(log.map(\.operation) == [.insert, .upsert, .delete, .insert, .insert])
        #expect(log.map(\.key.description) == ["organisation/org", "participant/p1", "participant/p1", "participant/p2", "participant/p3"])
        #expect(log.map(\.batch) == [1, 2, 3, 4, 4])
        #expect(log.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(log.allSatisfy { $0.committed })
        #expect(try await base.fetch(Organisation.self, id: "org") == org)
        let stored = try await base.count(RecordQuery(type: Participant.recordType))
        #expect(stored == 2)
    }

    @Test("a refused batch is logged as refused, rethrown, and changes nothing")
    func refusedBatch() async throws {
        let store = try AuditLogStore(wrapping: InMemoryStore())
        try await store.insert(Participant(id: "p1", organisation: "org"))
        var batch = WriteBatch()
        try batch.insert(Participant(id: "p2", organisation: "org"))
        try batch.insert(Participant(id: "p1", organisation: "org"))
        await #expect(throws: StoreError.duplicate(.of(Participant.self, "p1"))) { try await store.write(batch) }
        let summary = await store.summary
        #expect(summary.batches == 2)
        #expect(summary.refusedBatches == 1)
        #expect(summary.committedOperations == 1)
        #expect(summary.recordTypes == [Participant.recordType: 1])
        #expect(try await store.fetch(Participant.self, id: "p2") == nil)
    }

    @Test("reads are not logged")
    func readsNotLogged() async throws {
        let store = try AuditLogStore(wrapping: InMemoryStore())
        _ = try await store.fetch(.of(Participant.self, "x"))
        _ = try await store.query(RecordQuery(type: Participant.recordType))
        _ = try await store.count(RecordQuery(type: Participant.recordType))
        #expect(await store.log.isEmpty)
    }

    @Test("the log file is appended to, holds keys but never payloads")
    func logFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("earlier line\n".utf8).write(to: URL(fileURLWithPath: path))
        let store = try AuditLogStore(wrapping: InMemoryStore(), logFile: path)
        try await store.insert(Organisation(id: "org", name: "Hemlig Förvaltning", kind: .municipality))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "earlier line\n1\t1\tinsert\torganisation/org\tcommitted\n")
        #expect(!text.contains("Hemlig"))
    }

    @Test("a log file that cannot be opened is a typed error")
    func badLogFile() {
        #expect(throws: StoreError.self) {
            try AuditLogStore(wrapping: InMemoryStore(), logFile: "/nonexistent-dir/\(UUID().uuidString)/audit.log")
        }
    }
}

@Suite("The audit log takes part in erasure")
struct AuditLogErasureTests {
    @Test("after erasure no logged key, in memory or in the file, holds the participant's id; similar ids are left alone")
    func redacts() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let audited = try AuditLogStore(wrapping: InMemoryStore(), logFile: path)
        let ws = Workspace(store: audited, dataOwners: [audited])
        try await ws.register(Organisation(id: "org", name: "Kommunen", kind: .municipality))
        try await ws.register([Participant(id: "p1", organisation: "org"), Participant(id: "p10", organisation: "org")])
        try await ws.erase("p1")
        let file = try String(contentsOfFile: path, encoding: .utf8)
        let keys = await audited.log.map(\.key.id)
        #expect(!keys.contains("p1") && keys.contains("p10"))
        #expect(!file.split(separator: "\n").contains { $0.split(separator: "\t").count == 5 && $0.split(separator: "\t")[3] == "participant/p1" })
        #expect(file.contains("participant/p10"))
    }
}
