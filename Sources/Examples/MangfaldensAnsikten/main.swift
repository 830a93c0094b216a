// Mångfaldens ansikten (Östergötland, EQUAL) as an embedding system would run it.
//
// Embedding pattern: an HR roster import. The partners' HR systems deliver a staff roster as a
// CSV file (pseudonymous references, organisation, unit, role — no names); the example writes
// one next to the store and imports it with HRRosterImporter, showing progress on stderr.
import DiversityKit
import ExampleSupport
import Foundation
import ProgrammeToolkit
import SeedScenarios

let cli = ExampleCommandLine(
    name: "mangfaldens-ansikten",
    summary: "Mångfaldens ansikten (Östergötland, EQUAL): 12 partners, Experimentverkstaden's pilot grants, Erfarenhetsdialogen's seminars and the diversity ambassadors, with the partners' staff imported from an HR roster CSV.",
    defaultSeed: MangfaldensAnsiktenScenario.defaultSeed)
let options = cli.parseOrExit()

do {
    let store = try await ExampleStore.openFresh(options)
    let workspace = Workspace(store: store, ids: SequentialIDGenerator(prefix: "ma-"), dataOwners: [ToolkitParticipantData()])
    let rosterURL = URL(fileURLWithPath: options.storePath).deletingLastPathComponent()
        .appendingPathComponent("\(cli.name)-roster.csv")
    let progress = ProgressDisplay(title: "Importerar personalregister", mode: .automatic(quiet: options.quiet))
    let imported = ImportTally()

    let outcome = try await MangfaldensAnsiktenScenario.run(in: workspace, seed: options.seed) { entries in
        try HRRoster.csv(entries).write(to: rosterURL, options: .atomic)
        let result = try await HRRosterImporter(workspace: workspace, batchSize: 100)
            .importRoster(contentsOf: rosterURL) { done, total in progress.update(done, of: total) }
        progress.finish()
        imported.record(result)
    }
    let followUp = try await MangfaldensAnsiktenScenario.followUpReports(from: store)
    let folders = ["partnerskap", "programuppfoljning", "maluppfoljning"]
    let written = try ReportOutput.write(Array(zip(folders, (MangfaldensAnsiktenScenario.reports(for: outcome) + followUp).map(\.labelledSynthetic))),
                                         under: options.reportsDirectory, renderers: ReportOutput.standardRenderers)
    await store.close()

    if !options.quiet {
        var summary = ExampleSummary(title: "Mångfaldens ansikten – utvecklingspartnerskapet i Östergötland")
        summary.add("Aktörer", "\(outcome.organisations.count) (offentliga, privata, föreningar, fackförbund)")
        summary.add("Personalregister", "\(imported.registered) anställda i \(imported.batches) batcher från \(rosterURL.path)")
        summary.add("Experimentverkstaden", "\(outcome.applications.count) ansökningar prövade, \(outcome.decisions.filter(\.isGranted).count) beviljade, \(ExampleSummary.kronor(outcome.totalGranted)) av \(ExampleSummary.kronor(outcome.fund.budget))")
        for refusal in outcome.refusals { summary.add("Avvisad", refusal.text) }
        summary.add("Spridning", "\(outcome.dissemination.reduce(0) { $0 + $1.held }) av \(outcome.dissemination.reduce(0) { $0 + $1.planned }) planerade spridningsseminarier hölls")
        summary.add("Erfarenhetsdialogen", "\(outcome.seminars.count) seminarier, \(outcome.seminars.reduce(0) { $0 + $1.attended }) deltagare")
        summary.add("Ambassadörer", "\(outcome.ambassadors.count) utbildade, \(outcome.workshops.count) workshops kring Blåögd")
        summary.add("Täckning", "\(outcome.coverage.covered.count) av \(MangfaldensAnsiktenScenario.countyMunicipalities.count) kommuner har en ambassadör (\(outcome.coverage.covered.joined(separator: ", ")))")
        summary.add("Transnationellt", "Skottland, Nederländerna, Portugal, Italien (The X Train)")
        summary.add("Lagring", options.storePath)
        summary.add("Rapporter", "\(written.count) filer under \(options.reportsDirectory)/")
        print(summary.text)
    }
} catch {
    ExampleCommandLine.fail(error, language: options.language)
}

/// What the roster import registered, handed out of the scenario's import callback.
/// Lock-guarded because the callback is `@Sendable`.
final class ImportTally: @unchecked Sendable {
    private let lock = NSLock()
    private var result: RosterImportResult?
    func record(_ r: RosterImportResult) { lock.withLock { result = r } }
    var registered: Int { lock.withLock { result?.registered ?? 0 } }
    var batches: Int { lock.withLock { result?.batches ?? 0 } }
}
