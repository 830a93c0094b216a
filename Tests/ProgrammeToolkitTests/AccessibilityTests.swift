import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Accessibility")
struct AccessibilityTests {
    static func setUp() async throws -> (InMemoryStore, AccessibilityService) {
        let store = InMemoryStore()
        let workspace = Workspace(store: store, ids: SequentialIDGenerator())
        try await workspace.register(Kristianstad.municipality)
        try await workspace.plan(Programme(id: "om", name: "Omvänt Mentorskap", owner: "ks", period: try DatePeriod("2012-02-01", "2013-12-31")))
        try await workspace.add(Intervention(id: "sdk", programme: "om", name: "Sökkonferens", kind: .dialogueConference))
        try await workspace.add(Venue(id: "radhuset", name: "Rådhuset, sal 2"))
        try await workspace.add(Venue(id: "kulturhuset", name: "Kulturhuset"))
        try await workspace.schedule([
            Session(id: "s1", intervention: "sdk", date: try day("2012-05-10"), durationMinutes: 240, venue: "radhuset"),
            Session(id: "s2", intervention: "sdk", date: try day("2012-09-10"), durationMinutes: 240, venue: "kulturhuset"),
            Session(id: "s3", intervention: "sdk", date: try day("2012-10-10"), durationMinutes: 240),
        ])
        try await workspace.register(Participant(id: "p1", organisation: "ks"))
        try await workspace.enrol("p1", in: "sdk")
        let service = ProgrammeToolkit(store: store).accessibility
        try await service.inventory("radhuset", meets: ["physical.step-free-entrance", "physical.accessible-toilet", "communication.hearing-loop"])
        try await service.inventory("kulturhuset", meets: ["physical.step-free-entrance"])
        return (store, service)
    }

    @Test("the built-in checklist covers all four perspectives with unique codes and both languages")
    func checklist() {
        let list = AccessibilityChecklist.standard
        #expect(AccessibilityPerspective.allCases.allSatisfy { !list.criteria(in: $0).isEmpty })
        #expect(list.codes.count == list.criteria.count)
        #expect(list.criteria.allSatisfy { $0.code.hasPrefix($0.perspective.rawValue + ".") && !$0.swedish.isEmpty && !$0.english.isEmpty })
        #expect(list.criterion("communication.hearing-loop")?.swedish == "Hörslinga i lokalen")
    }

    @Test("a session whose venue fails a requested criterion is flagged before it happens, naming no one")
    func atRisk() async throws {
        let (_, service) = try await Self.setUp()
        try await service.request(AccessibilityRequest(id: "r1", session: "s2", enrolment: "enrolment-1", criteria: ["communication.hearing-loop"]))
        try await service.request(AccessibilityRequest(id: "r2", session: "s1", criteria: ["communication.hearing-loop"]))
        try await service.request(AccessibilityRequest(id: "r3", session: "s3", criteria: ["activities.breaks"]))
        let risks = try await service.sessionsAtRisk(from: try day("2012-05-01"))
        #expect(risks.map(\.session) == ["s2", "s3"])
        #expect(risks[0].description == "flagged: criterion communication.hearing-loop not met at venue kulturhuset for session s2")
        #expect(risks[1].venue == nil)
        // Once the date has passed, the session is no longer "before it happens".
        #expect(try await service.sessionsAtRisk(from: try day("2012-09-11")).map(\.session) == ["s3"])
        // Fixing the venue clears the flag.
        try await service.inventory("kulturhuset", meets: ["physical.step-free-entrance", "communication.hearing-loop"])
        #expect(try await service.sessionsAtRisk(from: try day("2012-05-01")).map(\.session) == ["s3"])
    }

    @Test("requests are deleted after the session and withdrawable; summaries suppress small counts")
    func privacy() async throws {
        let (store, service) = try await Self.setUp()
        for i in 1...6 {
            try await service.request(AccessibilityRequest(id: ID("r\(i)"), session: "s2",
                                                           criteria: i == 1 ? ["physical.lift", "activities.breaks"] : ["activities.breaks"]))
        }
        try await service.request(AccessibilityRequest(id: "old", session: "s1", criteria: ["physical.lift"]))
        let summary = try await service.summary(of: "s2")
        #expect(summary.counts == ["activities.breaks": 6])
        #expect(summary.suppressed == ["physical.lift"])
        #expect(try await service.purgeRequests(heldBefore: try day("2012-06-01")) == 1)
        #expect(try await store.fetch(AccessibilityRequest.self, id: "old") == nil)
        try await service.withdraw("r1")
        #expect(try await service.summary(of: "s2").suppressed.isEmpty)
        await #expect(throws: StoreError.notFound(.of(AccessibilityRequest.self, "r1"))) { try await service.withdraw("r1") }
    }

    @Test("unknown codes, empty requests, unknown sessions and mismatched enrolments are refused")
    func errors() async throws {
        let (_, service) = try await Self.setUp()
        await #expect(throws: ToolkitError.unknownAccessibilityCriterion("physical.trampoline")) {
            try await service.inventory("radhuset", meets: ["physical.trampoline"])
        }
        await #expect(throws: ToolkitError.unknownReference(.of(Venue.self, "none"))) { try await service.inventory("none", meets: []) }
        await #expect(throws: ToolkitError.invalid(entity: .of(AccessibilityRequest.self, "r"), field: "criteria", reason: "names no criterion")) {
            try await service.request(AccessibilityRequest(id: "r", session: "s1", criteria: []))
        }
        await #expect(throws: ToolkitError.unknownReference(.of(Session.self, "s9"))) {
            try await service.request(AccessibilityRequest(id: "r", session: "s9", criteria: ["activities.breaks"]))
        }
        await #expect(throws: ToolkitError.unknownReference(.of(Enrolment.self, "e9"))) {
            try await service.request(AccessibilityRequest(id: "r", session: "s1", enrolment: "e9", criteria: ["activities.breaks"]))
        }
        let gaps = try await service.gaps(of: "kulturhuset")
        #expect(gaps[.physical]?.contains { $0.code == "physical.lift" } == true)
        #expect(gaps[.physical]?.contains { $0.code == "physical.step-free-entrance" } == false)
    }
}
