import Testing
@testable import EvaluationModule

@Suite("Reliability and pre/post tests")
struct InferenceTests {
    let items: [[Int?]] = [[4, 5, 3, 4, 2, 5, 4, 3, 4, 5], [4, 4, 3, 5, 2, 5, 3, 3, 4, 4],
                           [5, 5, 2, 4, 1, 4, 4, 2, 3, 5], [3, 4, 3, 4, 2, 5, 4, 3, 5, 4]]

    // alpha(it) = k/(k-1) * (1 - it.var(axis=1, ddof=1).sum() / it.sum(axis=0).var(ddof=1)) with numpy;
    // item-total: scipy.stats.pearsonr(items[i], numpy.delete(items, i, axis=0).sum(axis=0))[0]
    @Test("Cronbach's alpha, alpha if deleted and item-total correlations match numpy/scipy")
    func alpha() throws {
        let r = try ScaleReliability(items: items)
        #expect(close(r.alpha, 0.904621435594887, 1e-12))
        let deleted = [0.823146944083225, 0.8727915194346288, 0.9126365054602185, 0.9010123734533183]
        let itemTotal = [0.951790079574449, 0.8122378972812533, 0.769539638496794, 0.71922358269316]
        for i in 0..<4 {
            #expect(close(r.alphaIfItemDeleted[i]!, deleted[i], 1e-12))
            #expect(close(r.correctedItemTotalCorrelations[i]!, itemTotal[i], 1e-12))
        }
    }

    @Test("respondents missing an item are left out of alpha")
    func listwise() throws {
        var withGap = items
        withGap[0].append(nil)
        for i in 1..<4 { withGap[i].append(1) }
        let r = try ScaleReliability(items: withGap)
        #expect(r.completeCases == 10)
        #expect(close(r.alpha, 0.904621435594887, 1e-12))
    }

    @Test("bad scales are typed errors")
    func badScales() {
        #expect(throws: StatisticsError.tooFewItems(1)) { try ScaleReliability(items: [[1, 2]]) }
        #expect(throws: StatisticsError.itemLengthsDiffer(item: 1, expected: 2, got: 1)) {
            try ScaleReliability(items: [[1, 2], [1]])
        }
        #expect(throws: StatisticsError.zeroVariance) { try ScaleReliability(items: [[3, 3], [2, 2]]) }
    }

    let pre: [Double] = [12, 15, 11, 18, 14, 16, 13, 17, 12, 15]
    let post: [Double] = [14, 17, 12, 21, 15, 19, 14.5, 20, 15, 16.25]

    // scipy.stats.ttest_rel(post, pre); d_z = d.mean()/d.std(ddof=1);
    // scipy.stats.t.interval(0.95, 9, loc=d.mean(), scale=scipy.stats.sem(d))
    @Test("paired t-test, d_z and the interval of the difference match scipy")
    func paired() throws {
        let c = try PairedComparison(pre: pre, post: post)
        #expect(close(c.meanDifference, 2.075, 1e-13))
        #expect(close(c.tTest.t, 7.573323355172296, 1e-12))
        #expect(c.tTest.degreesOfFreedom == 9)
        #expect(abs(c.tTest.pValue / 3.420268759031348e-05 - 1) < 1e-9)
        #expect(close(c.cohensDz, 2.394895125929279, 1e-12))
        #expect(close(c.confidenceInterval.lowerBound, 1.4551959994748587, 1e-12))
        #expect(close(c.confidenceInterval.upperBound, 2.6948040005251417, 1e-12))
    }

    // scipy.stats.ttest_ind(post, pre, equal_var=False)
    @Test("Welch's test matches scipy")
    func welch() throws {
        let w = try WelchTest(first: pre, second: post)
        #expect(close(w.result.t, 1.7821666663756313, 1e-12))
        #expect(close(w.result.degreesOfFreedom, 17.229184626685708, 1e-12))
        #expect(close(w.result.pValue, 0.0923535530948161, 1e-10))
    }

    @Test("paired tests reject unpaired, short or constant input")
    func pairedErrors() {
        #expect(throws: StatisticsError.unpairedLengths(first: 2, second: 3)) { try PairedComparison(pre: [1, 2], post: [1, 2, 3]) }
        #expect(throws: StatisticsError.tooFewObservations(needed: 2, got: 1)) { try PairedComparison(pre: [1], post: [2]) }
        #expect(throws: StatisticsError.zeroVariance) { try PairedComparison(pre: [1, 2, 3], post: [2, 3, 4]) }
        #expect(throws: StatisticsError.zeroVariance) { try WelchTest(first: [1, 1], second: [2, 2]) }
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0)) { try WilcoxonSignedRank(pre: [1, 2], post: [1, 2]) }
    }

    // scipy.stats.wilcoxon(post, pre, zero_method='wilcox', correction=False, method='exact')
    @Test("Wilcoxon is exact for small samples without ties")
    func wilcoxonExact() throws {
        let pre: [Double] = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]
        let post = [10.5, 9.8, 14.1, 16.3, 13.6, 16.7, 18.9, 17.8, 15.5, 20.1, 23.8, 21.2]
        let w = try WilcoxonSignedRank(pre: pre, post: post)
        #expect(w.method == .exact)
        #expect(w.statistic == 17)
        #expect(close(w.pValue, 0.09228515625, 1e-13))
    }

    // scipy.stats.wilcoxon(post, pre, zero_method='wilcox', correction=False, method='approx'):
    // statistic 4.0, p 0.020874593888460854, zstatistic -2.310245001901512
    @Test("Wilcoxon uses the tie-corrected normal approximation with ties and zeros")
    func wilcoxonTies() throws {
        let pre: [Double] = [3, 2, 4, 3, 5, 2, 3, 4, 2, 3, 4, 3]
        let post: [Double] = [4, 4, 5, 3, 5, 3, 4, 4, 3, 5, 3, 4]
        let w = try WilcoxonSignedRank(pre: pre, post: post)
        #expect(w.method == .normalApproximation)
        #expect(w.count == 9)
        #expect(w.statistic == 4)
        #expect(close(w.pValue, 0.020874593888460854, 1e-12))
        // scipy: zstatistic = (min(W+, W−) − n(n+1)/4) / se, negative although post > pre.
        #expect(close(w.z!, -2.310245001901512, 1e-12))
        #expect(w.positiveRankSum > w.negativeRankSum)
    }

    // scipy.stats.wilcoxon(post60, pre60, zero_method='wilcox', correction=False): statistic 646, p 0.047672309020720116
    @Test("Wilcoxon uses the approximation above fifty pairs")
    func wilcoxonLarge() throws {
        let w = try WilcoxonSignedRank(pre: InferenceTests.pre60, post: InferenceTests.post60)
        #expect(w.method == .normalApproximation)
        #expect(w.statistic == 646)
        #expect(close(w.pValue, 0.047672309020720116, 1e-11))
    }

    static let pre60: [Double] = [0.001, 0.299, -0.274, -0.891, -0.455, -0.992, 0.06, 1.34, -0.492, -0.62, 0.49, 0.357,
        0.105, -0.93, -0.029, 0.695, -1.344, -0.458, -1.901, -1.29, -1.842, -0.235, -1.267, 0.271, 0.157, -0.187, -2.517,
        -0.539, -0.049, 0.113, -1.53, -0.478, -0.979, -0.809, 1.061, -0.808, -0.033, 0.884, -0.584, -0.112, 0.11, 0.064,
        -1.225, 0.076, 1.359, -1.547, 0.859, 0.119, -0.641, 2.0, 0.762, -1.199, 0.075, 0.577, -0.189, 0.683, -0.067, 0.667,
        1.439, -0.676]
    static let post60: [Double] = [0.504, 0.136, 0.153, -1.778, -0.734, -0.888, 1.259, 2.785, -1.516, -1.115, 1.437, -1.335,
        -0.058, -0.727, 1.528, 1.684, -1.371, -0.527, -1.851, 0.534, -1.97, -0.239, -0.614, 0.45, 0.26, -1.001, -2.229,
        -0.683, 1.417, 1.066, -1.254, 0.49, -1.019, 0.543, 1.356, 0.075, -1.024, 1.531, -1.972, -1.847, 0.106, -0.536,
        -0.761, 2.621, 0.827, -1.871, 1.364, 0.912, -0.517, 2.094, 1.764, -0.379, -0.659, 0.798, 0.146, -0.071, 0.493, 0.109,
        2.711, -0.183]
}
