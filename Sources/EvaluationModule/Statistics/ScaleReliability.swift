import Foundation

/// The internal consistency of a multi-item scale: Cronbach's alpha, alpha if each item
/// were deleted, and corrected item–total correlations.
///
/// Input is survey-neutral: one array per item, one optional answer per respondent, the same
/// respondent at the same index in every item. Respondents who skipped any item are left out
/// (listwise deletion), as alpha is defined on complete cases.
///
/// ```swift
/// let r = try ScaleReliability(items: [[4, 5, 3], [4, 4, 3], [5, 5, 2]])
/// r.alpha
/// ```
public struct ScaleReliability: Hashable, Sendable, Codable {
    /// The number of items.
    public let itemCount: Int
    /// The respondents who answered every item.
    public let completeCases: Int
    /// Cronbach's alpha: k/(k−1) · (1 − Σ item variances ÷ variance of the sum score).
    public let alpha: Double
    /// Alpha of the scale without item i; `nil` for a two-item scale (one item cannot have an alpha).
    public let alphaIfItemDeleted: [Double?]
    /// Pearson correlation of item i with the sum of the other items; `nil` when either is constant.
    public let correctedItemTotalCorrelations: [Double?]

    /// Analyses a scale.
    /// - Throws: ``StatisticsError/tooFewItems(_:)`` below two items,
    ///   ``StatisticsError/itemLengthsDiffer(item:expected:got:)`` when items have different respondent counts,
    ///   ``StatisticsError/tooFewObservations(needed:got:)`` below two complete cases,
    ///   ``StatisticsError/zeroVariance`` when the sum score is constant.
    public init(items: [[Int?]]) throws {
        guard items.count >= 2 else { throw StatisticsError.tooFewItems(items.count) }
        let n = items[0].count
        for (i, item) in items.enumerated() where item.count != n {
            throw StatisticsError.itemLengthsDiffer(item: i, expected: n, got: item.count)
        }
        let complete: [[Double]] = (0..<n).compactMap { r in
            let row = items.map { $0[r] }
            return row.allSatisfy { $0 != nil } ? row.map { Double($0!) } : nil
        }
        guard complete.count >= 2 else { throw StatisticsError.tooFewObservations(needed: 2, got: complete.count) }
        let columns = (0..<items.count).map { i in complete.map { $0[i] } }
        guard let a = ScaleReliability.alpha(columns) else { throw StatisticsError.zeroVariance }
        itemCount = items.count
        completeCases = complete.count
        alpha = a
        alphaIfItemDeleted = columns.indices.map { i in
            columns.count > 2 ? ScaleReliability.alpha(columns.enumerated().filter { $0.offset != i }.map(\.element)) : nil
        }
        correctedItemTotalCorrelations = columns.indices.map { i in
            let rest = complete.map { row in row.enumerated().filter { $0.offset != i }.reduce(0) { $0 + $1.element } }
            return ScaleReliability.pearson(columns[i], rest)
        }
    }

    /// Alpha of complete-case item columns, or `nil` when the sum score has no variance.
    static func alpha(_ columns: [[Double]]) -> Double? {
        let k = Double(columns.count)
        let sums = columns[0].indices.map { r in columns.reduce(0) { $0 + $1[r] } }
        guard let total = Descriptives.variance(sums), total > 0 else { return nil }
        let itemVariances = columns.compactMap { Descriptives.variance($0) }.reduce(0, +)
        return k / (k - 1) * (1 - itemVariances / total)
    }

    /// The Pearson correlation, computed from centred values; `nil` if either side is constant.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let mx = Descriptives.welford(x).mean, my = Descriptives.welford(y).mean
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
