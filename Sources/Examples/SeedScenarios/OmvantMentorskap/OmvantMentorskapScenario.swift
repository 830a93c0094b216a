import DiversityKit
import ExampleSupport
import ProgrammeToolkit

/// Omvänt Mentorskap (Kristianstad, 2012–2013) run end to end on synthetic data.
///
/// Reproduces the seed's figures: ESF grant 4 251 631 kr equal to the total budget, period
/// 2012-02-01 to 2013-12-31, phases mobilisation then implementation, owner the HR and work
/// environment unit, the three goals; reverse mentoring matched optimally; search and dialogue
/// conferences whose outputs become action-plan measures linked to goals; venues inventoried
/// against the accessibility checklist and a session flagged before it happens.
///
/// ```swift
/// let workspace = Workspace(store: InMemoryStore(), ids: SequentialIDGenerator())
/// let outcome = try await OmvantMentorskapScenario.run(in: workspace, seed: 2012)
/// outcome.totalFunding == Money(kronor: 4_251_631) // true
/// ```
public enum OmvantMentorskapScenario {
    /// The programme's id.
    public static let programmeID: ID<Programme> = "omvant-mentorskap"
    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 2012
    /// Mentors in the synthetic pool.
    public static let mentorCount = 20
    /// Adepts in the synthetic pool.
    public static let adeptCount = 24

    /// Runs the programme in `workspace` (which should be empty).
    /// - Throws: the workspace's and toolkit's errors; none are expected on an empty store.
    public static func run(in workspace: Workspace, seed: UInt64 = defaultSeed) async throws -> OmvantMentorskapOutcome {
        var rng = SeededGenerator(seed: seed)
        let store = workspace.store
        let toolkit = ProgrammeToolkit(store: store, ids: workspace.ids)

        for organisation in organisations() { try await workspace.register(organisation) }
        try await workspace.plan(try programme())
        for goal in goals() { try await workspace.set(goal) }
        for intervention in interventions() { try await workspace.add(intervention) }

        // Reverse mentoring.
        let (people, profiles) = pools(mentors: mentorCount, adepts: adeptCount, rng: &rng)
        try await workspace.register(people)
        try await toolkit.mentoring.register(profiles)
        let matching = try await toolkit.mentoring.match(pool: pool)
        let pairs = try await toolkit.mentoring.confirm(matching, pool: pool, plannedMeetings: plannedMeetings)
        for meeting in meetingLog(for: pairs, rng: &rng) { try await toolkit.mentoring.log(meeting) }
        let followUp = try await toolkit.mentoring.followUp(pool: pool, on: followUpDate)

        // Venues, conference sessions and the accessibility check before they happen.
        for venue in venues() {
            try await workspace.add(venue)
            try await toolkit.accessibility.inventory(venue.id, meets: venueInventory[venue.id] ?? [])
        }
        try await workspace.schedule(conferencePlans.map {
            Session(id: ID($0.id.rawValue), intervention: conferenceIntervention, date: $0.date,
                    start: TimeOfDay(hour: 9), durationMinutes: 360, venue: $0.venue, capacity: 40)
        })
        for request in accessibilityRequests { try await toolkit.accessibility.request(request) }
        let atRisk = try await toolkit.accessibility.sessionsAtRisk(from: accessibilityCheckDate)
        try await attendConferences(people, in: workspace, rng: &rng)

        // Conferences → action plans.
        for organisation in [municipality, hospital] { try await workspace.save(try actionPlan(for: organisation)) }
        for plan in conferencePlans {
            try await toolkit.conferences.record(conference(plan))
            try await toolkit.conferences.adopt(plan.id, into: try actionPlan(for: plan.organisation).id)
        }
        let purged = try await toolkit.accessibility.purgeRequests(heldBefore: CalendarDate(year: 2012, month: 12, day: 1)!)

        var conferences: [DialogueConference] = []
        for plan in conferencePlans { if let c = try await toolkit.conferences.conference(plan.id) { conferences.append(c) } }
        let plans = try await workspace.actionPlans(of: municipality) + workspace.actionPlans(of: hospital)
        let organisationRecords = try await workspace.organisations()
        let ownerName = organisationRecords.first { $0.id == municipality }?.unit(ownerUnit)?.name ?? ""
        var storedVenues: [Venue] = []
        for venue in venues() { if let v = try await store.fetch(Venue.self, id: venue.id.rawValue) { storedVenues.append(v) } }

        return OmvantMentorskapOutcome(
            programme: try await workspace.programme(programmeID) ?? programme(),
            organisations: organisationRecords, ownerUnitName: ownerName,
            goals: try await workspace.goals(of: municipality),
            mentors: try await toolkit.mentoring.profiles(pool: pool, side: .mentor),
            adepts: try await toolkit.mentoring.profiles(pool: pool, side: .adept),
            matching: matching, pairs: pairs, followUp: followUp, conferences: conferences, actionPlans: plans,
            venues: storedVenues, sessionsAtRisk: atRisk, requestsPurged: purged,
            disabilityDimensions: disabilityDimensions)
    }

    /// Mentors and adepts each take part in one of their own organisation's conferences.
    static func attendConferences(_ people: [Participant], in workspace: Workspace, rng: inout SeededGenerator) async throws {
        try await workspace.enrol(people.map { ($0.id, conferenceIntervention) }, on: CalendarDate(year: 2012, month: 9, day: 3)!)
        let entries = people.map { person in
            let own = conferencePlans.filter { $0.organisation == person.organisation }
            return Workspace.AttendanceEntry(participant: person.id, session: ID(rng.pick(own)!.id.rawValue),
                                             status: rng.chance(90) ? .attended : .excused)
        }
        try await workspace.recordAttendance(entries)
    }
}
