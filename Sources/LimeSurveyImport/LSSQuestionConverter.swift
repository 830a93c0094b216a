import DiversityKit
import SurveyModule

/// What one LimeSurvey question became: items, their response columns, and a scale for Likert arrays.
struct ConvertedQuestion {
    var items: [Item] = []
    var columns: [String: LimeSurveyColumn] = [:]
    var scale: Scale?
    var warnings: [String] = []
}

/// Converts one top-level LimeSurvey question. Throws ``Unsupported`` with the reason when it
/// cannot be represented.
struct LSSQuestionConverter {
    let survey: LSSSurvey
    let texts: LimeSurveyTexts
    var limits = LimeSurveyLimits()

    struct Unsupported: Error { var reason: String }

    /// LimeSurvey keeps text answers in MySQL `TEXT` columns: at most 65 535 bytes.
    static let defaultTextLength = 65_535

    func convert(_ q: LSSQuestion) throws -> ConvertedQuestion {
        guard let type = LimeSurveyQuestionType(rawValue: q.type) else { throw Unsupported(reason: "unknown question type '\(q.type)'") }
        let prompt = texts.localized(q.texts, fallback: q.title)
        let subs = survey.subquestions(of: q.qid)
        var out = ConvertedQuestion()
        switch type {
        case .arrayFlexible, .arrayByColumn:
            let answers = survey.answers(of: q.qid)
            guard answers.count >= 2 else {
                let hint = survey.hasLabelSets ? " (this file keeps them in label sets, as LimeSurvey before 1.9 did: re-export it from a newer LimeSurvey)" : ""
                throw Unsupported(reason: "an array needs two answer options or more, found \(answers.count)" + hint)
            }
            try Self.unique(answers.map(\.code), "answer codes")
            let scale = LikertScale(name: q.title, labels: answers.map { texts.localized($0.texts, fallback: $0.code) })
            try likertArray(q, subs, scale, codes: Self.numbered(answers.map(\.code)), &out)
        case .arrayFivePoint:
            try likertArray(q, subs, Self.points(5), codes: Self.numbered((1...5).map(String.init)), &out)
        case .arrayTenPoint:
            try likertArray(q, subs, Self.points(10), codes: Self.numbered((1...10).map(String.init)), &out)
        case .arrayIncreaseSameDecrease:
            let scale = LikertScale(name: "increaseSameDecrease", labels: [
                LocalizedText(sv: "Minska", en: "Decrease"), LocalizedText(sv: "Samma", en: "Same"), LocalizedText(sv: "Öka", en: "Increase"),
            ])
            try likertArray(q, subs, scale, codes: ["D": 1, "S": 2, "I": 3], &out)
        case .arrayYesNoUncertain:
            let options = [AnswerOption(code: 1, label: LocalizedText(sv: "Ja", en: "Yes")),
                           AnswerOption(code: 2, label: LocalizedText(sv: "Osäker", en: "Uncertain")),
                           AnswerOption(code: 3, label: LocalizedText(sv: "Nej", en: "No"))]
            for (code, sub) in try perSubquestion(q, subs) {
                out.add(Item(code: code, prompt: texts.localized(sub.texts, fallback: sub.title), kind: .singleChoice(options: options),
                             isRequired: q.mandatory), column: code, .code(["Y": 1, "U": 2, "N": 3]))
            }
        case .fivePointChoice:
            out.add(Item(code: q.title, prompt: prompt, kind: .likert(scale: Self.points(5), reverseCoded: false), isRequired: q.mandatory),
                    column: q.title, .code(Self.numbered((1...5).map(String.init))))
        case .listRadio, .listDropdown, .listWithComment:
            try singleChoice(q, prompt, &out)
        case .yesNo:
            out.add(Item(code: q.title, prompt: prompt, kind: .singleChoice(options: [
                AnswerOption(code: 1, label: LocalizedText(sv: "Ja", en: "Yes")), AnswerOption(code: 0, label: LocalizedText(sv: "Nej", en: "No")),
            ]), isRequired: q.mandatory), column: q.title, .code(["Y": 1, "N": 0]))
        case .gender:
            out.add(Item(code: q.title, prompt: prompt, kind: .demographic(options: [
                AnswerOption(code: 1, label: LocalizedText(sv: "Kvinna", en: "Female")), AnswerOption(code: 2, label: LocalizedText(sv: "Man", en: "Male")),
            ]), isRequired: q.mandatory, isSensitive: true), column: q.title, .code(["F": 1, "M": 2]))
        case .multipleChoice, .multipleChoiceWithComments:
            try multipleChoice(q, subs, prompt, withComments: type == .multipleChoiceWithComments, &out)
        case .numeric:
            out.add(Item(code: q.title, prompt: prompt, kind: .numeric(range: numericRange(q), unit: nil), isRequired: q.mandatory),
                    column: q.title, .number)
        case .multipleNumeric:
            for (code, sub) in try perSubquestion(q, subs) {
                out.add(Item(code: code, prompt: texts.localized(sub.texts, fallback: sub.title), kind: .numeric(range: numericRange(q), unit: nil),
                             isRequired: q.mandatory), column: code, .number)
            }
        case .shortText, .longText, .hugeText:
            out.add(Item(code: q.title, prompt: prompt, kind: .freeText(maxLength: textLength(q)), isRequired: q.mandatory), column: q.title, .text)
        case .multipleShortText:
            for (code, sub) in try perSubquestion(q, subs) {
                out.add(Item(code: code, prompt: texts.localized(sub.texts, fallback: sub.title), kind: .freeText(maxLength: textLength(q)),
                             isRequired: q.mandatory), column: code, .text)
            }
        case .arrayNumbers:
            try numericMatrix(q, prompt, &out)
        case .arrayTexts:
            try grid(q, numbers: false, &out)
        case .ranking:
            try ranking(q, prompt, &out)
        case .date:
            try date(q, prompt, &out)
        case .arrayDualScale:
            try dualScale(q, prompt, subs, &out)
        case .equation, .fileUpload, .textDisplay, .languageSwitch:
            if case .unsupported(let reason) = type.conversion { throw Unsupported(reason: reason) }
            throw Unsupported(reason: "it shows text only and takes no answer")
        }
        return out
    }

    private func likertArray(_ q: LSSQuestion, _ subs: [LSSQuestion], _ scale: LikertScale, codes: [String: Int],
                             _ out: inout ConvertedQuestion) throws {
        var itemCodes: [String] = []
        for (code, sub) in try perSubquestion(q, subs) {
            out.add(Item(code: code, prompt: texts.localized(sub.texts, fallback: sub.title), kind: .likert(scale: scale, reverseCoded: false),
                         isRequired: q.mandatory), column: code, .code(codes))
            itemCodes.append(code)
        }
        // An index needs at least half of its items answered, as SurveyModule's own scales do.
        out.scale = Scale(code: q.title, title: texts.localized(q.texts, fallback: q.title), itemCodes: itemCodes,
                          minimumAnswered: (itemCodes.count + 1) / 2)
    }

    private func perSubquestion(_ q: LSSQuestion, _ subs: [LSSQuestion]) throws -> [(String, LSSQuestion)] {
        guard !subs.isEmpty else { throw Unsupported(reason: "it has no sub-questions") }
        try Self.unique(subs.map(\.title), "sub-question codes")
        return subs.map { ("\(q.title)[\($0.title)]", $0) }
    }

    private func singleChoice(_ q: LSSQuestion, _ prompt: LocalizedText, _ out: inout ConvertedQuestion) throws {
        let answers = survey.answers(of: q.qid)
        try Self.unique(answers.map(\.code), "answer codes")
        try checkOptionCount(answers.count)
        var codes = Self.numbered(answers.map(\.code))
        var options = answers.enumerated().map { AnswerOption(code: $0.offset + 1, label: texts.localized($0.element.texts, fallback: $0.element.code)) }
        if q.other {
            codes["-oth-"] = options.count + 1
            options.append(AnswerOption(code: options.count + 1, label: otherLabel(q)))
            out.columns["\(q.title)[other]"] = LimeSurveyColumn(item: q.title, role: .ignored("the text of an 'other' answer is not kept"))
            out.warnings.append("question \(q.title): the 'other' option is imported, the text typed for it is not")
        }
        if q.type == LimeSurveyQuestionType.listWithComment.rawValue {
            out.columns["\(q.title)[comment]"] = LimeSurveyColumn(item: q.title, role: .ignored("comments are free text and not kept"))
            out.warnings.append("question \(q.title): the choice is imported, the comment is not")
        }
        out.add(Item(code: q.title, prompt: prompt, kind: .singleChoice(options: options), isRequired: q.mandatory), column: q.title, .code(codes))
    }

    private func multipleChoice(_ q: LSSQuestion, _ subs: [LSSQuestion], _ prompt: LocalizedText, withComments: Bool,
                                _ out: inout ConvertedQuestion) throws {
        guard !subs.isEmpty else { throw Unsupported(reason: "it has no sub-questions (options)") }
        try Self.unique(subs.map(\.title), "sub-question codes")
        var options: [AnswerOption] = []
        for (i, sub) in subs.enumerated() {
            options.append(AnswerOption(code: i + 1, label: texts.localized(sub.texts, fallback: sub.title)))
            out.columns["\(q.title)[\(sub.title)]"] = LimeSurveyColumn(item: q.title, role: .option(i + 1))
            if withComments {
                out.columns["\(q.title)[\(sub.title)comment]"] = LimeSurveyColumn(item: q.title, role: .ignored("comments are free text and not kept"))
            }
        }
        if q.other {
            options.append(AnswerOption(code: options.count + 1, label: otherLabel(q)))
            out.columns["\(q.title)[other]"] = LimeSurveyColumn(item: q.title, role: .otherOption(options.count))
            if withComments {
                out.columns["\(q.title)[othercomment]"] = LimeSurveyColumn(item: q.title, role: .ignored("comments are free text and not kept"))
            }
            out.warnings.append("question \(q.title): an 'other' text selects the added 'other' option; the text itself is not kept")
        }
        if withComments { out.warnings.append("question \(q.title): the choices are imported, the comments are not") }
        try checkOptionCount(options.count)
        let max = survey.attributes[q.qid]?["max_answers"].flatMap { Int($0) }.flatMap { (1...options.count).contains($0) ? $0 : nil }
        out.items.append(Item(code: q.title, prompt: prompt, kind: .multipleChoice(options: options, maxSelections: max), isRequired: q.mandatory))
    }

    /// Refuses a question with more options than ``LimeSurveyLimits/maximumOptions``.
    func checkOptionCount(_ n: Int) throws {
        guard n <= limits.maximumOptions else {
            throw Unsupported(reason: "\(n) options, over the bound maximumOptions = \(limits.maximumOptions) (LimeSurveyLimits)")
        }
    }

    private func numericRange(_ q: LSSQuestion) -> ClosedRange<Int> {
        let attrs = survey.attributes[q.qid] ?? [:]
        return Self.range(low: attrs["min_num_value_n"], high: attrs["max_num_value_n"])
    }

    /// The whole numbers between two attribute values (either may be missing, an expression, or
    /// out of range); the full 32-bit range when they give none.
    static func range(low: String?, high: String?, defaultLow: Int = -2_147_483_647, defaultHigh: Int = 2_147_483_647) -> ClosedRange<Int> {
        let full = -2_147_483_647...2_147_483_647
        // Attribute values are text: "1e999", "nan" and "{Q1}" must not become numbers (or traps).
        func number(_ text: String?) -> Double? { text.flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil } }
        func clamped(_ v: Double) -> Int { Int(min(max(v, Double(full.lowerBound)), Double(full.upperBound))) }
        let lo = number(low).map { clamped($0.rounded(.up)) } ?? defaultLow
        let hi = number(high).map { clamped($0.rounded(.down)) } ?? defaultHigh
        return lo <= hi ? lo...hi : full
    }

    func textLength(_ q: LSSQuestion) -> Int {
        survey.attributes[q.qid]?["maximum_chars"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultTextLength
    }

    /// Refuses repeated codes: a response value could not tell them apart.
    static func unique(_ codes: [String], _ what: String) throws {
        var seen: Set<String> = []
        for c in codes where !seen.insert(c).inserted { throw Unsupported(reason: "\(what) repeat ('\(c)')") }
    }

    static let otherLabel = LocalizedText(sv: "Annat", en: "Other")

    /// The label of the added "other" option: the question's own (`other_replace_text`) where it has one.
    func otherLabel(_ q: LSSQuestion) -> LocalizedText {
        guard let custom = survey.localizedAttributes[q.qid]?["other_replace_text"], !custom.isEmpty else { return Self.otherLabel }
        return texts.localized(custom, fallback: Self.otherLabel.en)
    }

    /// `codes` numbered 1, 2, … in order.
    static func numbered(_ codes: [String]) -> [String: Int] {
        var map: [String: Int] = [:]
        for (i, c) in codes.enumerated() where map[c] == nil { map[c] = i + 1 }
        return map
    }

    /// A scale of `n` points labelled with their numbers, as LimeSurvey shows them.
    static func points(_ n: Int) -> LikertScale {
        LikertScale(name: "points\(n)", labels: (1...n).map { LocalizedText(sv: "\($0)", en: "\($0)") })
    }
}

extension ConvertedQuestion {
    mutating func add(_ item: Item, column: String, _ role: LimeSurveyColumnRole) {
        items.append(item)
        columns[column] = LimeSurveyColumn(item: item.code, role: role)
    }
}
