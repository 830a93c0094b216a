import DiversityKit
import EvaluationModule
import ExampleSupport
import ProgrammeToolkit

/// The regional development project on diversity and anti-discrimination (Regionalt
/// utvecklingsprojekt om mångfald och antidiskriminering, Verva 2006–2007) run on synthetic data.
///
/// Reproduces the interim report to the government (February 2007): Verva leads, DO and
/// Integrationsverket give knowledge support, five county administrative boards coordinate the
/// 51 participating authorities of their counties; each authority sets goals in the four focus
/// areas and county-wide goals are extracted from them; the goal–measure audit finds goals
/// without concrete measures, activities linked to no goal and few baseline analyses; the 2006
/// economy is exactly the report's — 5 000 000 kr, of which the county boards left 1 189 000 kr
/// unspent; networks meet every fourth week and the project managers by phone every second week
/// and in Stockholm every second month.
///
/// ```swift
/// let outcome = try await VervaScenario.run(in: Workspace(store: InMemoryStore(), ids: SequentialIDGenerator()))
/// outcome.unspentGrants == Money(kronor: 1_189_000) // true
/// ```
public enum VervaScenario {
    /// The programme's id.
    public static let programmeID: ID<Programme> = "regionalt-utvecklingsprojekt"
    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 2006
    /// The day of the follow-up: the interim report's date.
    public static let followUpDate = CalendarDate(year: 2007, month: 2, day: 14)!

    /// Runs the project in `workspace` (which should be empty).
    /// - Throws: the workspace's and toolkit's errors; none are expected on an empty store.
    public static func run(in workspace: Workspace, seed: UInt64 = defaultSeed) async throws -> VervaOutcome {
        var rng = SeededGenerator(seed: seed)
        let store = workspace.store
        let toolkit = ProgrammeToolkit(store: store)

        for organisation in organisations() { try await workspace.register(organisation) }
        let grants = countyGrants(rng: &rng)
        try await workspace.plan(try programme(grants: grants))

        // Each authority's goals and activities; then the county-wide goals.
        let (profiles, withBaseline) = profiles(rng: &rng)
        var goals: [Goal] = []
        var plans: [ActionPlan] = []
        for county in counties {
            for authority in county.participants.map(\.id) {
                let (own, plan) = try goalsAndPlan(for: authority, profile: profiles[authority]!,
                                                   hasBaseline: withBaseline.contains(authority), rng: &rng)
                goals += own
                plans.append(plan)
            }
        }
        var countyWide: [Goal] = []
        for county in counties {
            let (extracted, plan) = try countyGoals(for: county, from: goals)
            countyWide += extracted
            plans.append(plan)
        }
        for goal in goals + countyWide { try await workspace.set(goal) }
        for plan in plans { try await workspace.save(plan) }

        try await holdEvents(in: workspace, rng: &rng)
        let networks = try await holdNetworks(try networkSeries(grants: grants), toolkit: toolkit, rng: &rng)

        let records = try await ProgrammeRecords.load(programme: programmeID, from: store)
        let organisations = try await workspace.organisations()
        let participating = Set(counties.flatMap { $0.participants.map(\.id) })
        let countyGoalIDs = Set(countyWide.map(\.id))
        return VervaOutcome(
            programme: records.programme,
            authorities: counties.flatMap { c in c.participants.compactMap { p in organisations.first { $0.id == p.id } } },
            supporters: organisations.filter { !participating.contains($0.id) },
            goals: records.goals.filter { !countyGoalIDs.contains($0.id) },
            countyGoals: countyWide.compactMap { goal in records.goals.first { $0.id == goal.id } },
            plans: records.plans,
            audit: FollowUp.auditGoalsAndMeasures(goals: records.goals, plans: records.plans, asOf: followUpDate),
            budget: FollowUp.budget(records.programme), grants: grants, networks: networks,
            milestones: FollowUp.milestones(records.programme, asOf: followUpDate),
            participation: FollowUp.participation(programme: records.programme, attendances: records.attendances))
    }

    static func programme(grants: [CountyGrant]) throws -> Programme {
        Programme(
            id: programmeID, name: "Regionalt utvecklingsprojekt om mångfald och antidiskriminering", owner: verva,
            partners: [ombudsman, integrationBoard] + counties.flatMap { $0.participants.map(\.id) },
            period: try DatePeriod("2006-02-01", "2008-03-31"),
            phases: [Phase(kind: .preparation, period: try DatePeriod("2006-02-01", "2006-12-31")),
                     Phase(kind: .implementation, period: try DatePeriod("2007-01-01", "2008-03-31"))],
            funding: [FundingSource(kind: .governmentGrant, name: "Regeringsbeslut 2005-12-20 (Fi2005/3877, Fi2005/6456), anslag 2006",
                                    amount: governmentGrant)],
            budget: budget(grants: grants),
            steeringGroup: [SteeringGroupMember(role: "Generaldirektör (referensgruppen)", organisation: verva),
                            SteeringGroupMember(role: "Ombudsman (referensgruppen)", organisation: ombudsman),
                            SteeringGroupMember(role: "Generaldirektör (referensgruppen)", organisation: integrationBoard),
                            SteeringGroupMember(role: "Länsråd (referensgruppen)", organisation: counties[0].board)],
            targetGroup: "De 51 myndigheter som regeringen beslutat ska delta i Dalarnas, Skåne, Västernorrlands, Västra Götalands och Östergötlands län",
            milestones: [
                Milestone(name: "Kick-off för projektmyndigheterna", planned: CalendarDate(year: 2006, month: 4, day: 5)!,
                          actual: CalendarDate(year: 2006, month: 4, day: 5)!),
                Milestone(name: "Regionala projektledare på plats i alla län", planned: CalendarDate(year: 2006, month: 4, day: 1)!,
                          actual: grants.map(\.projectManagerFrom).max()),
                Milestone(name: "Myndigheternas målformuleringar sammanställda", planned: CalendarDate(year: 2006, month: 10, day: 31)!,
                          actual: CalendarDate(year: 2006, month: 12, day: 15)!),
                Milestone(name: "Delredovisning till regeringen", planned: CalendarDate(year: 2007, month: 2, day: 15)!,
                          actual: followUpDate),
                Milestone(name: "Chefsutbildning i ledningsprocesser", planned: CalendarDate(year: 2007, month: 9, day: 30)!),
                Milestone(name: "Avslutande konferens över länsgränserna", planned: CalendarDate(year: 2007, month: 10, day: 31)!),
            ],
            contactRole: "Utvecklingsstrateg, Verva")
    }
}
