/// Why a statistic could not be computed.
///
/// Each case names the input that was unusable, so an embedder can tell the user what to fix.
public enum StatisticsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer observations than the statistic needs (e.g. a standard deviation needs two).
    case tooFewObservations(needed: Int, got: Int)
    /// Paired samples of different lengths.
    case unpairedLengths(first: Int, second: Int)
    /// A value that is not finite (NaN or infinity) at the given index.
    case nonFiniteValue(index: Int)
    /// Every observation is the same, so the statistic divides by zero (e.g. a t-test of constant differences).
    case zeroVariance
    /// A probability or confidence level outside the open interval (0, 1).
    case invalidProbability(Double)
    /// A count outside 0…total.
    case invalidCount(successes: Int, total: Int)
    /// Items of a scale answered by different numbers of respondents.
    case itemLengthsDiffer(item: Int, expected: Int, got: Int)
    /// A scale needs at least two items.
    case tooFewItems(Int)
    /// An answer outside the scale's points, at the given index.
    case answerOutsideScale(answer: Int, index: Int)
    /// Degrees of freedom must be positive.
    case invalidDegreesOfFreedom(Double)

    /// A readable description.
    public var description: String { text(.english) }

    static func checkFinite(_ values: [Double]) throws {
        if let i = values.firstIndex(where: { !$0.isFinite }) { throw StatisticsError.nonFiniteValue(index: i) }
    }
}
