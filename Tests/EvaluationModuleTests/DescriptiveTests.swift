import Testing
@testable import EvaluationModule

@Suite("Descriptive statistics")
struct DescriptiveTests {
    let sample = [4.2, 5.1, 3.9, 4.8, 5.5, 4.4, 3.7, 4.9, 5.0, 4.1]

    // numpy.mean(x), numpy.std(x, ddof=1), numpy.percentile(x, [25, 50, 75])
    @Test("mean, standard deviation and quartiles match numpy")
    func basics() throws {
        let d = try Descriptives(sample)
        #expect(d.count == 10)
        #expect(close(d.mean, 4.5600000000000005, 1e-14))
        #expect(close(d.standardDeviation!, 0.585377371160405, 1e-13))
        #expect(close(d.lowerQuartile, 4.125, 1e-14))
        #expect(close(d.median, 4.6, 1e-14))
        #expect(close(d.upperQuartile, 4.975, 1e-14))
        #expect(d.minimum == 3.7 && d.maximum == 5.5)
    }

    // scipy.stats.t.interval(0.95, len(x)-1, loc=numpy.mean(x), scale=scipy.stats.sem(x))
    @Test("the 95 % interval of a mean uses the t distribution")
    func meanInterval() throws {
        let ci = try Descriptives(sample).confidenceInterval()
        #expect(close(ci.lowerBound, 4.141246254941452, 1e-12))
        #expect(close(ci.upperBound, 4.978753745058549, 1e-12))
    }

    // numpy.std([1e9+4, 1e9+7, 1e9+13, 1e9+16], ddof=1) = 5.477225575051661
    @Test("the variance stays accurate for large values close together")
    func stable() throws {
        let d = try Descriptives([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])
        #expect(close(d.standardDeviation!, 5.477225575051661, 1e-9))
    }

    @Test("a single value has no standard deviation or interval")
    func single() throws {
        let d = try Descriptives([3])
        #expect(d.standardDeviation == nil && d.median == 3)
        #expect(throws: StatisticsError.tooFewObservations(needed: 2, got: 1)) { try d.confidenceInterval() }
    }

    @Test("empty and non-finite samples are rejected")
    func rejects() {
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0)) { try Descriptives([Double]()) }
        #expect(throws: StatisticsError.nonFiniteValue(index: 1)) { try Descriptives([1, .nan]) }
    }

    // scipy.stats.binomtest(k, n).proportion_ci(0.95, method='wilson')
    @Test("Wilson intervals match scipy", arguments: [
        (8, 10, 0.4901624715366418, 0.9433178485456248), (0, 12, 0.0, 0.24249400665524085),
        (12, 12, 0.7575059933447592, 1.0), (45, 120, 0.293524297864468, 0.46423049374020786),
        (3, 7, 0.1582198552514697, 0.7495416354723428),
    ])
    func wilson(k: Int, n: Int, low: Double, high: Double) throws {
        let ci = try Proportion(successes: k, total: n).wilsonInterval()
        #expect(close(ci.lowerBound, low, 1e-12) && close(ci.upperBound, high, 1e-12))
    }

    @Test("a proportion needs 0 ≤ k ≤ n and n > 0")
    func badProportion() {
        #expect(throws: StatisticsError.invalidCount(successes: 3, total: 2)) { try Proportion(successes: 3, total: 2) }
        #expect(throws: StatisticsError.invalidCount(successes: 0, total: 0)) { try Proportion(successes: 0, total: 0) }
    }

    @Test("a scale item counts answers per point and the top two boxes")
    func scaleItem() throws {
        let s = try ScaleItemSummary(answers: [5, 4, nil, 2, 4, 1, nil, 5], points: 1...5)
        #expect(s.counts == [1, 1, 0, 2, 2])
        #expect(s.missing == 2 && s.answered == 6)
        #expect(s.topTwoBox.successes == 4 && s.topTwoBox.total == 6)
        #expect(s.distribution[3] == 0)
        #expect(close(s.descriptives.mean, 21.0 / 6))
        #expect(throws: StatisticsError.answerOutsideScale(answer: 6, index: 1)) {
            try ScaleItemSummary(answers: [1, 6], points: 1...5)
        }
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0)) {
            try ScaleItemSummary(answers: [nil, nil], points: 1...5)
        }
    }
}
