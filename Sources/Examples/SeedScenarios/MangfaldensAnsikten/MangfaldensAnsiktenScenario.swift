import DiversityKit
import ExampleSupport
import ProgrammeToolkit

/// Mångfaldens ansikten (Östergötland, EQUAL) run end to end on synthetic data.
///
/// Reproduces the seed: a development partnership of 12 actors (public, private, associations,
/// unions); Experimentverkstaden's pilot grants, where every application must build in sharing its
/// results — one arrives without a dissemination plan and is refused with
/// ``ToolkitError/missingDisseminationPlan(application:)`` — assessed and decided within the budget,
/// with results and dissemination reported back; Erfarenhetsdialogen's seminars; Norrköping's
/// 12 diversity ambassadors and their "Blåögd" workshops, measured against "an ambassador in every
/// municipality" of the county's 13.
///
/// ```swift
/// let outcome = try await MangfaldensAnsiktenScenario.run(in: Workspace(store: InMemoryStore()))
/// outcome.organisations.count // 12
/// ```
public enum MangfaldensAnsiktenScenario {
    /// The programme's id.
    public static let programmeID: ID<Programme> = "mangfaldens-ansikten"
    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 2006

    /// Runs the partnership in `workspace` (which should be empty).
    /// - Parameter importStaff: how the partners' staff roster gets into the workspace; by default
    ///   the entries are registered directly. An embedder passes its own import (the example
    ///   writes a CSV file and imports it with `HRRosterImporter`).
    /// - Throws: the workspace's and toolkit's errors; none are expected on an empty store.
    public static func run(in workspace: Workspace, seed: UInt64 = defaultSeed,
                           importStaff: (@Sendable ([RosterEntry]) async throws -> Void)? = nil) async throws -> MangfaldensAnsiktenOutcome {
        var rng = SeededGenerator(seed: seed)
        let store = workspace.store
        let toolkit = ProgrammeToolkit(store: store)

        for organisation in organisations() { try await workspace.register(organisation) }
        try await workspace.plan(try programme())
        for goal in try goals() { try await workspace.set(goal) }
        try await workspace.save(try partnershipPlan())

        let roster = staffRoster(seed: seed)
        if let importStaff { try await importStaff(roster) } else {
            for start in stride(from: 0, to: roster.count, by: 500) {
                try await workspace.register(roster[start..<min(start + 500, roster.count)].map(\.participant))
            }
        }
        var staffPerOrganisation: [ID<Organisation>: Int] = [:]
        for actor in actors {
            // The funder's registration form (ESF+ indicators), filled in by everyone the project reaches.
            let staff = SyntheticIndicators.recorded(try await workspace.participants(of: actor.id))
            try await workspace.register(staff)
            staffPerOrganisation[actor.id] = staff.count
        }

        // Experimentverkstaden.
        let fund = fund()
        try await toolkit.grants.create(fund)
        var submitted: [ApplicationPlan] = []
        var refusals: [SubmissionRefusal] = []
        for plan in applications() {
            do {
                try await toolkit.grants.submit(plan.application)
                submitted.append(plan)
            } catch let error as ToolkitError {
                refusals.append(SubmissionRefusal(application: plan.application, error: error))
            }
        }
        for plan in submitted {
            for assessment in assessments(of: plan, criteria: fund.criteria, rng: &rng) { try await toolkit.grants.assess(assessment) }
        }
        let decisions = try await toolkit.grants.decide(fund.id)
        var reports: [GrantReport] = []
        for decision in decisions where decision.isGranted {
            let application = submitted.first { $0.application.id == decision.application }!.application
            let report = report(for: application, rng: &rng)
            try await toolkit.grants.report(report)
            reports.append(report)
        }
        let dissemination = try await toolkit.grants.disseminationFollowUp(fund.id)
            .map { DisseminationStatus(application: $0.key, planned: $0.value.planned, held: $0.value.held) }
            .sorted { $0.application < $1.application }

        // Ambassadors.
        let trained = ambassadors()
        for ambassador in trained { try await toolkit.ambassadors.register(ambassador) }
        let workshops = workshops(for: trained, rng: &rng)
        for workshop in workshops { try await toolkit.ambassadors.record(workshop) }
        let coverage = try await toolkit.ambassadors.coverage(county: county, municipalities: countyMunicipalities, on: coverageDate)
        try await workspace.addMeasurement(Measurement(date: coverageDate, value: Double(coverage.covered.count)), to: ambassadorGoal)

        // Erfarenhetsdialogen.
        let seminarResults = try await holdSeminars(in: workspace, roster: roster, rng: &rng)

        return MangfaldensAnsiktenOutcome(
            programme: try await workspace.programme(programmeID) ?? programme(),
            organisations: try await workspace.organisations(), staffPerOrganisation: staffPerOrganisation,
            fund: fund, applications: try await toolkit.grants.applications(to: fund.id), refusals: refusals,
            decisions: decisions, grantReports: reports, dissemination: dissemination,
            ambassadors: trained, workshops: workshops, coverage: coverage, seminars: seminarResults,
            goals: try await workspace.goals(of: norrkoping), transnationalNote: transnationalNote)
    }

    /// Schedules the seminars, enrols a sample of staff (leaders and key persons for targeted
    /// seminars) and records who came.
    static func holdSeminars(in workspace: Workspace, roster: [RosterEntry],
                             rng: inout SeededGenerator) async throws -> [SeminarResult] {
        for venue in seminarVenues { try await workspace.add(venue) }
        let leaders = roster.filter { $0.role == .manager || $0.role == .keyPerson }
        var results: [SeminarResult] = []
        for seminar in seminars {
            try await workspace.add(seminarIntervention(seminar))
            let session = seminarSession(seminar)
            try await workspace.schedule(session)
            let pool = seminar.isOpen ? roster : leaders
            let invited = rng.sample(pool, count: rng.int(in: (seminar.capacity * 2 / 3)...seminar.capacity))
            try await workspace.enrol(invited.map { (ID($0.employeeRef), session.intervention) }, on: seminar.date.adding(days: -14))
            let entries = invited.map { entry in
                Workspace.AttendanceEntry(participant: ID(entry.employeeRef), session: session.id,
                                          status: rng.chance(88) ? .attended : (rng.chance(50) ? .excused : .absent))
            }
            try await workspace.recordAttendance(entries)
            results.append(SeminarResult(title: seminar.title, audience: seminar.audience, date: seminar.date, isOpen: seminar.isOpen,
                                         enrolled: invited.count, attended: entries.filter { $0.status == .attended }.count))
        }
        return results
    }
}
