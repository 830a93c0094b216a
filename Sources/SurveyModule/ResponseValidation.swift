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
        case (.multipleChoice, _): return .wrongAnswerKind(item: code, expected: "a list of option codes")
        case (.freeText, _): return .wrongAnswerKind(item: code, expected: "text")
        default: return .wrongAnswerKind(item: code, expected: "one integer code")
        }
    }
}
