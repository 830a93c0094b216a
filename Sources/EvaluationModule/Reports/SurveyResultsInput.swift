import DiversityKit

/// Survey answers in memory, per respondent, for ``EvaluationReports/surveyResults(_:date:)``: a convenience
/// that ``counts()`` turns into the one shape reports are built from, ``SurveyCounts``.
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
        /// The codes of its reverse-coded (omvända) items, flipped before reliability is computed.
        public var reversedItemCodes: [String]
        /// Creates a scale.
        public init(name: String, itemCodes: [String], reversedItemCodes: [String] = []) {
            self.name = name
            self.itemCodes = itemCodes
            self.reversedItemCodes = reversedItemCodes
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

extension SurveyResultsInput {
    /// The counts of these answers: one tally row per respondent, groups as reporting units (sorted by key).
    /// - Throws: ``SurveyResultsError`` for mismatched groups, unknown scale items or point labels;
    ///   ``StatisticsError/answerOutsideScale(answer:index:)`` for an answer outside the points.
    public func counts() throws -> SurveyCounts {
        for item in items {
            _ = try ScaleItemSummary.counts(item.answers, points: points)
            if let groups, item.answers.count != groups.count {
                throw SurveyResultsError.groupCountMismatch(item: item.code, respondents: item.answers.count, groups: groups.count)
            }
        }
        let column = Dictionary(items.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let tallyScales = try scales.map { scale in
            LikertTally.Layout.Scale(name: scale.name, items: try scale.itemCodes.map { code in
                guard let c = column[code] else { throw SurveyResultsError.unknownItem(scale: scale.name, item: code) }
                return c
            }, reversed: scale.itemCodes.map(scale.reversedItemCodes.contains), minimumAnswered: 1)
        }
        let units = Set((groups ?? []).compactMap { $0 }).sorted()
        let unitIndex = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, Int32($0)) })
        let missing = points.lowerBound > Int(Int8.min) ? points.lowerBound - 1 : points.upperBound + 1
        var tally = try LikertTally(layout: .init(itemCount: max(1, items.count), points: points, missingCode: missing,
                                                  unitCount: units.count, scales: tallyScales))
        let respondents = items.map(\.answers.count).max() ?? 0
        var codes: [Int8] = [], rowUnits: [Int32] = []
        codes.reserveCapacity(respondents * items.count)
        for r in 0..<respondents {
            for item in items { codes.append(Int8(r < item.answers.count ? item.answers[r] ?? missing : missing)) }
            if items.isEmpty { codes.append(Int8(missing)) }
            rowUnits.append(groups.flatMap { $0[r] }.flatMap { unitIndex[$0] } ?? -1)
        }
        try tally.add(rows: codes, units: rowUnits)
        return try SurveyCounts(title: title, pointLabels: pointLabels, items: items.map { .init(code: $0.code, label: $0.label) },
                                unitNames: groups == nil ? nil : units, comments: comments, tally: tally, rankings: rankings)
    }
}

/// The one shape survey reports are built from: a ``LikertTally`` of the answers (per item, unit and point;
/// scale moments) with the labels to show. Build it from rows streamed out of a store, or from answers in
/// memory with ``SurveyResultsInput/counts()``.
///
/// ```swift
/// let counts = try SurveyCounts(title: "Medarbetarenkät", items: [.init(code: "q1", label: "Respekt")],
///                               unitNames: ["A", "B"], tally: tally)
/// let report = try EvaluationReports(language: .swedish).surveyResults(counts)
/// ```
public struct SurveyCounts: Hashable, Sendable {
    /// An item's code and question text.
    public struct Item: Hashable, Sendable, Codable {
        /// A stable code, e.g. `"q1"`.
        public var code: String
        /// The question text shown in the report.
        public var label: String
        /// Creates an item.
        public init(code: String, label: String) {
            self.code = code
            self.label = label
        }
    }

    /// The report title.
    public var title: String
    /// Labels of the points; numbers when empty.
    public var pointLabels: [String]
    /// One entry per column of the tally.
    public var items: [Item]
    /// The name of each reporting unit of the tally, or `nil` when results are not broken down.
    public var unitNames: [String]?
    /// Free-text comments, published only when there are at least the comment threshold of them.
    public var comments: [String]
    /// The counts.
    public var tally: LikertTally
    /// Ranking items with each respondent's ranking, reported as rank distributions and mean ranks.
    public var rankings: [SurveyResultsInput.Ranking]

    /// Creates the counts.
    /// - Throws: ``SurveyResultsError/pointLabelCount(expected:got:)``, ``SurveyResultsError/shapeMismatch(_:)``
    ///   when items or unit names do not match the tally's layout.
    public init(title: String, pointLabels: [String] = [], items: [Item], unitNames: [String]? = nil,
                comments: [String] = [], tally: LikertTally, rankings: [SurveyResultsInput.Ranking] = []) throws {
        self.rankings = rankings
        let points = tally.layout.points
        guard pointLabels.isEmpty || pointLabels.count == points.count else {
            throw SurveyResultsError.pointLabelCount(expected: points.count, got: pointLabels.count)
        }
        guard items.count == tally.layout.itemCount || (items.isEmpty && tally.layout.itemCount == 1) else {
            throw SurveyResultsError.shapeMismatch("\(items.count) items for a tally of \(tally.layout.itemCount) columns")
        }
        guard (unitNames?.count ?? 0) == tally.layout.unitCount else {
            throw SurveyResultsError.shapeMismatch("\(unitNames?.count ?? 0) unit names for a tally of \(tally.layout.unitCount) units")
        }
        self.title = title
        self.pointLabels = pointLabels
        self.items = items
        self.unitNames = unitNames
        self.comments = comments
        self.tally = tally
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
    /// Labels that do not match the tally's layout (named in the reason).
    case shapeMismatch(String)

    /// A readable description.
    public var description: String { text(.english) }
}
