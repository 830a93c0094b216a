import Foundation

/// Student's t distribution with `degreesOfFreedom` (any positive real, so Welch's
/// fractional degrees of freedom work), computed from the regularized incomplete beta function.
///
/// ```swift
/// let t = try StudentT(degreesOfFreedom: 9)
/// try t.quantile(0.975)   // 2.2621571627…
/// ```
public struct StudentT: Hashable, Sendable, Codable {
    /// The degrees of freedom.
    public let degreesOfFreedom: Double

    /// Creates the distribution.
    /// - Throws: ``StatisticsError/invalidDegreesOfFreedom(_:)`` unless `degreesOfFreedom` is positive and finite.
    public init(degreesOfFreedom: Double) throws {
        guard degreesOfFreedom > 0, degreesOfFreedom.isFinite else {
            throw StatisticsError.invalidDegreesOfFreedom(degreesOfFreedom)
        }
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(|T| ≥ |t|): the two-sided tail probability, computed directly so small p-values keep their precision.
    public func twoSidedTail(_ t: Double) -> Double {
        if t.isInfinite { return 0 }
        let x = degreesOfFreedom / (degreesOfFreedom + t * t)
        return SpecialFunctions.incompleteBeta(x, degreesOfFreedom / 2, 0.5)
    }

    /// The distribution function P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        let tail = twoSidedTail(t) / 2
        return t > 0 ? 1 - tail : tail
    }

    /// The quantile: the t with P(T ≤ t) = p, for 0 < p < 1.
    ///
    /// Bisection on ``cdf(_:)`` to full double precision; robust for every degrees of freedom.
    /// - Throws: ``StatisticsError/invalidProbability(_:)`` unless 0 < p < 1.
    public func quantile(_ p: Double) throws -> Double {
        guard p > 0 && p < 1 else { throw StatisticsError.invalidProbability(p) }
        if p == 0.5 { return 0 }
        if p < 0.5 { return -(try quantile(1 - p)) }
        var low = 0.0, high = 1.0
        while cdf(high) < p { low = high; high *= 2 }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if mid == low || mid == high { break }
            if cdf(mid) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}

/// The standard normal distribution.
public enum StandardNormal {
    /// Φ(z).
    public static func cdf(_ z: Double) -> Double { SpecialFunctions.normalCDF(z) }
    /// Φ⁻¹(p) for 0 < p < 1.
    /// - Throws: ``StatisticsError/invalidProbability(_:)`` unless 0 < p < 1.
    public static func quantile(_ p: Double) throws -> Double {
        guard p > 0 && p < 1 else { throw StatisticsError.invalidProbability(p) }
        return SpecialFunctions.normalQuantile(p)
    }
    /// P(|Z| ≥ |z|).
    public static func twoSidedTail(_ z: Double) -> Double { 2 * SpecialFunctions.normalSurvival(abs(z)) }
}
