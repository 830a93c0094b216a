// The regional development project on diversity and anti-discrimination (Verva, 2006–2007) as an
// embedding system would run it.
//
// Embedding pattern: a custom renderer. Next to the built-in HTML, Markdown and CSV renderers the
// example renders every report with SteeringBriefRenderer, its own ReportRenderer that writes the
// plain-text brief (styrgruppsbrev.txt) a coordinating agency mails to its reference group.
import DiversityKit
import ExampleSupport
import Foundation
import SeedScenarios

let cli = ExampleCommandLine(
    name: "regional-project",
    summary: "Regionalt utvecklingsprojekt om mångfald och antidiskriminering (Verva 2006–2007): 51 authorities in five counties, their goals and the goal–measure audit, the 2006 budget and the networks, with a custom plain-text steering brief next to HTML, Markdown and CSV.",
    defaultSeed: VervaScenario.defaultSeed)
let options = cli.parseOrExit()

do {
    let store = try await ExampleStore.openFresh(options)
    let workspace = Workspace(store: store, ids: SequentialIDGenerator(prefix: "verva-"))
    let outcome = try await VervaScenario.run(in: workspace, seed: options.seed)
    let followUp = try await VervaScenario.followUpReports(from: store)
    let folders = ["delredovisning", "programuppfoljning", "maluppfoljning"]
    let written = try ReportOutput.write(Array(zip(folders, (VervaScenario.reports(for: outcome) + followUp).map(\.labelledSynthetic))),
                                         under: options.reportsDirectory,
                                         renderers: ReportOutput.standardRenderers + [SteeringBriefRenderer()])
    await store.close()

    if !options.quiet {
        let kronor = ExampleSummary.kronor
        var summary = ExampleSummary(title: "Regionalt utvecklingsprojekt om mångfald och antidiskriminering – Verva")
        for county in VervaScenario.counties {
            let goals = outcome.countyGoals.filter { $0.owner == county.board }.count
            summary.add(county.name, "\(county.participants.count) myndigheter, \(goals) länsövergripande mål")
        }
        summary.add("Myndigheter", "\(outcome.authorities.count) i \(outcome.counties.count) län, \(outcome.goals.count) egna mål")
        summary.add("Mål utan åtgärder", "\(outcome.audit.goalsWithoutMeasures.count) mål hos \(outcome.authoritiesWithoutMeasures.count) myndigheter")
        summary.add("Aktiviteter utan mål", "\(outcome.audit.measuresWithoutGoal.count) hos \(outcome.authoritiesWithUnlinkedActivities.count) myndigheter")
        summary.add("Nulägesanalys", "\(outcome.authoritiesWithBaseline.count) av \(outcome.authorities.count) myndigheter")
        summary.add("Anslag 2006", kronor(outcome.budget.totalFunding))
        for line in outcome.programme.budget where line.category != .grantsToPartners {
            summary.add("  \(line.label)", kronor(line.planned))
        }
        summary.add("  Bidrag till länsstyrelserna", "\(kronor(outcome.grants.map(\.granted).sum())), varav ej förbrukat \(kronor(outcome.unspentGrants))")
        summary.add("  Ej fördelat", kronor(outcome.unallocated))
        summary.add("Nätverk", outcome.networks.map { "\($0.series.name) \($0.held)" }.joined(separator: "; "))
        summary.add("Lagring", options.storePath)
        summary.add("Rapporter", "\(written.count) filer under \(options.reportsDirectory)/ (med styrgruppsbrev.txt)")
        print(summary.text)
    }
} catch {
    ExampleCommandLine.fail(error, language: options.language)
}
