import DiversityKit

/// A training day (utbildningsdag, Trelleborg): a plenary lecture in the morning and elective
/// seminars (valbara seminarier) in the afternoon.
///
/// ```swift
/// let day = TrainingDay(id: "dag-1", date: d, plenary: "Kulturkompetens",
///                       seminars: [ElectiveSeminar(id: "genus", title: "Genus", capacity: 30)])
/// ```
public struct TrainingDay: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.trainingDay"

    /// The day's identifier.
    public var id: ID<TrainingDay>
    /// The date.
    public var date: CalendarDate
    /// The plenary (storföreläsning) everyone attends.
    public var plenary: String
    /// The elective seminars offered.
    public var seminars: [ElectiveSeminar]

    /// Creates a training day.
    public init(id: ID<TrainingDay>, date: CalendarDate, plenary: String, seminars: [ElectiveSeminar]) {
        self.id = id
        self.date = date
        self.plenary = plenary
        self.seminars = seminars
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["date": date.description] }
}

/// One elective seminar with a number of seats.
public struct ElectiveSeminar: Codable, Hashable, Sendable {
    /// The seminar's identifier within the day, e.g. "genus".
    public var id: String
    /// Its title, e.g. "Islam – vad är det?".
    public var title: String
    /// Seats.
    public var capacity: Int

    /// Creates a seminar.
    public init(id: String, title: String, capacity: Int) {
        self.id = id
        self.title = title
        self.capacity = capacity
    }
}

/// A participant's first and (optional) second choice.
public struct ElectiveChoice: Codable, Hashable, Sendable {
    /// Who.
    public var participant: ID<Participant>
    /// First choice (förstahandsval).
    public var first: String
    /// Second choice (andrahandsval).
    public var second: String?

    /// Creates a choice.
    public init(participant: ID<Participant>, first: String, second: String? = nil) {
        self.participant = participant
        self.first = first
        self.second = second
    }
}

/// How a participant fared in the allocation.
public enum ChoiceOutcome: String, Codable, Hashable, Sendable {
    /// Got their first choice.
    case first
    /// Got their second choice.
    case second
    /// Got no seat.
    case unassigned
}

/// The allocation of a training day's participants to seminars.
public struct ElectiveAllocation: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.electiveAllocation"

    /// The training day.
    public var day: ID<TrainingDay>
    /// Seminar per participant; absent when unassigned.
    public var seats: [ID<Participant>: String]
    /// How each participant fared.
    public var outcomes: [ID<Participant>: ChoiceOutcome]
    /// Participants per seminar, every offered seminar included.
    public var countsPerSeminar: [String: Int]

    /// How many got their first choice.
    public var firstChoices: Int { outcomes.values.filter { $0 == .first }.count }
    /// How many got their second choice.
    public var secondChoices: Int { outcomes.values.filter { $0 == .second }.count }
    /// How many got no seat.
    public var unassigned: Int { outcomes.values.filter { $0 == .unassigned }.count }
    /// The objective: 2 per first choice, 1 per second.
    public var satisfaction: Int { 2 * firstChoices + secondChoices }

    /// Creates an allocation.
    public init(day: ID<TrainingDay>, seats: [ID<Participant>: String], outcomes: [ID<Participant>: ChoiceOutcome],
                countsPerSeminar: [String: Int]) {
        self.day = day
        self.seats = seats
        self.outcomes = outcomes
        self.countsPerSeminar = countsPerSeminar
    }

    /// The record's key in a store.
    public var recordID: String { day.rawValue }
}
