import Foundation

/// A day in the proleptic Gregorian calendar, with no time zone: periods, deadlines, milestones.
///
/// Encodes as an ISO 8601 string `"2012-02-01"`.
///
/// Years lie in ``supportedYears`` (0001…9999, the years the four-digit `YYYY-MM-DD` form
/// can write), so day numbers and comparisons never overflow.
///
/// ```swift
/// let start = try CalendarDate("2012-02-01")
/// let end = CalendarDate(year: 2013, month: 12, day: 31)!
/// start.days(until: end) // 699
/// ```
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, e.g. 2012.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// The years a date may have: 1…9999.
    public static let supportedYears = 1...9999

    /// The earliest date, 0001-01-01.
    public static let earliest = CalendarDate(checkedYear: 1, month: 1, day: 1)
    /// The latest date, 9999-12-31.
    public static let latest = CalendarDate(checkedYear: 9999, month: 12, day: 31)

    private init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date, or returns `nil` when the day does not exist (e.g. 2011-02-29) or the
    /// year is outside ``supportedYears``.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `"YYYY-MM-DD"`.
    /// - Throws: ``ValueError/invalidDate(_:)`` when the text is not a real date in ``supportedYears``.
    public init(_ text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let date = CalendarDate(year: y, month: m, day: d)
        else { throw ValueError.invalidDate(text) }
        self = date
    }

    /// The day `dayNumber` days after 1970-01-01 (negative for earlier days), clamped to
    /// ``earliest``…``latest``.
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = min(max(dayNumber, Self.earliest.dayNumber), Self.latest.dayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `n` days later (earlier when negative), clamped to ``earliest``…``latest``.
    public func adding(days n: Int) -> CalendarDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(n)
        return overflow ? (n > 0 ? .latest : .earliest) : CalendarDate(dayNumber: sum)
    }

    /// Whole days from this date to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    /// `"YYYY-MM-DD"`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Orders values ascending.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Decodes the value.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a date: \(text)"))
        }
    }

    /// Encodes the value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An inclusive range of days: a programme's period, a phase, an action plan's validity.
public struct DatePeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day.
    public let start: CalendarDate
    /// The last day, inclusive.
    public let end: CalendarDate

    /// Creates a period.
    /// - Throws: ``ValueError/periodEndsBeforeStart(start:end:)`` when `end` precedes `start`.
    public init(start: CalendarDate, end: CalendarDate) throws {
        guard start <= end else { throw ValueError.periodEndsBeforeStart(start: start, end: end) }
        self.start = start
        self.end = end
    }

    /// Parses two ISO dates, e.g. `try DatePeriod("2012-02-01", "2013-12-31")`.
    public init(_ start: String, _ end: String) throws {
        try self.init(start: CalendarDate(start), end: CalendarDate(end))
    }

    /// Whether `date` falls within the period.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// Whether `other` lies wholly within this period.
    public func contains(_ other: DatePeriod) -> Bool { start <= other.start && other.end <= end }

    /// Number of days, counting both ends.
    public var dayCount: Int { start.days(until: end) + 1 }

    /// `"2012-02-01–2013-12-31"`.
    public var description: String { "\(start)–\(end)" }

    private enum CodingKeys: String, CodingKey { case start, end }

    /// Decodes the value.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = try c.decode(CalendarDate.self, forKey: .start)
        let e = try c.decode(CalendarDate.self, forKey: .end)
        guard s <= e else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: c,
                                                   debugDescription: "period ends before it starts")
        }
        start = s
        end = e
    }
}

/// A time of day in local time, minute precision.
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Hour, 0–23.
    public let hour: Int
    /// Minute, 0–59.
    public let minute: Int

    /// Creates a time, or `nil` outside 00:00–23:59.
    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `"HH:MM"`.
    /// - Throws: ``ValueError/invalidTime(_:)``.
    public init(_ text: String) throws {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              let t = TimeOfDay(hour: h, minute: m) else { throw ValueError.invalidTime(text) }
        self = t
    }

    /// Minutes since midnight.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// `"09:30"`.
    public var description: String { String(format: "%02d:%02d", hour, minute) }

    /// Orders values ascending.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    /// Decodes the value.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a time: \(text)"))
        }
    }

    /// Encodes the value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
