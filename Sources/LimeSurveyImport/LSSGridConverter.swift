import DiversityKit
import SurveyModule

extension LSSQuestionConverter {
    /// An `:` array (numbers) or `;` array (texts): one item per cell, coded `Q[Y_X]` as LimeSurvey
    /// names the response columns, with the row sub-questions (`scale_id` 0) down and the column
    /// sub-questions (`scale_id` 1) across.
    ///
    /// Cells of an `:` array are numbers: 0 or 1 with `multiflexible_checkbox`, any whole number in
    /// `multiflexible_min`…`multiflexible_max` with `input_boxes`, else the dropdown's range
    /// (LimeSurvey's defaults 1…10).
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
                let prompt = LocalizedText(sv: "\(rowText.sv) – \(columnText.sv)", en: "\(rowText.en) – \(columnText.en)")
                out.add(Item(code: code, prompt: prompt, kind: kind, isRequired: q.mandatory), column: code, numbers ? .number : .text)
            }
        }
        out.warnings.append("question \(q.title): an array of \(numbers ? "numbers" : "texts") becomes one item per cell (\(rows.count * columns.count))")
    }

    private func cellRange(_ q: LSSQuestion) -> ClosedRange<Int> {
        let attrs = survey.attributes[q.qid] ?? [:]
        if attrs["multiflexible_checkbox"] == "1" { return 0...1 }
        if attrs["input_boxes"] == "1" { return Self.range(low: attrs["multiflexible_min"], high: attrs["multiflexible_max"]) }
        return Self.range(low: attrs["multiflexible_min"], high: attrs["multiflexible_max"], defaultLow: 1, defaultHigh: 10)
    }
}
