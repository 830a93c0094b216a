import DiversityKit
import Foundation

/// Reads responses from CSV written by ``ResponseCSV`` (or by hand in a spreadsheet), streaming,
/// and checks every cell: codes, ranges, options, required items, questionnaire and version.
///
/// Only the item columns are needed; every fixed column is optional (a missing `response_id`
/// gets a random id). Rows with problems are reported with line and column and never passed on.
///
/// ```swift
/// let importer = ResponseCSVImporter(questionnaire: q)
/// let responses = try importer.importAll(from: url)   // throws SurveyImportError listing every problem
/// ```
public struct ResponseCSVImporter: Sendable {
    /// The questionnaire version the rows answer.
    public var questionnaire: Questionnaire
    /// Reading stops after this many problems (default 1000).
    public var maximumIssues: Int
    /// The bounds on field size, columns and rows for the files this importer opens
    /// (``CSVLimits`` defaults); crossing one is a ``ImportProblem/syntax(_:)`` issue naming it.
    public var limits: CSVLimits

    /// Creates an importer.
    public init(questionnaire: Questionnaire, maximumIssues: Int = 1000, limits: CSVLimits = CSVLimits()) {
        self.questionnaire = questionnaire
        self.maximumIssues = maximumIssues
        self.limits = limits
    }

    /// Reads every record of `reader`, passing each valid response to `body`.
    /// - Returns: the problems found, in file order (a syntax error ends reading).
    /// - Throws: only what `body` throws.
    public func read(_ reader: CSVReader, _ body: (SurveyResponse) throws -> Void) throws -> [ImportIssue] {
        var issues: [ImportIssue] = []
        let header: CSVRecord
        do {
            guard let h = try reader.next() else { return [] }
            header = h
        } catch let e as CSVError {
            return [Self.syntaxIssue(e)]
        }
        var columns: [Column] = []
        var seen: Set<String> = []
        for (i, name) in header.fields.enumerated() {
            let name = Self.trimmed(name)
            let at = (header.fieldLines[i], header.fieldColumns[i])
            if !seen.insert(name).inserted {
                issues.append(ImportIssue(line: at.0, column: at.1, fieldNumber: i + 1, field: name, problem: .duplicateColumn(name)))
                columns.append(.ignored)
            } else if let fixed = ResponseCSV.fixedColumns.firstIndex(of: name) {
                columns.append(.fixed(fixed))
            } else if let item = questionnaire.item(name) {
                columns.append(.item(item))
            } else {
                issues.append(ImportIssue(line: at.0, column: at.1, fieldNumber: i + 1, field: name, problem: .unknownColumn(name)))
                columns.append(.ignored)
            }
        }
        var ids: Set<String> = []
        while issues.count < maximumIssues {
            let record: CSVRecord
            do {
                guard let r = try reader.next() else { break }
                record = r
            } catch let e as CSVError {
                issues.append(Self.syntaxIssue(e))
                break
            }
            var rowIssues: [ImportIssue] = []
            guard record.fields.count == columns.count else {
                issues.append(ImportIssue(line: record.line, column: 1,
                                          problem: .fieldCount(expected: columns.count, found: record.fields.count)))
                continue
            }
            if let response = parse(record, columns, header.fields, &rowIssues) {
                if ids.insert(response.id.rawValue).inserted {
                    try body(response)
                } else {
                    let c = columns.firstIndex { if case .fixed(0) = $0 { return true } else { return false } } ?? 0
                    issues.append(ImportIssue(line: record.fieldLines[c], column: record.fieldColumns[c], fieldNumber: c + 1, field: "response_id",
                                              problem: .duplicateResponseID))
                }
            }
            issues += rowIssues
        }
        return Array(issues.prefix(maximumIssues))
    }

    /// Every response in the file at `url`, or every problem.
    /// - Throws: ``SurveyImportError`` listing the problems, naming the file; ``CSVError/unreadable(_:)``.
    public func importAll(from url: URL, separator: CSVSeparator? = nil) throws -> [SurveyResponse] {
        do {
            return try importAll(try CSVReader(url: url, separator: separator, limits: limits))
        } catch var error as SurveyImportError {
            error.file = url.lastPathComponent
            throw error
        }
    }

    /// Every response `reader` yields, or every problem.
    /// - Throws: ``SurveyImportError`` listing the problems.
    public func importAll(_ reader: CSVReader) throws -> [SurveyResponse] {
        var responses: [SurveyResponse] = []
        let issues = try read(reader) { responses.append($0) }
        if !issues.isEmpty { throw SurveyImportError(issues: issues) }
        return responses
    }

    /// The valid rows of the file at `url` as a ``ResponseMatrix``, streamed (no response is
    /// kept after its row is added), and the problems found.
    /// - Throws: ``CSVError/unreadable(_:)``.
    public func matrix(from url: URL, separator: CSVSeparator? = nil) throws -> (ResponseMatrix, [ImportIssue]) {
        var builder = ResponseMatrix.Builder(questionnaire: questionnaire)
        let issues = try read(try CSVReader(url: url, separator: separator, limits: limits)) { builder.append($0) }
        return (builder.build(), issues)
    }

    enum Column {
        case fixed(Int)
        case item(Item)
        case ignored
    }

    /// `text` without leading and trailing spaces and tabs; cheaper than Foundation's trimming,
    /// which matters at a million rows.
    static func trimmed(_ text: String) -> String {
        let u = text.utf8
        guard let first = u.first, let last = u.last, first == 32 || first == 9 || last == 32 || last == 9 else { return text }
        return String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    static func syntaxIssue(_ e: CSVError) -> ImportIssue { ImportIssue(e, problem: .syntax(e)) }

    private func parse(_ record: CSVRecord, _ columns: [Column], _ names: [String], _ issues: inout [ImportIssue]) -> SurveyResponse? {
        var r = SurveyResponse(id: "", questionnaire: questionnaire.reference, answers: [:])
        var itemColumn: [String: Int] = [:]
        let before = issues.count
        for (i, column) in columns.enumerated() {
            let cell = CSVFormat.restore(record.fields[i])
            func issue(_ p: ImportProblem) {
                issues.append(ImportIssue(line: record.fieldLines[i], column: record.fieldColumns[i], fieldNumber: i + 1, field: names[i], problem: p))
            }
            switch column {
            case .ignored: continue
            case .item(let item):
                itemColumn[item.code] = i
                if let answer = Self.answer(cell, for: item) { r.answers[item.code] = answer } else { issue(.notAnInteger) }
            case .fixed(let f):
                let value = Self.trimmed(cell)
                guard !value.isEmpty else { continue }
                switch f {
                case 0: r.id = ID(value)
                case 1: if value != questionnaire.id.rawValue { issue(.wrongQuestionnaire(expected: questionnaire.id.rawValue, found: value)) }
                case 2: if Int(value) != questionnaire.version { issue(.wrongVersion(expected: questionnaire.version, found: value)) }
                case 3: r.distribution = ID(value)
                case 4: r.reportingUnit = ID(value)
                case 5: r.participant = ID(value)
                case 6: r.linkageCode = value
                case 7, 8:
                    guard let date = SurveyDateFormat.date(value) else { issue(.invalidTime); continue }
                    if f == 7 { r.startedAt = date } else { r.submittedAt = date }
                default:
                    switch value.lowercased() {
                    case "1", "true": r.isPartial = true
                    case "0", "false": r.isPartial = false
                    default: issue(.invalidFlag)
                    }
                }
            }
        }
        if r.id.rawValue.isEmpty { r.id = .random() }
        r.answers = r.answers.filter { !$0.value.isEmpty }
        for problem in questionnaire.issues(in: r.answers, partial: r.isPartial) {
            let i = itemColumn[problem.item]
            issues.append(ImportIssue(line: i.map { record.fieldLines[$0] } ?? record.line, column: i.map { record.fieldColumns[$0] } ?? 1,
                                      fieldNumber: i.map { $0 + 1 }, field: problem.item, problem: .response(problem)))
        }
        return issues.count == before ? r : nil
    }

    /// The answer in `cell` for `item`, `nil` when a code cell is not a number. An empty cell gives
    /// an empty answer, which the caller drops.
    static func answer(_ cell: String, for item: Item) -> Answer? {
        if case .freeText = item.kind { return .text(cell) }
        let trimmed = Self.trimmed(cell)
        switch item.kind {
        case .date:
            if trimmed.isEmpty { return .values([]) }
            return (try? CalendarDate(trimmed)).map(Answer.date)
        case .dualScale, .numericMatrix:
            if trimmed.isEmpty { return .cells([:]) }
            var cells: [String: Int] = [:]
            for part in trimmed.split(separator: "|", omittingEmptySubsequences: false) {
                let pair = part.split(separator: "=", omittingEmptySubsequences: false)
                guard pair.count == 2, let v = Int(Self.trimmed(String(pair[1]))) else { return nil }
                let key = Self.trimmed(String(pair[0]))
                guard cells.updateValue(v, forKey: key) == nil else { return nil }
            }
            return .cells(cells)
        case .multipleChoice, .ranking:
            if trimmed.isEmpty { return .values([]) }
            let codes = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { Int(Self.trimmed(String($0))) }
            return codes.contains(nil) ? nil : .values(codes.map { $0! })
        default: break
        }
        if trimmed.isEmpty { return .values([]) }
        return Int(trimmed).map(Answer.value)
    }
}
