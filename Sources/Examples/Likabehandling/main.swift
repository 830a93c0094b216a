// (o)Likabehandling (Trelleborg, 2009–2011) as an embedding system would run it.
//
// Embedding patterns: a command-line interface with --help (the shared options plus --roster),
// and a progress display on long work. The municipality's HR system delivers the 3001-employee
// roster as a ;-separated CSV file with a byte-order mark, as a Swedish spreadsheet export does;
// the example writes one next to the store (or reads the file given with --roster), imports it
// with HRRosterImporter and then records attendance for everyone, both in batches with a
// ProgressDisplay on stderr.
import DiversityKit
import ExampleSupport
import Foundation
import ProgrammeToolkit
import SeedScenarios

let cli = ExampleCommandLine(
    name: "likabehandling",
    summary: "(o)Likabehandling (Trelleborg 2009–2011): the 2008 employee survey as baseline, 26 full training days with a plenary and six elective seminars, 144 reflection seminars and the (RE)Agera material, for 3001 employees imported from an HR roster CSV.",
    defaultSeed: LikabehandlingScenario.defaultSeed)
let rosterOption = """
      --roster PATH   HR roster CSV to import (employee_ref;organisation;unit;role) instead of the
                      one generated next to the store (default ./.diversitykit/likabehandling-roster.csv).
                      A bad row is reported with its file, line and field number.
    """
let usage = cli.usage.replacingOccurrences(of: "[--quiet] [--help]", with: "[--roster PATH] [--quiet] [--help]")
    + "\n" + rosterOption
let commandLine: (options: ExampleOptions, roster: String?)
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    let split = try RosterArgument.extract(from: arguments)
    switch try cli.parse(split.rest) {
    case .help:
        print(usage)
        exit(0)
    case .run(let options):
        commandLine = (options, split.roster)
    }
} catch {
    ExampleCommandLine.usageError(error, usage: usage, arguments: arguments)
}
let options = commandLine.options
if let roster = commandLine.roster {
    // Checked before the store is opened, so a mistyped path leaves no store file behind.
    guard FileManager.default.isReadableFile(atPath: roster) else {
        ExampleCommandLine.fail(HRRosterError.unreadable(roster), language: options.language)
    }
}

var createdStore = false
do {
    let store = try await ExampleStore.openFresh(options)
    createdStore = true
    let workspace = Workspace(store: store, ids: SequentialIDGenerator(prefix: "trb-"), dataOwners: [ToolkitParticipantData()])
    let rosterURL = commandLine.roster.map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: options.storePath).deletingLastPathComponent().appendingPathComponent("\(cli.name)-roster.csv")
    let importProgress = ProgressDisplay(title: "Importerar personalregister", mode: .automatic(quiet: options.quiet))
    let attendanceProgress = ProgressDisplay(title: "Registrerar närvaro", mode: .automatic(quiet: options.quiet))
    let started = DispatchTime.now()

    let outcome = try await LikabehandlingScenario.run(in: workspace, seed: options.seed, importStaff: { entries in
        if commandLine.roster == nil {
            // A Swedish spreadsheet export: UTF-8 with a byte-order mark, ;-separated.
            try (Data([0xEF, 0xBB, 0xBF]) + HRRoster.csv(entries)).write(to: rosterURL, options: .atomic)
        }
        let result = try await HRRosterImporter(workspace: workspace, batchSize: 250)
            .importRoster(contentsOf: rosterURL) { done, total in importProgress.update(done, of: total) }
        importProgress.finish()
        return result
    }, attendanceProgress: { done, total in
        attendanceProgress.update(done, of: total)
    })
    attendanceProgress.finish()
    let reports = try LikabehandlingScenario.reports(for: outcome) + (try await LikabehandlingScenario.followUpReports(from: store))
    let folders = ["projekt", "medarbetarenkat-2008", "programuppfoljning", "kursutvardering"]
    let written = try ReportOutput.write(Array(zip(folders, reports.map(\.labelledSynthetic))), under: options.reportsDirectory,
                                         renderers: ReportOutput.standardRenderers)
    await store.close()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9

    if !options.quiet {
        let coverage = outcome.material.coverage
        var summary = ExampleSummary(title: "(o)Likabehandling – Trelleborgs kommun")
        summary.add("Period", outcome.programme.period.description)
        summary.add("Personalregister", "\(outcome.rosterImport?.registered ?? 0) anställda i \(outcome.rosterImport?.batches ?? 0) batcher från \(rosterURL.path)")
        summary.add("Medarbetarenkät 2008", "\(outcome.survey.respondents) anonyma svar (nuläge)")
        summary.add("Deltagare", "\(outcome.distinctParticipants) medarbetare")
        summary.add("Utbildningsdagar", "\(outcome.trainingDays.count): \(outcome.firstChoices) förstahandsval, \(outcome.secondChoices) andrahandsval, \(outcome.unassigned) utan plats")
        for seminar in LikabehandlingScenario.seminars {
            summary.add("  \(seminar.title)", "\(outcome.seminarTotals[seminar.title] ?? 0)")
        }
        summary.add("Reflektionsseminarier", "\(outcome.reflectionSessions.count) i \(outcome.reflectionGroups.count) grupper, \(outcome.reflectionSessions.first.map { "\($0.date)" } ?? "–")–\(outcome.reflectionSessions.map(\.date).max().map { "\($0)" } ?? "–")")
        summary.add("(RE)Agera", "presenterat \(outcome.material.presentedOn) för \(outcome.material.managersPresent) chefer; använt på \(coverage.unitsReached.count) av \(coverage.unitsReached.count + coverage.unitsNotReached.count) arbetsplatser")
        summary.add("Lagring", options.storePath)
        summary.add("Rapporter", "\(written.count) filer under \(options.reportsDirectory)/")
        summary.add("Tid", String(format: "%.1f s", seconds))
        print(summary.text)
    }
} catch {
    if createdStore { ExampleStore.discard(options) }
    ExampleCommandLine.fail(error, language: options.language)
}
