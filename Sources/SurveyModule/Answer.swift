/// One answer to one item. Single-valued answers (Likert, single choice, knowledge,
/// demographic, numeric) are integer codes; a missing answer is simply absent.
///
/// JSON form: a number, an array of numbers, or a string.
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

    /// The integer, for a single-valued answer.
    public var intValue: Int? { if case .value(let v) = self { return v } else { return nil } }

    /// Whether the answer carries nothing (no codes chosen, or only whitespace).
    public var isEmpty: Bool {
        switch self {
        case .value: return false
        case .values(let v): return v.isEmpty
        case .text(let t): return t.allSatisfy(\.isWhitespace)
        }
    }

    /// Decodes the value.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Int.self) { self = .value(v) } else if let v = try? c.decode([Int].self) {
            self = .values(v)
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
        }
    }
}
