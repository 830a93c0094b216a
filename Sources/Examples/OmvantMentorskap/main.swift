// Omvänt Mentorskap (Kristianstad, 2012–2013) as an embedding system would run it.
//
// Embedding pattern: a store decorator. The SQLite store is wrapped in an AuditLogStore, which
// appends every write's operation and key (never a payload) to an audit log next to the store
// and forwards everything; the workspace and the toolkit never know it is there.
import DiversityKit
import ExampleSupport
import Foundation
import ProgrammeToolkit
import SeedScenarios

let cli = ExampleCommandLine(
    name: "omvant-mentorskap",
    summary: "Omvänt Mentorskap (Kristianstad 2012–2013): reverse mentoring, search and dialogue conferences and the accessibility checklist, on a SQLite store wrapped in an audit log.",
    defaultSeed: OmvantMentorskapScenario.defaultSeed)
let options = cli.parseOrExit()

do {
    let sqlite = try await ExampleStore.openFresh(options)
    let auditPath = options.storePath + ".audit.log"
    if options.isDefaultStore && FileManager.default.fileExists(atPath: auditPath) {
        try FileManager.default.removeItem(atPath: auditPath)
    }
    let store = try AuditLogStore(wrapping: sqlite, logFile: auditPath)
    let workspace = Workspace(store: store, ids: SequentialIDGenerator(prefix: "omv-"), dataOwners: [ToolkitParticipantData(), store])

    let outcome = try await OmvantMentorskapScenario.run(in: workspace, seed: options.seed)
    let followUp = try await OmvantMentorskapScenario.followUpReports(from: store)
    let folders = ["projekt", "programuppfoljning", "maluppfoljning"]
    let written = try ReportOutput.write(Array(zip(folders, (OmvantMentorskapScenario.reports(for: outcome) + followUp).map(\.labelledSynthetic))),
                                         under: options.reportsDirectory, renderers: ReportOutput.standardRenderers)
    let audit = await store.summary
    await sqlite.close()

    if !options.quiet {
        var summary = ExampleSummary(title: "Omvänt Mentorskap – Kristianstads kommun och Centralsjukhuset Kristianstad")
        summary.add("ESF-stöd", ExampleSummary.kronor(outcome.totalFunding))
        summary.add("Total budget", ExampleSummary.kronor(outcome.totalBudget))
        summary.add("Period", outcome.programme.period.description)
        summary.add("Mentorpar", "\(outcome.pairs.count) av \(outcome.adepts.count) adepter (\(outcome.mentors.count) mentorer), poäng \(outcome.matching.totalScore)")
        summary.add("Möten", "\(outcome.meetingsHeld) av \(outcome.meetingsPlanned) genomförda; \(outcome.pairsNeedingAttention) par behöver kontakt")
        summary.add("Konferenser", "\(outcome.conferences.count) → \(outcome.measures.count) åtgärder i \(outcome.actionPlans.count) handlingsplaner")
        for risk in outcome.sessionsAtRisk {
            summary.add("Tillgänglighet", risk.text(.swedish, venueName: risk.venue.flatMap { v in outcome.venues.first { $0.id == v }?.name }))
        }
        summary.add("Granskningslogg", "\(audit.committedOperations) skrivningar i \(audit.batches) batcher (\(audit.refusedBatches) avvisade) → \(auditPath)")
        summary.add("Lagring", options.storePath)
        summary.add("Rapporter", "\(written.count) filer under \(options.reportsDirectory)/")
        print(summary.text)
    }
} catch {
    ExampleCommandLine.fail(error, language: options.language)
}
