import DiversityKit

/// How much a group needs training on one topic, from baseline results: 0 (no need) … 1.
///
/// `knowledgeNeed` is the share of knowledge answers on the topic that were wrong or missing;
/// `attitudeNeed` is how far the mean of the topic's scales lies below the favourable end,
/// as a share of the scale's span. ``need`` is the mean of the parts that are known.
public struct TopicNeed: Codable, Hashable, Sendable {
    /// The topic.
    public var topic: TrainingTopic
    /// 1 − share correct on the topic's knowledge items, if it has any.
    public var knowledgeNeed: Double?
    /// (max − mean scale score) / (max − min) over the topic's scales, if it has any.
    public var attitudeNeed: Double?

    /// Creates a need.
    public init(topic: TrainingTopic, knowledgeNeed: Double? = nil, attitudeNeed: Double? = nil) {
        self.topic = topic
        self.knowledgeNeed = knowledgeNeed
        self.attitudeNeed = attitudeNeed
    }

    /// The combined need, 0…1: the mean of the known parts, `nil` when neither is known.
    public var need: Double? {
        let parts = [knowledgeNeed, attitudeNeed].compactMap { $0 }
        return parts.isEmpty ? nil : min(1, max(0, parts.reduce(0, +) / Double(parts.count)))
    }

    /// The needs shown by a baseline matrix: per topic, knowledge from its knowledge items and
    /// attitude from the scales tagged with the topic (rows below a scale's minimum answered are
    /// left out of its mean). Ordered by topic.
    public static func needs(from matrix: ResponseMatrix) -> [TopicNeed] {
        var result: [TrainingTopic: TopicNeed] = [:]
        for k in matrix.topicKnowledge() where k.items > 0 {
            result[k.topic] = TopicNeed(topic: k.topic, knowledgeNeed: 1 - k.proportion)
        }
        var attitude: [TrainingTopic: [Double]] = [:]
        for scale in matrix.questionnaire.scales {
            guard let topic = scale.topic, let first = scale.itemCodes.first,
                  case .likert(let s, _)? = matrix.questionnaire.item(first)?.kind else { continue }
            let scores = matrix.scaleScores(scale).compactMap { $0 }
            guard !scores.isEmpty else { continue }
            let mean = scores.reduce(0, +) / Double(scores.count)
            attitude[topic, default: []].append((Double(s.maximum) - mean) / Double(s.maximum - s.minimum))
        }
        for (topic, needs) in attitude {
            result[topic, default: TopicNeed(topic: topic)].attitudeNeed = needs.reduce(0, +) / Double(needs.count)
        }
        return result.keys.sorted().map { result[$0]! }
    }
}
