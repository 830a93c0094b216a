/// A value that could not be constructed from its text or parts.
public enum ValueError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not a real `YYYY-MM-DD` date.
    case invalidDate(String)
    /// Not a real `HH:MM` time.
    case invalidTime(String)
    /// A period whose end precedes its start.
    case periodEndsBeforeStart(start: CalendarDate, end: CalendarDate)
    /// A Swedish organisation number with the wrong form or checksum.
    case invalidOrganisationNumber(String)
    /// A rating scale whose minimum is not below its maximum, or whose points do not fit in 32 bits.
    case invalidScale(minimum: Int, maximum: Int)

    /// A readable description.
    public var description: String {
        switch self {
        case .invalidDate(let t): return "'\(t)' is not a date of the form YYYY-MM-DD"
        case .invalidTime(let t): return "'\(t)' is not a time of the form HH:MM"
        case .periodEndsBeforeStart(let s, let e): return "period ends \(e) before it starts \(s)"
        case .invalidOrganisationNumber(let n): return "'\(n)' is not a valid Swedish organisation number"
        case .invalidScale(let lo, let hi): return "scale \(lo)–\(hi) must have its minimum below its maximum, both within 32 bits"
        }
    }
}
