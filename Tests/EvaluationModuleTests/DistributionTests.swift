import Testing
@testable import EvaluationModule

// References: scipy 1.17.1.
@Suite("Distributions")
struct DistributionTests {
    // scipy.stats.t.ppf(p, df)
    @Test("t quantiles match scipy", arguments: [
        (1.0, 0.975, 12.706204736174694), (2.0, 0.975, 4.302652729749462), (9.0, 0.975, 2.262157162798205),
        (29.0, 0.995, 2.756385903670605), (3.7, 0.9, 1.5575658388615072), (100.0, 0.975, 1.9839715185235518),
        (5.0, 0.6, 0.2671808657041451),
    ])
    func tQuantile(df: Double, p: Double, expected: Double) throws {
        let t = try StudentT(degreesOfFreedom: df)
        #expect(close(try t.quantile(p), expected, 1e-10))
        #expect(close(try t.quantile(1 - p), -expected, 1e-10))
    }

    // 2 * scipy.stats.t.sf(abs(t), df) and scipy.stats.t.cdf(t, df)
    @Test("t tails and distribution function match scipy", arguments: [
        (9.0, 2.5, 0.033861827682985735, 0.9830690861585072), (4.0, -1.2, 0.29635139331235333, 0.14817569665617666),
        (30.0, 3.9, 0.0005022499091774173, 0.9997488750454113), (2.5, 0.7, 0.543404943189548, 0.728297528405226),
        (1.0, 10.0, 0.06345103486110713, 0.9682744825694465), (50.0, 6.0, 2.1889394850799978e-07, 0.9999998905530257),
    ])
    func tTail(df: Double, t: Double, twoSided: Double, cdf: Double) throws {
        let dist = try StudentT(degreesOfFreedom: df)
        #expect(close(dist.twoSidedTail(t), twoSided, 1e-11) || abs(dist.twoSidedTail(t) / twoSided - 1) < 1e-9)
        #expect(close(dist.cdf(t), cdf, 1e-11))
    }

    // scipy.stats.norm.ppf(p)
    @Test("normal quantiles match scipy", arguments: [
        (0.975, 1.959963984540054), (0.995, 2.5758293035489004), (0.5001, 0.0002506628300880075),
        (1e-10, -6.361340902404056), (0.02, -2.053748910631823),
    ])
    func normalQuantile(p: Double, expected: Double) throws {
        #expect(close(try StandardNormal.quantile(p), expected, 1e-12))
    }

    @Test("bad parameters are typed errors")
    func badParameters() throws {
        #expect(throws: StatisticsError.invalidDegreesOfFreedom(0)) { try StudentT(degreesOfFreedom: 0) }
        #expect(throws: StatisticsError.invalidProbability(1)) { try StudentT(degreesOfFreedom: 3).quantile(1) }
        #expect(throws: StatisticsError.invalidProbability(0)) { try StandardNormal.quantile(0) }
    }
}
