import Foundation

extension Descriptives {
    /// Describes integer answers given as a count per scale point — what a one-pass tally
    /// (``LikertTally``) keeps instead of the answers themselves.
    ///
    /// The sum is exact (integers); the variance is the centred sum of squares over the points,
    /// so the result equals ``init(_:)-([Int])`` on the expanded answers to rounding.
    ///
    /// ```swift
    /// let d = try Descriptives(counts: [0, 1, 0, 2, 1], points: 1...5) // answers 2, 4, 4, 5
    /// d.mean // 3.75
    /// ```
    /// - Throws: ``StatisticsError/unpairedLengths(first:second:)`` when there is not one count per point,
    ///   ``StatisticsError/invalidCount(successes:total:)`` for a negative count,
    ///   ``StatisticsError/tooFewObservations(needed:got:)`` when every count is zero.
    public init(counts: [Int], points: ClosedRange<Int>) throws {
        guard counts.count == points.count else {
            throw StatisticsError.unpairedLengths(first: counts.count, second: points.count)
        }
        let n = counts.reduce(0, +)
        if let negative = counts.first(where: { $0 < 0 }) { throw StatisticsError.invalidCount(successes: negative, total: n) }
        guard n > 0 else { throw StatisticsError.tooFewObservations(needed: 1, got: 0) }
        var sum = 0
        for (c, v) in zip(counts, points) { sum += c * v }
        let mean = Double(sum) / Double(n)
        var m2 = 0.0
        for (c, v) in zip(counts, points) where c > 0 { m2 += Double(c) * (Double(v) - mean) * (Double(v) - mean) }
        let value = { (rank: Int) -> Double in
            // The point holding the answer at `rank` (0-based) in sorted order.
            var seen = 0
            for (c, v) in zip(counts, points) {
                seen += c
                if rank < seen { return Double(v) }
            }
            return Double(points.upperBound)
        }
        let percentile = { (p: Double) -> Double in
            let h = Double(n - 1) * p
            let lo = Int(h.rounded(.down))
            let a = value(lo), b = value(min(lo + 1, n - 1))
            return a + (h - Double(lo)) * (b - a)
        }
        self.init(count: n, mean: mean, standardDeviation: n > 1 ? (m2 / Double(n - 1)).squareRoot() : nil,
                  minimum: value(0), lowerQuartile: percentile(0.25), median: percentile(0.5),
                  upperQuartile: percentile(0.75), maximum: value(n - 1))
    }

    private init(count: Int, mean: Double, standardDeviation: Double?, minimum: Double, lowerQuartile: Double,
                 median: Double, upperQuartile: Double, maximum: Double) {
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.minimum = minimum
        self.lowerQuartile = lowerQuartile
        self.median = median
        self.upperQuartile = upperQuartile
        self.maximum = maximum
    }
}

extension ScaleItemSummary {
    /// Summarises an item from its count per scale point and its number of missing answers.
    ///
    /// ```swift
    /// let s = try ScaleItemSummary(counts: [0, 1, 0, 2, 1], missing: 1, points: 1...5)
    /// s.topTwoBox.value // 0.75
    /// ```
    /// - Throws: ``StatisticsError/tooFewItems(_:)`` for a scale of fewer than two points, and the errors
    ///   of ``Descriptives/init(counts:points:)``; ``StatisticsError/invalidCount(successes:total:)`` for a
    ///   negative `missing`.
    public init(counts: [Int], missing: Int, points: ClosedRange<Int>) throws {
        guard points.count >= 2 else { throw StatisticsError.tooFewItems(points.count) }
        guard missing >= 0 else { throw StatisticsError.invalidCount(successes: missing, total: counts.reduce(0, +)) }
        let descriptives = try Descriptives(counts: counts, points: points)
        self.points = points
        self.counts = counts
        self.missing = missing
        self.descriptives = descriptives
        topTwoBox = try Proportion(successes: counts[counts.count - 1] + counts[counts.count - 2], total: descriptives.count)
    }
}
