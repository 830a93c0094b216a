import DiversityKit
import EvaluationModule
import Foundation

/// `diversitykit follow-up`: the programme follow-up report from a store.
enum FollowUpCommand {
    static let command = Command(
        name: "follow-up",
        summary: "write a programme's follow-up report (participation, funnel, sessions, budget, funder statistics)",
        usage: "diversitykit follow-up (--store FILE | --postgres URL) --programme ID [--as-of DATE] [--lang sv|en] [--out DIR]",
        options: StoreLocation.options + [
            .value("programme", "ID", "the programme to follow up"),
            .value("as-of", "YYYY-MM-DD", "the follow-up date: sessions after it count as scheduled (default today)"),
            .value("funnel-ending-at", "ID", "the intervention whose prerequisite chain is the completion funnel"),
            .value("threshold", "N", "smallest group shown in the funder statistics (default 5, at least 3)"),
            .value("out", "DIR", "where the report is written (default ./uppfoljning, ./follow-up with --lang en)"),
        ],
        details: """
        Loads the programme, its organisations, interventions, sessions, attendance, ratings, goals and
        action plans, and writes the follow-up as report.html, report.md, one CSV per table and
        report.json. Funder statistics (gender, age band, education) are disclosure-controlled.
        Exit status 1 when the programme does not exist.
        """,
        examples: ["diversitykit follow-up --store diversity.sqlite --programme mdss --as-of 2012-12-31 --out uppfoljning/"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) async throws -> Int32 {
        try arguments.noPositionals()
        let location = try StoreLocation(arguments)
        let programme = ID<Programme>(try arguments.required("programme"))
        let disclosure = try disclosureControl(arguments)
        let asOf: CalendarDate
        if let text = arguments.value("as-of") {
            do { asOf = try CalendarDate(text) } catch { throw UsageError("--as-of", wrapping: error) }
        } else {
            asOf = today()
        }
        let out = arguments.value("out") ?? console.text("uppfoljning", "follow-up")
        let store = try await location.open()
        console.progress(console.text("Läser programmet \(programme) …", "Reading programme \(programme) …"))
        let records: ProgrammeRecords
        do {
            records = try await ProgrammeRecords.load(programme: programme, from: store)
        } catch FollowUpError.unknownProgramme {
            throw CommandFailure("programmet \(programme) finns inte i \(location.description)",
                                 "programme \(programme) does not exist in \(location.description)")
        }
        let report = try EvaluationReports(language: console.language, disclosure: disclosure)
            .programmeFollowUp(records, asOf: asOf, funnelEndingAt: arguments.value("funnel-ending-at").map { ID<Intervention>($0) })
        let files = try writeReport(report, into: out, csvSeparator: csvSeparator(for: console.language))
        struct Result: Encodable { var programme: String; var asOf: String; var files: [String] }
        try console.json(Result(programme: programme.rawValue, asOf: asOf.description, files: files))
        console.line(console.text("Uppföljning av \(records.programme.name) per \(asOf):", "Follow-up of \(records.programme.name) as of \(asOf):"))
        for file in files { console.line(file) }
        return 0
    }
}

/// Today's date in the machine's time zone.
private func today() -> CalendarDate {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
}
