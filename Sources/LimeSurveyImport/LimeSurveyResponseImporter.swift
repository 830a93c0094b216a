import DiversityKit
import Foundation
import SurveyModule

/// Reads a LimeSurvey response export (CSV, `,` `;` or tab separated, headings = question codes,
/// values = answer codes) against a questionnaire imported with ``LimeSurveyImporter``, streaming.
///
/// Metadata columns are recognised: `submitdate` (empty = a partial response, kept and flagged),
/// `startdate`, and `id`, `lastpage`, `startlanguage`, `seed`, `datestamp`, `ipaddr`, `refurl`,
/// timings — read and not kept. LimeSurvey's `id` is not carried over: every response gets a
/// random id. A `token` column in an anonymous survey is refused. Unknown columns are skipped with
/// a warning. Every bad value is reported with line and column and its row is not passed on.
///
/// ```swift
/// let importer = try LimeSurveyResponseImporter(questionnaire: q, mapping: mapping)
/// let result = try importer.importAll(from: URL(fileURLWithPath: "results-survey123456.csv"))
/// print(result.report.partial, "partial of", result.responses.count)
/// ```
public struct LimeSurveyResponseImporter: Sendable {
    /// The questionnaire the rows answer.
    public var questionnaire: Questionnaire
    /// How LimeSurvey's columns and codes map onto it.
    public var mapping: LimeSurveyMapping
    /// The time zone of the LimeSurvey server's dates (they carry none); UTC by default.
    public var timeZone: TimeZone
    /// Reading stops after this many problems (default 1000).
    public var maximumIssues: Int

    /// Columns LimeSurvey adds besides the questions; read and not kept.
    public static let metadataColumns: Set<String> = [
        "id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate", "datestamp", "ipaddr", "refurl",
        "interviewtime",
    ]

    /// Creates an importer.
    /// - Throws: ``LimeSurveyImportError/mappingDoesNotMatch(item:)`` when the mapping names an
    ///   item the questionnaire lacks.
    public init(questionnaire: Questionnaire, mapping: LimeSurveyMapping, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
                maximumIssues: Int = 1000) throws {
        let known = Set(questionnaire.items.map(\.code))
        if let stray = mapping.columns.values.map(\.item).sorted().first(where: { !known.contains($0) }) {
            throw LimeSurveyImportError.mappingDoesNotMatch(item: stray)
        }
        self.questionnaire = questionnaire
        self.mapping = mapping
        self.timeZone = timeZone
        self.maximumIssues = maximumIssues
    }

    enum Column {
        case item(LimeSurveyColumn)
        case submitDate
        case startDate
        case skipped
    }

    /// Reads every record of `reader`, passing each valid response to `body`.
    /// - Returns: counts, problems in file order (a syntax error ends reading) and warnings.
    /// - Throws: ``LimeSurveyImportError/tokenInAnonymousSurvey(line:column:)``,
    ///   ``LimeSurveyImportError/noQuestionColumns(line:)``; whatever `body` throws.
    public func read(_ reader: CSVReader, _ body: (SurveyResponse) throws -> Void) throws -> LimeSurveyResponseReport {
        var report = LimeSurveyResponseReport()
        let header: CSVRecord
        do {
            guard let h = try reader.next() else { return report }
            header = h
        } catch let e as CSVError {
            report.issues.append(Self.syntaxIssue(e))
            return report
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let columns = try self.columns(names, header, &report)
        let dates = LimeSurveyDate(timeZone: timeZone)
        let hasSubmitDate = columns.contains { if case .submitDate = $0 { true } else { false } }
        while report.issues.count < maximumIssues {
            let record: CSVRecord
            do {
                guard let r = try reader.next() else { break }
                record = r
            } catch let e as CSVError {
                report.issues.append(Self.syntaxIssue(e))
                break
            }
            report.rows += 1
            guard record.fields.count == columns.count else {
                report.issues.append(LimeSurveyResponseIssue(line: record.line, column: 1,
                                                             problem: .fieldCount(expected: columns.count, found: record.fields.count)))
                continue
            }
            var row = LimeSurveyRow(record: record, names: names, questionnaire: questionnaire, dates: dates)
            if let response = row.parse(columns, hasSubmitDateColumn: hasSubmitDate) {
                try body(response)
                report.imported += 1
                if response.isPartial { report.partial += 1 }
            }
            report.issues += row.issues
        }
        report.issues = Array(report.issues.prefix(maximumIssues))
        return report
    }

    private func columns(_ names: [String], _ header: CSVRecord, _ report: inout LimeSurveyResponseReport) throws -> [Column] {
        var columns: [Column] = []
        var seen: Set<String> = []
        for (i, name) in names.enumerated() {
            let at = (line: header.fieldLines[i], column: header.fieldColumns[i])
            if !seen.insert(name).inserted {
                report.issues.append(LimeSurveyResponseIssue(line: at.line, column: at.column, field: name, problem: .duplicateColumn(name)))
                columns.append(.skipped)
            } else if let c = mapping.column(name) {
                if case .ignored(let why) = c.role { report.warnings.append("column \(name) is not imported: \(why)") }
                columns.append(.item(c))
            } else if name == "token" {
                if mapping.mode == .anonymous { throw LimeSurveyImportError.tokenInAnonymousSurvey(line: at.line, column: at.column) }
                report.warnings.append("column token is not imported: DiversityKit does not link LimeSurvey tokens to participants")
                columns.append(.skipped)
            } else if name == "submitdate" {
                columns.append(.submitDate)
            } else if name == "startdate" {
                columns.append(.startDate)
            } else if Self.metadataColumns.contains(name) || name.hasSuffix("Time") {
                columns.append(.skipped)
            } else {
                report.warnings.append("line \(at.line), column \(at.column): column '\(name)' is not a question of the survey; skipped")
                columns.append(.skipped)
            }
        }
        guard columns.contains(where: { if case .item = $0 { true } else { false } }) else {
            throw LimeSurveyImportError.noQuestionColumns(line: header.line)
        }
        if !columns.contains(where: { if case .submitDate = $0 { true } else { false } }) {
            report.warnings.append("the export has no submitdate column: every response is taken as complete")
        }
        return columns
    }

    /// Every valid response of the file at `url`.
    /// - Throws: ``LimeSurveyResponseImportError`` listing every problem; ``LimeSurveyImportError``;
    ///   ``/SurveyModule/CSVError/unreadable(_:)``.
    public func importAll(from url: URL, separator: CSVSeparator? = nil) throws -> LimeSurveyResponses {
        try importAll(try CSVReader(url: url, separator: separator))
    }

    /// Every valid response `reader` yields.
    /// - Throws: ``LimeSurveyResponseImportError`` listing every problem; ``LimeSurveyImportError``.
    public func importAll(_ reader: CSVReader) throws -> LimeSurveyResponses {
        var responses: [SurveyResponse] = []
        let report = try read(reader) { responses.append($0) }
        if !report.issues.isEmpty { throw LimeSurveyResponseImportError(issues: report.issues) }
        return LimeSurveyResponses(responses: responses, report: report)
    }

    static func syntaxIssue(_ e: CSVError) -> LimeSurveyResponseIssue {
        let at = e.position ?? (0, 0)
        return LimeSurveyResponseIssue(line: at.line, column: at.column, problem: .syntax(e))
    }
}

/// The responses of an export and what reading it found.
public struct LimeSurveyResponses: Hashable, Sendable {
    /// The responses, in file order.
    public var responses: [SurveyResponse]
    /// Counts and warnings (no issues: an export with issues throws).
    public var report: LimeSurveyResponseReport
}
