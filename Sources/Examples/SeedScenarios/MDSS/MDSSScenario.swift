import DiversityKit
import EvaluationModule
import ExampleSupport
import SurveyModule

/// Mångfaldsdriven Samhällsservice (MDSS, Umeå, 2010–2012) run end to end on synthetic data.
///
/// Reproduces the seed: the partner organisations (Försäkringskassan Umeå and Lycksele,
/// Arbetsförmedlingen Umeå and surrounding municipalities, Umeå kommun VIVA and social services,
/// Västerbottens läns landsting psychiatry and some health centres) with Samordningsförbundet
/// Umeå, whose board and preparation group took part too; an anonymous baseline survey whose
/// results tailor a 120-minute base training held at the workplaces; a leader forum; a diversity
/// forum that requires both — one enrolment without the leader forum is refused; about 450
/// participants, the health centres under the 2010 plan and every other organisation over;
/// content and trainer rated close to 4 on 1–5; the time plan kept with some delay.
///
/// ```swift
/// let outcome = try await MDSSScenario.run(in: Workspace(store: InMemoryStore(), ids: SequentialIDGenerator()))
/// outcome.totalParticipants // about 450
/// ```
public enum MDSSScenario {
    /// The programme's id.
    public static let programmeID: ID<Programme> = "mdss"
    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 2010
    /// The day of the follow-up.
    public static let followUpDate = CalendarDate(year: 2012, month: 8, day: 31)!

    /// Runs MDSS in `workspace` (which should be empty).
    /// - Throws: the workspace's and the survey service's errors; none are expected on an empty store.
    public static func run(in workspace: Workspace, seed: UInt64 = defaultSeed) async throws -> MDSSOutcome {
        var rng = SeededGenerator(seed: seed)
        let store = workspace.store

        for organisation in organisations() { try await workspace.register(organisation) }
        try await workspace.plan(try programme())
        for facilitator in facilitators() { try await workspace.add(facilitator) }
        for venue in venues() { try await workspace.add(venue) }

        var staff: [ID<OrganisationUnit>: [Participant]] = [:]
        for workplace in workplaces { staff[workplace.unit] = Self.staff(of: workplace) }
        try await workspace.register(workplaces.flatMap { staff[$0.unit]! })

        // 1. Baseline survey → tailored base training.
        let baseline = try await runBaseline(store: store, staff: staff, rng: &rng)
        let topics = baseline.plan.allocations.filter { $0.minutes > 0 }.map(\.topic.rawValue)
        for intervention in interventions(topics: topics) { try await workspace.add(intervention) }

        // 2. Base training at the workplaces.
        var counter = RatingCounter()
        var reached: [ID<OrganisationUnit>: [Participant]] = [:]
        for workplace in workplaces {
            reached[workplace.unit] = Self.reached(at: workplace, staff: staff[workplace.unit]!, rng: &rng)
        }
        let base = try await holdBaseTraining(reached, in: workspace, ratings: &counter, rng: &rng)

        // 3. Leader forum for managers and leaders who completed the base training.
        let trained = try await completed(baseTraining, among: workplaces.flatMap { reached[$0.unit]! }, in: workspace)
        let leaders = trained.filter { $0.role == .manager || $0.role == .keyPerson }
        let forum = try await holdLeaderForum(leaders, in: workspace, ratings: &counter, rng: &rng)

        // 4. Diversity forum for those who completed both; an employee without the leader forum is refused.
        let both = try await completed(leaderForum, among: leaders, in: workspace)
        var refused: RefusedEnrolment?
        if let employee = trained.first(where: { $0.role == .employee }) {
            refused = try await attemptForumWithoutLeaderForum(employee.id, in: workspace)
        }
        let diversity = try await holdDiversityForum(both, in: workspace, ratings: &counter, rng: &rng)

        // 5. The time plan as it turned out.
        let lastDay: [ID<Intervention>: CalendarDate] = [
            surveyIntervention: surveyCloses, baseTraining: base.map(\.date).max()!,
            leaderForum: forum.map(\.date).max()!, diversityForum: diversity.map(\.date).max()!,
        ]
        try await workspace.plan(try programme(milestones: plannedMilestones.map {
            Milestone(name: $0.name, planned: $0.planned, actual: $0.stage.flatMap { lastDay[$0] })
        }))

        let records = try await ProgrammeRecords.load(programme: programmeID, from: store)
        return MDSSOutcome(
            programme: records.programme, organisations: records.organisations, interventions: records.interventions,
            surveyIssued: baseline.issued, surveyResponded: baseline.responded, needs: baseline.needs,
            tailoredPlan: baseline.plan,
            sessions: Dictionary(grouping: records.sessions, by: \.intervention).mapValues(\.count),
            participation: FollowUp.participation(programme: records.programme, attendances: records.attendances),
            funnel: FollowUp.completionFunnel(chain: try FollowUp.prerequisiteChain(endingAt: diversityForum, in: records.interventions),
                                              attendances: records.attendances),
            ratings: try FollowUp.ratingSummaries(ratings: records.ratings),
            ratingsByFacilitator: try FollowUp.ratingSummaries(ratings: records.ratings, sessions: records.sessions, byFacilitator: true),
            facilitators: records.facilitators,
            milestones: FollowUp.milestones(records.programme, asOf: followUpDate),
            refusedEnrolment: refused)
    }

    /// The people among `people` who completed `intervention`, by its completion rule, in order.
    static func completed(_ intervention: ID<Intervention>, among people: [Participant],
                          in workspace: Workspace) async throws -> [Participant] {
        var result: [Participant] = []
        for person in people where try await workspace.completedInterventions(of: person.id).contains(intervention) {
            result.append(person)
        }
        return result
    }
}
