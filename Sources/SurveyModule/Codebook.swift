import Foundation

/// The codebook (kodbok) of a questionnaire version: every CSV column, its label and its value
/// codes — what an analyst needs to read an export. Written as CSV or JSON.
///
/// ```swift
/// let book = Codebook(questionnaire: q)
/// try book.json()                 // Data
/// book.csv(format: CSVFormat(separator: .semicolon))
/// ```
public struct Codebook: Codable, Hashable, Sendable {
    /// The questionnaire version described.
    public var questionnaire: QuestionnaireReference
    /// Its title.
    public var title: LocalizedText
    /// The item columns, in order (the fixed columns are described in `Docs/Surveys.md`).
    public var variables: [Variable]

    /// One item column.
    public struct Variable: Codable, Hashable, Sendable {
        /// The column name (item code).
        public var code: String
        /// The section's code.
        public var section: String
        /// ``ItemKind/name``: `likert`, `singleChoice`, `multipleChoice`, `numeric`, `freeText`, `knowledge`,
        /// `demographic`, `ranking`, `date` (range as day numbers), `dualScale` or `numericMatrix`.
        public var kind: String
        /// The question.
        public var label: LocalizedText
        /// Whether a complete response must answer it.
        public var isRequired: Bool
        /// Whether it is sensitive personal data.
        public var isSensitive: Bool
        /// Whether it is reverse-coded (Likert only).
        public var isReverseCoded: Bool
        /// Allowed numbers (Likert and numeric items).
        public var range: ClosedRange<Int>?
        /// Maximum text length (free text).
        public var maximumLength: Int?
        /// The correct code (knowledge items).
        public var correct: Int?
        /// The training topic (knowledge items).
        public var topic: TrainingTopic?
        /// Value codes and their labels (Likert points, options).
        public var values: [AnswerOption]
    }

    /// The codebook of `questionnaire`.
    public init(questionnaire q: Questionnaire) {
        questionnaire = q.reference
        title = q.title
        variables = q.sections.flatMap { section in
            section.items.map { item in
                var v = Variable(code: item.code, section: section.code, kind: "", label: item.prompt, isRequired: item.isRequired,
                                 isSensitive: item.isSensitive, isReverseCoded: false, range: nil, maximumLength: nil,
                                 correct: nil, topic: nil, values: item.kind.options)
                switch item.kind {
                case .likert(let scale, let reversed):
                    v.kind = "likert"
                    v.isReverseCoded = reversed
                    v.range = scale.minimum...scale.maximum
                    v.values = scale.labels.enumerated().map { AnswerOption(code: scale.minimum + $0, label: $1) }
                case .singleChoice: v.kind = "singleChoice"
                case .multipleChoice: v.kind = "multipleChoice"
                case .numeric(let range, _):
                    v.kind = "numeric"
                    v.range = range
                case .freeText(let max):
                    v.kind = "freeText"
                    v.maximumLength = max
                case .knowledge(let k):
                    v.kind = "knowledge"
                    v.correct = k.correct
                    v.topic = k.topic
                case .demographic: v.kind = "demographic"
                case .ranking: v.kind = "ranking"
                case .date(let range):
                    v.kind = "date"
                    v.range = range.map { $0.lowerBound.dayNumber...$0.upperBound.dayNumber }
                case .dualScale(let d):
                    v.kind = "dualScale"
                    v.values = d.scales.flatMap(\.options)
                case .numericMatrix(let m):
                    v.kind = "numericMatrix"
                    v.range = m.range
                }
                return v
            }
        }
    }

    /// The columns of ``csv(format:)``.
    public static let csvHeader = ["variable", "section", "kind", "label_sv", "label_en", "required", "sensitive",
                                   "reverse_coded", "minimum", "maximum", "max_length", "correct", "topic",
                                   "value", "value_label_sv", "value_label_en"]

    /// The codebook as CSV: one row per value code, or one row for an item without codes.
    public func csv(format: CSVFormat = CSVFormat()) -> String {
        var out = format.line(Self.csvHeader)
        for v in variables {
            let base = [v.code, v.section, v.kind, v.label.sv, v.label.en, v.isRequired ? "1" : "0", v.isSensitive ? "1" : "0",
                        v.isReverseCoded ? "1" : "0", v.range.map { String($0.lowerBound) } ?? "",
                        v.range.map { String($0.upperBound) } ?? "", v.maximumLength.map(String.init) ?? "",
                        v.correct.map(String.init) ?? "", v.topic?.rawValue ?? ""]
            if v.values.isEmpty { out += format.line(base + ["", "", ""]) }
            for value in v.values { out += format.line(base + [String(value.code), value.label.sv, value.label.en]) }
        }
        return out
    }

    /// The codebook as pretty-printed JSON with sorted keys.
    /// - Throws: an `EncodingError` (not expected for a codebook).
    public func json() throws -> Data { try SurveyJSON.encoder.encode(self) }
}
