import DiversityKit

/// Survey answers in a survey-neutral shape, for ``EvaluationReports/surveyResults(_:date:)``.
///
/// Respondent r is at index r of every item's answers and of ``groups``; answers are anonymous.
///
/// ```swift
/// let input = SurveyResultsInput(title: "Medarbetarenkät 2026", points: 1...5,
///     items: [.init(code: "q1", label: "Jag blir bemött med respekt", answers: [5, 4, nil, 2])])
/// ```
public struct SurveyResultsInput: Hashable, Sendable, Codable {
    /// One question answered on the scale.
    public struct Item: Hashable, Sendable, Codable {
        /// A stable code, e.g. `"q1"`.
        public var code: String
        /// The question text shown in the report.
        public var label: String
        /// One answer per respondent; `nil` when not answered.
        public var answers: [Int?]
        /// Whether the item is worded the other way round (omvänt formulerad): agreeing means a
        /// worse state. The report marks it and reverses its answers before testing a scale's reliability.
        public var reverseCoded: Bool
        /// Creates an item.
        public init(code: String, label: String, answers: [Int?], reverseCoded: Bool = false) {
            self.code = code
            self.label = label
            self.answers = answers
            self.reverseCoded = reverseCoded
        }

        private enum CodingKeys: String, CodingKey { case code, label, answers, reverseCoded }

        /// Decodes an item; inputs saved before ``reverseCoded`` existed read as not reversed.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = try c.decode(String.self, forKey: .code)
            label = try c.decode(String.self, forKey: .label)
            answers = try c.decode([Int?].self, forKey: .answers)
            reverseCoded = try c.decodeIfPresent(Bool.self, forKey: .reverseCoded) ?? false
        }
    }

    /// A multi-item scale whose reliability is reported.
    public struct Scale: Hashable, Sendable, Codable {
        /// The scale's name.
        public var name: String
        /// The codes of its items.
        public var itemCodes: [String]
        /// Creates a scale.
        public init(name: String, itemCodes: [String]) {
            self.name = name
            self.itemCodes = itemCodes
        }
    }

    /// The report title.
    public var title: String
    /// The scale points, e.g. 1…5.
    public var points: ClosedRange<Int>
    /// Labels of the points (e.g. "Instämmer inte alls" … "Instämmer helt"); numbers when empty.
    public var pointLabels: [String]
    /// The items.
    public var items: [Item]
    /// A group key per respondent (e.g. the unit), or `nil` when results are not broken down.
    public var groups: [String?]?
    /// Scales to test for reliability.
    public var scales: [Scale]
    /// Free-text comments, published only when there are at least the comment threshold of them.
    public var comments: [String]

    /// Creates the input.
    public init(title: String, points: ClosedRange<Int>, pointLabels: [String] = [], items: [Item],
                groups: [String?]? = nil, scales: [Scale] = [], comments: [String] = []) {
        self.title = title
        self.points = points
        self.pointLabels = pointLabels
        self.items = items
        self.groups = groups
        self.scales = scales
        self.comments = comments
    }
}

/// Why survey results could not be reported.
public enum SurveyResultsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The group keys do not match the number of respondents of this item.
    case groupCountMismatch(item: String, respondents: Int, groups: Int)
    /// A scale names an item that does not exist.
    case unknownItem(scale: String, item: String)
    /// The point labels do not match the number of scale points.
    case pointLabelCount(expected: Int, got: Int)
    /// The questionnaire has no Likert items to report.
    case noLikertItems(questionnaire: String)

    /// A readable description.
    public var description: String {
        switch self {
        case .groupCountMismatch(let item, let r, let g): return "item \(item) has \(r) answers but there are \(g) group keys"
        case .unknownItem(let scale, let item): return "scale \(scale) names unknown item \(item)"
        case .pointLabelCount(let e, let g): return "expected \(e) point labels, got \(g)"
        case .noLikertItems(let q): return "questionnaire \(q) has no Likert items to report"
        }
    }
}
