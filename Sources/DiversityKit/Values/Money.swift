/// An amount of Swedish kronor held as integer öre (minor units) — never a floating-point number.
///
/// ```swift
/// let grant = Money(kronor: 4_251_631)
/// grant.minorUnits // 425_163_100
/// ```
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    AdditiveArithmetic
{
    /// The amount in öre (1 kr = 100 öre).
    public var minorUnits: Int64

    /// An amount in öre.
    public init(minorUnits: Int64) { self.minorUnits = minorUnits }

    /// A whole number of kronor.
    public init(kronor: Int64) { self.minorUnits = kronor * 100 }

    /// Zero kronor.
    public static let zero = Money(minorUnits: 0)

    /// Whole kronor, truncated toward zero.
    public var kronor: Int64 { minorUnits / 100 }

    /// `rate` percent of this amount, rounded half away from zero to whole öre
    /// (e.g. ESF's flat rate of 15% indirect costs on direct staff costs).
    public func percent(_ rate: Int) -> Money {
        let product = minorUnits * Int64(rate)
        let q = product / 100, r = product % 100
        let rounded = abs(r) >= 50 ? q + (product >= 0 ? 1 : -1) : q
        return Money(minorUnits: rounded)
    }

    /// `"4251631.00 SEK"`: a neutral, locale-free form; reports format money per language.
    public var description: String {
        let sign = minorUnits < 0 ? "-" : ""
        let a = minorUnits.magnitude
        let ore = a % 100
        return "\(sign)\(a / 100).\(ore < 10 ? "0" : "")\(ore) SEK"
    }

    /// The sum.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits + rhs.minorUnits) }
    /// The difference.
    public static func - (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits - rhs.minorUnits) }
    /// Orders values ascending.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

    /// Decodes the value.
    public init(from decoder: Decoder) throws {
        minorUnits = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes the value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(minorUnits)
    }
}

extension Sequence where Element == Money {
    /// The sum of the amounts.
    public func sum() -> Money { reduce(.zero, +) }
}
