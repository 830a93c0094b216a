extension Workspace {
    // MARK: Participants

    /// Registers or replaces participants in one atomic write.
    /// - Throws: ``ValidationError``: unknown organisation, a unit of another organisation.
    @discardableResult
    public func register(_ participants: [Participant]) async throws -> [ValidationIssue] {
        var orgs: [ID<Organisation>: Organisation?] = [:]
        var warnings: [ValidationIssue] = []
        var batch = WriteBatch()
        var seen: Set<ID<Participant>> = []
        for p in participants {
            if orgs[p.organisation] == nil { orgs[p.organisation] = .some(try await organisation(p.organisation)) }
            warnings += try p.validate(organisation: orgs[p.organisation]!)
            guard seen.insert(p.id).inserted else {
                throw ValidationError(issues: [ValidationIssue(.error, .of(Participant.self, p.id.rawValue), field: "id",
                                                               value: p.id.rawValue, .duplicateIdentifier(p.id.rawValue))])
            }
            try batch.upsert(p)
        }
        try await store.write(batch)
        return warnings
    }

    /// Registers or replaces one participant.
    @discardableResult
    public func register(_ participant: Participant) async throws -> [ValidationIssue] {
        try await register([participant])
    }

    /// A participant.
    public func participant(_ id: ID<Participant>) async throws -> Participant? {
        try await store.fetch(Participant.self, id: id.rawValue)
    }

    /// The participants of an organisation, ordered by id.
    public func participants(of organisation: ID<Organisation>) async throws -> [Participant] {
        try await store.all(Participant.self, where: "organisation", equals: organisation.rawValue)
    }

    // MARK: Enrolment and completion

    /// Enrols a participant in an intervention, enforcing its prerequisites and elective group.
    /// - Throws: ``ValidationError``: unknown participant or intervention,
    ///   ``ValidationProblem/prerequisitesNotCompleted(_:)``, ``ValidationProblem/alreadyEnrolled``,
    ///   ``ValidationProblem/electiveAlreadyChosen(group:chosen:)``.
    /// - Returns: warnings, e.g. ``ValidationProblem/roleNotTargeted(_:)``.
    @discardableResult
    public func enrol(_ participant: ID<Participant>, in intervention: ID<Intervention>,
                      on date: CalendarDate? = nil) async throws -> [ValidationIssue] {
        try await enrol([(participant, intervention)], on: date)
    }

    /// Enrols many (participant, intervention) pairs in one atomic write; any refusal writes nothing.
    @discardableResult
    public func enrol(_ pairs: [(ID<Participant>, ID<Intervention>)], on date: CalendarDate? = nil) async throws -> [ValidationIssue] {
        var warnings: [ValidationIssue] = []
        var batch = WriteBatch()
        var interventionCache: [ID<Intervention>: Intervention] = [:]
        var enrolledNow: [ID<Participant>: [Intervention]] = [:]
        for (pid, iid) in pairs {
            let key = RecordKey.of(Enrolment.self, "\(pid)→\(iid)")
            let p = try await require(Participant.self, pid.rawValue, for: key, field: "participant")
            let i: Intervention
            if let cached = interventionCache[iid] { i = cached } else {
                i = try await require(Intervention.self, iid.rawValue, for: key, field: "intervention")
                interventionCache[iid] = i
            }
            var c = IssueCollector(key)
            let existing = try await enrolments(of: pid)
            var enrolledIn: [Intervention] = enrolledNow[pid] ?? []
            for e in existing {
                if let cached = interventionCache[e.intervention] { enrolledIn.append(cached) } else if let other = try await intervention(e.intervention) {
                    interventionCache[e.intervention] = other
                    enrolledIn.append(other)
                }
            }
            if enrolledIn.contains(where: { $0.id == iid }) { c.error("intervention", iid.rawValue, .alreadyEnrolled) }
            if let group = i.electiveGroup,
               let chosen = enrolledIn.first(where: { $0.electiveGroup == group && $0.programme == i.programme && $0.id != iid }) {
                c.error("intervention", iid.rawValue, .electiveAlreadyChosen(group: group, chosen: chosen.id))
            }
            if !i.prerequisites.isEmpty {
                let done = try await completedInterventions(of: pid)
                let missing = i.prerequisites.filter { !done.contains($0) }
                if !missing.isEmpty { c.error("prerequisites", nil, .prerequisitesNotCompleted(missing)) }
            }
            if !i.targetRoles.isEmpty && !i.targetRoles.contains(p.role) {
                c.warning("role", p.role.rawValue, .roleNotTargeted(p.role))
            }
            warnings += try c.finish()
            enrolledNow[pid, default: []].append(i)
            try batch.insert(Enrolment(id: newID(Enrolment.self, Enrolment.recordType), participant: pid,
                                       intervention: iid, organisation: p.organisation, date: date))
        }
        try await store.write(batch)
        return warnings
    }

    /// A participant's enrolments.
    public func enrolments(of participant: ID<Participant>) async throws -> [Enrolment] {
        try await store.all(Enrolment.self, where: "participant", equals: participant.rawValue)
    }

    /// The enrolments in an intervention.
    public func enrolments(in intervention: ID<Intervention>) async throws -> [Enrolment] {
        try await store.all(Enrolment.self, where: "intervention", equals: intervention.rawValue)
    }

    /// The interventions a participant has completed, by each intervention's ``CompletionRule``.
    public func completedInterventions(of participant: ID<Participant>) async throws -> Set<ID<Intervention>> {
        let records = try await store.all(Attendance.self, where: "participant", equals: participant.rawValue)
        var registered: [ID<Intervention>: Int] = [:]
        var attended: [ID<Intervention>: Int] = [:]
        for r in records {
            registered[r.intervention, default: 0] += 1
            if r.status == .attended { attended[r.intervention, default: 0] += 1 }
        }
        var done: Set<ID<Intervention>> = []
        for (iid, count) in attended {
            guard let i = try await intervention(iid) else { continue }
            if i.completion.isSatisfied(attended: count, registered: registered[iid] ?? 0) { done.insert(iid) }
        }
        return done
    }

    // MARK: Attendance

    /// One attendance to record.
    public struct AttendanceEntry: Hashable, Sendable {
        /// Who.
        public var participant: ID<Participant>
        /// Which session.
        public var session: ID<Session>
        /// The outcome.
        public var status: AttendanceStatus
        /// Creates an entry.
        public init(participant: ID<Participant>, session: ID<Session>, status: AttendanceStatus) {
            self.participant = participant
            self.session = session
            self.status = status
        }
    }

    /// Records (or corrects) whether a participant came to a session.
    /// - Throws: ``ValidationError``: unknown participant or session, ``ValidationProblem/notEnrolled``,
    ///   ``ValidationProblem/capacityExceeded(capacity:)``.
    @discardableResult
    public func recordAttendance(of participant: ID<Participant>, at session: ID<Session>,
                                 _ status: AttendanceStatus) async throws -> [ValidationIssue] {
        try await recordAttendance([AttendanceEntry(participant: participant, session: session, status: status)])
    }

    /// Records many attendances in one atomic write; any refusal writes nothing.
    @discardableResult
    public func recordAttendance(_ entries: [AttendanceEntry]) async throws -> [ValidationIssue] {
        var batch = WriteBatch()
        var sessionCache: [ID<Session>: (Session, [Attendance])] = [:]
        var enrolledCache: [ID<Participant>: Set<ID<Intervention>>] = [:]
        for entry in entries {
            let key = RecordKey.of(Attendance.self, "\(entry.participant)@\(entry.session)")
            let p = try await require(Participant.self, entry.participant.rawValue, for: key, field: "participant")
            if sessionCache[entry.session] == nil {
                let s = try await require(Session.self, entry.session.rawValue, for: key, field: "session")
                sessionCache[entry.session] = (s, try await store.all(Attendance.self, where: "session", equals: s.id.rawValue))
            }
            var (session, records) = sessionCache[entry.session]!
            if enrolledCache[p.id] == nil { enrolledCache[p.id] = Set(try await enrolments(of: p.id).map(\.intervention)) }
            var c = IssueCollector(key)
            if !enrolledCache[p.id]!.contains(session.intervention) { c.error("participant", p.id.rawValue, .notEnrolled) }
            let existingIndex = records.firstIndex { $0.participant == p.id }
            let othersAttending = records.enumerated().filter { $0.offset != existingIndex && $0.element.status == .attended }.count
            if let cap = session.capacity, entry.status == .attended, othersAttending >= cap {
                c.error("session", session.id.rawValue, .capacityExceeded(capacity: cap))
            }
            _ = try c.finish()
            if let idx = existingIndex {
                records[idx].status = entry.status
                try batch.upsert(records[idx])
            } else {
                let record = Attendance(id: newID(Attendance.self, Attendance.recordType), session: session.id,
                                        intervention: session.intervention, participant: p.id,
                                        organisation: p.organisation, status: entry.status)
                records.append(record)
                try batch.insert(record)
            }
            sessionCache[entry.session] = (session, records)
        }
        try await store.write(batch)
        return []
    }

    /// The attendance records of an intervention.
    public func attendance(of intervention: ID<Intervention>) async throws -> [Attendance] {
        try await store.all(Attendance.self, where: "intervention", equals: intervention.rawValue)
    }

    // MARK: Erasure

    /// Erases a participant: the record and enrolments are deleted, the participant's ratings become
    /// anonymous, and their attendance is kept under a random stand-in identifier (`erased-<uuid>`)
    /// that links to no one — so participation and completion still count them once — in one
    /// atomic write.
    /// - Throws: ``StoreError/notFound(_:)`` when there is no such participant.
    public func erase(_ participant: ID<Participant>) async throws {
        guard try await self.participant(participant) != nil else {
            throw StoreError.notFound(.of(Participant.self, participant.rawValue))
        }
        var batch = WriteBatch()
        batch.delete(Participant.self, id: participant.rawValue)
        for e in try await enrolments(of: participant) { batch.delete(Enrolment.self, id: e.id.rawValue) }
        // Random, not from the injected generator: a sequential stand-in could hint at the order of erasures.
        let standIn = ID<Participant>("erased-" + ID<Participant>.random().rawValue)
        for var a in try await store.all(Attendance.self, where: "participant", equals: participant.rawValue) {
            a.participant = standIn
            try batch.update(a)
        }
        for var r in try await store.all(Rating.self, where: "participant", equals: participant.rawValue) {
            r.rater = .anonymous
            try batch.update(r)
        }
        try await store.write(batch)
    }
}
