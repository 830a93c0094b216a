import DiversityKit
import ExampleSupport
import ProgrammeToolkit

extension LikabehandlingScenario {
    /// Rows per batch write (registration, enrolment, attendance).
    static let chunkSize = 500

    /// Runs the project in `workspace` (which should be empty).
    /// - Parameters:
    ///   - importStaff: how the HR roster gets into the workspace; by default the entries of
    ///     ``staffRoster()`` are registered directly in batches. An embedder passes its own import
    ///     (the example writes a CSV file and imports it with `HRRosterImporter`) and returns what
    ///     it registered, which the outcome keeps. Everything after works on the participants the
    ///     workspace then holds.
    ///   - attendanceProgress: called with `(done, total)` attendance entries before the first
    ///     and after every batch (training days and reflection seminars).
    /// - Throws: the workspace's, toolkit's and survey service's errors; none are expected on an
    ///   empty store. ``ToolkitError/groupsImpossible(total:minimum:maximum:)`` when a roster is too
    ///   small for one reflection group.
    public static func run(in workspace: Workspace, seed: UInt64 = defaultSeed,
                           importStaff: (@Sendable ([RosterEntry]) async throws -> RosterImportResult)? = nil,
                           attendanceProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws -> LikabehandlingOutcome {
        var rng = SeededGenerator(seed: seed)
        let store = workspace.store
        let toolkit = ProgrammeToolkit(store: store)

        try await workspace.register(organisation())
        try await workspace.plan(try programme())
        for intervention in interventions() { try await workspace.add(intervention) }

        let roster = staffRoster()
        var rosterImport: RosterImportResult?
        if let importStaff { rosterImport = try await importStaff(roster) } else {
            for start in stride(from: 0, to: roster.count, by: chunkSize) {
                try await workspace.register(roster[start..<min(start + chunkSize, roster.count)].map(\.participant))
            }
        }
        // Each participant fills in the funder's registration form (ESF+ indicators) at the first training day.
        let registered = SyntheticIndicators.recorded(try await workspace.participants(of: municipality))
        for start in stride(from: 0, to: registered.count, by: chunkSize) {
            try await workspace.register(Array(registered[start..<min(start + chunkSize, registered.count)]))
        }
        let staff = try await workspace.participants(of: municipality)

        let survey = try await baselineSurvey(in: store, staff: staff, rng: &rng)
        let training = try await planTraining(for: staff, in: workspace, toolkit: toolkit, rng: &rng)
        let reflection = try await planReflection(for: staff, in: workspace, toolkit: toolkit, rng: &rng)

        // Attendance for every training day and reflection seminar, in batches with progress.
        let entries = training.attendance + reflection.attendance
        attendanceProgress?(0, entries.count)
        for start in stride(from: 0, to: entries.count, by: chunkSize) {
            let end = min(start + chunkSize, entries.count)
            try await workspace.recordAttendance(Array(entries[start..<end]))
            attendanceProgress?(end, entries.count)
        }
        let ratings = try await rateTraining(training, in: workspace, rng: &rng)
        let material = try await introduceMaterial(to: staff, toolkit: toolkit, rng: &rng)

        var attendees: Set<ID<Participant>> = []
        for intervention in interventions() {
            for record in try await workspace.attendance(of: intervention.id) where record.status == .attended {
                if let p = record.participant { attendees.insert(p) }
            }
        }
        var perAdministration: [ID<OrganisationUnit>: Int] = [:]
        for person in staff { if let unit = person.unit { perAdministration[administrationID(of: unit), default: 0] += 1 } }

        return LikabehandlingOutcome(
            programme: try await workspace.programme(programmeID) ?? programme(),
            organisation: try await workspace.organisation(municipality) ?? organisation(),
            staffPerAdministration: perAdministration,
            rosterImport: rosterImport,
            distinctParticipants: attendees.count,
            survey: survey,
            trainingDays: training.days,
            seminarTotals: try await toolkit.electives.totalsPerSeminar(),
            ratingsRecorded: ratings,
            reflectionGroups: reflection.groups,
            reflectionSessions: reflection.sessions,
            material: material)
    }

    /// The administration a unit belongs to (the unit itself when it is one, or is unknown).
    static func administrationID(of unit: ID<OrganisationUnit>) -> ID<OrganisationUnit> {
        administration(of: unit)?.id ?? unit
    }
}
