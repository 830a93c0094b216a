import DiversityKit
import EvaluationModule
import Foundation

/// W4: disclosure control. A 100 × 20 table (units × answer categories, all totals published) protected
/// with the integer audit, against the hypercube heuristic's loss; then a national survey — 1000
/// workplaces × 24 items × 5 categories — through the survey report, whose per-item unit tables and
/// overall distributions are protected as one system each.
enum W4 {
    static func run(_ options: Options) throws {
        let repeats = min(options.repeats, 3)
        say("W4 disclosure control: 100 × 20 table; 1000 workplaces × 24 items × 5 categories; \(repeats) runs")
        var rng = SplitMix64(seed: 14)
        let control = DisclosureControl()
        // Skewed Likert-like counts: most cells small, many of 1–4.
        let table = CountTable(counts: (0..<100).map { _ in (0..<20).map { _ in
            Int.random(in: 0..<3, using: &rng) == 0 ? Int.random(in: 0...4, using: &rng) : Int.random(in: 0...30, using: &rng)
        } })
        var times: [Double] = [], result: ProtectedTable?
        for _ in 0..<repeats {
            let (r, t) = try Meter.time { try control.protect(table) }
            times.append(t)
            result = r
        }
        let primary = table.counts.flatMap { $0 }.filter { $0 > 0 && $0 < 5 }.count
        report("100 × 20 protect", Timings(seconds: times).description + "  (target < 2 s)")
        report("  primary cells", "\(primary)")
        report("  withheld", result!.loss.description + (result!.withheldEntirely ? " (entirely)" : ""))
        report("  hypercube heuristic", try control.hypercubeLoss(table)?.description ?? "no pattern")
        let audit = try control.audit(table: table, pattern: Set(result!.suppressedCells), published: .all)
        report("  audit", audit.isProtected ? "every withheld cell protected, \(audit.exactlyRecoverable.count) exact" : "NOT PROTECTED")

        let (counts, tg) = try Meter.time { try national(&rng) }
        var reportTimes: [Double] = [], withheld = 0, published = 0
        for _ in 0..<repeats {
            let (publication, t) = try Meter.time { try EvaluationReports(language: .swedish).surveyResults(counts) }
            reportTimes.append(t)
            withheld = 0
            published = 0
            for table in publication.report.allTables where table.id.hasPrefix("group-") {
                for row in table.rows { for cell in row { if case .suppressed = cell { withheld += 1 } else if case .integer = cell { published += 1 } } }
            }
        }
        report("national survey report", Timings(seconds: reportTimes).description + "  (target < 60 s)")
        report("  data", "\(counts.tally.rowCount) respondents, 1000 workplaces, 24 items (tallied in \(format(tg)) s)")
        report("  unit tables", "\(withheld) cells withheld, \(published) integers published")
    }

    /// 1000 workplaces of 3–60 respondents answering 24 items on 1…5.
    static func national(_ rng: inout SplitMix64) throws -> SurveyCounts {
        let units = 1000, items = 24
        var tally = try LikertTally(layout: .init(itemCount: items, points: 1...5, unitCount: units, scales: []))
        var codes: [Int8] = [], rowUnits: [Int32] = []
        let weights = [1, 2, 4, 6, 4]
        for u in 0..<units {
            for _ in 0..<Int.random(in: 3...60, using: &rng) {
                rowUnits.append(Int32(u))
                for _ in 0..<items {
                    var r = Int.random(in: 0..<17, using: &rng), p = 0
                    while r >= weights[p] { r -= weights[p]; p += 1 }
                    codes.append(Int8(p + 1))
                }
            }
        }
        try tally.add(rows: codes, units: rowUnits)
        return try SurveyCounts(title: "Nationell enkät", items: (1...items).map { .init(code: "q\($0)", label: "Fråga \($0)") },
                                unitNames: (1...units).map { "Arbetsplats \($0)" }, tally: tally)
    }
}
