import DiversityKit
import DiversityKitSQLite
import EvaluationModule
import Foundation
import LimeSurveyImport
import SurveyModule

/// `diversitykit survey report`: survey files in, a disclosure-controlled report out.
enum SurveyReportCommand {
    static let command = Command(
        name: "survey report",
        summary: "write a disclosure-controlled survey report (HTML, Markdown, CSV, JSON)",
        usage: "diversitykit survey report --structure FILE [--responses FILE] [--by CODE] [--threshold N] [--lang sv|en] [--out DIR]",
        options: [
            .value("structure", "FILE", "the survey: a LimeSurvey survey archive (.lsa, with its responses), a LimeSurvey structure export (.lss) or a DiversityKit questionnaire (.json)"),
            .value("responses", "FILE", "the answers: for .lss, LimeSurvey's response export (CSV with question codes and answer codes) or response file (.lsr); for .json, DiversityKit response CSV or JSON; not with .lsa"),
            .value("by", "CODE", "break results down by the answer to this question (e.g. ENHET), or by 'unit' for DiversityKit responses that carry one"),
            .value("threshold", "N", "smallest group shown (default 5, at least 3); smaller groups and cells are withheld"),
            .value("out", "DIR", "where the report is written (default ./rapport, ./report with --lang en)"),
            .value("title", "TEXT", "the report title (default: the survey's title)"),
            .value("time-zone", "ZONE", "time zone of LimeSurvey's dates (default Europe/Stockholm)"),
            .value("memory", "FILE", "publication memory: a SQLite file (created when missing) recording what each report released, so a later report cannot be subtracted from an earlier one"),
            .value("distribution", "NAME", "with --memory: which survey round the releases belong to (default: the questionnaire's id and version)"),
        ],
        details: """
        Every count, share and mean passes disclosure control (röjandekontroll): a group or cell of fewer than
        --threshold respondents is withheld, with enough other cells withheld that it cannot be worked
        back from totals. Free-text comments are published only when there are at least 10.
        The folder gets report.html (self-contained, with charts), report.md, one CSV per table
        (';'-separated in Swedish, ','-separated in English, UTF-8 with a byte-order mark) and report.json.
        With --memory, each report is also checked against every earlier report of the same survey round:
        a group whose count differs from an earlier release by fewer than --threshold answers (one more
        response since last week) is pooled or withheld, and what this report releases is recorded.
        Every response row must read cleanly: one bad row stops the command (exit 1) and names its line.
        The kind of each file is told from its contents, so a renamed file is still read; a damaged or
        truncated archive, or one that would inflate beyond the import's bounds, is refused (exit 1).
        """,
        examples: [
            "diversitykit survey report --structure survey_123456.lsa --by ENHET --out rapport/",
            "diversitykit survey report --structure survey.lss --responses results-survey123456.csv --by ENHET --out rapport/",
            "diversitykit survey report --structure questionnaire.json --responses responses.csv --by unit --lang en --format json",
            "diversitykit survey report --structure survey_123456.lsa --by ENHET --memory publiceringar.sqlite",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) async throws -> Int32 {
        try arguments.noPositionals()
        let input = try SurveyInput(structure: try arguments.required("structure"), responses: arguments.value("responses"))
        let disclosure = try disclosureControl(arguments)
        let zoneName = arguments.value("time-zone") ?? "Europe/Stockholm"
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw UsageError("alternativet '--time-zone': okänd tidszon '\(zoneName)'", "option '--time-zone': unknown time zone '\(zoneName)'")
        }
        let out = arguments.value("out") ?? console.text("rapport", "report")
        let memoryPath = arguments.value("memory")
        if memoryPath == nil, arguments.value("distribution") != nil { throw UsageError("alternativet '--distribution' kräver --memory FIL", "option '--distribution' needs --memory FILE") }
        if let memoryPath {
            let directory = URL(fileURLWithPath: memoryPath).deletingLastPathComponent().path
            guard !memoryPath.isEmpty, FileManager.default.fileExists(atPath: directory) else {
                throw UsageError("alternativet '--memory': mappen \(directory) finns inte", "option '--memory': the folder \(directory) does not exist")
            }
        }
        let language: SurveyLanguage = console.language == .swedish ? .swedish : .english

        var survey = try input.load(console: console, timeZone: timeZone)
        for warning in survey.warnings { console.progress(console.text("varning: ", "warning: ") + warning) }
        let by = arguments.value("by")
        if let by { try survey.group(by: by, language: language) }
        console.progress(console.text("\(survey.responses.count) svar; skyddar och skriver rapporten …",
                                      "\(survey.responses.count) responses; protecting and writing the report …"))
        var resultsInput: SurveyResultsInput
        do {
            resultsInput = try SurveyResultsInput(questionnaire: survey.questionnaire, responses: survey.responses,
                                                  language: console.language, groupByUnit: by != nil)
        } catch {
            throw CommandFailure { $0.message(for: error) }
        }
        if let title = arguments.value("title") { resultsInput.title = title }
        let reports = EvaluationReports(language: console.language, disclosure: disclosure)
        let report: Report
        var memorySummary: MemorySummary?
        if let memoryPath {
            // The releases are recorded before any file is written: a report that fails to write then
            // counts as released (safe), never a written one as unreleased.
            let distribution = arguments.value("distribution") ?? survey.questionnaire.reference.description
            let store: SQLiteStore
            do { store = try SQLiteStore(path: memoryPath) } catch {
                throw CommandFailure { language in
                    language == .swedish ? "\(memoryPath): kan inte öppnas som publiceringsminne (\(language.message(for: error)))"
                        : "\(memoryPath): cannot be opened as a publication memory (\(language.message(for: error)))"
                }
            }
            let memory = PublicationMemory(store: store)
            let counts = try resultsInput.counts()
            // Audited and recorded as one conditional step: a report run at the same time on the same
            // memory is audited against this release, or this one is audited again against it.
            let (publication, earlier) = try await withConflictRetry {
                let history = try await memory.history(of: distribution)
                let publication = try reports.surveyResults(counts, history: history)
                try await memory.record(publication.releases, distribution: distribution, title: publication.report.title,
                                        at: Date(), auditedAgainst: history)
                return (publication, history.through)
            }
            await store.close()
            report = publication.report
            memorySummary = MemorySummary(file: memoryPath, distribution: distribution, earlierReleases: earlier)
        } else {
            report = try reports.surveyResults(resultsInput)
        }
        let files = try writeReport(report, into: out, csvSeparator: csvSeparator(for: console.language))

        let summary = Summary(questionnaire: survey.questionnaire.reference.description, responses: survey.responses.count,
                              items: resultsInput.items.count, groupedBy: by, threshold: disclosure.configuration.threshold,
                              withheldCells: withheldCells(report), files: files, warnings: survey.warnings,
                              participants: survey.participants, memory: memorySummary)
        try console.json(summary)
        console.line(console.text(
            "\(summary.responses) svar, \(summary.items) frågor; \(summary.withheldCells) celler undertryckta (gräns \(summary.threshold)).",
            "\(summary.responses) responses, \(summary.items) questions; \(summary.withheldCells) cells withheld (threshold \(summary.threshold))."))
        if let m = memorySummary {
            console.line(console.text(
                "Publiceringsminne \(m.file): \(m.earlierReleases) tidigare rapporter av \(m.distribution); den här är registrerad.",
                "Publication memory \(m.file): \(m.earlierReleases) earlier reports of \(m.distribution); this one is recorded."))
        }
        if let p = summary.participants {
            console.line(console.text("Deltagartabellen: \(p.invited) inbjudna, \(p.completed) har svarat.",
                                      "Participant table: \(p.invited) invited, \(p.completed) completed."))
        }
        for file in files { console.line(file) }
        return 0
    }

    /// What `--format json` prints.
    struct Summary: Encodable {
        var questionnaire: String
        var responses: Int
        var items: Int
        var groupedBy: String?
        var threshold: Int
        var withheldCells: Int
        var files: [String]
        var warnings: [String]
        /// Invitations and completions from an identified survey's archive; absent otherwise.
        var participants: LimeSurveyParticipants?
        /// The publication memory used (`--memory`); absent otherwise.
        var memory: MemorySummary?
    }

    /// What `--format json` says of the publication memory.
    struct MemorySummary: Encodable {
        var file: String
        var distribution: String
        /// Reports of this distribution recorded before this one.
        var earlierReleases: Int
    }
}

/// The disclosure rule from `--threshold` (and `--protection` where a command has it); an
/// invalid threshold is a usage error.
func disclosureControl(_ arguments: ParsedArguments) throws -> DisclosureControl {
    let threshold = try arguments.integer("threshold", default: 5)
    let protection = arguments.value("protection") == nil ? nil : try arguments.integer("protection", default: threshold)
    do {
        return DisclosureControl(configuration: try .init(threshold: threshold, protection: protection))
    } catch {
        throw UsageError("--threshold", wrapping: error)
    }
}

/// How many table cells of `report` are withheld.
func withheldCells(_ report: Report) -> Int {
    report.sections.flatMap(\.allTables).reduce(0) { total, table in
        total + table.rows.joined().filter { if case .suppressed = $0 { true } else { false } }.count
    }
}
