import DiversityKit

/// A network that meets on a fixed cadence (nätverksträffar, e.g. Verva's regional networks
/// every fourth week) within a period.
public struct NetworkSeries: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.network.series"

    /// The series' identifier.
    public var id: ID<NetworkSeries>
    /// Its name, e.g. "Mångfaldsnätverket Västerbotten".
    public var name: String
    /// The organisations in the network.
    public var members: [ID<Organisation>]
    /// The first meeting.
    public var firstMeeting: CalendarDate
    /// Weeks between meetings (4 for "every fourth week").
    public var everyWeeks: Int
    /// The period the network runs; no meeting falls outside it.
    public var period: DatePeriod

    /// Creates a series.
    public init(id: ID<NetworkSeries>, name: String, members: [ID<Organisation>], firstMeeting: CalendarDate,
                everyWeeks: Int = 4, period: DatePeriod) {
        self.id = id
        self.name = name
        self.members = members
        self.firstMeeting = firstMeeting
        self.everyWeeks = everyWeeks
        self.period = period
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }

    /// Every meeting date: the first meeting and then every `everyWeeks` weeks up to the period's end.
    public var meetingDates: [CalendarDate] {
        guard everyWeeks > 0, period.contains(firstMeeting) else { return [] }
        return Array(stride(from: firstMeeting.dayNumber, through: period.end.dayNumber, by: everyWeeks * 7)
            .map(CalendarDate.init(dayNumber:)))
    }
}

/// Which organisations came to one network meeting.
public struct NetworkMeeting: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.network.meeting"

    /// The series.
    public var series: ID<NetworkSeries>
    /// The day (one of the series' cadence dates).
    public var date: CalendarDate
    /// Organisations present.
    public var present: Set<ID<Organisation>>

    /// Creates a meeting record.
    public init(series: ID<NetworkSeries>, date: CalendarDate, present: Set<ID<Organisation>>) {
        self.series = series
        self.date = date
        self.present = present
    }

    /// The record's key in a store.
    public var recordID: String { "\(series.rawValue)@\(date)" }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["series": series.rawValue] }
}

/// One organisation's attendance over a network's recorded meetings.
public struct NetworkAttendance: Hashable, Sendable {
    /// The organisation.
    public var organisation: ID<Organisation>
    /// Meetings it came to.
    public var attended: Int
    /// Meetings recorded so far.
    public var held: Int
    /// Attended ÷ held (0 before any meeting).
    public var share: Double { held == 0 ? 0 : Double(attended) / Double(held) }
}
