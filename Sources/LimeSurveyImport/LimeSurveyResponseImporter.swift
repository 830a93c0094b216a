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
    /// The resource bounds; a header over ``LimeSurveyLimits/maximumColumns`` is refused before any row is read.
    public var limits: LimeSurveyLimits

    /// Columns LimeSurvey adds besides the questions; read and not kept.
    public static let metadataColumns: Set<String> = [
        "id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate", "datestamp", "ipaddr", "refurl",
        "interviewtime",
    ]

    /// Creates an importer.
    /// - Throws: ``LimeSurveyImportError/mappingDoesNotMatch(item:)`` when the mapping names an
    ///   item the questionnaire lacks.
    public init(questionnaire: Questionnaire, mapping: LimeSurveyMapping, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
                maximumIssues: Int = 1000, limits: LimeSurveyLimits = LimeSurveyLimits()) throws {
        let known = Set(questionnaire.items.map(\.code))
        if let stray = mapping.columns.values.map(\.item).sorted().first(where: { !known.contains($0) }) {
            throw LimeSurveyImportError.mappingDoesNotMatch(item: stray)
        }
        self.questionnaire = questionnaire
        self.mapping = mapping
        self.timeZone = timeZone
        self.maximumIssues = maximumIssues
        self.limits = limits
    }

    enum Column {
        case item(LimeSurveyColumn)
        case submitDate
        case startDate
        case skipped
    }

    /// Reads every record of `reader`, passing each valid response to `body`.
    /// - Returns: counts, problems in file order (a syntax error ends reading) and warnings.
    /// - Throws: ``LimeSurveyImportError/tokenInAnonymousSurvey(line:field:)``,
    ///   ``LimeSurveyImportError/noQuestionColumns(line:)``, ``LimeSurveyImportError/boundExceeded(_:limit:location:)``
    ///   for more than ``LimeSurveyLimits/maximumColumns`` columns; whatever `body` throws.
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
        try read(header: RawRecord(header), next: {
            do { return try reader.next().map(RawRecord.init) } catch let e as CSVError { throw SyntaxStop(issue: Self.syntaxIssue(e)) }
        }, into: &report, body)
        return report
    }

    /// A record of a CSV export or of a `.lsr` file: its fields and where each starts.
    struct RawRecord {
        var fields: [String]
        var line: Int
        var fieldLines: [Int]
        var fieldColumns: [Int]
        /// Whether a field's index + 1 is its number as a spreadsheet shows it (CSV, not `.lsr` XML).
        var hasFieldNumbers: Bool

        init(_ r: CSVRecord) {
            fields = r.fields
            line = r.line
            fieldLines = r.fieldLines
            fieldColumns = r.fieldColumns
            hasFieldNumbers = true
        }

        init(fields: [String], line: Int, column: Int) {
            self.fields = fields
            self.line = line
            fieldLines = Array(repeating: line, count: fields.count)
            fieldColumns = Array(repeating: column, count: fields.count)
            hasFieldNumbers = false
        }

        /// The number of field `i` in messages, or `nil` for XML.
        func number(_ i: Int) -> Int? { hasFieldNumbers ? i + 1 : nil }

        /// Field `i`'s place in a warning: `"line 1, field 4 (token)"`, or `"line 3 (token)"` for XML.
        func place(_ i: Int, _ name: String) -> String {
            SourcePlace(line: fieldLines[i], fieldNumber: number(i), fieldName: name).text(.english)
        }
    }

    /// A syntax error that ends reading, reported as the issue.
    struct SyntaxStop: Error { var issue: LimeSurveyResponseIssue }

    func read(header: RawRecord, next: () throws -> RawRecord?, into report: inout LimeSurveyResponseReport,
              _ body: (SurveyResponse) throws -> Void) throws {
        guard header.fields.count <= limits.maximumColumns else {
            throw LimeSurveyImportError.boundExceeded(.columns, limit: limits.maximumColumns,
                                                     location: "line \(header.line): a header of \(header.fields.count) columns")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let columns = try self.columns(names, header, &report)
        let dates = LimeSurveyDate(timeZone: timeZone)
        let hasSubmitDate = columns.contains { if case .submitDate = $0 { true } else { false } }
        while report.issues.count < maximumIssues {
            let record: RawRecord
            do {
                guard let r = try next() else { break }
                record = r
            } catch let stop as SyntaxStop {
                report.issues.append(stop.issue)
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
    }

    private func columns(_ names: [String], _ header: RawRecord, _ report: inout LimeSurveyResponseReport) throws -> [Column] {
        var columns: [Column] = []
        var seen: Set<String> = []
        let resolver = mapping.resolver
        for (i, name) in names.enumerated() {
            let at = (line: header.fieldLines[i], column: header.fieldColumns[i], field: header.number(i) ?? 0)
            let code = resolver.resolve(name)
            if !seen.insert(code ?? name).inserted {
                report.issues.append(LimeSurveyResponseIssue(line: at.line, column: at.column, fieldNumber: header.number(i), field: name,
                                                             problem: .duplicateColumn(name)))
                columns.append(.skipped)
            } else if let code, let c = mapping.columns[code] {
                if case .ignored(let why) = c.role { report.warnings.append("column \(name) is not imported: \(why)") }
                // A heading given as question text is matched, not named: say which question it was read as.
                // LimeSurvey's own field names (`Q1_SQ001`, `<sid>X<gid>X<qid>…` in `.lsr` files) name it exactly.
                if code != name, mapping.textHeadings[name] != nil {
                    report.warnings.append("\(header.place(i, name)): column '\(name)' read as \(code)")
                }
                columns.append(.item(c))
            } else if name == "token" {
                if mapping.mode == .anonymous { throw LimeSurveyImportError.tokenInAnonymousSurvey(line: at.line, field: at.field) }
                report.warnings.append("column token is not imported: DiversityKit does not link LimeSurvey tokens to participants")
                columns.append(.skipped)
            } else if name == "submitdate" {
                columns.append(.submitDate)
            } else if name == "startdate" {
                columns.append(.startDate)
            } else if Self.metadataColumns.contains(name) || name.hasSuffix("Time") {
                columns.append(.skipped)
            } else if resolver.isAmbiguousText(name) {
                report.warnings.append("\(header.place(i, name)): column '\(name)' is the text of several questions; skipped")
                columns.append(.skipped)
            } else {
                report.warnings.append("\(header.place(i, name)): column '\(name)' is not a question of the survey; skipped")
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
        do {
            return try importAll(try CSVReader(url: url, separator: separator))
        } catch var error as LimeSurveyResponseImportError {
            error.file = url.lastPathComponent
            throw error
        }
    }

    /// Every valid response `reader` yields.
    /// - Throws: ``LimeSurveyResponseImportError`` listing every problem; ``LimeSurveyImportError``.
    public func importAll(_ reader: CSVReader) throws -> LimeSurveyResponses {
        var responses: [SurveyResponse] = []
        let report = try read(reader) { responses.append($0) }
        if !report.issues.isEmpty { throw LimeSurveyResponseImportError(issues: report.issues) }
        return LimeSurveyResponses(responses: responses, report: report)
    }

    static func syntaxIssue(_ e: CSVError) -> LimeSurveyResponseIssue { LimeSurveyResponseIssue(e, problem: .syntax(e)) }
}

/// The responses of an export and what reading it found.
public struct LimeSurveyResponses: Hashable, Sendable {
    /// The responses, in file order.
    public var responses: [SurveyResponse]
    /// Counts and warnings (no issues: an export with issues throws).
    public var report: LimeSurveyResponseReport
}
