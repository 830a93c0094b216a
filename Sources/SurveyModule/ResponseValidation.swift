import DiversityKit

extension Questionnaire {
    /// Every problem with `answers` for this questionnaire, in item order then unknown codes.
    ///
    /// A partial response (`partial: true`) may leave required items unanswered; everything
    /// it does answer must still be valid.
    ///
    /// ```swift
    /// let issues = q.issues(in: ["A01": .value(9)], partial: false)
    /// ```
    public func issues(in answers: [String: Answer], partial: Bool) -> [ResponseIssue] {
        var issues: [ResponseIssue] = []
        var matched = 0
        for section in sections {
            for item in section.items {
                guard let answer = answers[item.code] else {
                    if item.isRequired && !partial { issues.append(.missingRequired(item: item.code)) }
                    continue
                }
                matched += 1
                if answer.isEmpty {
                    if item.isRequired && !partial { issues.append(.missingRequired(item: item.code)) }
                } else if let issue = Self.issue(answer, for: item) {
                    issues.append(issue)
                }
            }
        }
        // Every answer matched an item: no unknown codes, and no set to build (this runs per imported row).
        guard matched < answers.count else { return issues }
        let known = Set(items.map(\.code))
        for code in answers.keys.sorted() where !known.contains(code) { issues.append(.unknownItem(code)) }
        return issues
    }

    /// Checks `answers`.
    /// - Throws: ``SurveyError/invalidResponse(_:)`` listing every issue.
    public func validate(_ answers: [String: Answer], partial: Bool) throws {
        let found = issues(in: answers, partial: partial)
        if !found.isEmpty { throw SurveyError.invalidResponse(found) }
    }

    static func issue(_ answer: Answer, for item: Item) -> ResponseIssue? {
        let code = item.code
        switch (item.kind, answer) {
        case (.likert(let scale, _), .value(let v)):
            guard let range = scale.codes else { return .outOfRange(item: code, value: v, allowed: v...v) }
            return range.contains(v) ? nil : .outOfRange(item: code, value: v, allowed: range)
        case (.numeric(let range, _), .value(let v)):
            return range.contains(v) ? nil : .outOfRange(item: code, value: v, allowed: range)
        case (.singleChoice(let options), .value(let v)), (.demographic(let options), .value(let v)):
            return options.contains { $0.code == v } ? nil : .notAnOption(item: code, value: v)
        case (.knowledge(let k), .value(let v)):
            return k.options.contains { $0.code == v } ? nil : .notAnOption(item: code, value: v)
        case (.multipleChoice(let options, let max), .values(let vs)):
            if let bad = vs.first(where: { v in !options.contains { $0.code == v } }) { return .notAnOption(item: code, value: bad) }
            if Set(vs).count != vs.count { return .invalidSelection(item: code, reason: "an option is chosen twice") }
            if let max, vs.count > max { return .invalidSelection(item: code, reason: "\(vs.count) chosen, at most \(max) allowed") }
            return nil
        case (.freeText(let maxLength), .text(let t)):
            return t.count > maxLength ? .textTooLong(item: code, length: t.count, maximum: maxLength) : nil
        case (.ranking(let options, let minimum, let maximum), .values(let vs)):
            if let bad = vs.first(where: { v in !options.contains { $0.code == v } }) { return .notAnOption(item: code, value: bad) }
            if Set(vs).count != vs.count { return .invalidSelection(item: code, reason: "an option is ranked twice") }
            if vs.count < minimum { return .invalidSelection(item: code, reason: "\(vs.count) ranked, at least \(minimum) required") }
            if let maximum, vs.count > maximum { return .invalidSelection(item: code, reason: "\(vs.count) ranked, at most \(maximum) allowed") }
            return nil
        case (.date(let range), .value(let v)):
            let allowed = range.map { $0.lowerBound.dayNumber...$0.upperBound.dayNumber } ?? Self.dayNumbers
            return allowed.contains(v) ? nil : .outOfRange(item: code, value: v, allowed: allowed)
        case (.dualScale(let d), .cells(let cells)):
            for key in cells.keys.sorted() {
                guard let (row, scale) = Self.split(key), d.rows.contains(where: { $0.code == row }), let s = Int(scale),
                      d.scales.indices.contains(s) else { return .invalidSelection(item: code, reason: "cell \(key) is not one of its cells") }
                let v = cells[key]!
                if !d.scales[s].options.contains(where: { $0.code == v }) { return .notAnOption(item: code, value: v) }
            }
            return nil
        case (.numericMatrix(let m), .cells(let cells)):
            for key in cells.keys.sorted() {
                guard let (row, column) = Self.split(key), m.rows.contains(where: { $0.code == row }),
                      m.columns.contains(where: { $0.code == column }) else { return .invalidSelection(item: code, reason: "cell \(key) is not one of its cells") }
                let v = cells[key]!
                if !m.range.contains(v) { return .outOfRange(item: code, value: v, allowed: m.range) }
            }
            return nil
        case (.multipleChoice, _), (.ranking, _): return .wrongAnswerKind(item: code, expected: "a list of option codes")
        case (.dualScale, _), (.numericMatrix, _): return .wrongAnswerKind(item: code, expected: "cells by key")
        case (.freeText, _): return .wrongAnswerKind(item: code, expected: "text")
        default: return .wrongAnswerKind(item: code, expected: "one integer code")
        }
    }

    /// The day numbers of 0001-01-01…9999-12-31, the dates an item without a range accepts.
    static let dayNumbers = CalendarDate(year: 1, month: 1, day: 1)!.dayNumber...CalendarDate(year: 9999, month: 12, day: 31)!.dayNumber

    /// A cell key split at its `#`.
    static func split(_ key: String) -> (Substring, Substring)? {
        guard let hash = key.firstIndex(of: "#") else { return nil }
        return (key[..<hash], key[key.index(after: hash)...])
    }
}
