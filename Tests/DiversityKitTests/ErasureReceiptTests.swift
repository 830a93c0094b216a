import DiversityKit
import Foundation
import Testing

/// A store whose `reclaimSpace()` fails the way PostgreSQL's does for a role that does not own the
/// tables; it counts the batches written through it.
actor UnreclaimableStore: Store {
    let base = InMemoryStore()
    private(set) var writes = 0
    var schemaVersion: Int { get async throws { await base.schemaVersion } }
    func fetch(_ key: RecordKey) async throws -> RecordEnvelope? { await base.fetch(key) }
    func query(_ query: RecordQuery) async throws -> [RecordEnvelope] { try await base.query(query) }
    func count(_ query: RecordQuery) async throws -> Int { try await base.count(query) }
    func write(_ batch: WriteBatch) async throws {
        try await base.write(batch)
        writes += 1
    }
    func bulkInsert(_ envelopes: [RecordEnvelope]) async throws { try await base.bulkInsert(envelopes) }
    func rows(_ query: RowQuery) async throws -> RowPage { try await base.rows(query) }
    func countRows(_ query: RowQuery) async throws -> Int { try await base.countRows(query) }
    func reclaimSpace() async throws {
        throw StoreError.backend(code: 42501, message: "SQLSTATE 42501: only the owner of the store's tables can VACUUM them")
    }
}

@Suite("Erasure receipts: what committed and what is still to do")
struct ErasureReceiptTests {
    @Test("on a store that reclaims, the receipt says the erasure is complete and counts what it wrote")
    func complete() async throws {
        let w = World()
        try await w.setUp()
        try await w.workspace.enrol("e1", in: "bas")
        let receipt = try await w.workspace.erase("e1")
        #expect(receipt.participant == "e1")
        #expect(receipt.physical == .reclaimed && receipt.isComplete)
        #expect(receipt.operations == 3) // the participant, the enrolment, its guard
    }

    @Test("when reclaiming fails after the commit, the receipt says the erasure committed and why the space is pending, instead of throwing")
    func reclaimFails() async throws {
        let store = UnreclaimableStore()
        let ws = Workspace(store: store, ids: SequentialIDGenerator())
        try await World(store: store.base, workspace: ws).setUp()
        try await ws.enrol("e1", in: "bas")
        try await ws.recordAttendance(of: "e1", at: "bas-1", .attended)
        let receipt = try await ws.erase("e1")
        guard case .pending(let reason) = receipt.physical else {
            Issue.record("a failed reclaim was reported as done: \(receipt.physical)")
            return
        }
        #expect(reason.contains("42501") && !receipt.isComplete)
        // The logical erasure did commit.
        #expect(try await ws.participant("e1") == nil)
        #expect(try await ws.enrolments(of: "e1").isEmpty)
        #expect(try await ws.attendance(of: "bas").allSatisfy { $0.participant?.rawValue.hasPrefix("erased-") == true })
        // Running it again is safe: nothing names e1 any more, so it says so and writes nothing.
        let writes = await store.writes
        await #expect(throws: StoreError.notFound(.of(Participant.self, "e1"))) { try await ws.erase("e1") }
        #expect(await store.writes == writes)
        #expect(try await ws.attendance(of: "bas").count == 1)
    }

    @Test("running an erasure again after registering an owner that was missing erases what the first run left")
    func lateOwner() async throws {
        let w = World()
        try await w.setUp()
        try await w.store.insert(CoachingNote(id: "n1", participant: "e1", text: "Vill utvecklas"))
        try await w.workspace.erase("e1")
        #expect(try await w.store.all(CoachingNote.self).count == 1) // the module was not registered
        await w.workspace.register(dataOwner: CoachingNotes())
        let again = try await w.workspace.erase("e1")
        #expect(again.operations == 1 && again.isComplete)
        #expect(try await w.store.all(CoachingNote.self).isEmpty)
        await #expect(throws: StoreError.notFound(.of(Participant.self, "e1"))) { try await w.workspace.erase("e1") }
    }

    @Test("a mistyped id is refused even with a ledger registered, and the ledger writes no tombstone for it")
    func mistypedWithLedger() async throws {
        let w = World()
        try await w.setUp()
        let ledger = ErasureLedger(hasher: TestHasher(), store: w.store)
        await w.workspace.register(dataOwner: ledger)
        await #expect(throws: StoreError.notFound(.of(Participant.self, "e9"))) { try await w.workspace.erase("e9") }
        #expect(try await ledger.tombstones().isEmpty)
        try await w.workspace.erase("e1")
        #expect(try await ledger.tombstones() == [TestHasher().hash("e1")])
    }
}
