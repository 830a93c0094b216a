import DiversityKit

/// Reverse mentoring (omvänt mentorskap, Kristianstad): pools, optimal matching, meeting logs
/// and follow-up, persisted through any ``/DiversityKit/Store``.
///
/// ```swift
/// let mentoring = ProgrammeToolkit(store: store).mentoring
/// try await mentoring.register([mentorProfile, adeptProfile])
/// let result = try await mentoring.match(pool: "round-1")
/// try await mentoring.confirm(result, pool: "round-1", plannedMeetings: 6)
/// try await mentoring.log(MentoringMeeting(pair: pairID, date: day, status: .held))
/// ```
public struct MentoringService: Sendable {
    /// The store.
    public let store: any Store

    /// A service over `store`.
    public init(store: any Store) { self.store = store }

    /// Registers or replaces profiles in one atomic write.
    /// - Throws: ``ToolkitError/unknownReference(_:)`` for an unknown participant or organisation,
    ///   ``ToolkitError/missingUnit(participant:)``, ``ToolkitError/profileDoesNotMatchParticipant(_:)``,
    ///   ``ToolkitError/notPositive(entity:field:value:)`` for a capacity below 1,
    ///   ``ToolkitError/duplicateIdentifier(_:)``.
    ///
    /// Safe under concurrency: the write moves each participant's revision, so an erasure racing it
    /// conflicts and re-reads instead of missing the new profile, and a registration racing an erasure is refused.
    public func register(_ profiles: [MentoringProfile]) async throws {
        try Check.unique(profiles.map(\.recordID))
        try await withConflictRetry { try await registerOnce(profiles) }
    }

    private func registerOnce(_ profiles: [MentoringProfile]) async throws {
        var batch = WriteBatch()
        var touched: Set<ID<Participant>> = []
        for profile in profiles {
            let read = try await store.requireVersioned(Participant.self, profile.participant.rawValue)
            let person = read.record
            if touched.insert(person.id).inserted { try batch.touch(read) }
            guard let unit = person.unit else { throw ToolkitError.missingUnit(participant: person.id) }
            guard unit == profile.unit, person.organisation == profile.organisation else {
                throw ToolkitError.profileDoesNotMatchParticipant(person.id)
            }
            if let capacity = profile.capacity {
                try Check.positive(capacity, .of(MentoringProfile.self, profile.recordID), "capacity")
            }
            try batch.upsert(profile)
        }
        try await store.write(batch)
    }

    /// The profiles of a pool, ordered by record id.
    public func profiles(pool: String, side: MentoringSide) async throws -> [MentoringProfile] {
        try await store.all(MentoringProfile.self, where: [.init(key: "pool", match: .equals(pool)),
                                                          .init(key: "side", match: .equals(side.rawValue))])
    }

    /// Matches a pool's adepts to its mentors (see ``MentorMatcher``); writes nothing.
    /// - Throws: ``ToolkitError/unknownReference(_:)`` when a profile's organisation is not registered;
    ///   the errors of ``MatchingRules/validate()``.
    public func match(pool: String, rules: MatchingRules = MatchingRules()) async throws -> MatchingResult {
        let mentors = try await profiles(pool: pool, side: .mentor)
        let adepts = try await profiles(pool: pool, side: .adept)
        var organisations: [Organisation] = []
        for id in Set((mentors + adepts).map(\.organisation)).sorted() {
            organisations.append(try await store.require(Organisation.self, id.rawValue))
        }
        return try MentorMatcher.match(mentors: mentors, adepts: adepts, organisations: organisations, rules: rules)
    }

    /// Stores the pairs of a matching result, all or none.
    /// - Throws: ``ToolkitError/notPositive(entity:field:value:)`` when `plannedMeetings` < 1;
    ///   ``/DiversityKit/StoreError/duplicate(_:)`` when a pair was already confirmed.
    @discardableResult
    public func confirm(_ result: MatchingResult, pool: String, plannedMeetings: Int) async throws -> [MentoringPair] {
        try Check.positive(plannedMeetings, RecordKey(type: MentoringPair.recordType, id: pool), "plannedMeetings")
        let pairs = result.pairs.map {
            MentoringPair(pool: pool, mentor: $0.mentor, adept: $0.adept, score: $0.score,
                          components: $0.components, plannedMeetings: plannedMeetings)
        }
        var batch = WriteBatch()
        for pair in pairs { try batch.insert(pair) }
        try await store.write(batch)
        return pairs
    }

    /// The confirmed pairs of a pool, ordered by id.
    public func pairs(pool: String) async throws -> [MentoringPair] {
        try await store.all(MentoringPair.self, where: "pool", equals: pool)
    }

    /// Adds or replaces a meeting in a pair's log (one entry per pair and day).
    /// - Throws: ``ToolkitError/unknownReference(_:)`` for an unknown pair,
    ///   ``ToolkitError/notPositive(entity:field:value:)`` for a non-positive duration.
    ///
    /// The write moves the pair's revision, so an erasure that re-keys the pair conflicts and moves this
    /// meeting with it; a meeting logged on a pair erased meanwhile is refused.
    public func log(_ meeting: MentoringMeeting) async throws {
        if let minutes = meeting.durationMinutes {
            try Check.positive(minutes, .of(MentoringMeeting.self, meeting.recordID), "durationMinutes")
        }
        try await withConflictRetry {
            let pair = try await store.requireVersioned(MentoringPair.self, meeting.pair.rawValue)
            var batch = WriteBatch()
            try batch.touch(pair)
            try batch.upsert(meeting)
            try await store.write(batch)
        }
    }

    /// A pair's meeting log, oldest first.
    public func meetings(of pair: ID<MentoringPair>) async throws -> [MentoringMeeting] {
        try await store.all(MentoringMeeting.self, where: "pair", equals: pair.rawValue).sorted { $0.date < $1.date }
    }

    /// Follow-up of every pair in a pool on `date`: meetings held against planned, and which pairs
    /// held no meeting in the `lookBackDays` before `date` (they need a coordinator's call).
    public func followUp(pool: String, on date: CalendarDate, lookBackDays: Int = 42) async throws -> [PairFollowUp] {
        var result: [PairFollowUp] = []
        for pair in try await pairs(pool: pool) {
            let log = try await meetings(of: pair.id).filter { $0.date <= date }
            let held = log.filter { $0.status == .held }
            let last = held.map(\.date).max()
            let quiet = last.map { $0.days(until: date) > lookBackDays } ?? true
            result.append(PairFollowUp(pair: pair.id, planned: pair.plannedMeetings, held: held.count,
                                       cancelled: log.filter { $0.status == .cancelled }.count,
                                       lastHeld: last, needsAttention: quiet))
        }
        return result
    }
}
