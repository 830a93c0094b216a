import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Search and dialogue conferences")
struct ConferenceTests {
    static func setUp() async throws -> (InMemoryStore, ConferenceService) {
        let store = try await Kristianstad.store()
        try await store.insert(Goal(id: "g-rek", owner: "ks", level: .measurable, focusArea: .recruitment,
                                    title: "Fler sökande med utländsk bakgrund"))
        try await store.insert(ActionPlan(id: "hp", owner: "ks", title: "Mångfaldsplan 2012–2013",
                                          period: try DatePeriod("2012-01-01", "2013-12-31")))
        return (store, ConferenceService(store: store))
    }

    static func conference() throws -> DialogueConference {
        DialogueConference(id: "sdk1", organisation: "ks", title: "Sökkonferens omsorg", date: try day("2012-05-10"),
                           perspectives: [.recruitment, .citizenUserCustomer], outputs: [
                               ConferenceOutput(proposal: "Pröva anonymiserad urval", perspective: .recruitment,
                                                responsibleRole: "HR-chef", deadline: try day("2012-12-31"), goals: ["g-rek"]),
                               ConferenceOutput(proposal: "Brukarråd med flerspråkiga brukare", perspective: .citizenUserCustomer,
                                                responsibleRole: "Enhetschef", deadline: try day("2013-06-30")),
                           ])
    }

    @Test("outputs become measures in the action plan, linked to goals, with the conference as origin")
    func adopt() async throws {
        let (store, service) = try await Self.setUp()
        try await service.record(try Self.conference())
        let measures = try await service.adopt("sdk1", into: "hp")
        #expect(measures.map(\.id) == ["sdk1#0", "sdk1#1"])
        let plan = try #require(try await store.fetch(ActionPlan.self, id: "hp"))
        #expect(plan.measures.count == 2)
        #expect(plan.measures[0].linkedGoals == ["g-rek"])
        #expect(plan.measures[0].origin == .dialogueConference("sdk1"))
        #expect(plan.measures[0].responsibleRole == "HR-chef")
        let conference = try #require(try await service.conference("sdk1"))
        #expect(conference.outputs.allSatisfy { $0.adoptedInto == "hp" })
        #expect(try await service.measuresFromConferences(in: "hp").map(\.conference) == ["sdk1", "sdk1"])
        // A second adoption of everything finds nothing left; naming an adopted one is refused.
        #expect(try await service.adopt("sdk1", into: "hp").isEmpty)
        await #expect(throws: ToolkitError.outputAlreadyAdopted(conference: "sdk1", output: 0)) {
            try await service.adopt("sdk1", outputs: [0], into: "hp")
        }
    }

    @Test("an output from a perspective the conference did not choose is refused")
    func perspectiveNotChosen() async throws {
        let (_, service) = try await Self.setUp()
        var c = try Self.conference()
        c.outputs[1].perspective = .profitability
        await #expect(throws: ToolkitError.perspectiveNotChosen(.profitability, conference: "sdk1")) { try await service.record(c) }
    }

    @Test("a conference needs a perspective, a title, a known organisation and known goals")
    func recordErrors() async throws {
        let (_, service) = try await Self.setUp()
        var c = try Self.conference()
        c.perspectives = []
        await #expect(throws: ToolkitError.invalid(entity: .of(DialogueConference.self, "sdk1"), field: "perspectives",
                                                   reason: "needs at least one perspective")) { try await service.record(c) }
        c = try Self.conference()
        c.title = " "
        await #expect(throws: ToolkitError.emptyText(entity: .of(DialogueConference.self, "sdk1"), field: "title")) { try await service.record(c) }
        c = try Self.conference()
        c.outputs[0].goals = ["g-none"]
        await #expect(throws: ToolkitError.unknownReference(.of(Goal.self, "g-none"))) { try await service.record(c) }
        c = try Self.conference()
        c.organisation = "nowhere"
        await #expect(throws: ToolkitError.unknownReference(.of(Organisation.self, "nowhere"))) { try await service.record(c) }
    }

    @Test("an adoption that fails leaves plan and conference untouched")
    func atomicAdoption() async throws {
        let (store, service) = try await Self.setUp()
        var c = try Self.conference()
        c.outputs[1].deadline = try day("2014-06-30")
        try await service.record(c)
        await #expect(throws: ToolkitError.self) { try await service.adopt("sdk1", into: "hp") }
        #expect(try await store.fetch(ActionPlan.self, id: "hp")?.measures.isEmpty == true)
        #expect(try await service.conference("sdk1")?.outputs.allSatisfy { $0.adoptedAs == nil } == true)
        await #expect(throws: ToolkitError.unknownOutput(conference: "sdk1", output: 7)) {
            try await service.adopt("sdk1", outputs: [7], into: "hp")
        }
        await #expect(throws: ToolkitError.unknownReference(.of(ActionPlan.self, "none"))) {
            try await service.adopt("sdk1", into: "none")
        }
    }
}
