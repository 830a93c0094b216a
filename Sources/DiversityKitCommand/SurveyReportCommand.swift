import DiversityKit
import EvaluationModule
import Foundation
import SurveyModule

/// `diversitykit survey report`: survey files in, a disclosure-controlled report out.
enum SurveyReportCommand {
    static let command = Command(
        name: "survey report",
        summary: "write a disclosure-controlled survey report (HTML, Markdown, CSV, JSON)",
        usage: "diversitykit survey report --structure FILE --responses FILE [--by CODE] [--threshold N] [--lang sv|en] [--out DIR]",
        options: [
            .value("structure", "FILE", "the survey: a LimeSurvey structure export (.lss) or a DiversityKit questionnaire (.json)"),
            .value("responses", "FILE", "the answers: a LimeSurvey response export (CSV with question codes and answer codes) for .lss; DiversityKit response CSV or JSON for .json"),
            .value("by", "CODE", "break results down by the answer to this question (e.g. ENHET), or by 'unit' for DiversityKit responses that carry one"),
            .value("threshold", "N", "smallest group shown (default 5, at least 3); smaller groups and cells are withheld"),
            .value("out", "DIR", "where the report is written (default ./rapport, ./report with --lang en)"),
            .value("title", "TEXT", "the report title (default: the survey's title)"),
            .value("time-zone", "ZONE", "time zone of LimeSurvey's dates (default Europe/Stockholm)"),
        ],
        details: """
        Every count, share and mean passes through DisclosureControl: a group or cell of fewer than
        --threshold respondents is withheld, with enough other cells withheld that it cannot be worked
        back from totals. Free-text comments are published only when there are at least 10.
        The folder gets report.html (self-contained, with charts), report.md, one CSV per table
        (';'-separated in Swedish, ','-separated in English, UTF-8 with a byte-order mark) and report.json.
        Every response row must read cleanly: one bad row stops the command (exit 1) and names its line.
        """,
        examples: [
            "diversitykit survey report --structure survey.lss --responses results-survey123456.csv --by ENHET --out rapport/",
            "diversitykit survey report --structure questionnaire.json --responses responses.csv --by unit --lang en --format json",
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
        let report = try EvaluationReports(language: console.language, disclosure: disclosure).surveyResults(resultsInput)
        let files = try writeReport(report, into: out, csvSeparator: csvSeparator(for: console.language))

        let summary = Summary(questionnaire: survey.questionnaire.reference.description, responses: survey.responses.count,
                              items: resultsInput.items.count, groupedBy: by, threshold: disclosure.configuration.threshold,
                              withheldCells: withheldCells(report), files: files, warnings: survey.warnings)
        try console.json(summary)
        console.line(console.text(
            "\(summary.responses) svar, \(summary.items) frågor; \(summary.withheldCells) celler undertryckta (gräns \(summary.threshold)).",
            "\(summary.responses) responses, \(summary.items) questions; \(summary.withheldCells) cells withheld (threshold \(summary.threshold))."))
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
