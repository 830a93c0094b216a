import DiversityKit
import Foundation
import SurveyModule

/// One data row of a LimeSurvey response export being turned into a ``/SurveyModule/SurveyResponse``.
struct LimeSurveyRow {
    let record: LimeSurveyResponseImporter.RawRecord
    let names: [String]
    let questionnaire: Questionnaire
    let dates: LimeSurveyDate
    var issues: [LimeSurveyResponseIssue] = []
    private var unreadableItems: Set<String> = []

    init(record: LimeSurveyResponseImporter.RawRecord, names: [String], questionnaire: Questionnaire, dates: LimeSurveyDate) {
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
        var ranked: [String: [(position: Int, code: Int)]] = [:]
        var cells: [String: [String: Int]] = [:]
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
                switch c.role {
                case .rank(let position, let codes) where !value.isEmpty:
                    if let code = codes[value] { ranked[c.item, default: []].append((position, code)) } else { issue(i, .unknownAnswerCode) }
                case .cellCode(let key, let codes) where !value.isEmpty:
                    if let code = codes[value] { cells[c.item, default: [:]][key] = code } else { issue(i, .unknownAnswerCode) }
                case .cellNumber(let key) where !value.isEmpty:
                    if let n = number(value, at: i) { cells[c.item, default: [:]][key] = n }
                default: break
                }
            }
        }
        for (item, codes) in chosen where !codes.isEmpty { r.answers[item] = .values(codes.sorted()) }
        for (item, ranks) in ranked { r.answers[item] = .values(ranks.sorted { $0.position < $1.position }.map(\.code)) }
        for (item, c) in cells { r.answers[item] = .cells(c) }
        // An item whose cell was unreadable is already reported; it is not also "missing".
        for problem in questionnaire.issues(in: r.answers, partial: r.isPartial) where !unreadableItems.contains(problem.item) {
            let i = firstColumn[problem.item]
            issues.append(LimeSurveyResponseIssue(line: i.map { record.fieldLines[$0] } ?? record.line,
                                                  column: i.map { record.fieldColumns[$0] } ?? 1, fieldNumber: i.flatMap(record.number),
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
            guard !value.isEmpty, let int = number(value, at: i) else { return }
            answers[c.item] = .value(int)
        case .date:
            guard !value.isEmpty else { return }
            guard let day = dates.day(value) else { issue(i, .invalidDate); return }
            answers[c.item] = .date(day)
        case .rank, .cellCode, .cellNumber: return
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

    /// The whole number in `value` (LimeSurvey writes `12.0000000000`), or `nil` with the issue recorded.
    private mutating func number(_ value: String, at i: Int) -> Int? {
        guard let number = Decimal(string: value, locale: Self.posix), Self.isNumber(value) else {
            issue(i, .notANumber)
            return nil
        }
        var whole = number, rounded = Decimal()
        NSDecimalRound(&rounded, &whole, 0, .plain)
        guard rounded == number else {
            issue(i, .notAWholeNumber)
            return nil
        }
        guard let int = Int(exactly: NSDecimalNumber(decimal: rounded).doubleValue), abs(int) <= Int(Int32.max) else {
            issue(i, .numberOutOfRange)
            return nil
        }
        return int
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
        issues.append(LimeSurveyResponseIssue(line: record.fieldLines[i], column: record.fieldColumns[i], fieldNumber: record.number(i),
                                              field: names[i], problem: problem))
    }
}

/// LimeSurvey's date and time cells: `YYYY-MM-DD hh:mm:ss` in the server's time zone, seconds
/// optionally with a fraction (`08:26:31.140133`, PostgreSQL's timestamps).
///
/// Every part must have its exact width and range: a year of 4 digits, an hour 0–23 and so on,
/// so a year or hour near `Int.max` is refused rather than wrapped into another date.
struct LimeSurveyDate: Sendable {
    let calendar: Calendar

    init(timeZone: TimeZone) {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        calendar = c
    }

    /// The parts of `text`: day, and hour, minute, second and fraction (0 without a time).
    private func parts(_ text: String) -> (CalendarDate, Int, Int, Int, Double)? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard (1...2).contains(parts.count), parts[0].count == 10, let day = try? CalendarDate(String(parts[0])) else { return nil }
        guard parts.count == 2 else { return (day, 0, 0, 0, 0) }
        let fields = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields[0].count == 2, fields[1].count == 2 else { return nil }
        func digits(_ s: Substring) -> Int? { s.allSatisfy { $0.isASCII && $0.isNumber } ? Int(s) : nil }
        guard let hour = digits(fields[0]), let minute = digits(fields[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var second = 0, fraction = 0.0
        if fields.count == 3 {
            let pieces = fields[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces[0].count == 2, let s = digits(pieces[0]), (0...60).contains(s) else { return nil }
            second = min(s, 59)
            if pieces.count == 2 {
                guard (1...9).contains(pieces[1].count), digits(pieces[1]) != nil, let f = Double("0." + pieces[1]) else { return nil }
                fraction = f
            }
        }
        return (day, hour, minute, second, fraction)
    }

    /// `YYYY-MM-DD`, then optionally `hh:mm` or `hh:mm:ss[.ffffff]` after a space or `T`.
    func parse(_ text: String) -> Date? {
        guard let (day, hour, minute, second, fraction) = parts(text) else { return nil }
        var c = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second)
        c.calendar = calendar
        guard c.isValidDate(in: calendar), let date = calendar.date(from: c) else { return nil }
        return date.addingTimeInterval(fraction)
    }

    /// The day of a date answer (`D` questions); the time of day is dropped.
    func day(_ text: String) -> CalendarDate? { parts(text)?.0 }

    /// LimeSurvey writes 1980-01-01 00:00:00 when an anonymous survey keeps no date stamps:
    /// "submitted, time not recorded".
    func isPlaceholder(_ date: Date) -> Bool {
        date == parse("1980-01-01 00:00:00")
    }
}
