import Foundation

extension LikertTally {
    /// The summary of item `item` (a column index): distribution, missing count and descriptives.
    /// - Throws: ``LikertTallyError/indexOutOfRange(_:)``, and the errors of
    ///   ``ScaleItemSummary/init(counts:missing:points:)`` (e.g. nobody answered).
    public func itemSummary(_ item: Int) throws -> ScaleItemSummary {
        guard (0..<layout.itemCount).contains(item) else { throw LikertTallyError.indexOutOfRange(item) }
        return try ScaleItemSummary(counts: try itemCounts(item), missing: storage[offsets.missing + item], points: layout.points)
    }

    /// The answers to item `item` (a column index) per reporting unit and scale point: row u is unit u,
    /// column p the count of answers `layout.points.lowerBound + p`. Answers of rows without a unit are in
    /// ``itemCounts(_:)`` but in no row here.
    /// - Throws: ``LikertTallyError/indexOutOfRange(_:)``.
    public func unitCounts(ofItem item: Int) throws -> [[Int]] {
        guard (0..<layout.itemCount).contains(item) else { throw LikertTallyError.indexOutOfRange(item) }
        let p = offsets.points, k = layout.itemCount
        return (0..<layout.unitCount).map { u in
            let start = offsets.unitCounts + (u * k + item) * p
            return Array(storage[start..<(start + p)])
        }
    }

    /// The answers to item `item` per scale point, over every row.
    /// - Throws: ``LikertTallyError/indexOutOfRange(_:)``.
    public func itemCounts(_ item: Int) throws -> [Int] {
        guard (0..<layout.itemCount).contains(item) else { throw LikertTallyError.indexOutOfRange(item) }
        let p = offsets.points
        return Array(storage[(item * p)..<(item * p + p)])
    }

    /// The number of respondents who answered every item of scale `scale` (an index into `layout.scales`).
    /// - Throws: ``LikertTallyError/indexOutOfRange(_:)``.
    public func completeCases(ofScale scale: Int) throws -> Int {
        guard layout.scales.indices.contains(scale) else { throw LikertTallyError.indexOutOfRange(scale) }
        return storage[offsets.complete + scale]
    }

    /// Cronbach's alpha, alpha if item deleted and item–total correlations of scale `scale`, over the
    /// respondents who answered all its items, reverse-coded items flipped.
    /// - Throws: ``LikertTallyError/indexOutOfRange(_:)``, and the errors of
    ///   ``ScaleReliability/init(completeCases:sums:products:)``.
    public func reliability(ofScale scale: Int) throws -> ScaleReliability {
        let n = try completeCases(ofScale: scale)
        let k = layout.scales[scale].items.count
        let sums = Array(storage[offsets.sums[scale]..<(offsets.sums[scale] + k)])
        let products = (0..<k).map { i in
            // Only the upper triangle is counted; the matrix is symmetric.
            (0..<k).map { j in storage[offsets.products[scale] + min(i, j) * k + max(i, j)] }
        }
        return try ScaleReliability(completeCases: n, sums: sums, products: products)
    }

    /// Per unit (by index), the mean score of scale `scale` over respondents with a score; cells of fewer
    /// respondents than the disclosure threshold (k, default 5) carry their count but no mean.
    /// - Throws: ``LikertTallyError/indexOutOfRange(_:)``.
    public func unitMeans(ofScale scale: Int, disclosure: DisclosureControl.Configuration = .standard) throws -> [GroupMean] {
        guard layout.scales.indices.contains(scale) else { throw LikertTallyError.indexOutOfRange(scale) }
        let s = layout.scales.count, l = Double(layout.scales[scale].scoreDenominator)
        return (0..<layout.unitCount).map { unit in
            let n = storage[offsets.cellCount + unit * s + scale]
            let scaled = storage[offsets.cellScaled + unit * s + scale]
            return GroupMean(respondents: n, mean: n >= disclosure.threshold ? Double(scaled) / (l * Double(n)) : nil)
        }
    }
}

/// A group's mean score with its number of respondents; the mean is withheld (`nil`) for a group
/// smaller than the disclosure threshold, or an empty one.
public struct GroupMean: Hashable, Sendable, Codable {
    /// The respondents with a score in the group.
    public let respondents: Int
    /// The mean score, or `nil` when withheld.
    public let mean: Double?

    /// Creates a group mean.
    public init(respondents: Int, mean: Double?) {
        self.respondents = respondents
        self.mean = mean
    }

    /// Whether the mean is withheld.
    public var isSuppressed: Bool { mean == nil }
}
