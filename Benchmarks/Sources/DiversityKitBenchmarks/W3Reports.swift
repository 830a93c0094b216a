import DiversityKit
import EvaluationModule
import Foundation

/// W3: the programme follow-up report (EvaluationModule) rendered as HTML (the core ``HTMLRenderer``),
/// for a Trelleborg-sized programme (3001 participants) and one a hundred times larger.
enum W3 {
    static func run(_ options: Options) async throws {
        let small = 3001, large = options.quick ? 30_000 : 300_000
        let repeats = min(options.repeats, 3)
        say("W3 reports: programme follow-up → HTML, \(small) and \(large) participants; warm-up, then \(repeats) runs (15 for the small one)")
        var medians: [Int: (build: Double, render: Double, total: Double)] = [:]
        for n in options.participants.map({ [$0] }) ?? [small, large] {
            let (records, tg) = Meter.time { SyntheticProgramme(participants: n).records }
            var build: [Double] = [], render: [Double] = [], total: [Double] = []
            var bytes = 0
            // One unrecorded warm-up run; the small case is a few milliseconds, so it gets more runs.
            _ = HTMLRenderer().html(try EvaluationReports().programmeFollowUp(records, asOf: SyntheticProgramme.asOf))
            for _ in 0..<(n < 10_000 ? max(repeats, 15) : repeats) {
                let (report, tb) = try Meter.time {
                    try EvaluationReports().programmeFollowUp(records, asOf: SyntheticProgramme.asOf)
                }
                let (html, tr) = Meter.time { HTMLRenderer().html(report) }
                bytes = html.utf8.count
                build.append(tb)
                render.append(tr)
                total.append(tb + tr)
            }
            let b = Timings(seconds: build), r = Timings(seconds: render), t = Timings(seconds: total)
            medians[n] = (b.median, r.median, t.median)
            report("\(n) participants", "\(records.attendances.count) attendances, \(records.ratings.count) ratings, "
                   + "\(records.organisations.count) organisations (generated in \(format(tg)) s)")
            report("  build report", b.description)
            report("  render HTML (\(bytes / 1024) KiB)", r.description)
            report("  build + render", t.description)
        }
        guard options.participants == nil else { return }
        let scale = Double(large) / Double(small)
        let ratio = medians[large]!.total / medians[small]!.total
        let allowed = scale * 1.2
        report("time ratio for \(format(scale, 0))× participants", format(ratio, 1) + "×  (target ≤ \(format(allowed, 0))×: \(ratio <= allowed ? "met" : "MISSED"))")
        report("  of which build", format(medians[large]!.build / medians[small]!.build, 1) + "×")
        report("  of which render", format(medians[large]!.render / medians[small]!.render, 1) + "×")
    }
}
