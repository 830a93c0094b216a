import DiversityKit

/// A rule for one topic of the training: its minimum and maximum time and whether it is mandatory.
public struct TopicRule: Codable, Hashable, Sendable {
    /// The topic.
    public var topic: TrainingTopic
    /// Minutes it always gets (a multiple of the granularity); mandatory topics get at least this.
    public var minimumMinutes: Int
    /// Minutes it may get at most, if capped.
    public var maximumMinutes: Int?
    /// Whether it is always taught, whatever the baseline says (e.g. the Discrimination Act).
    public var isMandatory: Bool

    /// Creates a rule.
    public init(topic: TrainingTopic, minimumMinutes: Int = 0, maximumMinutes: Int? = nil, isMandatory: Bool = false) {
        self.topic = topic
        self.minimumMinutes = minimumMinutes
        self.maximumMinutes = maximumMinutes
        self.isMandatory = isMandatory
    }
}

/// How a training is tailored: its length, the time step and the per-topic rules.
public struct TailoringConfiguration: Codable, Hashable, Sendable {
    /// The training's length in minutes (120 for a base training).
    public var totalMinutes: Int
    /// Minutes are allotted in steps of this (default 5).
    public var granularity: Int
    /// Rules per topic; a topic with results but no rule gets minimum 0, no maximum.
    public var rules: [TopicRule]

    /// Creates a configuration.
    public init(totalMinutes: Int, granularity: Int = 5, rules: [TopicRule]) {
        self.totalMinutes = totalMinutes
        self.granularity = granularity
        self.rules = rules
    }

    /// The MDSS-style base training (basutbildning): 120 minutes in 5-minute steps; the
    /// Discrimination Act and its grounds mandatory (20 and 10 minutes), treatment of citizens
    /// (bemötande) mandatory (10 minutes), each topic at most 45 minutes.
    public static let baseTraining = TailoringConfiguration(totalMinutes: 120, granularity: 5, rules: [
        TopicRule(topic: .discriminationAct, minimumMinutes: 20, maximumMinutes: 45, isMandatory: true),
        TopicRule(topic: .grounds, minimumMinutes: 10, maximumMinutes: 45, isMandatory: true),
        TopicRule(topic: .treatmentOfCitizens, minimumMinutes: 10, maximumMinutes: 45, isMandatory: true),
        TopicRule(topic: .directAndIndirectDiscrimination, maximumMinutes: 45),
        TopicRule(topic: .harassment, maximumMinutes: 45),
        TopicRule(topic: .instructions, maximumMinutes: 45),
        TopicRule(topic: .accessibility, maximumMinutes: 45),
        TopicRule(topic: .workClimate, maximumMinutes: 45),
        TopicRule(topic: .attitudes, maximumMinutes: 45),
    ])
}

/// Why a topic got its time.
public enum AllocationReason: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The mandatory minimum of the topic's rule.
    case mandatoryMinimum(minutes: Int)
    /// The minimum of a non-mandatory rule.
    case ruleMinimum(minutes: Int)
    /// A share of the free time in proportion to the topic's need.
    case need(need: Double, rank: Int, minutes: Int)
    /// The topic reached its maximum; the rest went to other topics.
    case cappedAtMaximum(minutes: Int)
    /// No baseline result informed the topic.
    case noBaselineData
    /// No need was found, so no free time was given.
    case noNeed
    /// Time that no need could take, spread evenly (mandatory topics first).
    case leftoverTime(minutes: Int)

    /// A readable description.
    public var description: String {
        switch self {
        case .mandatoryMinimum(let m): return "mandatory topic: minimum \(m) min"
        case .ruleMinimum(let m): return "minimum \(m) min by rule"
        case .need(let n, let r, let m): return "need \(Int((n * 100).rounded()))% (rank \(r)): \(m) min of the free time"
        case .cappedAtMaximum(let m): return "capped at its maximum of \(m) min"
        case .noBaselineData: return "no baseline data on this topic"
        case .noNeed: return "baseline shows no need"
        case .leftoverTime(let m): return "\(m) min of time no need could take"
        }
    }
}

/// The time a tailored training gives one topic, and why.
public struct TopicAllocation: Codable, Hashable, Sendable {
    /// The topic.
    public var topic: TrainingTopic
    /// Minutes allotted (a multiple of the granularity).
    public var minutes: Int
    /// The topic's need, if known.
    public var need: Double?
    /// Its rank by need (1 = greatest need); ties broken by topic code.
    public var rank: Int
    /// Why it got its minutes.
    public var reasons: [AllocationReason]
}

/// A tailored training plan (anpassad utbildningsplan).
public struct TrainingPlan: Codable, Hashable, Sendable {
    /// The training's length in minutes.
    public var totalMinutes: Int
    /// Allocations in rank order.
    public var allocations: [TopicAllocation]
    /// Minutes allotted in total (below ``totalMinutes`` only when every topic is capped).
    public var allottedMinutes: Int { allocations.reduce(0) { $0 + $1.minutes } }
    /// Minutes of a topic, 0 when it is not in the plan.
    public func minutes(for topic: TrainingTopic) -> Int { allocations.first { $0.topic == topic }?.minutes ?? 0 }
}

/// A configuration that cannot be satisfied.
public enum TailoringError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Length or granularity not positive, or the length not a multiple of the granularity.
    case invalidLength(total: Int, granularity: Int)
    /// A minimum or maximum that is negative, not a multiple of the granularity, or a maximum below the minimum.
    case invalidRule(TrainingTopic)
    /// Two rules for one topic.
    case duplicateRule(TrainingTopic)
    /// The minimums add up to more than the length.
    case minimumsExceedLength(minimums: Int, total: Int)

    /// A readable description.
    public var description: String { text(.english) }
}
