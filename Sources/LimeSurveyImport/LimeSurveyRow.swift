import DiversityKit
import Foundation
import SurveyModule

/// One data row of a LimeSurvey response export being turned into a ``SurveyModule/SurveyResponse``.
struct LimeSurveyRow {
    let record: CSVRecord
    let names: [String]
    let questionnaire: Questionnaire
    let dates: LimeSurveyDate
    var issues: [LimeSurveyResponseIssue] = []
    private var unreadableItems: Set<String> = []

    init(record: CSVRecord, names: [String], questionnaire: Questionnaire, dates: LimeSurveyDate) {
        self.record = record
        self.names = names
        self.questionnaire = questionnaire
        self.dates = dates
    }

    /// The response, or `nil` when the row has problems (collected in ``issues``).
    /// With a `submitdate` column a row is partial until its submit date is found; without one, complete.
    mutating func parse(_ columns: [LimeSurveyResponseImporter.Column], hasSubmitDateColumn: Bool) -> SurveyResponse? {
        var r = SurveyResponse(id: .random(), questionnaire: questionnaire.reference, answers: [:])
        var chosen: [String: [Int]] = [:]
        var firstColumn: [String: Int] = [:]
        r.isPartial = hasSubmitDateColumn
        for (i, column) in columns.enumerated() {
            let cell = record.fields[i]
            let value = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            switch column {
            case .skipped: continue
            case .submitDate:
                guard !value.isEmpty else { continue }
                r.isPartial = false
                guard let date = dates.parse(value) else { issue(i, .invalidDate); continue }
                r.submittedAt = dates.isPlaceholder(date) ? nil : date
            case .startDate:
                guard !value.isEmpty else { continue }
                guard let date = dates.parse(value) else { issue(i, .invalidDate); continue }
                r.startedAt = dates.isPlaceholder(date) ? nil : date
            case .item(let c):
                if firstColumn[c.item] == nil { firstColumn[c.item] = i }
                read(cell, value, c, at: i, into: &r.answers, chosen: &chosen)
            }
        }
        for (item, codes) in chosen where !codes.isEmpty { r.answers[item] = .values(codes.sorted()) }
        // An item whose cell was unreadable is already reported; it is not also "missing".
        for problem in questionnaire.issues(in: r.answers, partial: r.isPartial) where !unreadableItems.contains(problem.item) {
            let i = firstColumn[problem.item]
            issues.append(LimeSurveyResponseIssue(line: i.map { record.fieldLines[$0] } ?? record.line,
                                                  column: i.map { record.fieldColumns[$0] } ?? 1,
                                                  field: i.map { names[$0] } ?? problem.item, problem: .response(problem)))
        }
        return issues.isEmpty ? r : nil
    }

    private mutating func read(_ cell: String, _ value: String, _ c: LimeSurveyColumn, at i: Int,
                               into answers: inout [String: Answer], chosen: inout [String: [Int]]) {
        let before = issues.count
        defer { if issues.count > before { unreadableItems.insert(c.item) } }
        switch c.role {
        case .ignored: return
        case .text:
            if !value.isEmpty { answers[c.item] = .text(cell) }
        case .code(let codes):
            guard !value.isEmpty else { return }
            if let code = codes[value] { answers[c.item] = .value(code) } else { issue(i, .unknownAnswerCode) }
        case .number:
            guard !value.isEmpty else { return }
            guard let number = Decimal(string: value, locale: Self.posix), Self.isNumber(value) else {
                issue(i, .notANumber)
                return
            }
            var whole = number, rounded = Decimal()
            NSDecimalRound(&rounded, &whole, 0, .plain)
            guard rounded == number else {
                issue(i, .notAWholeNumber)
                return
            }
            guard let int = Int(exactly: NSDecimalNumber(decimal: rounded).doubleValue), abs(int) <= Int(Int32.max) else {
                issue(i, .numberOutOfRange)
                return
            }
            answers[c.item] = .value(int)
        case .option(let code):
            switch value.uppercased() {
            case "Y", "1": chosen[c.item, default: []].append(code)
            case "", "N", "0": chosen[c.item, default: []] += []
            default: issue(i, .invalidSelectionFlag)
            }
        case .otherOption(let code):
            if value.isEmpty { chosen[c.item, default: []] += [] } else { chosen[c.item, default: []].append(code) }
        }
    }

    /// LimeSurvey writes numbers with a decimal point whatever the survey's language.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Whether `text` is only a sign, digits and one decimal point (`Decimal(string:)` accepts a prefix).
    private static func isNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2 else { return false }
        return parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) } && !parts.joined().isEmpty
    }

    private mutating func issue(_ i: Int, _ problem: LimeSurveyResponseProblem) {
        issues.append(LimeSurveyResponseIssue(line: record.fieldLines[i], column: record.fieldColumns[i], field: names[i], problem: problem))
    }
}

/// LimeSurvey's date and time cells: `YYYY-MM-DD hh:mm:ss` in the server's time zone.
struct LimeSurveyDate: Sendable {
    let calendar: Calendar

    init(timeZone: TimeZone) {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        calendar = c
    }

    /// `YYYY-MM-DD`, then optionally `hh:mm` or `hh:mm:ss` after a space or `T`.
    func parse(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard (1...2).contains(parts.count) else { return nil }
        let day = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let time = parts.count == 2 ? parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) } : [0, 0]
        guard day.count == 3, (2...3).contains(time.count), !day.contains(nil), !time.contains(nil) else { return nil }
        var c = DateComponents(year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1], second: time.count == 3 ? time[2] : 0)
        c.calendar = calendar
        guard c.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: c)
    }

    /// LimeSurvey writes 1980-01-01 00:00:00 when an anonymous survey keeps no date stamps:
    /// "submitted, time not recorded".
    func isPlaceholder(_ date: Date) -> Bool {
        date == parse("1980-01-01 00:00:00")
    }
}
