extension Workspace {
    // MARK: Participants

    /// Registers or replaces participants in one atomic write.
    ///
    /// Safe under concurrency: the write moves the revision of each participant's organisation, so a
    /// concurrent ``update(_:)-(Organisation)`` that removes a unit conflicts and re-reads (and refuses while
    /// a participant is in the unit), and a registration that read the old units re-reads and is refused.
    /// - Throws: ``ValidationError``: unknown organisation, a unit of another organisation.
    @discardableResult
    public func register(_ participants: [Participant]) async throws -> [ValidationIssue] {
        try await withConflictRetry { try await registerOnce(participants) }
    }

    private func registerOnce(_ participants: [Participant]) async throws -> [ValidationIssue] {
        var orgs: [ID<Organisation>: Versioned<Organisation>?] = [:]
        var warnings: [ValidationIssue] = []
        var batch = WriteBatch()
        var seen: Set<ID<Participant>> = []
        for p in participants {
            try Self.requireIdentifier(p.id.rawValue, of: .of(Participant.self, p.id.rawValue))
            if orgs[p.organisation] == nil {
                let org = try await store.fetchVersioned(Organisation.self, id: p.organisation.rawValue)
                orgs[p.organisation] = .some(org)
                if let org { try batch.touch(org) }
            }
            warnings += try p.validate(organisation: orgs[p.organisation]!?.record)
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
    ///
    /// Safe under concurrency: the write inserts a guard per (participant, intervention) and per
    /// (participant, elective group), and is conditional on the participants it read, so two
    /// concurrent enrolments — from tasks, processes or servers — can never both succeed.
    @discardableResult
    public func enrol(_ pairs: [(ID<Participant>, ID<Intervention>)], on date: CalendarDate? = nil) async throws -> [ValidationIssue] {
        let pairs = pairs.map { (participant: $0.0, intervention: $0.1) }
        return try await withConflictRetry { try await enrolOnce(pairs, on: date) }
    }

    private func enrolOnce(_ pairs: [(participant: ID<Participant>, intervention: ID<Intervention>)],
                           on date: CalendarDate?) async throws -> [ValidationIssue] {
        var warnings: [ValidationIssue] = []
        var batch = WriteBatch()
        var interventionCache: [ID<Intervention>: Intervention] = [:]
        var enrolledNow: [ID<Participant>: [Intervention]] = [:]
        var touched: Set<ID<Participant>> = []
        // Every participant and their enrolments read up front in two calls, not two per pair.
        let people = try await store.fetchVersioned(Participant.self, ids: pairs.map(\.participant.rawValue))
        let existingEnrolments = try await enrolments(ofEach: pairs.map(\.participant))
        for (index, (pid, iid)) in pairs.enumerated() {
            let key = RecordKey.of(Enrolment.self, "\(pid)→\(iid)")
            guard let p = people[index] else { throw Self.unknownReference(Participant.self, pid.rawValue, for: key, field: "participant") }
            let i: Intervention
            if let cached = interventionCache[iid] { i = cached } else {
                i = try await require(Intervention.self, iid.rawValue, for: key, field: "intervention")
                interventionCache[iid] = i
            }
            var c = IssueCollector(key)
            let existing = existingEnrolments[Array(pid.rawValue.utf8)] ?? []
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
            if !i.targetRoles.isEmpty && !i.targetRoles.contains(p.record.role) {
                c.warning("role", p.record.role.rawValue, .roleNotTargeted(p.record.role))
            }
            warnings += try c.finish()
            enrolledNow[pid, default: []].append(i)
            // The participant's revision moves with every write about them, so an erasure that read
            // them before this write conflicts instead of missing the new records.
            if touched.insert(pid).inserted { try batch.update(p.record, ifRevision: p.revision) }
            try batch.insert(GuardRecord.enrolment(pid, iid))
            if let group = i.electiveGroup {
                try batch.insert(GuardRecord.elective(pid, programme: i.programme, group: group, chosen: iid))
            }
            try batch.insert(Enrolment(id: newID(Enrolment.self, Enrolment.recordType), participant: pid,
                                       intervention: iid, organisation: p.record.organisation, date: date))
        }
        try await writeGuarded(batch)
        return warnings
    }

    /// A participant's enrolments.
    public func enrolments(of participant: ID<Participant>) async throws -> [Enrolment] {
        try await store.all(Enrolment.self, where: "participant", equals: participant.rawValue)
    }

    /// The enrolments of many participants, keyed by the UTF-8 bytes of the participant id (so NFC and
    /// NFD twins stay apart, as the store keeps them): one query per 500 participants.
    func enrolments(ofEach participants: [ID<Participant>]) async throws -> [[UInt8]: [Enrolment]] {
        var result: [[UInt8]: [Enrolment]] = [:]
        for chunk in Self.oneOfChunks(participants.map(\.rawValue)) {
            for e in try await store.all(Enrolment.self, where: [.init(key: "participant", match: .oneOf(chunk))]) {
                result[Array(e.participant.rawValue.utf8), default: []].append(e)
            }
        }
        return result
    }

    /// `ids` without byte-equal repeats, in sets of at most `size` for `.oneOf` filters. A `Set<String>`
    /// holds canonically equivalent strings once, so an NFC id and its NFD twin go into different sets
    /// (and so into different queries), each matched by its own bytes.
    static func oneOfChunks(_ ids: [String], size: Int = 500) -> [Set<String>] {
        var seen: Set<[UInt8]> = []
        var chunks: [Set<String>] = []
        for id in ids where seen.insert(Array(id.utf8)).inserted {
            if let last = chunks.indices.last, chunks[last].count < size, !chunks[last].contains(id) {
                chunks[last].insert(id)
            } else if let i = chunks.firstIndex(where: { $0.count < size && !$0.contains(id) }) {
                chunks[i].insert(id)   // a twin of an id in the last set, or the last set is full
            } else {
                chunks.append([id])
            }
        }
        return chunks
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
    ///
    /// Safe under concurrency: capacity is enforced on a per-session counter updated by
    /// compare-and-swap in the same batch, a guard keeps one record per participant and session, and
    /// the write is conditional on the sessions and participants it read.
    @discardableResult
    public func recordAttendance(_ entries: [AttendanceEntry]) async throws -> [ValidationIssue] {
        try await withConflictRetry { try await recordAttendanceOnce(entries) }
    }

    private func recordAttendanceOnce(_ entries: [AttendanceEntry]) async throws -> [ValidationIssue] {
        var batch = WriteBatch()
        var sessions: [ID<Session>: (session: Versioned<Session>, records: [Versioned<Attendance>], load: Versioned<SessionLoad>?, attended: Int)] = [:]
        var enrolledCache: [ID<Participant>: Set<ID<Intervention>>] = [:]
        var participants: [ID<Participant>: Versioned<Participant>] = [:]
        var inserted: [RecordKey: Attendance] = [:]
        // Everything the entries refer to is read up front, a few calls in all rather than several per entry.
        let people = try await store.fetchVersioned(Participant.self, ids: entries.map(\.participant.rawValue))
        let sessionRecords = try await store.fetchVersioned(Session.self, ids: entries.map(\.session.rawValue))
        var seenSessions: Set<[UInt8]> = []
        let knownSessions = sessionRecords.compactMap { $0?.record.id }.filter { seenSessions.insert(Array($0.rawValue.utf8)).inserted }
        var records: [[UInt8]: [Versioned<Attendance>]] = [:]
        for chunk in Self.oneOfChunks(knownSessions.map(\.rawValue)) {
            for a in try await store.allVersioned(Attendance.self, where: [.init(key: "session", match: .oneOf(chunk))]) {
                records[Array(a.record.session.rawValue.utf8), default: []].append(a)
            }
        }
        var loads: [[UInt8]: Versioned<SessionLoad>] = [:]
        for load in try await store.fetchVersioned(SessionLoad.self, ids: knownSessions.map(\.rawValue)) {
            if let load { loads[Array(load.record.session.rawValue.utf8)] = load }
        }
        let enrolled = try await enrolments(ofEach: people.compactMap { $0?.record.id })
        for (index, entry) in entries.enumerated() {
            let key = RecordKey.of(Attendance.self, "\(entry.participant)@\(entry.session)")
            if participants[entry.participant] == nil {
                guard let found = people[index] else { throw Self.unknownReference(Participant.self, entry.participant.rawValue, for: key, field: "participant") }
                participants[entry.participant] = found
            }
            let p = participants[entry.participant]!.record
            if sessions[entry.session] == nil {
                guard let s = sessionRecords[index] else { throw Self.unknownReference(Session.self, entry.session.rawValue, for: key, field: "session") }
                let bytes = Array(s.record.id.rawValue.utf8)
                let held = records[bytes] ?? []
                let load = loads[bytes]
                let attended = load?.record.attended ?? held.filter { $0.record.status == .attended }.count
                sessions[entry.session] = (s, held, load, attended)
            }
            var state = sessions[entry.session]!
            let session = state.session.record
            if enrolledCache[p.id] == nil { enrolledCache[p.id] = Set((enrolled[Array(p.id.rawValue.utf8)] ?? []).map(\.intervention)) }
            var c = IssueCollector(key)
            if !enrolledCache[p.id]!.contains(session.intervention) { c.error("participant", p.id.rawValue, .notEnrolled) }
            let existingIndex = state.records.firstIndex { $0.record.participant == p.id }
            let wasAttending = existingIndex.map { state.records[$0].record.status == .attended } ?? false
            let othersAttending = state.attended - (wasAttending ? 1 : 0)
            if let cap = session.capacity, entry.status == .attended, othersAttending >= cap {
                c.error("session", session.id.rawValue, .capacityExceeded(capacity: cap))
            }
            _ = try c.finish()
            state.attended = othersAttending + (entry.status == .attended ? 1 : 0)
            if let idx = existingIndex {
                var record = state.records[idx]
                record.record.status = entry.status
                let rkey = RecordKey.of(Attendance.self, record.record.id.rawValue)
                if inserted[rkey] != nil {
                    inserted[rkey] = record.record
                } else {
                    batch.expect(rkey, .revision(record.revision))
                    batch.operations.append(.update(try record.record.envelope()))
                    record.revision += 1
                }
                state.records[idx] = record
            } else {
                let record = Attendance(id: newID(Attendance.self, Attendance.recordType), session: session.id,
                                        intervention: session.intervention, participant: p.id,
                                        organisation: p.organisation, status: entry.status)
                inserted[.of(Attendance.self, record.id.rawValue)] = record
                try batch.insert(GuardRecord.attendance(p.id, session.id))
                state.records.append(Versioned(record, revision: 0))
            }
            sessions[entry.session] = state
        }
        for record in inserted.values.sorted(by: { $0.id.rawValue < $1.id.rawValue }) { try batch.insert(record) }
        for (_, state) in sessions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            batch.expectUnchanged(state.session)
            let load = SessionLoad(session: state.session.record.id, attended: state.attended)
            if let old = state.load { try batch.update(load, ifRevision: old.revision) } else {
                batch.expect(.of(SessionLoad.self, load.session.rawValue), .absent)
                try batch.insert(load)
            }
        }
        for (_, p) in participants.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { try batch.update(p.record, ifRevision: p.revision) }
        try await writeGuarded(batch)
        return []
    }

    /// The attendance records of an intervention.
    public func attendance(of intervention: ID<Intervention>) async throws -> [Attendance] {
        try await store.all(Attendance.self, where: "intervention", equals: intervention.rawValue)
    }

    // MARK: Erasure

    /// Erases a participant (radering): every registered ``ParticipantDataOwner`` — the core's own first
    /// (participant, enrolments, guards; attendance kept under a random stand-in `erased-<uuid>` so
    /// participation still counts them once; ratings made anonymous, their comments removed when they
    /// identify the participant) — contributes its operations, and all of them are written in one
    /// atomic, conditional batch, retried if a concurrent write touched what it read. Then the store
    /// reclaims the space, so no byte of the erased data remains in its files (``Store/reclaimSpace()``).
    ///
    /// The two halves are reported apart. When this returns, the logical erasure **has committed**;
    /// the receipt's ``ErasureReceipt/physical`` says whether the space was reclaimed too, or why not
    /// (``PhysicalErasure/pending(reason:)``: typically a PostgreSQL role that does not own the tables
    /// and so may not `VACUUM` them). A failed reclaim never turns a committed erasure into a thrown error.
    ///
    /// Running it again is safe. A participant whose record is already gone is still looked for in
    /// every owner's records (an owner registered after the first run, a comment that names them), and
    /// whatever still names them is erased; when nothing does, the call throws
    /// ``StoreError/notFound(_:)`` and writes nothing — for a participant who was erased, that means the
    /// erasure is complete.
    /// - Parameters:
    ///   - participant: who to erase.
    ///   - identifyingTexts: texts that identify the participant (name, e-mail): free text
    ///     containing any of them is removed too.
    /// - Returns: the receipt: what was written, and whether the space was reclaimed.
    /// - Throws: ``StoreError/notFound(_:)`` when no record names the participant (none was ever
    ///   registered, or the erasure is already complete); the store's errors when the batch could not
    ///   be written (then nothing was erased).
    @discardableResult
    public func erase(_ participant: ID<Participant>, identifyingTexts: [String] = []) async throws -> ErasureReceipt {
        // Random, not from the injected generator: a sequential stand-in could hint at the order of erasures.
        let request = ErasureRequest(participant: participant, standIn: ID("erased-" + ID<Participant>.random().rawValue),
                                     identifyingTexts: identifyingTexts)
        let owners: [any ParticipantDataOwner] = [CoreParticipantData()] + dataOwners
        let operations = try await withConflictRetry {
            var batch = WriteBatch()
            for owner in owners { batch.append(contentsOf: try await owner.erasure(for: request, in: store)) }
            let writes = batch.operations.filter { if case .check = $0 { false } else { true } }.count
            guard writes > 0 else { throw StoreError.notFound(.of(Participant.self, participant.rawValue)) }
            try await store.write(batch)
            return writes
        }
        do {
            try await store.reclaimSpace()
            return ErasureReceipt(participant: participant, operations: operations, physical: .reclaimed)
        } catch {
            // The erasure has committed: say so, and why the files may still hold its bytes.
            return ErasureReceipt(participant: participant, operations: operations, physical: .pending(reason: "\(error)"))
        }
    }
}

/// The core's part in erasure: the participant record, enrolments, guards, attendance and ratings.
struct CoreParticipantData: ParticipantDataOwner {
    let name = "core"

    func erasure(for request: ErasureRequest, in store: any Store) async throws -> WriteBatch {
        let pid = request.participant.rawValue
        var batch = WriteBatch()
        let byParticipant: [RecordQuery.Filter] = [.init(key: "participant", match: .equals(pid))]
        if let p = try await store.fetchVersioned(Participant.self, id: pid) {
            batch.delete(Participant.self, id: pid, ifRevision: p.revision)
        }
        for e in try await store.allVersioned(Enrolment.self, where: byParticipant) {
            batch.delete(Enrolment.self, id: e.record.id.rawValue, ifRevision: e.revision)
        }
        for g in try await store.allVersioned(GuardRecord.self, where: byParticipant) {
            batch.delete(GuardRecord.self, id: g.record.id, ifRevision: g.revision)
        }
        for var a in try await store.allVersioned(Attendance.self, where: byParticipant) {
            a.record.participant = request.standIn
            try batch.update(a.record, ifRevision: a.revision)
        }
        for var r in try await store.allVersioned(Rating.self, where: byParticipant) {
            r.record.rater = .anonymous
            if let comment = r.record.comment, request.identifies(comment) { r.record.comment = nil }
            try batch.update(r.record, ifRevision: r.revision)
        }
        // Anonymous ratings keep no link, but a comment may still name the participant.
        if !request.identifyingTexts.isEmpty {
            var named: [Versioned<Rating>] = []
            for e in try await store.query(RecordQuery(type: Rating.recordType, requiredIndexVersion: Rating.indexVersion)) {
                let r = try e.decode(Rating.self)
                if r.rater == .anonymous, let comment = r.comment, request.identifies(comment) { named.append(Versioned(r, revision: e.revision)) }
            }
            for var r in named {
                r.record.comment = nil
                try batch.update(r.record, ifRevision: r.revision)
            }
        }
        return batch
    }
}
