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
        /// Creates an item.
        public init(code: String, label: String, answers: [Int?]) {
            self.code = code
            self.label = label
            self.answers = answers
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
    /// Ranking items: their rank distributions and mean ranks are reported, disclosure-controlled.
    public var rankings: [Ranking]

    /// One ranking item and how each respondent ranked its options.
    public struct Ranking: Codable, Hashable, Sendable {
        /// The item's code.
        public var code: String
        /// The question as shown.
        public var label: String
        /// The options' labels.
        public var options: [String]
        /// Per respondent, the indices into ``options`` from rank 1 down (empty: not answered).
        public var answers: [[Int]]

        /// Creates a ranking.
        public init(code: String, label: String, options: [String], answers: [[Int]]) {
            self.code = code
            self.label = label
            self.options = options
            self.answers = answers
        }
    }

    private enum CodingKeys: String, CodingKey { case title, points, pointLabels, items, groups, scales, comments, rankings }

    /// Decodes the input; one written before rankings has none.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(title: try c.decode(String.self, forKey: .title), points: try c.decode(ClosedRange<Int>.self, forKey: .points),
                  pointLabels: try c.decode([String].self, forKey: .pointLabels), items: try c.decode([Item].self, forKey: .items),
                  groups: try c.decodeIfPresent([String?].self, forKey: .groups), scales: try c.decode([Scale].self, forKey: .scales),
                  comments: try c.decode([String].self, forKey: .comments),
                  rankings: try c.decodeIfPresent([Ranking].self, forKey: .rankings) ?? [])
    }

    /// Creates the input.
    public init(title: String, points: ClosedRange<Int>, pointLabels: [String] = [], items: [Item],
                groups: [String?]? = nil, scales: [Scale] = [], comments: [String] = [], rankings: [Ranking] = []) {
        self.rankings = rankings
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
