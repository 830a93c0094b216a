import DiversityKit

/// A confirmed mentor–adept pair (mentorpar), with the score that made the match.
public struct MentoringPair: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.mentoring.pair"

    /// The pair's identifier: opaque (random unless given), so no record key names a participant and
    /// erasure can re-point the pair in place. Pairs stored before version 2 of the toolkit have
    /// `"<pool>/<mentor>+<adept>"`; erasure moves such a pair to an opaque id.
    public var id: ID<MentoringPair>
    /// The pool it was matched in.
    public var pool: String
    /// The mentor.
    public var mentor: ID<Participant>
    /// The adept.
    public var adept: ID<Participant>
    /// The fit when matched.
    public var score: Int
    /// The explanation of the score.
    public var components: [ScoreComponent]
    /// How many meetings the pair is expected to hold.
    public var plannedMeetings: Int

    /// Creates a pair under `id` (a random identifier by default).
    public init(id: ID<MentoringPair> = .random(), pool: String, mentor: ID<Participant>, adept: ID<Participant>, score: Int,
                components: [ScoreComponent], plannedMeetings: Int) {
        self.id = id
        self.pool = pool
        self.mentor = mentor
        self.adept = adept
        self.score = score
        self.components = components
        self.plannedMeetings = plannedMeetings
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        ["pool": pool, "mentor": mentor.rawValue, "adept": adept.rawValue]
    }
}

/// How many confirmations a mentoring pool has had: the counter that ``MentoringService/confirm(_:pool:plannedMeetings:)``
/// updates by compare-and-swap, so two confirmations of one pool never both add the same mentor and adept.
struct MentoringPoolState: StoredRecord, Codable, Hashable, Sendable {
    static let recordType = "toolkit.mentoring.pool"
    var pool: String
    var confirmations: Int
    var recordID: String { pool }
}

/// What became of a planned mentoring meeting.
public enum MeetingStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// Planerat.
    case planned
    /// Genomfört.
    case held
    /// Inställt.
    case cancelled
}

/// One entry in a pair's meeting log (möteslogg). Notes stay with the pair; keep them free of
/// sensitive personal data.
public struct MentoringMeeting: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.mentoring.meeting"

    /// The pair.
    public var pair: ID<MentoringPair>
    /// The day.
    public var date: CalendarDate
    /// Planned, held or cancelled.
    public var status: MeetingStatus
    /// The perspectives discussed.
    public var topics: Set<Perspective>
    /// Length in minutes, when held.
    public var durationMinutes: Int?

    /// Creates a log entry.
    public init(pair: ID<MentoringPair>, date: CalendarDate, status: MeetingStatus,
                topics: Set<Perspective> = [], durationMinutes: Int? = nil) {
        self.pair = pair
        self.date = date
        self.status = status
        self.topics = topics
        self.durationMinutes = durationMinutes
    }

    /// The record's key in a store: the pair's (opaque) id and the day.
    public var recordID: String { "\(pair.rawValue)@\(date)" }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["pair": pair.rawValue, "status": status.rawValue] }
}

/// Follow-up of one pair's meetings (uppföljning).
public struct PairFollowUp: Hashable, Sendable {
    /// The pair.
    public var pair: ID<MentoringPair>
    /// Meetings the pair was expected to hold.
    public var planned: Int
    /// Meetings held.
    public var held: Int
    /// Meetings cancelled.
    public var cancelled: Int
    /// The last meeting held, if any.
    public var lastHeld: CalendarDate?
    /// Whether no meeting was held in the look-back window before the follow-up date.
    public var needsAttention: Bool
    /// Held ÷ planned (0 when none were planned).
    public var completion: Double { planned == 0 ? 0 : Double(held) / Double(planned) }
}
