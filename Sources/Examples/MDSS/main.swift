// Mångfaldsdriven Samhällsservice (MDSS, Umeå 2010–2012) as an embedding system would run it.
//
// Embedding pattern: a command-line tool. The partners' system runs the programme end to end on
// the default SQLite store (or --store PATH), writes the reports, and prints what a steering
// group asks first: participants per organisation against plan, the ratings and the tailored plan.
import DiversityKit
import ExampleSupport
import Foundation
import SeedScenarios
import SurveyModule

let cli = ExampleCommandLine(
    name: "mdss",
    summary: "MDSS – Mångfaldsdriven Samhällsservice (Umeå 2010–2012): baseline survey, tailored base training, leader forum and diversity forum for the staff of Försäkringskassan, Arbetsförmedlingen, Umeå kommun and Västerbottens läns landsting, with Samordningsförbundet Umeå.",
    defaultSeed: MDSSScenario.defaultSeed)
let options = cli.parseOrExit()

do {
    let store = try await ExampleStore.openFresh(options)
    let workspace = Workspace(store: store, ids: SequentialIDGenerator(prefix: "mdss-"))
    let outcome = try await MDSSScenario.run(in: workspace, seed: options.seed)
    let followUp = try await MDSSScenario.followUpReports(from: store)
    let folders = ["projekt", "programuppfoljning", "kursutvardering", "nulagesmatning"]
    let written = try ReportOutput.write(Array(zip(folders, (MDSSScenario.reports(for: outcome) + followUp).map(\.labelledSynthetic))),
                                         under: options.reportsDirectory, renderers: ReportOutput.standardRenderers)
    await store.close()

    if !options.quiet {
        var summary = ExampleSummary(title: "MDSS – Mångfaldsdriven Samhällsservice, Umeå")
        summary.add("Nulägesenkät", "\(outcome.surveyResponded) av \(outcome.surveyIssued) svarade anonymt")
        for (i, allocation) in outcome.tailoredPlan.allocations.enumerated() where allocation.minutes > 0 {
            let topic = allocation.topic.name(in: .swedish)
            summary.add(i == 0 ? "Anpassad basutbildning" : "", "\(allocation.minutes) min \(topic): "
                        + allocation.reasons.map(MDSSScenario.reasonText).joined(separator: "; "))
        }
        for row in outcome.participation.rows {
            let planned = row.planned.map { " av planerade \($0)" } ?? ""
            let sign = (row.difference ?? 0) > 0 ? "över" : (row.difference ?? 0) < 0 ? "under" : "enligt"
            summary.add(outcome.name(of: row.organisation), "\(row.actual) deltagare\(planned) (\(sign) plan)")
        }
        summary.add("Deltagare totalt", "\(outcome.totalParticipants) av planerade \(outcome.participation.totalPlanned)")
        let mean = { (v: Double?) in v.map { String(format: "%.2f", $0).replacingOccurrences(of: ".", with: ",") } ?? "–" }
        summary.add("Basutbildningen", "innehåll \(mean(outcome.contentMean)), utbildare \(mean(outcome.trainerMean)) (1–5)")
        summary.add("Genomförande", outcome.funnel.map { "\($0.name) \($0.completed)" }.joined(separator: " → "))
        if let refusal = outcome.refusalText { summary.add("Avvisad anmälan", refusal) }
        summary.add("Tidsplan", "höll med viss förskjutning, som mest \(outcome.maximumSlippage) dagar")
        summary.add("Lagring", options.storePath)
        summary.add("Rapporter", "\(written.count) filer under \(options.reportsDirectory)/")
        print(summary.text)
    }
} catch {
    ExampleCommandLine.fail(error, language: options.language)
}
