import DiversityKit
import Foundation

/// A sign that a response may not be answered in earnest. Flags are for the analyst to judge:
/// nothing is ever dropped because of them.
public enum DataQualityFlag: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Far faster than the median respondent (see ``DataQualityPolicy/speederFraction``). An anonymous
    /// response has only a duration band: it is a speeder when its whole band lies below the limit.
    case speeder
    /// The same point on every item of a Likert grid (a section of Likert items).
    case straightLining
    /// Most items left unanswered.
    case mostlyEmpty

    /// Orders values ascending.
    public static func < (lhs: DataQualityFlag, rhs: DataQualityFlag) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Thresholds for the data-quality flags.
public struct DataQualityPolicy: Codable, Hashable, Sendable {
    /// A response taking less than this share of the median duration is a speeder (default ⅓).
    public var speederFraction: Double
    /// The median is only trusted with at least this many timed responses (default 5).
    public var minimumTimedResponses: Int
    /// A Likert grid counts for straight-lining only with at least this many answered items (default 5).
    public var straightLiningMinimumItems: Int
    /// A response answering less than this share of the items is mostly empty (default 0.5).
    public var minimumAnsweredShare: Double

    /// Creates a policy.
    public init(speederFraction: Double = 1.0 / 3.0, minimumTimedResponses: Int = 5,
                straightLiningMinimumItems: Int = 5, minimumAnsweredShare: Double = 0.5) {
        self.speederFraction = speederFraction
        self.minimumTimedResponses = minimumTimedResponses
        self.straightLiningMinimumItems = straightLiningMinimumItems
        self.minimumAnsweredShare = minimumAnsweredShare
    }
}

/// The data-quality flags of a set of responses.
///
/// ```swift
/// let report = DataQualityReport(responses: rs, questionnaire: q)
/// report.flags[r.id] // [.speeder] or nil
/// ```
public struct DataQualityReport: Hashable, Sendable {
    /// The flags of each flagged response; unflagged responses are absent.
    public var flags: [ID<SurveyResponse>: [DataQualityFlag]]
    /// The median duration in seconds of the timed responses (a band counts as its
    /// ``DurationBand/representative``), when there were enough of them.
    public var medianDuration: TimeInterval?

    /// Assesses `responses` to `questionnaire` under `policy`.
    public init(responses: [SurveyResponse], questionnaire: Questionnaire, policy: DataQualityPolicy = DataQualityPolicy()) {
        // Exact durations where kept (identified), otherwise the band's representative duration.
        let durations = responses.compactMap { r in r.duration.flatMap { $0 >= 0 ? $0 : nil } ?? r.durationBand?.representative }.sorted()
        if durations.count >= max(1, policy.minimumTimedResponses) {
            let mid = durations.count / 2
            medianDuration = durations.count % 2 == 1 ? durations[mid] : (durations[mid - 1] + durations[mid]) / 2
        } else {
            medianDuration = nil
        }
        let grids = questionnaire.sections.map { $0.items.filter(\.isLikert).map(\.code) }
            .filter { $0.count >= policy.straightLiningMinimumItems }
        let itemCount = questionnaire.items.count
        var flags: [ID<SurveyResponse>: [DataQualityFlag]] = [:]
        for r in responses {
            var found: [DataQualityFlag] = []
            if let median = medianDuration {
                let limit = median * policy.speederFraction
                if let d = r.duration { if d < limit { found.append(.speeder) } } else if let band = r.durationBand, band.upperBound <= limit {
                    found.append(.speeder)
                }
            }
            if grids.contains(where: { Self.isStraightLined($0, r.answers, minimum: policy.straightLiningMinimumItems) }) {
                found.append(.straightLining)
            }
            let answered = questionnaire.items.reduce(0) { $0 + ((r.answers[$1.code].map { !$0.isEmpty } ?? false) ? 1 : 0) }
            if itemCount > 0, Double(answered) < Double(itemCount) * policy.minimumAnsweredShare { found.append(.mostlyEmpty) }
            if !found.isEmpty { flags[r.id] = found }
        }
        self.flags = flags
    }

    static func isStraightLined(_ grid: [String], _ answers: [String: Answer], minimum: Int) -> Bool {
        let values = grid.compactMap { answers[$0]?.intValue }
        return values.count >= minimum && Set(values).count == 1
    }

    /// How many responses carry `flag`.
    public func count(of flag: DataQualityFlag) -> Int { flags.values.reduce(0) { $0 + ($1.contains(flag) ? 1 : 0) } }
}
