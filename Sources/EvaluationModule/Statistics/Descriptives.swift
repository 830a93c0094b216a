import Foundation

/// Descriptive statistics of a sample: n, mean, standard deviation, median and quartiles.
///
/// The variance uses Welford's one-pass update, which stays accurate when values are large
/// and close together (a naive sum of squares does not). Quartiles interpolate linearly between
/// order statistics (Hyndman–Fan type 7, the default of R, numpy and Excel's `QUARTILE.INC`).
///
/// ```swift
/// let d = try Descriptives([4, 5, 3, 4, 5])
/// d.mean              // 4.2
/// d.standardDeviation // 0.8366…
/// ```
public struct Descriptives: Hashable, Sendable, Codable {
    /// The number of observations.
    public let count: Int
    /// The arithmetic mean.
    public let mean: Double
    /// The sample standard deviation (divisor n − 1); `nil` when n < 2.
    public let standardDeviation: Double?
    /// The smallest value.
    public let minimum: Double
    /// The first quartile (25th percentile).
    public let lowerQuartile: Double
    /// The median.
    public let median: Double
    /// The third quartile (75th percentile).
    public let upperQuartile: Double
    /// The largest value.
    public let maximum: Double

    /// Describes `values`.
    /// - Throws: ``StatisticsError/tooFewObservations(needed:got:)`` for an empty sample,
    ///   ``StatisticsError/nonFiniteValue(index:)`` for NaN or infinity.
    public init(_ values: [Double]) throws {
        guard !values.isEmpty else { throw StatisticsError.tooFewObservations(needed: 1, got: 0) }
        try StatisticsError.checkFinite(values)
        let (mean, m2) = Descriptives.welford(values)
        count = values.count
        self.mean = mean
        standardDeviation = values.count > 1 ? (m2 / Double(values.count - 1)).squareRoot() : nil
        let sorted = values.sorted()
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        lowerQuartile = Descriptives.percentile(sorted: sorted, 0.25)
        median = Descriptives.percentile(sorted: sorted, 0.5)
        upperQuartile = Descriptives.percentile(sorted: sorted, 0.75)
    }

    /// Describes integer answers (e.g. scale points).
    /// - Throws: as the initialiser taking `[Double]`.
    public init(_ values: [Int]) throws { try self.init(values.map(Double.init)) }

    /// The standard error of the mean; `nil` when n < 2.
    public var standardError: Double? { standardDeviation.map { $0 / Double(count).squareRoot() } }

    /// The sample variance (divisor n − 1); `nil` when n < 2.
    public var variance: Double? { standardDeviation.map { $0 * $0 } }

    /// The confidence interval of the mean from the t distribution with n − 1 degrees of freedom.
    /// - Parameter level: the confidence level, 0.95 by default.
    /// - Throws: ``StatisticsError/tooFewObservations(needed:got:)`` when n < 2,
    ///   ``StatisticsError/invalidProbability(_:)`` for a level outside (0, 1).
    public func confidenceInterval(level: Double = 0.95) throws -> ClosedRange<Double> {
        guard level > 0 && level < 1 else { throw StatisticsError.invalidProbability(level) }
        guard let se = standardError else { throw StatisticsError.tooFewObservations(needed: 2, got: count) }
        let t = try StudentT(degreesOfFreedom: Double(count - 1)).quantile(0.5 + level / 2)
        return (mean - t * se)...(mean + t * se)
    }

    /// Welford's running mean and sum of squared deviations.
    static func welford(_ values: [Double]) -> (mean: Double, m2: Double) {
        var mean = 0.0, m2 = 0.0
        for (i, x) in values.enumerated() {
            let delta = x - mean
            mean += delta / Double(i + 1)
            m2 += delta * (x - mean)
        }
        return (mean, m2)
    }

    /// The sample variance (n − 1) of `values`, or `nil` below two values.
    static func variance(_ values: [Double]) -> Double? {
        guard values.count > 1 else { return nil }
        return welford(values).m2 / Double(values.count - 1)
    }

    /// Linear interpolation between order statistics (type 7).
    static func percentile(sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
