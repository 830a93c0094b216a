import DiversityKit

/// Everything the follow-up of one programme reads, loaded once from a `Store`.
public struct ProgrammeRecords: Hashable, Sendable {
    /// The programme.
    public var programme: Programme
    /// Its organisations (owner and partners) that exist in the store.
    public var organisations: [Organisation]
    /// Its interventions.
    public var interventions: [Intervention]
    /// Sessions of those interventions.
    public var sessions: [Session]
    /// Attendance at those interventions.
    public var attendances: [Attendance]
    /// Participants who attended at least once.
    public var participants: [Participant]
    /// Ratings of those interventions.
    public var ratings: [Rating]
    /// Facilitators of the sessions.
    public var facilitators: [Facilitator]
    /// Goals of the programme.
    public var goals: [Goal]
    /// Action plans of the programme.
    public var plans: [ActionPlan]

    /// Creates records from arrays (for embedders that hold them already).
    public init(programme: Programme, organisations: [Organisation] = [], interventions: [Intervention] = [],
                sessions: [Session] = [], attendances: [Attendance] = [], participants: [Participant] = [],
                ratings: [Rating] = [], facilitators: [Facilitator] = [], goals: [Goal] = [], plans: [ActionPlan] = []) {
        self.programme = programme
        self.organisations = organisations
        self.interventions = interventions
        self.sessions = sessions
        self.attendances = attendances
        self.participants = participants
        self.ratings = ratings
        self.facilitators = facilitators
        self.goals = goals
        self.plans = plans
    }

    /// Loads a programme's records.
    /// - Throws: ``FollowUpError/unknownProgramme(_:)``, or the store's errors.
    public static func load(programme id: ID<Programme>, from store: any Store) async throws -> ProgrammeRecords {
        guard let programme = try await store.fetch(Programme.self, id: id.rawValue) else { throw FollowUpError.unknownProgramme(id) }
        let interventions = try await store.all(Intervention.self, where: "programme", equals: id.rawValue).sorted { $0.id < $1.id }
        let ids = Set(interventions.map(\.id.rawValue))
        let byIntervention = [RecordQuery.Filter(key: "intervention", match: .oneOf(ids))]
        let sessions = ids.isEmpty ? [] : try await store.all(Session.self, where: byIntervention).sorted { $0.id < $1.id }
        let attendances = ids.isEmpty ? [] : try await store.all(Attendance.self, where: byIntervention).sorted { $0.id < $1.id }
        let ratings = ids.isEmpty ? [] : try await store.all(Rating.self, where: byIntervention).sorted { $0.id < $1.id }
        var records = ProgrammeRecords(programme: programme, interventions: interventions, sessions: sessions,
                                       attendances: attendances, ratings: ratings)
        // Each kind in one query, never one fetch per participant (3 001 fetches at Trelleborg).
        let orgIDs = Set(programme.organisations)
        records.organisations = try await store.all(Organisation.self).filter { orgIDs.contains($0.id) }
        let order = Dictionary(programme.organisations.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        records.organisations.sort { order[$0.id, default: .max] < order[$1.id, default: .max] }
        let people = Set(attendances.filter { $0.status == .attended }.compactMap(\.participant))
        let orgsOfPeople = Set(attendances.filter { $0.status == .attended }.map(\.organisation.rawValue))
        if !people.isEmpty {
            records.participants = try await store.all(Participant.self, where: [.init(key: "organisation", match: .oneOf(orgsOfPeople))])
                .filter { people.contains($0.id) }.sorted { $0.id < $1.id }
        }
        let facilitatorIDs = Set(sessions.flatMap(\.facilitators))
        if !facilitatorIDs.isEmpty {
            records.facilitators = try await store.all(Facilitator.self).filter { facilitatorIDs.contains($0.id) }.sorted { $0.id < $1.id }
        }
        records.goals = try await store.goals(where: [.init(key: "programme", match: .equals(id.rawValue))]).sorted { $0.id < $1.id }
        records.plans = try await store.all(ActionPlan.self, where: "programme", equals: id.rawValue).sorted { $0.id < $1.id }
        return records
    }

    /// The name of an organisation, or its identifier when unknown.
    public func name(of organisation: ID<Organisation>) -> String {
        organisations.first { $0.id == organisation }?.name ?? organisation.rawValue
    }

    /// The name of an intervention, or its identifier.
    public func name(of intervention: ID<Intervention>) -> String {
        interventions.first { $0.id == intervention }?.name ?? intervention.rawValue
    }

    /// The label of a facilitator, or its identifier.
    public func name(of facilitator: ID<Facilitator>) -> String {
        facilitators.first { $0.id == facilitator }?.label ?? facilitator.rawValue
    }
}
