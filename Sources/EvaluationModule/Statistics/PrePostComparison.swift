import Foundation

/// A t-test result: statistic, degrees of freedom and two-sided p-value.
public struct TTestResult: Hashable, Sendable, Codable {
    /// The t statistic.
    public let t: Double
    /// The degrees of freedom (fractional for Welch's test).
    public let degreesOfFreedom: Double
    /// The two-sided p-value.
    public let pValue: Double
}

/// Pre/post comparison of paired measurements (the same person before and after):
/// mean difference with its confidence interval, paired t-test, and Cohen's d_z.
///
/// Differences are post − pre, so a positive mean difference means scores rose.
///
/// ```swift
/// let c = try PairedComparison(pre: [10, 12, 9], post: [13, 14, 9])
/// c.meanDifference   // 1.666…
/// c.tTest.pValue
/// ```
public struct PairedComparison: Hashable, Sendable, Codable {
    /// The number of pairs.
    public let count: Int
    /// The mean of post − pre.
    public let meanDifference: Double
    /// The standard deviation of the differences.
    public let standardDeviation: Double
    /// The 95 % confidence interval of the mean difference.
    public let confidenceInterval: ClosedRange<Double>
    /// The paired t-test (the same as a one-sample t-test of the differences against 0).
    public let tTest: TTestResult
    /// Cohen's d_z: mean difference ÷ standard deviation of the differences.
    public let cohensDz: Double

    /// Compares paired samples.
    /// - Throws: ``StatisticsError/unpairedLengths(first:second:)``,
    ///   ``StatisticsError/tooFewObservations(needed:got:)`` below two pairs,
    ///   ``StatisticsError/nonFiniteValue(index:)``, ``StatisticsError/zeroVariance`` when every difference is equal.
    public init(pre: [Double], post: [Double]) throws {
        guard pre.count == post.count else { throw StatisticsError.unpairedLengths(first: pre.count, second: post.count) }
        guard pre.count >= 2 else { throw StatisticsError.tooFewObservations(needed: 2, got: pre.count) }
        try StatisticsError.checkFinite(pre)
        try StatisticsError.checkFinite(post)
        let d = try Descriptives(zip(post, pre).map { $0 - $1 })
        guard let sd = d.standardDeviation, sd > 0, let se = d.standardError else { throw StatisticsError.zeroVariance }
        count = d.count
        meanDifference = d.mean
        standardDeviation = sd
        confidenceInterval = try d.confidenceInterval()
        let t = d.mean / se
        let dist = try StudentT(degreesOfFreedom: Double(d.count - 1))
        tTest = TTestResult(t: t, degreesOfFreedom: dist.degreesOfFreedom, pValue: dist.twoSidedTail(t))
        cohensDz = d.mean / sd
    }
}

/// Welch's unpaired t-test, for pre and post groups that cannot be matched person by person
/// (anonymous surveys). It does not assume equal variances.
///
/// ```swift
/// let w = try WelchTest(first: pre, second: post)
/// w.result.pValue
/// ```
public struct WelchTest: Hashable, Sendable, Codable {
    /// The mean of the second sample minus the mean of the first.
    public let meanDifference: Double
    /// The test result; t is positive when the second sample's mean is higher.
    public let result: TTestResult
    /// The size of the smaller sample, which disclosure control holds to the threshold (`nil` in values
    /// encoded before it was kept).
    public let smallerCount: Int?

    /// Compares two independent samples.
    /// - Throws: ``StatisticsError/tooFewObservations(needed:got:)`` when a sample has fewer than two values,
    ///   ``StatisticsError/nonFiniteValue(index:)``, ``StatisticsError/zeroVariance`` when both samples are constant.
    public init(first: [Double], second: [Double]) throws {
        guard first.count >= 2 else { throw StatisticsError.tooFewObservations(needed: 2, got: first.count) }
        guard second.count >= 2 else { throw StatisticsError.tooFewObservations(needed: 2, got: second.count) }
        let a = try Descriptives(first), b = try Descriptives(second)
        let va = a.variance! / Double(a.count), vb = b.variance! / Double(b.count)
        guard va + vb > 0 else { throw StatisticsError.zeroVariance }
        let t = (b.mean - a.mean) / (va + vb).squareRoot()
        let df = (va + vb) * (va + vb) / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
        meanDifference = b.mean - a.mean
        smallerCount = min(a.count, b.count)
        result = TTestResult(t: t, degreesOfFreedom: df, pValue: try StudentT(degreesOfFreedom: df).twoSidedTail(t))
    }
}
