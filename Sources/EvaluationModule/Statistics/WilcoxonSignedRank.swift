import Foundation

/// The Wilcoxon signed-rank test of paired measurements: a rank-based alternative to the
/// paired t-test that suits ordinal scale answers.
///
/// Zero differences are dropped (Wilcoxon's original rule, scipy's `zero_method="wilcox"`);
/// tied absolute differences get average ranks. The p-value is exact — from the full
/// signed-rank distribution, enumerated by dynamic programming — when at most 50 non-zero
/// differences remain and none are tied; otherwise it uses the normal approximation with the
/// tie-corrected variance and no continuity correction. This matches scipy's
/// `wilcoxon(post, pre, zero_method="wilcox", correction=False)` with `method="exact"` or `method="approx"` respectively.
///
/// ```swift
/// let w = try WilcoxonSignedRank(pre: [3, 2, 4, 3], post: [4, 4, 5, 3])
/// w.statistic, w.pValue
/// ```
public struct WilcoxonSignedRank: Hashable, Sendable, Codable {
    /// How the p-value was computed.
    public enum Method: String, Hashable, Sendable, Codable {
        /// From the exact null distribution of the signed-rank sum.
        case exact
        /// From the normal approximation with tie correction.
        case normalApproximation
    }

    /// The number of non-zero differences used.
    public let count: Int
    /// The sum of ranks of positive differences (post > pre).
    public let positiveRankSum: Double
    /// The sum of ranks of negative differences.
    public let negativeRankSum: Double
    /// The two-sided test statistic: the smaller of the two rank sums.
    public var statistic: Double { min(positiveRankSum, negativeRankSum) }
    /// The two-sided p-value.
    public let pValue: Double
    /// The method used for the p-value.
    public let method: Method
    /// The z statistic of the normal approximation (`nil` for the exact method), with scipy's sign
    /// convention: z of the two-sided ``statistic`` (the smaller rank sum), so it is never positive;
    /// the direction of change is ``positiveRankSum`` against ``negativeRankSum``.
    public let z: Double?

    /// The largest n for which the exact distribution is used when there are no ties.
    public static let exactLimit = 50

    /// Tests paired samples.
    /// - Parameters:
    ///   - pre: the values before, one per person.
    ///   - post: the values after, in the same order as `pre`.
    ///   - method: force a method; `nil` chooses as described above. Forcing `.exact`
    ///     with tied differences uses the approximation anyway, as the exact distribution assumes distinct ranks.
    /// - Throws: ``StatisticsError/unpairedLengths(first:second:)``, ``StatisticsError/nonFiniteValue(index:)``,
    ///   ``StatisticsError/tooFewObservations(needed:got:)`` when no non-zero difference remains.
    public init(pre: [Double], post: [Double], method: Method? = nil) throws {
        guard pre.count == post.count else { throw StatisticsError.unpairedLengths(first: pre.count, second: post.count) }
        try StatisticsError.checkFinite(pre)
        try StatisticsError.checkFinite(post)
        let differences = zip(post, pre).map { $0 - $1 }.filter { $0 != 0 }
        guard !differences.isEmpty else { throw StatisticsError.tooFewObservations(needed: 1, got: 0) }
        let (ranks, tieGroups) = WilcoxonSignedRank.averageRanks(differences.map(abs))
        var plus = 0.0, minus = 0.0
        for (d, r) in zip(differences, ranks) { if d > 0 { plus += r } else { minus += r } }
        let n = differences.count
        count = n
        positiveRankSum = plus
        negativeRankSum = minus
        let hasTies = tieGroups.contains { $0 > 1 }
        let chosen: Method = hasTies ? .normalApproximation : (method ?? (n <= Self.exactLimit ? .exact : .normalApproximation))
        self.method = chosen
        switch chosen {
        case .exact:
            z = nil
            pValue = WilcoxonSignedRank.exactPValue(n: n, positiveRankSum: Int(plus.rounded()))
        case .normalApproximation:
            let nn = Double(n)
            let mean = nn * (nn + 1) / 4
            let tieTerm = tieGroups.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / 48
            let variance = nn * (nn + 1) * (2 * nn + 1) / 24 - tieTerm
            // scipy's convention: z of the two-sided statistic (the smaller rank sum), so never positive.
            let zValue = variance > 0 ? (min(plus, minus) - mean) / variance.squareRoot() : 0
            z = zValue
            pValue = min(1, StandardNormal.twoSidedTail(zValue))
        }
    }

    /// Average ranks (1-based) of `values` and the sizes of the tie groups.
    static func averageRanks(_ values: [Double]) -> (ranks: [Double], tieGroups: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = Array(repeating: 0.0, count: values.count)
        var groups: [Int] = []
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let average = Double(i + j + 2) / 2
            for k in i...j { ranks[order[k]] = average }
            groups.append(j - i + 1)
            i = j + 1
        }
        return (ranks, groups)
    }

    /// 2 · min(P(W⁺ ≤ w), P(W⁺ ≥ w)) under the null, counting the 2ⁿ equally likely sign patterns.
    static func exactPValue(n: Int, positiveRankSum w: Int) -> Double {
        let maxSum = n * (n + 1) / 2
        // ways[s] = number of subsets of {1…k} with sum s; Doubles hold these counts exactly up to 2⁵³.
        var ways = Array(repeating: 0.0, count: maxSum + 1)
        ways[0] = 1
        for k in 1...n {
            for s in stride(from: k * (k + 1) / 2, through: k, by: -1) { ways[s] += ways[s - k] }
        }
        let total = pow(2.0, Double(n))
        let lower = ways[0...w].reduce(0, +) / total
        let upper = ways[w...maxSum].reduce(0, +) / total
        return min(1, 2 * min(lower, upper))
    }
}
