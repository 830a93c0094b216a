/// The façade an embedding system uses: register organisations, plan a programme, enrol
/// participants, record attendance and ratings — with validation enforced.
///
/// Every method validates first and writes in one atomic batch, so a refused call leaves
/// the store exactly as it was. Methods return the warnings validation found.
///
/// ```swift
/// let workspace = Workspace(store: InMemoryStore())
/// try await workspace.register(umea)
/// try await workspace.plan(mdss)
/// try await workspace.add(baseTraining)
/// try await workspace.schedule(session)
/// try await workspace.register(participant)
/// try await workspace.enrol(participant.id, in: baseTraining.id)
/// try await workspace.recordAttendance(of: participant.id, at: session.id, .attended)
/// ```
public actor Workspace {
    /// The store everything is kept in.
    public nonisolated let store: any Store
    /// Makes identifiers for records the workspace creates (enrolments, attendance).
    public nonisolated let ids: any IDGenerator

    /// Creates a workspace over `store`.
    /// - Parameters:
    ///   - store: where records live.
    ///   - ids: how new identifiers are made; pass a ``SequentialIDGenerator`` for repeatable runs.
    public init(store: any Store, ids: any IDGenerator = RandomIDGenerator()) {
        self.store = store
        self.ids = ids
    }

    func newID<T>(_: T.Type, _ type: String) -> ID<T> { ID(ids.next(for: type)) }

    func require<R: StoredRecord>(_: R.Type, _ id: String, for entity: RecordKey, field: String) async throws -> R {
        guard let record = try await store.fetch(R.self, id: id) else {
            throw ValidationError(issues: [ValidationIssue(.error, entity, field: field, value: id,
                                                           .unknownReference(.of(R.self, id)))])
        }
        return record
    }

    // MARK: Organisations

    /// Registers a new organisation.
    /// - Throws: ``ValidationError`` (empty name, duplicate or dangling units, unit cycles),
    ///   ``StoreError/duplicate(_:)`` when the id is taken.
    @discardableResult
    public func register(_ organisation: Organisation) async throws -> [ValidationIssue] {
        let warnings = try organisation.validate()
        try await store.insert(organisation)
        return warnings
    }

    /// Replaces a registered organisation (e.g. new units).
    /// - Throws: ``ValidationError``; ``StoreError/notFound(_:)``; a removed unit still used by a participant
    ///   is refused with ``ValidationProblem/unitOfAnotherOrganisation(unit:organisation:)``.
    @discardableResult
    public func update(_ organisation: Organisation) async throws -> [ValidationIssue] {
        var warnings = try organisation.validate()
        var c = IssueCollector(.of(Organisation.self, organisation.id.rawValue))
        for p in try await participants(of: organisation.id) {
            if let u = p.unit, organisation.unit(u) == nil {
                c.error("units", u.rawValue, .unitOfAnotherOrganisation(unit: u, organisation: organisation.id))
            }
        }
        warnings += try c.finish()
        try await store.update(organisation)
        return warnings
    }

    /// A registered organisation.
    public func organisation(_ id: ID<Organisation>) async throws -> Organisation? {
        try await store.fetch(Organisation.self, id: id.rawValue)
    }

    /// Every registered organisation, ordered by id.
    public func organisations() async throws -> [Organisation] { try await store.all(Organisation.self) }

    // MARK: Programmes and interventions

    /// Plans a new programme, or replaces one with the same id.
    /// - Throws: ``ValidationError``: unknown owner or partner, phase outside the period,
    ///   budget above funding, planned participants of a non-member, negative amounts.
    @discardableResult
    public func plan(_ programme: Programme) async throws -> [ValidationIssue] {
        let known = Set(try await organisations().map(\.id))
        let warnings = try programme.validate(knownOrganisations: known)
        if let existing = try await store.fetch(Programme.self, id: programme.id.rawValue) {
            var c = IssueCollector(.of(Programme.self, programme.id.rawValue))
            for s in try await sessions(ofProgramme: existing.id) where !programme.period.contains(s.date) {
                c.error("period", programme.period.description, .dateOutsidePeriod(date: s.date, period: programme.period))
            }
            _ = try c.finish()
        }
        try await store.upsert(programme)
        return warnings
    }

    /// A planned programme.
    public func programme(_ id: ID<Programme>) async throws -> Programme? {
        try await store.fetch(Programme.self, id: id.rawValue)
    }

    /// Adds an intervention to its programme, or replaces one with the same id.
    /// - Throws: ``ValidationError``: unknown programme, unknown prerequisite, prerequisite of another
    ///   programme, a prerequisite cycle, non-positive duration or session count.
    @discardableResult
    public func add(_ intervention: Intervention) async throws -> [ValidationIssue] {
        let key = RecordKey.of(Intervention.self, intervention.id.rawValue)
        _ = try await require(Programme.self, intervention.programme.rawValue, for: key, field: "programme")
        // The programme's own interventions, plus any prerequisite named from elsewhere so the rule
        // can refuse it as belonging to another programme; never every intervention in the store.
        var siblings = try await interventions(of: intervention.programme).filter { $0.id != intervention.id }
        for p in Set(intervention.prerequisites) where p != intervention.id && !siblings.contains(where: { $0.id == p }) {
            if let other = try await self.intervention(p) { siblings.append(other) }
        }
        let warnings = try intervention.validate(siblings: siblings)
        try await store.upsert(intervention)
        return warnings
    }

    /// An intervention.
    public func intervention(_ id: ID<Intervention>) async throws -> Intervention? {
        try await store.fetch(Intervention.self, id: id.rawValue)
    }

    /// The interventions of a programme, ordered by id.
    public func interventions(of programme: ID<Programme>) async throws -> [Intervention] {
        try await store.all(Intervention.self, where: "programme", equals: programme.rawValue)
    }

    // MARK: Facilitators, venues and sessions

    /// Registers or replaces a facilitator.
    /// - Throws: ``ValidationError`` when the label is empty or the organisation unknown.
    public func add(_ facilitator: Facilitator) async throws {
        var c = IssueCollector(.of(Facilitator.self, facilitator.id.rawValue))
        c.requireText("label", facilitator.label)
        if let org = facilitator.organisation, try await organisation(org) == nil {
            c.error("organisation", org.rawValue, .unknownReference(.of(Organisation.self, org.rawValue)))
        }
        _ = try c.finish()
        try await store.upsert(facilitator)
    }

    /// Registers or replaces a venue.
    /// - Throws: ``ValidationError`` when the name is empty.
    public func add(_ venue: Venue) async throws {
        var c = IssueCollector(.of(Venue.self, venue.id.rawValue))
        c.requireText("name", venue.name)
        _ = try c.finish()
        try await store.upsert(venue)
    }

    /// Schedules a session, or replaces one with the same id.
    /// - Throws: ``ValidationError``: unknown intervention, venue or facilitator; a date outside
    ///   the programme's period; non-positive duration or capacity.
    @discardableResult
    public func schedule(_ session: Session) async throws -> [ValidationIssue] {
        try await schedule([session])
    }

    /// Schedules many sessions in one atomic write.
    /// - Throws: ``ValidationError`` for the first session that fails; nothing is written then.
    @discardableResult
    public func schedule(_ sessions: [Session]) async throws -> [ValidationIssue] {
        var warnings: [ValidationIssue] = []
        var batch = WriteBatch()
        var programmes: [ID<Intervention>: Programme] = [:]
        for session in sessions {
            let key = RecordKey.of(Session.self, session.id.rawValue)
            let programme: Programme
            if let p = programmes[session.intervention] { programme = p } else {
                let intervention = try await require(Intervention.self, session.intervention.rawValue, for: key, field: "intervention")
                programme = try await require(Programme.self, intervention.programme.rawValue, for: key, field: "intervention")
                programmes[session.intervention] = programme
            }
            if let venue = session.venue {
                _ = try await require(Venue.self, venue.rawValue, for: key, field: "venue")
            }
            for f in session.facilitators {
                _ = try await require(Facilitator.self, f.rawValue, for: key, field: "facilitators")
            }
            warnings += try session.validate(programme: programme)
            try batch.upsert(session)
        }
        try await store.write(batch)
        return warnings
    }

    /// The sessions of an intervention, ordered by id.
    public func sessions(of intervention: ID<Intervention>) async throws -> [Session] {
        try await store.all(Session.self, where: "intervention", equals: intervention.rawValue)
    }

    /// The sessions of every intervention of a programme.
    public func sessions(ofProgramme programme: ID<Programme>) async throws -> [Session] {
        let ids = Set(try await interventions(of: programme).map(\.id.rawValue))
        guard !ids.isEmpty else { return [] }
        return try await store.all(Session.self, where: [.init(key: "intervention", match: .oneOf(ids))])
    }
}
