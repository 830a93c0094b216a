/// An amount of Swedish kronor held as integer öre (minor units) — never a floating-point number.
///
/// Arithmetic never traps: `+`, `-`, ``init(kronor:)``, ``percent(_:)`` and ``Sequence/sum()``
/// saturate at the ends of `Int64` instead of overflowing. Real amounts are far inside
/// ``limit``; validation (`Programme.validate`) refuses any amount or total beyond it, so a
/// saturated figure is never accepted.
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

    /// A whole number of kronor; saturates at the ends of `Int64` öre rather than overflow.
    public init(kronor: Int64) { self.minorUnits = Self.saturating(kronor.multipliedReportingOverflow(by: 100), sign: kronor.signum()) }

    /// `minorUnits` öre rounded to the nearest öre (half away from zero), for computed shares;
    /// saturates at the ends of `Int64`, and NaN gives zero.
    ///
    /// ```swift
    /// Money(roundingMinorUnits: 1234.5).minorUnits // 1235
    /// ```
    public init(roundingMinorUnits value: Double) {
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        if rounded.isNaN {
            minorUnits = 0
        } else if rounded >= 0x1p63 {
            minorUnits = .max
        } else if rounded < -0x1p63 {
            minorUnits = .min
        } else {
            minorUnits = Int64(rounded)
        }
    }

    /// Zero kronor.
    public static let zero = Money(minorUnits: 0)

    /// The largest magnitude validation accepts: 10¹³ kr (ten thousand billion kronor, above
    /// Sweden's GDP), so that sums of many such amounts stay exact in `Int64` öre.
    public static let limit = Money(minorUnits: 1_000_000_000_000_000)

    /// Whether the amount lies within ±``limit``.
    public var isWithinLimit: Bool { minorUnits.magnitude <= Self.limit.minorUnits.magnitude }

    /// Whole kronor, truncated toward zero.
    public var kronor: Int64 { minorUnits / 100 }

    /// `rate` percent of this amount, rounded half away from zero to whole öre
    /// (e.g. ESF's flat rate of 15% indirect costs on direct staff costs).
    ///
    /// Exact for every amount and rate whose result fits in `Int64`; beyond that it saturates.
    public func percent(_ rate: Int) -> Money {
        let sign = minorUnits.signum() * Int64(rate.signum())
        guard let rate64 = Int64(exactly: rate) else { return Money(minorUnits: sign < 0 ? .min : .max) }
        // minorUnits = 100·q + r, so minorUnits·rate/100 = q·rate + r·rate/100, and |r·rate| < 100·|rate|
        // cannot overflow where q·rate does not.
        let q = minorUnits / 100, r = minorUnits % 100
        let whole = q.multipliedReportingOverflow(by: rate64)
        let (rest, restOverflow) = r.multipliedReportingOverflow(by: rate64)
        guard !whole.overflow, !restOverflow else { return Money(minorUnits: sign < 0 ? .min : .max) }
        let restQ = rest / 100, restR = rest % 100
        let rounded = restQ + (restR.magnitude >= 50 ? (rest >= 0 ? 1 : -1) : 0)
        return Money(minorUnits: Self.saturating(whole.partialValue.addingReportingOverflow(rounded), sign: sign))
    }

    /// `"4251631.00 SEK"`: a neutral, locale-free form; reports format money per language.
    public var description: String {
        let sign = minorUnits < 0 ? "-" : ""
        let a = minorUnits.magnitude
        let ore = a % 100
        return "\(sign)\(a / 100).\(ore < 10 ? "0" : "")\(ore) SEK"
    }

    /// The sum, saturating at the ends of `Int64`.
    public static func + (lhs: Money, rhs: Money) -> Money {
        Money(minorUnits: saturating(lhs.minorUnits.addingReportingOverflow(rhs.minorUnits), sign: rhs.minorUnits.signum()))
    }
    /// The difference, saturating at the ends of `Int64`.
    public static func - (lhs: Money, rhs: Money) -> Money {
        Money(minorUnits: saturating(lhs.minorUnits.subtractingReportingOverflow(rhs.minorUnits), sign: -rhs.minorUnits.signum()))
    }

    /// `result`'s value, or the end of `Int64` on the side of `sign` when it overflowed.
    private static func saturating(_ result: (partialValue: Int64, overflow: Bool), sign: Int64) -> Int64 {
        guard result.overflow else { return result.partialValue }
        return sign < 0 ? .min : .max
    }
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
    /// The sum of the amounts, saturating at the ends of `Int64`: once it overflows it stays at
    /// the end it reached, so a total that overflowed never looks small.
    public func sum() -> Money {
        var total = Int64(0)
        for amount in self {
            let (next, overflow) = total.addingReportingOverflow(amount.minorUnits)
            if overflow { return Money(minorUnits: amount.minorUnits > 0 ? .max : .min) }
            total = next
        }
        return Money(minorUnits: total)
    }
}
