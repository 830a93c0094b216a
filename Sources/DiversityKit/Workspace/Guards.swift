/// A uniqueness guard: a record whose only job is to exist once. Inserting a guard whose id exists
/// fails as ``StoreError/duplicate(_:)`` in every store, inside the same atomic batch as the write it
/// guards, so the invariant holds across tasks, processes and servers (the way token use is guarded).
///
/// Guard ids are built from the parts that must be unique together. A guard that names a participant
/// carries the participant as an index key, so erasure deletes it with the participant's records.
struct GuardRecord: StoredRecord, Codable, Hashable, Sendable {
    static let recordType = "guard"
    var id: String
    var participant: ID<Participant>?
    /// What the guard holds, for a refusal's message (e.g. the elective chosen).
    var holder: String?

    var recordID: String { id }
    var indexKeys: [String: String] {
        var keys = ["kind": String(id.prefix { $0 != "\u{1F}" })]
        if let participant { keys["participant"] = participant.rawValue }
        return keys
    }

    private static func id(_ parts: String...) -> String { parts.joined(separator: indexValueSeparator) }

    /// One enrolment per participant and intervention.
    static func enrolment(_ p: ID<Participant>, _ i: ID<Intervention>) -> GuardRecord {
        GuardRecord(id: id("enrolment", i.rawValue, p.rawValue), participant: p, holder: i.rawValue)
    }
    /// One choice per participant and elective group of a programme.
    static func elective(_ p: ID<Participant>, programme: ID<Programme>, group: String, chosen: ID<Intervention>) -> GuardRecord {
        GuardRecord(id: id("elective", programme.rawValue, group, p.rawValue), participant: p, holder: chosen.rawValue)
    }
    /// One attendance record per participant and session.
    static func attendance(_ p: ID<Participant>, _ s: ID<Session>) -> GuardRecord {
        GuardRecord(id: id("attendance", s.rawValue, p.rawValue), participant: p, holder: s.rawValue)
    }
}

/// How many participants attend a session (status `.attended`): the counter that capacity is
/// enforced on, updated by compare-and-swap in the same batch as every attendance change.
struct SessionLoad: StoredRecord, Codable, Hashable, Sendable {
    static let recordType = "session.load"
    var session: ID<Session>
    var attended: Int
    var recordID: String { session.rawValue }
}

/// A measurement appended to a goal's indicator as its own record, so concurrent additions never
/// overwrite each other (uppföljningsvärde).
struct GoalMeasurement: StoredRecord, Codable, Hashable, Sendable {
    static let recordType = "goal.measurement"
    var id: String
    var goal: ID<Goal>
    var measurement: Measurement
    var recordID: String { id }
    var indexKeys: [String: String] { ["goal": goal.rawValue] }
}

extension Store {
    /// Goals matching `filters`, each with the measurements appended to it merged into its indicator
    /// (in date order): how every reader sees a goal.
    public func goals(where filters: [RecordQuery.Filter]) async throws -> [Goal] {
        var goals = try await all(Goal.self, where: filters)
        guard !goals.isEmpty else { return goals }
        let ids = Set(goals.map(\.id.rawValue))
        var appended: [ID<Goal>: [Measurement]] = [:]
        for m in try await all(GoalMeasurement.self, where: [.init(key: "goal", match: .oneOf(ids))]) {
            appended[m.goal, default: []].append(m.measurement)
        }
        for i in goals.indices {
            guard let extra = appended[goals[i].id], goals[i].indicator != nil else { continue }
            goals[i].indicator!.measurements += extra
            goals[i].indicator!.measurements.sort { ($0.date, $0.value) < ($1.date, $1.value) }
        }
        return goals
    }
}
