import Foundation

/// The answers to one rating or Likert item: distribution over the scale points,
/// top-two-box share and descriptive statistics.
///
/// Survey-neutral: pass the answers as optional integers (`nil` = not answered).
///
/// ```swift
/// let s = try ScaleItemSummary(answers: [5, 4, nil, 2, 4], points: 1...5)
/// s.distribution      // [1: 0, 2: 1, 3: 0, 4: 2, 5: 1]
/// s.topTwoBox.value   // 0.75
/// ```
public struct ScaleItemSummary: Hashable, Sendable, Codable {
    /// The scale points, e.g. 1…5.
    public let points: ClosedRange<Int>
    /// The number answering per scale point, one entry per point in order.
    public let counts: [Int]
    /// How many left the item unanswered.
    public let missing: Int
    /// Descriptive statistics of the answers.
    public let descriptives: Descriptives
    /// The share answering one of the two highest points.
    public let topTwoBox: Proportion

    /// Summarises `answers` on a scale.
    /// - Throws: ``StatisticsError/tooFewObservations(needed:got:)`` when nobody answered;
    ///   ``StatisticsError/answerOutsideScale(answer:index:)`` when an answer lies outside `points`;
    ///   ``StatisticsError/tooFewItems(_:)`` for a scale of fewer than two points.
    public init(answers: [Int?], points: ClosedRange<Int>) throws {
        guard points.count >= 2 else { throw StatisticsError.tooFewItems(points.count) }
        let counts = try ScaleItemSummary.counts(answers, points: points)
        let given = answers.compactMap { $0 }
        self.points = points
        self.counts = counts
        missing = answers.count - given.count
        descriptives = try Descriptives(given)
        topTwoBox = try Proportion(successes: counts[counts.count - 1] + counts[counts.count - 2], total: given.count)
    }

    /// The number answering per scale point, in scale order.
    /// - Throws: ``StatisticsError/answerOutsideScale(answer:index:)``.
    static func counts(_ answers: [Int?], points: ClosedRange<Int>) throws -> [Int] {
        var counts = Array(repeating: 0, count: points.count)
        for (index, answer) in answers.enumerated() {
            guard let a = answer else { continue }
            guard points.contains(a) else { throw StatisticsError.answerOutsideScale(answer: a, index: index) }
            counts[a - points.lowerBound] += 1
        }
        return counts
    }

    /// The number answering.
    public var answered: Int { descriptives.count }

    /// Count per scale point.
    public var distribution: [Int: Int] {
        Dictionary(uniqueKeysWithValues: zip(points, counts))
    }

    /// Share per scale point, in scale order.
    public var shares: [Double] { counts.map { Double($0) / Double(answered) } }
}
