import DiversityKit

/// Which side of reverse mentoring (omvänt mentorskap) someone is on.
public enum MentoringSide: String, Codable, Hashable, Sendable, CaseIterable {
    /// Mentor: an employee (medarbetare) who mentors a leader.
    case mentor
    /// Adept: a leader or key person (ledare, nyckelperson) who is mentored.
    case adept
}

/// Part of a day in a weekly availability grid.
public enum DayPart: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Förmiddag.
    case morning
    /// Eftermiddag.
    case afternoon
    /// Kväll.
    case evening

    /// Orders values ascending.
    public static func < (lhs: DayPart, rhs: DayPart) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A weekly slot someone is available for mentoring meetings, e.g. Tuesday afternoon.
public struct AvailabilitySlot: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// ISO weekday, 1 Monday … 7 Sunday.
    public var weekday: Int
    /// The part of the day.
    public var part: DayPart

    /// Creates a slot.
    public init(weekday: Int, part: DayPart) {
        self.weekday = weekday
        self.part = part
    }

    /// `"2-afternoon"`.
    public var description: String { "\(weekday)-\(part.rawValue)" }

    /// Orders values ascending.
    public static func < (lhs: AvailabilitySlot, rhs: AvailabilitySlot) -> Bool {
        (lhs.weekday, lhs.part) < (rhs.weekday, rhs.part)
    }
}

/// A mentor's or adept's profile in a reverse-mentoring pool.
///
/// ```swift
/// let mentor = MentoringProfile(participant: "anna", side: .mentor, organisation: "kristianstad",
///                               unit: "ks-vard", perspectives: [.recruitment], languages: ["sv", "ar"],
///                               availability: [AvailabilitySlot(weekday: 2, part: .afternoon)])
/// ```
public struct MentoringProfile: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.mentoring.profile"

    /// The pool (e.g. one programme's first round) the profile belongs to.
    public var pool: String
    /// Who; the profile's identity.
    public var participant: ID<Participant>
    /// Mentor or adept.
    public var side: MentoringSide
    /// Their organisation (must equal the participant's).
    public var organisation: ID<Organisation>
    /// Their unit (must equal the participant's); needed for the reporting-line rule.
    public var unit: ID<OrganisationUnit>
    /// Perspectives they want to work with.
    public var perspectives: Set<Perspective>
    /// Languages they can hold meetings in (ISO 639-1 codes, e.g. "sv", "en", "ar").
    public var languages: Set<String>
    /// When they can meet.
    public var availability: Set<AvailabilitySlot>
    /// For a mentor, how many adepts they accept; `nil` uses the rules' maximum.
    public var capacity: Int?

    /// Creates a profile.
    public init(pool: String = "default", participant: ID<Participant>, side: MentoringSide,
                organisation: ID<Organisation>, unit: ID<OrganisationUnit>, perspectives: Set<Perspective> = [],
                languages: Set<String> = [], availability: Set<AvailabilitySlot> = [], capacity: Int? = nil) {
        self.pool = pool
        self.participant = participant
        self.side = side
        self.organisation = organisation
        self.unit = unit
        self.perspectives = perspectives
        self.languages = languages
        self.availability = availability
        self.capacity = capacity
    }

    /// The record's key in a store.
    public var recordID: String { "\(pool)/\(side.rawValue)/\(participant.rawValue)" }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        ["pool": pool, "side": side.rawValue, "organisation": organisation.rawValue]
    }
}
