import DiversityKit
import Testing

@Suite("Workspace.update(_: Intervention)")
struct WorkspaceUpdateInterventionTests {
    static func workspace() async throws -> Workspace {
        let workspace = Workspace(store: InMemoryStore())
        try await workspace.register(Organisation(id: "umea", name: "Umeå kommun", kind: .municipality))
        try await workspace.plan(Programme(id: "mdss", name: "MDSS", owner: "umea", period: try DatePeriod("2010-01-01", "2012-12-31")))
        try await workspace.plan(Programme(id: "short", name: "Kort", owner: "umea", period: try DatePeriod("2011-01-01", "2011-12-31")))
        try await workspace.add(Intervention(id: "bas", programme: "mdss", name: "Basutbildning", kind: .baseTraining, plannedDurationMinutes: 120))
        try await workspace.add(Intervention(id: "ledarforum", programme: "mdss", name: "Ledarforum", kind: .leaderForum,
                                             plannedDurationMinutes: 180, prerequisites: ["bas"]))
        try await workspace.schedule(Session(id: "bas-1", intervention: "bas", date: try CalendarDate("2010-04-01"), durationMinutes: 120))
        return workspace
    }

    @Test("a changed duration and name are stored")
    func replaces() async throws {
        let workspace = try await Self.workspace()
        var bas = try #require(try await workspace.intervention("bas"))
        bas.plannedDurationMinutes = 180
        bas.name = "Basutbildning, heldag"
        try await workspace.update(bas)
        #expect(try await workspace.intervention("bas") == bas)
    }

    @Test("an unknown id is refused as not found, and nothing is created")
    func unknown() async throws {
        let workspace = try await Self.workspace()
        let typo = Intervention(id: "bsa", programme: "mdss", name: "Basutbildning", kind: .baseTraining, plannedDurationMinutes: 120)
        await #expect(throws: StoreError.notFound(.of(Intervention.self, "bsa"))) { try await workspace.update(typo) }
        #expect(try await workspace.intervention("bsa") == nil)
    }

    @Test("a prerequisite cycle is refused as in add, and the stored intervention is unchanged")
    func cycle() async throws {
        let workspace = try await Self.workspace()
        var bas = try #require(try await workspace.intervention("bas"))
        let before = bas
        bas.prerequisites = ["ledarforum"]
        await #expect(throws: ValidationError.self) { try await workspace.update(bas) }
        #expect(try await workspace.intervention("bas") == before)
    }

    @Test("moving to a programme whose period does not hold the sessions is refused")
    func move() async throws {
        let workspace = try await Self.workspace()
        var bas = try #require(try await workspace.intervention("bas"))
        bas.programme = "short"
        bas.prerequisites = []
        let error = await #expect(throws: ValidationError.self) { try await workspace.update(bas) }
        #expect(error?.errors.contains { if case .dateOutsidePeriod = $0.problem { true } else { false } } == true)
        #expect(try await workspace.intervention("bas")?.programme == "mdss")
    }
}
