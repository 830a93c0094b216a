import EvaluationModule
import Foundation

/// The aggregates W1 computes, in the shape both sides print.
struct W1Result: Codable {
    struct ItemStat: Codable {
        var n: Int, missing: Int, mean: Double, sd: Double, counts: [Int]
    }
    struct Cell: Codable {
        var n: Int, mean: Double?
    }
    var items: [ItemStat]
    var alpha: [Double]
    var complete: [Int]
    /// Per scale, per unit.
    var cells: [[Cell]]
    var seconds: [Double]?
    var peak_rss_kb: Int?

    /// The aggregates a tally holds.
    init(_ tally: LikertTally) throws {
        let layout = tally.layout
        items = try (0..<layout.itemCount).map { i in
            let s = try tally.itemSummary(i)
            return ItemStat(n: s.answered, missing: s.missing, mean: s.descriptives.mean,
                            sd: s.descriptives.standardDeviation ?? .nan, counts: s.counts)
        }
        let reliabilities = try layout.scales.indices.map { try tally.reliability(ofScale: $0) }
        alpha = reliabilities.map(\.alpha)
        complete = reliabilities.map(\.completeCases)
        cells = try layout.scales.indices.map { s in try tally.unitMeans(ofScale: s).map { Cell(n: $0.respondents, mean: $0.mean) } }
    }
}

/// W1: per-item n, mean, sd and distribution; alpha per scale; mean per unit × scale with k = 5.
enum W1 {
    /// Reads the files and computes every aggregate with the library's ``LikertTally``.
    static func compute(_ data: SurveyData) throws -> W1Result {
        let layout = try SurveyData.layout()
        let answers = try Data(contentsOf: data.answersURL)
        let units = try Data(contentsOf: data.unitsURL)
        var tally = try LikertTally(layout: layout)
        try answers.withUnsafeBytes { a in
            try units.withUnsafeBytes { u in
                try tally.add(rows: a.bindMemory(to: Int8.self), units: u.bindMemory(to: Int32.self))
            }
        }
        return try W1Result(tally)
    }

    static func run(_ options: Options) throws {
        say("W1 survey aggregation: \(options.responses) responses × \(SurveyData.itemCount) items, \(SurveyData.unitCount) units")
        let numpy = try Python.requireNumpy()
        let data = SurveyData(directory: options.workDirectory.appendingPathComponent("w1-\(options.responses)"), rows: options.responses)
        let (generated, genTime) = try Meter.time { try data.generate() }
        report("data", generated ? "generated in \(format(genTime)) s" : "reused \(data.directory.path)")

        Meter.resetPeak()
        let baseline = Meter.residentBytes()
        var seconds: [Double] = []
        var ours: W1Result?
        for _ in 0..<options.repeats {
            let (r, t) = try Meter.time { try compute(data) }
            seconds.append(t)
            ours = r
        }
        let peak = Meter.peakResidentBytes()
        let theirs = try Python.baseline("w1_numpy.py", [data.directory.path, "--repeat", "\(options.repeats)"], as: W1Result.self)
        let disagreements = compare(ours!, theirs)

        let swift = Timings(seconds: seconds), py = Timings(seconds: theirs.seconds ?? [])
        let raw = options.responses * SurveyData.itemCount
        let budget = raw * 3 / 2 + 50 * 1_048_576
        let ratio = py.median / swift.median
        report("numpy", numpy)
        report("DiversityKit (LikertTally)", swift.description)
        report("numpy baseline", py.description)
        report("speed-up (median)", format(ratio, 2) + "×  (target ≥ 2×: \(ratio >= 2 ? "met" : "MISSED"))")
        report("peak RSS DiversityKit", "\(megabytes(peak)) (\(megabytes(baseline)) before the run)")
        report("peak RSS numpy process", megabytes((theirs.peak_rss_kb ?? 0) * 1024))
        report("memory target", "≤ \(megabytes(budget)) (1.5 × \(megabytes(raw)) raw answers + 50 MB): \(peak <= budget ? "met" : "MISSED")")
        let suppressed = ours!.cells.reduce(0) { $0 + $1.filter { $0.mean == nil }.count }
        report("results", disagreements.isEmpty
               ? "agree to 1e-9 (24 items, 4 alphas, \(ours!.cells.count) × \(SurveyData.unitCount) cells, \(suppressed) suppressed)"
               : "DISAGREE")
        report("alpha per scale", ours!.alpha.map { format($0, 4) }.joined(separator: ", "))
        guard disagreements.isEmpty else {
            throw BenchmarkFailure("W1 results differ from numpy:\n" + disagreements.prefix(10).joined(separator: "\n"))
        }
    }

    /// Every difference beyond 1e-9 (absolute, or relative for values above 1), including suppression.
    static func compare(_ a: W1Result, _ b: W1Result) -> [String] {
        var out: [String] = []
        let near = { (x: Double, y: Double) in abs(x - y) <= 1e-9 * max(1, abs(y)) }
        guard a.items.count == b.items.count, a.alpha.count == b.alpha.count, a.cells.count == b.cells.count else {
            return ["shapes differ"]
        }
        for (i, (x, y)) in zip(a.items, b.items).enumerated() {
            if x.n != y.n || x.missing != y.missing || x.counts != y.counts { out.append("item \(i): counts \(x) vs \(y)") }
            if !near(x.mean, y.mean) || !near(x.sd, y.sd) { out.append("item \(i): mean/sd \(x.mean), \(x.sd) vs \(y.mean), \(y.sd)") }
        }
        for s in a.alpha.indices {
            if a.complete[s] != b.complete[s] || !near(a.alpha[s], b.alpha[s]) {
                out.append("scale \(s): alpha \(a.alpha[s]) (n \(a.complete[s])) vs \(b.alpha[s]) (n \(b.complete[s]))")
            }
            for (u, (x, y)) in zip(a.cells[s], b.cells[s]).enumerated() {
                switch (x.mean, y.mean) {
                case (nil, nil) where x.n == y.n: continue
                case (let p?, let q?) where x.n == y.n && near(p, q): continue
                default: out.append("scale \(s) unit \(u): \(x) vs \(y)")
                }
            }
        }
        return out
    }
}
