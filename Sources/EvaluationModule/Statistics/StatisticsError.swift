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
    public var description: String {
        switch self {
        case .tooFewObservations(let needed, let got): return "needs at least \(needed) observations, got \(got)"
        case .unpairedLengths(let a, let b): return "paired samples differ in length (\(a) and \(b))"
        case .nonFiniteValue(let i): return "value at index \(i) is not finite"
        case .zeroVariance: return "all observations are equal; the statistic is undefined"
        case .invalidProbability(let p): return "probability \(p) is outside (0, 1)"
        case .invalidCount(let k, let n): return "count \(k) is outside 0…\(n)"
        case .itemLengthsDiffer(let item, let expected, let got):
            return "item \(item) has \(got) answers, expected \(expected)"
        case .tooFewItems(let k): return "a scale needs at least two items, got \(k)"
        case .answerOutsideScale(let a, let i): return "answer \(a) at index \(i) is outside the scale"
        case .invalidDegreesOfFreedom(let df): return "degrees of freedom \(df) must be positive"
        }
    }

    static func checkFinite(_ values: [Double]) throws {
        if let i = values.firstIndex(where: { !$0.isFinite }) { throw StatisticsError.nonFiniteValue(index: i) }
    }
}
