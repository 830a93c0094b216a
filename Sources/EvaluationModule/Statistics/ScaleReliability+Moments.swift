import Foundation

extension ScaleReliability {
    /// Analyses a scale from the moments of its complete cases: per item the sum of answers and per
    /// pair of items the sum of products — what a one-pass tally (``LikertTally``) keeps.
    ///
    /// Every statistic is a ratio of covariances, so the common divisor n(n − 1) cancels and each
    /// covariance enters as the integer `n·Σxᵢxⱼ − Σxᵢ·Σxⱼ`: exact while it fits in 64 bits (always,
    /// for Likert answers of up to tens of millions of respondents), in `Double` beyond that.
    ///
    /// ```swift
    /// // three respondents answering two items: (4, 4), (5, 4), (3, 2)
    /// let r = try ScaleReliability(completeCases: 3, sums: [12, 10], products: [[50, 41], [41, 36]])
    /// ```
    /// - Throws: ``StatisticsError/tooFewItems(_:)`` below two items,
    ///   ``StatisticsError/itemLengthsDiffer(item:expected:got:)`` when `products` is not k × k,
    ///   ``StatisticsError/tooFewObservations(needed:got:)`` below two complete cases,
    ///   ``StatisticsError/zeroVariance`` when the sum score is constant.
    public init(completeCases n: Int, sums: [Int], products: [[Int]]) throws {
        let k = sums.count
        guard k >= 2 else { throw StatisticsError.tooFewItems(k) }
        guard products.count == k else { throw StatisticsError.itemLengthsDiffer(item: products.count, expected: k, got: products.count) }
        for (i, row) in products.enumerated() where row.count != k {
            throw StatisticsError.itemLengthsDiffer(item: i, expected: k, got: row.count)
        }
        guard n >= 2 else { throw StatisticsError.tooFewObservations(needed: 2, got: n) }
        let c: [[Double]] = (0..<k).map { i in (0..<k).map { j in Self.scaledCovariance(n, products[i][j], sums[i], sums[j]) } }
        let all = Array(0..<k)
        guard let a = Self.alpha(c, all) else { throw StatisticsError.zeroVariance }
        itemCount = k
        completeCases = n
        alpha = a
        alphaIfItemDeleted = all.map { i in k > 2 ? Self.alpha(c, all.filter { $0 != i }) : nil }
        correctedItemTotalCorrelations = all.map { i in
            let rest = all.filter { $0 != i }
            let restVariance = rest.reduce(0.0) { s, j in rest.reduce(s) { $0 + c[j][$1] } }
            let covariance = rest.reduce(0.0) { $0 + c[i][$1] }
            guard c[i][i] > 0, restVariance > 0 else { return nil }
            return covariance / (c[i][i] * restVariance).squareRoot()
        }
    }

    /// n(n − 1) times the sample covariance: `n·p − a·b`, in integers when it fits.
    static func scaledCovariance(_ n: Int, _ p: Int, _ a: Int, _ b: Int) -> Double {
        let np = n.multipliedReportingOverflow(by: p), ab = a.multipliedReportingOverflow(by: b)
        if !np.overflow && !ab.overflow {
            let d = np.partialValue.subtractingReportingOverflow(ab.partialValue)
            if !d.overflow { return Double(d.partialValue) }
        }
        return Double(n) * Double(p) - Double(a) * Double(b)
    }

    /// Alpha of the items `subset` from (scaled) covariances, or `nil` when their sum has no variance.
    static func alpha(_ c: [[Double]], _ subset: [Int]) -> Double? {
        let k = Double(subset.count)
        var items = 0.0, total = 0.0
        for i in subset {
            items += c[i][i]
            for j in subset { total += c[i][j] }
        }
        guard total > 0 else { return nil }
        return k / (k - 1) * (1 - items / total)
    }
}
