import DiversityKit
import SurveyModule

extension LSSQuestionConverter {
    /// `a – b` in every language either has.
    static func joined(_ a: LocalizedText, _ b: LocalizedText) -> LocalizedText {
        LocalizedText(Dictionary(uniqueKeysWithValues: Set(a.languages + b.languages).map { ($0, "\(a.text(for: $0)) – \(b.text(for: $0))") }))
    }

    /// An `;` array (texts): one free-text item per cell, coded `Q[Y_X]` as LimeSurvey names the
    /// response columns, with the row sub-questions (`scale_id` 0) down and the column
    /// sub-questions (`scale_id` 1) across.
    func grid(_ q: LSSQuestion, numbers: Bool, _ out: inout ConvertedQuestion) throws {
        let rows = survey.subquestions(of: q.qid, scale: 0), columns = survey.subquestions(of: q.qid, scale: 1)
        guard !rows.isEmpty, !columns.isEmpty else {
            throw Unsupported(reason: "an array of \(numbers ? "numbers" : "texts") needs row and column sub-questions, found \(rows.count) and \(columns.count)")
        }
        try Self.unique(rows.map(\.title), "row sub-question codes")
        try Self.unique(columns.map(\.title), "column sub-question codes")
        let kind: ItemKind = numbers ? .numeric(range: cellRange(q), unit: nil) : .freeText(maxLength: textLength(q))
        for row in rows {
            let rowText = texts.localized(row.texts, fallback: row.title)
            for column in columns {
                let columnText = texts.localized(column.texts, fallback: column.title)
                let code = "\(q.title)[\(row.title)_\(column.title)]"
                let prompt = Self.joined(rowText, columnText)
                out.add(Item(code: code, prompt: prompt, kind: kind, isRequired: q.mandatory), column: code, numbers ? .number : .text)
            }
        }
        out.warnings.append("question \(q.title): an array of \(numbers ? "numbers" : "texts") becomes one item per cell (\(rows.count * columns.count))")
    }

    /// An `:` array (numbers): one ``/SurveyModule/ItemKind/numericMatrix(_:)`` item, its cells read from
    /// LimeSurvey's `Q[Y_X]` columns. Cells are numbers: 0 or 1 with `multiflexible_checkbox`, any
    /// whole number in `multiflexible_min`…`multiflexible_max` with `input_boxes`, else the
    /// dropdown's range (LimeSurvey's defaults 1…10).
    func numericMatrix(_ q: LSSQuestion, _ prompt: LocalizedText, _ out: inout ConvertedQuestion) throws {
        let (rows, columns) = try lines(q)
        let matrix = NumericMatrix(rows: rows, columns: columns, range: cellRange(q))
        out.items.append(Item(code: q.title, prompt: prompt, kind: .numericMatrix(matrix), isRequired: q.mandatory))
        for row in rows {
            for column in columns {
                out.columns["\(q.title)[\(row.code)_\(column.code)]"] = LimeSurveyColumn(
                    item: q.title, role: .cellNumber(key: NumericMatrix.cellKey(row: row.code, column: column.code)))
            }
        }
    }

    /// A `1` dual-scale array: one ``/SurveyModule/ItemKind/dualScale(_:)`` item; the answers of
    /// `scale_id` 0 and 1 are the two scales, headed by `dualscale_headerA` and `dualscale_headerB`,
    /// read from LimeSurvey's `Q[SQ#0]` and `Q[SQ#1]` columns.
    func dualScale(_ q: LSSQuestion, _ prompt: LocalizedText, _ subs: [LSSQuestion], _ out: inout ConvertedQuestion) throws {
        guard !subs.isEmpty else { throw Unsupported(reason: "a dual-scale array needs sub-questions (rows), found none") }
        try Self.unique(subs.map(\.title), "sub-question codes")
        var axes: [DualScale.Axis] = [], codes: [[String: Int]] = []
        for (scale, header) in [(0, "dualscale_headerA"), (1, "dualscale_headerB")] {
            let answers = survey.answers(of: q.qid, scale: scale)
            guard answers.count >= 2 else { throw Unsupported(reason: "scale \(scale + 1) of a dual-scale array needs two answer options or more, found \(answers.count)") }
            try Self.unique(answers.map(\.code), "answer codes of scale \(scale + 1)")
            try checkOptionCount(answers.count)
            let heading = survey.localizedAttributes[q.qid]?[header].map { texts.localized($0, fallback: "\(scale + 1)") }
                ?? LocalizedText(invariant: "\(scale + 1)")
            axes.append(DualScale.Axis(header: heading, options: answers.enumerated().map {
                AnswerOption(code: $0.offset + 1, label: texts.localized($0.element.texts, fallback: $0.element.code))
            }))
            codes.append(Self.numbered(answers.map(\.code)))
        }
        let rows = subs.map { MatrixLine(code: $0.title, label: texts.localized($0.texts, fallback: $0.title)) }
        out.items.append(Item(code: q.title, prompt: prompt, kind: .dualScale(DualScale(rows: rows, scales: axes)), isRequired: q.mandatory))
        for row in rows {
            for scale in 0...1 {
                let key = DualScale.cellKey(row: row.code, scale: scale)
                out.columns["\(q.title)[\(key)]"] = LimeSurveyColumn(item: q.title, role: .cellCode(key: key, codes: codes[scale]))
            }
        }
    }

    /// An `R` ranking: one ``/SurveyModule/ItemKind/ranking(options:minimumRanked:maximumRanked:)`` item
    /// over the answer options, read from LimeSurvey's `R[1]`, `R[2]`, … columns (rank 1 first);
    /// `min_answers` and `max_answers` bound how many are ranked.
    func ranking(_ q: LSSQuestion, _ prompt: LocalizedText, _ out: inout ConvertedQuestion) throws {
        let answers = survey.answers(of: q.qid)
        guard answers.count >= 2 else { throw Unsupported(reason: "a ranking needs two answer options or more, found \(answers.count)") }
        try Self.unique(answers.map(\.code), "answer codes")
        try checkOptionCount(answers.count)
        let options = answers.enumerated().map { AnswerOption(code: $0.offset + 1, label: texts.localized($0.element.texts, fallback: $0.element.code)) }
        let attrs = survey.attributes[q.qid] ?? [:]
        let most = attrs["max_answers"].flatMap { Int($0) }.flatMap { (1...options.count).contains($0) ? $0 : nil }
        let least = attrs["min_answers"].flatMap { Int($0) }.flatMap { (0...(most ?? options.count)).contains($0) ? $0 : nil } ?? 0
        out.items.append(Item(code: q.title, prompt: prompt, kind: .ranking(options: options, minimumRanked: q.mandatory ? max(least, 1) : least,
                                                                             maximumRanked: most), isRequired: q.mandatory))
        let codes = Self.numbered(answers.map(\.code))
        for position in 1...(most ?? options.count) {
            out.columns["\(q.title)[\(position)]"] = LimeSurveyColumn(item: q.title, role: .rank(position: position, codes: codes))
        }
    }

    /// A `D` date: a ``/SurveyModule/ItemKind/date(range:)`` item bounded by `date_min` and `date_max`
    /// where they are plain dates (expressions are not evaluated); a time of day is not kept.
    func date(_ q: LSSQuestion, _ prompt: LocalizedText, _ out: inout ConvertedQuestion) throws {
        let attrs = survey.attributes[q.qid] ?? [:]
        func day(_ name: String) -> CalendarDate? {
            attrs[name].flatMap { $0.split(separator: " ").first }.flatMap { try? CalendarDate(String($0)) }
        }
        let low = day("date_min") ?? CalendarDate(year: 1, month: 1, day: 1)!, high = day("date_max") ?? CalendarDate(year: 9999, month: 12, day: 31)!
        let range = day("date_min") == nil && day("date_max") == nil ? nil : (low <= high ? low...high : nil)
        out.add(Item(code: q.title, prompt: prompt, kind: .date(range: range), isRequired: q.mandatory), column: q.title, .date)
        if let format = attrs["date_format"] ?? attrs["dateformat"], format.contains(":") || format.lowercased().contains("h") {
            out.warnings.append("question \(q.title): a date with a time of day (\(format)); the day is imported, the time is not")
        }
        for name in ["date_min", "date_max"] where attrs[name].map({ !$0.isEmpty }) == true && day(name) == nil {
            out.warnings.append("question \(q.title): \(name) '\(attrs[name]!)' is not a plain date (an expression?); not used as a bound")
        }
    }

    private func lines(_ q: LSSQuestion) throws -> ([MatrixLine], [MatrixLine]) {
        let rows = survey.subquestions(of: q.qid, scale: 0), columns = survey.subquestions(of: q.qid, scale: 1)
        guard !rows.isEmpty, !columns.isEmpty else {
            throw Unsupported(reason: "an array of numbers needs row and column sub-questions, found \(rows.count) and \(columns.count)")
        }
        try Self.unique(rows.map(\.title), "row sub-question codes")
        try Self.unique(columns.map(\.title), "column sub-question codes")
        return (rows.map { MatrixLine(code: $0.title, label: texts.localized($0.texts, fallback: $0.title)) },
                columns.map { MatrixLine(code: $0.title, label: texts.localized($0.texts, fallback: $0.title)) })
    }

    private func cellRange(_ q: LSSQuestion) -> ClosedRange<Int> {
        let attrs = survey.attributes[q.qid] ?? [:]
        if attrs["multiflexible_checkbox"] == "1" { return 0...1 }
        if attrs["input_boxes"] == "1" { return Self.range(low: attrs["multiflexible_min"], high: attrs["multiflexible_max"]) }
        return Self.range(low: attrs["multiflexible_min"], high: attrs["multiflexible_max"], defaultLow: 1, defaultHigh: 10)
    }
}
