import DiversityKit

/// One answer to one item. Single-valued answers (Likert, single choice, knowledge,
/// demographic, numeric, date) are integer codes; a multiple choice or a ranking is a list of
/// codes; a dual-scale array or numeric matrix is a set of cells; a missing answer is simply absent.
///
/// JSON form: a number, an array of numbers, an object from cell key to number, or a string.
///
/// ```swift
/// let answers: [String: Answer] = ["A01": .value(4), "M01": .values([1, 3]), "T01": .text("Bra!")]
/// ```
public enum Answer: Codable, Hashable, Sendable {
    /// A single integer code or number.
    case value(Int)
    /// The codes chosen in a multiple-choice item.
    case values([Int])
    /// Free text.
    case text(String)
    /// The answered cells of a dual-scale array or numeric matrix, by cell key (see
    /// ``DualScale/cellKey(row:scale:)``, ``NumericMatrix/cellKey(row:column:)``); unanswered cells are absent.
    case cells([String: Int])

    /// A date answer: the day's ``/DiversityKit/CalendarDate/dayNumber``.
    public static func date(_ date: CalendarDate) -> Answer { .value(date.dayNumber) }

    /// The day of a date answer.
    public var calendarDate: CalendarDate? { intValue.map { CalendarDate(dayNumber: $0) } }

    /// The integer, for a single-valued answer.
    public var intValue: Int? { if case .value(let v) = self { return v } else { return nil } }

    /// Whether the answer carries nothing (no codes chosen, or only whitespace).
    public var isEmpty: Bool {
        switch self {
        case .value: return false
        case .values(let v): return v.isEmpty
        case .text(let t): return t.allSatisfy(\.isWhitespace)
        case .cells(let c): return c.isEmpty
        }
    }

    /// Decodes the value.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Int.self) { self = .value(v) } else if let v = try? c.decode([Int].self) {
            self = .values(v)
        } else if let v = try? c.decode([String: Int].self) {
            self = .cells(v)
        } else {
            self = .text(try c.decode(String.self))
        }
    }

    /// Encodes the value.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .value(let v): try c.encode(v)
        case .values(let v): try c.encode(v)
        case .text(let t): try c.encode(t)
        case .cells(let v): try c.encode(v)
        }
    }
}
