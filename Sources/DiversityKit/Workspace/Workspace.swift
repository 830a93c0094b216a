import Foundation

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
    /// The modules that take part in erasure besides the core (SurveyModule, ProgrammeToolkit, an
    /// embedder's own), in the order given.
    public private(set) var dataOwners: [any ParticipantDataOwner]

    /// Creates a workspace over `store`.
    /// - Parameters:
    ///   - store: where records live.
    ///   - ids: how new identifiers are made; pass a ``SequentialIDGenerator`` for repeatable runs.
    ///   - dataOwners: the modules whose records name participants, so that ``erase(_:identifyingTexts:)``
    ///     erases them too (the core's own records are always covered).
    public init(store: any Store, ids: any IDGenerator = RandomIDGenerator(), dataOwners: [any ParticipantDataOwner] = []) {
        self.store = store
        self.ids = ids
        self.dataOwners = dataOwners
    }

    /// Adds a module's part in erasure; an owner with the same ``ParticipantDataOwner/name`` is replaced.
    public func register(dataOwner: any ParticipantDataOwner) {
        dataOwners.removeAll { $0.name == dataOwner.name }
        dataOwners.append(dataOwner)
    }

    func newID<T>(_: T.Type, _ type: String) -> ID<T> { ID(ids.next(for: type)) }

    func require<R: StoredRecord>(_: R.Type, _ id: String, for entity: RecordKey, field: String) async throws -> R {
        guard let record = try await store.fetch(R.self, id: id) else { throw Self.unknownReference(R.self, id, for: entity, field: field) }
        return record
    }

    func requireVersioned<R: StoredRecord>(_: R.Type, _ id: String, for entity: RecordKey, field: String) async throws -> Versioned<R> {
        guard let record = try await store.fetchVersioned(R.self, id: id) else { throw Self.unknownReference(R.self, id, for: entity, field: field) }
        return record
    }

    /// The refusal of `entity` whose `field` names record `id` of type `R`, which does not exist.
    static func unknownReference<R: StoredRecord>(_: R.Type, _ id: String, for entity: RecordKey, field: String) -> ValidationError {
        ValidationError(issues: [ValidationIssue(.error, entity, field: field, value: id, .unknownReference(.of(R.self, id)))])
    }

    /// Writes a batch whose guard inserts may meet a concurrent writer's: such a duplicate means another
    /// write won the race, so it is reported as a conflict and the command runs again (and then refuses
    /// with the validation error the winner's record causes).
    func writeGuarded(_ batch: WriteBatch) async throws {
        do { try await store.write(batch) } catch StoreError.duplicate(let key)
            where key.type == GuardRecord.recordType || key.type == SessionLoad.recordType {
            throw StoreError.conflict(key)
        }
    }

    /// Refuses an empty or blank identifier (every entity's id must name it).
    static func requireIdentifier(_ id: String, of entity: RecordKey) throws {
        guard !id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError(issues: [ValidationIssue(.error, entity, field: "id", value: id, .empty)])
        }
    }

    // MARK: Organisations

    /// Registers a new organisation.
    /// - Throws: ``ValidationError`` (empty name, duplicate or dangling units, unit cycles),
    ///   ``StoreError/duplicate(_:)`` when the id is taken.
    @discardableResult
    public func register(_ organisation: Organisation) async throws -> [ValidationIssue] {
        try Self.requireIdentifier(organisation.id.rawValue, of: .of(Organisation.self, organisation.id.rawValue))
        for unit in organisation.units { try Self.requireIdentifier(unit.id.rawValue, of: .of(Organisation.self, organisation.id.rawValue)) }
        let warnings = try organisation.validate()
        try await store.insert(organisation)
        return warnings
    }

    /// Replaces a registered organisation (e.g. new units).
    /// - Throws: ``ValidationError``; ``StoreError/notFound(_:)``; a removed unit still used by a participant
    ///   is refused with ``ValidationProblem/unitOfAnotherOrganisation(unit:organisation:)``.
    @discardableResult
    public func update(_ organisation: Organisation) async throws -> [ValidationIssue] {
        for unit in organisation.units { try Self.requireIdentifier(unit.id.rawValue, of: .of(Organisation.self, organisation.id.rawValue)) }
        return try await withConflictRetry {
            var warnings = try organisation.validate()
            guard let existing = try await store.fetchVersioned(Organisation.self, id: organisation.id.rawValue) else {
                throw StoreError.notFound(.of(Organisation.self, organisation.id.rawValue))
            }
            var c = IssueCollector(.of(Organisation.self, organisation.id.rawValue))
            var batch = WriteBatch()
            for p in try await store.allVersioned(Participant.self, where: [.init(key: "organisation", match: .equals(organisation.id.rawValue))]) {
                if let u = p.record.unit, organisation.unit(u) == nil {
                    c.error("units", u.rawValue, .unitOfAnotherOrganisation(unit: u, organisation: organisation.id))
                }
                batch.expectUnchanged(p)
            }
            warnings += try c.finish()
            try batch.update(organisation, ifRevision: existing.revision)
            try await store.write(batch)
            return warnings
        }
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
        let key = RecordKey.of(Programme.self, programme.id.rawValue)
        try Self.requireIdentifier(programme.id.rawValue, of: key)
        return try await withConflictRetry {
            let known = Set(try await organisations().map(\.id))
            let warnings = try programme.validate(knownOrganisations: known)
            var batch = WriteBatch()
            for org in Set([programme.owner] + programme.partners) { batch.expect(.of(Organisation.self, org.rawValue), .present) }
            let existing = try await store.fetchVersioned(Programme.self, id: programme.id.rawValue)
            if let existing {
                // Every session written under the programme moves its revision (scheduling touches it),
                // so a session scheduled meanwhile makes this write conflict and re-read.
                var c = IssueCollector(key)
                for s in try await sessions(ofProgramme: existing.record.id) where !programme.period.contains(s.date) {
                    c.error("period", programme.period.description, .dateOutsidePeriod(date: s.date, period: programme.period))
                }
                _ = try c.finish()
            }
            try batch.replace(programme, existing: existing)
            try await store.write(batch)
            return warnings
        }
    }

    /// A planned programme.
    public func programme(_ id: ID<Programme>) async throws -> Programme? {
        try await store.fetch(Programme.self, id: id.rawValue)
    }

    /// Adds an intervention to its programme, or replaces one with the same id.
    ///
    /// Safe under concurrency: the write moves the programme's revision and is conditional on the
    /// intervention as read, so two writers that each validate against the other's change (a prerequisite
    /// cycle, a move while a session is scheduled) cannot both succeed; the loser re-reads and is refused.
    /// - Throws: ``ValidationError``: unknown programme, unknown prerequisite, prerequisite of another
    ///   programme, a prerequisite cycle, non-positive duration or session count; when it moves to another
    ///   programme, ``ValidationProblem/dateOutsidePeriod(date:period:)`` for a session outside the new
    ///   period and ``ValidationProblem/interventionOfAnotherProgramme(_:)`` naming an intervention of
    ///   the old programme that requires it.
    @discardableResult
    public func add(_ intervention: Intervention) async throws -> [ValidationIssue] {
        try await save(intervention, mustExist: false)
    }

    /// Read → validate → conditional write of one intervention, retried on conflict: the one path of
    /// ``add(_:)-(Intervention)`` and ``update(_:)-(Intervention)``. With `mustExist`, an id that does not
    /// exist when the write commits is refused as ``StoreError/notFound(_:)``.
    func save(_ intervention: Intervention, mustExist: Bool) async throws -> [ValidationIssue] {
        let key = RecordKey.of(Intervention.self, intervention.id.rawValue)
        try Self.requireIdentifier(intervention.id.rawValue, of: key)
        return try await withConflictRetry {
            let existing = try await store.fetchVersioned(Intervention.self, id: intervention.id.rawValue)
            if mustExist, existing == nil { throw StoreError.notFound(key) }
            let programme = try await requireVersioned(Programme.self, intervention.programme.rawValue, for: key, field: "programme")
            // The programme's own interventions, plus any prerequisite named from elsewhere so the rule
            // can refuse it as belonging to another programme; never every intervention in the store.
            var siblings = try await interventions(of: intervention.programme).filter { $0.id != intervention.id }
            for p in Set(intervention.prerequisites) where p != intervention.id && !siblings.contains(where: { $0.id == p }) {
                if let other = try await self.intervention(p) { siblings.append(other) }
            }
            let warnings = try intervention.validate(siblings: siblings)
            var batch = WriteBatch()
            // Every change to a programme's interventions or sessions moves the programme's revision, so
            // writers validating against the same programme (its siblings, its sessions) conflict.
            try batch.touch(programme)
            if let existing, existing.record.programme != intervention.programme {
                // Moving an intervention moves its sessions: they must fit the new programme's period. A
                // session scheduled meanwhile touches the intervention, so the write below conflicts.
                var c = IssueCollector(key)
                for s in try await store.allVersioned(Session.self, where: [.init(key: "intervention", match: .equals(intervention.id.rawValue))]) {
                    if !programme.record.period.contains(s.record.date) {
                        c.error("programme", intervention.programme.rawValue,
                                .dateOutsidePeriod(date: s.record.date, period: programme.record.period))
                    }
                    batch.expectUnchanged(s)
                }
                // Nothing left behind may require it: a prerequisite must be of the same programme.
                if let old = try await store.fetchVersioned(Programme.self, id: existing.record.programme.rawValue) {
                    for dependant in try await interventions(of: old.record.id)
                    where dependant.id != intervention.id && dependant.prerequisites.contains(intervention.id) {
                        c.error("programme", intervention.programme.rawValue, .interventionOfAnotherProgramme(dependant.id))
                    }
                    try batch.touch(old)
                }
                _ = try c.finish()
            }
            try batch.replace(intervention, existing: existing)
            try await store.write(batch)
            return warnings
        }
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
        try Self.requireIdentifier(facilitator.id.rawValue, of: .of(Facilitator.self, facilitator.id.rawValue))
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
        try Self.requireIdentifier(venue.id.rawValue, of: .of(Venue.self, venue.id.rawValue))
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
    ///
    /// Safe under concurrency: the write moves the revision of each session's intervention and programme
    /// (so a concurrent move of the intervention or change of the programme's period conflicts and
    /// re-reads) and is conditional on every session it replaces and on its attendance counter.
    ///
    /// Replacing a session may not cut its capacity below the number already attending, nor move it to
    /// another intervention once attendance is recorded; the same id twice in one call is refused.
    /// - Throws: ``ValidationError`` for the first session that fails; nothing is written then.
    @discardableResult
    public func schedule(_ sessions: [Session]) async throws -> [ValidationIssue] {
        var seen: Set<ID<Session>> = []
        for session in sessions {
            let key = RecordKey.of(Session.self, session.id.rawValue)
            try Self.requireIdentifier(session.id.rawValue, of: key)
            guard seen.insert(session.id).inserted else {
                throw ValidationError(issues: [ValidationIssue(.error, key, field: "id", value: session.id.rawValue,
                                                               .duplicateIdentifier(session.id.rawValue))])
            }
        }
        return try await withConflictRetry { try await scheduleOnce(sessions) }
    }

    private func scheduleOnce(_ sessions: [Session]) async throws -> [ValidationIssue] {
        var warnings: [ValidationIssue] = []
        var batch = WriteBatch()
        var programmes: [ID<Intervention>: Programme] = [:]
        var checked: Set<RecordKey> = []
        // A session validates against its intervention and programme, and both validate against their
        // sessions (a move, a shorter period): touching them makes either concurrent writer conflict.
        func touch<R: StoredRecord>(_ v: Versioned<R>) throws {
            if checked.insert(.of(R.self, v.record.recordID)).inserted { try batch.touch(v) }
        }
        for session in sessions {
            let key = RecordKey.of(Session.self, session.id.rawValue)
            let programme: Programme
            if let p = programmes[session.intervention] { programme = p } else {
                let intervention = try await requireVersioned(Intervention.self, session.intervention.rawValue, for: key, field: "intervention")
                let p = try await requireVersioned(Programme.self, intervention.record.programme.rawValue, for: key, field: "intervention")
                try touch(intervention)
                try touch(p)
                programme = p.record
                programmes[session.intervention] = programme
            }
            if let venue = session.venue {
                _ = try await require(Venue.self, venue.rawValue, for: key, field: "venue")
            }
            for f in session.facilitators {
                _ = try await require(Facilitator.self, f.rawValue, for: key, field: "facilitators")
            }
            warnings += try session.validate(programme: programme)
            let existing = try await store.fetchVersioned(Session.self, id: session.id.rawValue)
            if let existing {
                let records = try await store.all(Attendance.self, where: "session", equals: session.id.rawValue)
                let load = try await store.fetchVersioned(SessionLoad.self, id: session.id.rawValue)
                let attending = load?.record.attended ?? records.filter { $0.status == .attended }.count
                // Every attendance change moves the load counter, so this check covers concurrent attendance.
                if let load { batch.expectUnchanged(load) } else { batch.expect(.of(SessionLoad.self, session.id.rawValue), .absent) }
                var c = IssueCollector(key)
                if let cap = session.capacity, cap < attending {
                    c.error("capacity", String(cap), .capacityBelowAttendance(capacity: cap, attending: attending))
                }
                if existing.record.intervention != session.intervention, !records.isEmpty {
                    c.error("intervention", session.intervention.rawValue, .attendanceAlreadyRecorded)
                }
                _ = try c.finish()
            }
            try batch.replace(session, existing: existing)
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
