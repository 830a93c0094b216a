/// Whether a participant came to a session (närvaro).
public struct Attendance: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "attendance"

    /// The attendance record's identifier.
    public var id: ID<Attendance>
    /// The session.
    public var session: ID<Session>
    /// The session's intervention, kept for queries.
    public var intervention: ID<Intervention>
    /// Who: a participant, an `erased-…` stand-in after erasure, or `nil` in records erased before the stand-in existed.
    public var participant: ID<Participant>?
    /// The participant's organisation, kept so counts survive erasure.
    public var organisation: ID<Organisation>
    /// The outcome.
    public var status: AttendanceStatus

    /// Creates an attendance record.
    public init(id: ID<Attendance>, session: ID<Session>, intervention: ID<Intervention>,
                participant: ID<Participant>?, organisation: ID<Organisation>, status: AttendanceStatus) {
        self.id = id
        self.session = session
        self.intervention = intervention
        self.participant = participant
        self.organisation = organisation
        self.status = status
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["session": session.rawValue, "intervention": intervention.rawValue,
                    "organisation": organisation.rawValue, "status": status.rawValue]
        if let participant { keys["participant"] = participant.rawValue }
        return keys
    }
}

/// Attendance outcomes.
public enum AttendanceStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// Närvarande.
    case attended
    /// Frånvarande.
    case absent
    /// Anmält förhinder.
    case excused
}
