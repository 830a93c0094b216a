import Foundation

/// A proportion k/n with its Wilson score interval.
///
/// The Wilson interval keeps its coverage near the nominal level for small n and for shares
/// near 0 or 1, where the textbook p ± z·√(p(1−p)/n) interval fails (it can even leave 0…1).
///
/// ```swift
/// let p = try Proportion(successes: 8, total: 10)
/// p.wilsonInterval()   // 0.4902…0.9433
/// ```
public struct Proportion: Hashable, Sendable, Codable {
    /// The count of successes (e.g. respondents agreeing).
    public let successes: Int
    /// The count of trials (e.g. respondents answering).
    public let total: Int

    /// Creates a proportion.
    /// - Throws: ``StatisticsError/invalidCount(successes:total:)`` unless 0 ≤ successes ≤ total and total > 0.
    public init(successes: Int, total: Int) throws {
        guard total > 0, successes >= 0, successes <= total else {
            throw StatisticsError.invalidCount(successes: successes, total: total)
        }
        self.successes = successes
        self.total = total
    }

    /// The share successes ÷ total.
    public var value: Double { Double(successes) / Double(total) }

    /// The Wilson score interval at `level` (0.95 by default).
    /// - Throws: ``StatisticsError/invalidProbability(_:)`` for a level outside (0, 1).
    public func wilsonInterval(level: Double = 0.95) throws -> ClosedRange<Double> {
        guard level > 0 && level < 1 else { throw StatisticsError.invalidProbability(level) }
        let z = try StandardNormal.quantile(0.5 + level / 2)
        let n = Double(total), p = value, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return max(0, centre - half)...min(1, centre + half)
    }
}
