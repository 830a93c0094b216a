import DiversityKit
import DiversityKitSQLite
import DiversityKitTesting
import Foundation
import Testing
@testable import ProgrammeToolkit

/// Races between the toolkit's commands and erasure or each other (issue 16): a write validated
/// against a record another writer changes meanwhile must conflict and re-read, never land on stale facts.
@Suite("ProgrammeToolkit under concurrency")
struct ToolkitConcurrencyTests {
    /// The store named by a test argument; "interleaved" wraps it in an ``InterleavingStore``.
    static func store(_ kind: String) throws -> any Store {
        let base: any Store = kind.hasPrefix("SQLiteStore") ? try SQLiteStore.inMemory() : InMemoryStore()
        return kind.hasSuffix("interleaved") ? InterleavingStore(base) : base
    }

    /// Yields `n % 16` times: racing writers started with every offset from 0 to 15 land at every point of
    /// the other writer's reads.
    static func pause(_ n: Int) async {
        for _ in 0..<(n % 16) { await Task.yield() }
    }

    /// Erases each of `people` while `write(i, person)` runs for them; write `i` starts after `i % 16`
    /// yields (``pause(_:)``).
    static func eraseEach(_ people: [ID<Participant>], in ws: Workspace,
                          racing write: @escaping @Sendable (Int, ID<Participant>) async -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (i, p) in people.enumerated() {
                group.addTask { try await ws.erase(p) }
                group.addTask { await pause(i); await write(i, p) }
            }
            try await group.waitForAll()
        }
    }

    /// An organisation with two units, `n` participants alternating between them, and a workspace that erases
    /// from the toolkit's records too.
    static func world(_ kind: String, participants n: Int) async throws -> (any Store, Workspace, [ID<Participant>]) {
        let store = try Self.store(kind)
        let ws = Workspace(store: store, dataOwners: [ToolkitParticipantData()])
        try await ws.register(Organisation(id: "ks", name: "Kristianstads kommun", kind: .municipality,
                                           units: [OrganisationUnit(id: "top", name: "Ledning"), OrganisationUnit(id: "care", name: "Omsorg")]))
        let people = (0..<n).map { ID<Participant>("p\($0)") }
        try await ws.register(people.enumerated().map { Participant(id: $1, organisation: "ks", unit: $0 % 2 == 0 ? "top" : "care") })
        return (store, ws, people)
    }

    @Test("erasure racing mentoring registration leaves no profile of the erased participant", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func erasureRacingProfiles(_ kind: String) async throws {
        let (store, ws, people) = try await Self.world(kind, participants: 60)
        let mentoring = MentoringService(store: store)
        try await Self.eraseEach(people, in: ws) { i, p in
            let profile = MentoringProfile(pool: "p", participant: p, side: .mentor, organisation: "ks", unit: i % 2 == 0 ? "top" : "care")
            try? await mentoring.register([profile])
        }
        let left = try await store.all(MentoringProfile.self).map(\.participant)
        #expect(left.isEmpty, "\(left.count) profiles of erased participants remain")
    }

    @Test("erasure racing an ambassador's registration leaves no link to the erased participant", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func erasureRacingAmbassadors(_ kind: String) async throws {
        let (store, ws, people) = try await Self.world(kind, participants: 60)
        let ambassadors = AmbassadorService(store: store)
        try await Self.eraseEach(people, in: ws) { i, p in
            let ambassador = Ambassador(id: ID("amb-\(p)"), participant: p, organisation: "ks", municipality: "Kristianstad", county: "Skåne")
            try? await ambassadors.register(ambassador)
        }
        let linked = try await store.all(Ambassador.self).compactMap(\.participant)
        #expect(linked.isEmpty, "\(linked.count) ambassadors still name an erased participant")
    }

    @Test("erasure racing a reflection seminar's record leaves no attendee who was erased", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func erasureRacingReflectionSessions(_ kind: String) async throws {
        let (store, ws, people) = try await Self.world(kind, participants: 60)
        let reflection = ReflectionService(store: store)
        // A group per participant, so each erasure races one seminar record, not every other erasure.
        for (i, p) in people.enumerated() {
            try await store.insert(ReflectionGroup(id: ID("g\(i)"), round: "vt", members: [p], workplaces: [i % 2 == 0 ? "top" : "care"]))
        }
        let day = try CalendarDate("2026-03-01")
        try await Self.eraseEach(people, in: ws) { i, p in
            let session = ReflectionSession(group: ID("g\(i)"), date: day, attendees: [p])
            try? await reflection.record(session)
        }
        let named = try await store.all(ReflectionSession.self).flatMap(\.attendees).filter { people.contains($0) }
        #expect(named.isEmpty, "\(named.count) seminar attendances still name an erased participant")
        let members = try await store.all(ReflectionGroup.self).flatMap(\.members)
        #expect(members.isEmpty, "\(members.count) erased participants are still group members")
    }

    @Test("case material attached to one group by eight tasks at once is all kept", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func concurrentAttachments(_ kind: String) async throws {
        let (store, _, people) = try await Self.world(kind, participants: 4)
        let reflection = ReflectionService(store: store)
        try await store.insert(ReflectionGroup(id: "g", round: "vt", members: people, workplaces: ["care", "top"]))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask { try await reflection.attach(CaseMaterial(title: "Fall \(i)", description: "Beskrivning \(i)"), to: "g") }
            }
            try await group.waitForAll()
        }
        let kept = try await store.fetch(ReflectionGroup.self, id: "g")?.caseMaterial.count ?? 0
        #expect(kept == 8, "\(kept) of 8 case materials kept")
    }

    @Test("erasure racing attached case material keeps the erasure: the erased member is not written back", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func erasureRacingAttachment(_ kind: String) async throws {
        let (store, ws, people) = try await Self.world(kind, participants: 8)
        let reflection = ReflectionService(store: store)
        try await store.insert(ReflectionGroup(id: "g", round: "vt", members: people, workplaces: ["care", "top"]))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (i, p) in people.enumerated() {
                group.addTask { try await reflection.attach(CaseMaterial(title: "Fall \(i)", description: "Beskrivning"), to: "g") }
                group.addTask { try await ws.erase(p) }
            }
            try await group.waitForAll()
        }
        let g = try #require(try await store.fetch(ReflectionGroup.self, id: "g"))
        #expect(g.members.isEmpty, "\(g.members.count) erased participants written back into the group")
        #expect(g.caseMaterial.count == 8, "\(g.caseMaterial.count) of 8 case materials kept")
    }

    @Test("erasure racing an elective allocation leaves no seat of the erased participant", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func erasureRacingAllocations(_ kind: String) async throws {
        let (store, ws, people) = try await Self.world(kind, participants: 60)
        let electives = ElectiveService(store: store)
        let date = try CalendarDate("2026-03-01")
        // A training day per participant, so each erasure races one allocation.
        for i in people.indices {
            try await electives.plan(TrainingDay(id: ID("d\(i)"), date: date, plenary: "Plenum", seminars: [ElectiveSeminar(id: "s", title: "Seminarium", capacity: 5)]))
        }
        try await Self.eraseEach(people, in: ws) { i, p in
            _ = try? await electives.allocate([ElectiveChoice(participant: p, first: "s")], on: ID("d\(i)"))
        }
        let seated = try await store.all(ElectiveAllocation.self).flatMap { Array($0.seats.keys) + Array($0.outcomes.keys) }.filter { people.contains($0) }
        #expect(seated.isEmpty, "\(seated.count) seats or outcomes still name an erased participant")
    }

    @Test("erasure racing a mentoring meeting's log leaves no meeting on the erased participant's pair", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func erasureRacingMeetings(_ kind: String) async throws {
        let (store, ws, people) = try await Self.world(kind, participants: 60)
        let mentoring = MentoringService(store: store)
        // Mentors p0, p2, … are erased; each has a pair of its own with the next participant as adept.
        let mentors = stride(from: 0, to: people.count, by: 2).map { people[$0] }
        for m in mentors {
            try await store.insert(MentoringPair(pool: "p", mentor: m, adept: people[people.firstIndex(of: m)! + 1], score: 5, components: [], plannedMeetings: 6))
        }
        let pairs = try await store.all(MentoringPair.self)
        let day = try CalendarDate("2026-03-01")
        try await Self.eraseEach(pairs.map(\.mentor), in: ws) { i, _ in
            try? await mentoring.log(MentoringMeeting(pair: pairs[i].id, date: day, status: .held, durationMinutes: 60))
        }
        let current = Set(try await store.all(MentoringPair.self).map(\.id))
        let orphaned = try await store.all(MentoringMeeting.self).filter { !current.contains($0.pair) }
        #expect(orphaned.isEmpty, "\(orphaned.count) meetings logged on a pair id that names an erased participant")
    }

    @Test("erasure racing an accessibility request leaves no request tied to the erased participant's enrolment", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func erasureRacingAccessibilityRequests(_ kind: String) async throws {
        let (store, ws, people) = try await Self.world(kind, participants: 60)
        try await ws.plan(Programme(id: "prog", name: "Programmet", owner: "ks", period: try DatePeriod("2026-01-01", "2026-12-31")))
        try await ws.add(Intervention(id: "bas", programme: "prog", name: "Bas", kind: .baseTraining))
        try await ws.schedule(Session(id: "bas-1", intervention: "bas", date: try CalendarDate("2026-03-01"), durationMinutes: 120))
        try await ws.enrol(people.map { ($0, ID<Intervention>("bas")) })
        let access = AccessibilityService(store: store)
        var enrolmentOf: [ID<Participant>: ID<Enrolment>] = [:]
        for e in try await ws.enrolments(in: "bas") { enrolmentOf[e.participant] = e.id }
        let enrolments = enrolmentOf
        try await Self.eraseEach(people, in: ws) { i, p in
            let request = AccessibilityRequest(id: ID("r\(i)"), session: "bas-1", enrolment: enrolments[p], criteria: ["physical.step-free-entrance"])
            try? await access.request(request)
        }
        let left = try await store.all(AccessibilityRequest.self).filter { $0.enrolment != nil }
        #expect(left.isEmpty, "\(left.count) requests still tied to an erased participant's enrolment")
    }
}
