import DiversityKit

/// A small MDSS-like world: two organisations, a programme, base training → leader forum → diversity forum.
struct World {
    let store: InMemoryStore
    let workspace: Workspace

    init() {
        store = InMemoryStore()
        workspace = Workspace(store: store, ids: SequentialIDGenerator())
    }

    init(store: InMemoryStore, workspace: Workspace) {
        self.store = store
        self.workspace = workspace
    }

    static let fk = Organisation(id: "fk", name: "Försäkringskassan", kind: .stateAgency,
                                 organisationNumber: try? OrganisationNumber("202100-5489"),
                                 units: [OrganisationUnit(id: "fk-umea", name: "Umeå"),
                                         OrganisationUnit(id: "fk-lycksele", name: "Lycksele")])
    static let umea = Organisation(id: "umea", name: "Umeå kommun", kind: .municipality,
                                   units: [OrganisationUnit(id: "soc", name: "Socialtjänsten"),
                                           OrganisationUnit(id: "viva", name: "VIVA", parent: "soc")])

    static func programme() throws -> Programme {
        Programme(id: "mdss", name: "Mångfaldsdriven Samhällservice", owner: "umea", partners: ["fk"],
                  period: try DatePeriod("2010-01-01", "2012-12-31"),
                  phases: [Phase(kind: .implementation, period: try DatePeriod("2010-03-01", "2012-06-30"))],
                  funding: [FundingSource(kind: .esfGrant, amount: Money(kronor: 1_000_000))],
                  budget: [BudgetLine(category: .salaries, planned: Money(kronor: 600_000)),
                           BudgetLine(category: .consultants, planned: Money(kronor: 200_000))],
                  indirectCostRate: 15, plannedParticipants: ["umea": 200, "fk": 150])
    }

    func setUp() async throws {
        try await workspace.register(World.fk)
        try await workspace.register(World.umea)
        try await workspace.plan(try World.programme())
        try await workspace.add(Intervention(id: "bas", programme: "mdss", name: "Basutbildning", kind: .baseTraining, plannedDurationMinutes: 120))
        try await workspace.add(Intervention(id: "ledar", programme: "mdss", name: "Ledarforum", kind: .leaderForum, targetRoles: [.manager]))
        try await workspace.add(Intervention(id: "forum", programme: "mdss", name: "Mångfaldsforum", kind: .diversityForum, prerequisites: ["bas", "ledar"]))
        try await workspace.schedule([
            Session(id: "bas-1", intervention: "bas", date: try CalendarDate("2010-04-01"), durationMinutes: 120, capacity: 2),
            Session(id: "ledar-1", intervention: "ledar", date: try CalendarDate("2011-02-01"), durationMinutes: 240),
            Session(id: "forum-1", intervention: "forum", date: try CalendarDate("2012-04-01"), durationMinutes: 180),
        ])
        try await workspace.register([
            Participant(id: "m1", organisation: "umea", unit: "viva", role: .manager),
            Participant(id: "e1", organisation: "fk", unit: "fk-umea"),
            Participant(id: "e2", organisation: "fk", unit: "fk-lycksele"),
            Participant(id: "e3", organisation: "umea"),
        ])
    }
}

extension ValidationError {
    /// The problems of the errors, for compact expectations.
    var problems: [ValidationProblem] { errors.map(\.problem) }
}
