import DiversityKit

extension Questionnaire {
    /// The score of `scale` for one respondent: the mean of its answered items, reverse-coded
    /// items flipped, or `nil` when fewer than ``Scale/minimumAnswered`` are answered.
    ///
    /// ```swift
    /// q.scaleScore(climate, in: ["C01": .value(4), "C02": .value(2)]) // 4 and (6-2)=4 → 4.0 if C02 is reversed
    /// ```
    public func scaleScore(_ scale: Scale, in answers: [String: Answer]) -> Double? {
        var sum = 0, n = 0
        for code in scale.itemCodes {
            guard let item = item(code), case .likert(let s, let reversed) = item.kind,
                  let v = answers[code]?.intValue, (s.minimum...s.maximum).contains(v) else { continue }
            sum += reversed ? s.reversed(v) : v
            n += 1
        }
        return n >= scale.minimumAnswered && n > 0 ? Double(sum) / Double(n) : nil
    }

    /// The knowledge items, in order.
    public var knowledgeItems: [(code: String, question: KnowledgeQuestion)] {
        items.compactMap { if case .knowledge(let k) = $0.kind { return ($0.code, k) } else { return nil } }
    }

    /// One respondent's knowledge score, overall and per topic. An unanswered knowledge item
    /// counts as not known (it is in the denominator).
    public func knowledgeScore(in answers: [String: Answer]) -> KnowledgeScore {
        var byTopic: [TrainingTopic: (Int, Int)] = [:]
        for (code, k) in knowledgeItems {
            var e = byTopic[k.topic] ?? (0, 0)
            e.1 += 1
            if answers[code]?.intValue == k.correct { e.0 += 1 }
            byTopic[k.topic] = e
        }
        let topics = byTopic.keys.sorted().map { TopicKnowledge(topic: $0, correct: byTopic[$0]!.0, items: byTopic[$0]!.1) }
        return KnowledgeScore(correct: topics.reduce(0) { $0 + $1.correct }, items: topics.reduce(0) { $0 + $1.items }, topics: topics)
    }
}

/// A respondent's knowledge score (kunskapspoäng).
public struct KnowledgeScore: Codable, Hashable, Sendable {
    /// Items answered correctly.
    public var correct: Int
    /// Knowledge items in the questionnaire.
    public var items: Int
    /// Per topic, ordered by topic code.
    public var topics: [TopicKnowledge]
    /// Creates a score.
    public init(correct: Int, items: Int, topics: [TopicKnowledge]) {
        self.correct = correct
        self.items = items
        self.topics = topics
    }
    /// The share correct, 0…1 (0 when there are no knowledge items).
    public var proportion: Double { items == 0 ? 0 : Double(correct) / Double(items) }
}

/// Correct answers on one topic.
public struct TopicKnowledge: Codable, Hashable, Sendable {
    /// The topic.
    public var topic: TrainingTopic
    /// Items answered correctly.
    public var correct: Int
    /// Items on the topic.
    public var items: Int
    /// Creates a topic score.
    public init(topic: TrainingTopic, correct: Int, items: Int) {
        self.topic = topic
        self.correct = correct
        self.items = items
    }
    /// The share correct, 0…1.
    public var proportion: Double { items == 0 ? 0 : Double(correct) / Double(items) }
}

extension ResponseMatrix {
    /// Per row, the score of `scale` (see ``Questionnaire/scaleScore(_:in:)``), `nil` below the minimum answered.
    public func scaleScores(_ scale: Scale) -> [Double?] {
        let parts: [(column: [Int32], reversed: Bool, scale: LikertScale)] = scale.itemCodes.compactMap { code in
            guard let col = column(code), case .likert(let s, let r)? = questionnaire.item(code)?.kind else { return nil }
            return (col, r, s)
        }
        return (0..<rowCount).map { row in
            var sum = 0, n = 0
            for p in parts {
                let v = Int(p.column[row])
                guard p.column[row] != Self.missing, (p.scale.minimum...p.scale.maximum).contains(v) else { continue }
                sum += p.reversed ? p.scale.reversed(v) : v
                n += 1
            }
            return n >= scale.minimumAnswered && n > 0 ? Double(sum) / Double(n) : nil
        }
    }

    /// Per row, the share of knowledge items answered correctly (unanswered counts as wrong).
    public func knowledgeProportions() -> [Double] {
        let items = questionnaire.knowledgeItems.compactMap { k in column(k.code).map { ($0, Int32(clamping: k.question.correct)) } }
        guard !items.isEmpty else { return Array(repeating: 0, count: rowCount) }
        return (0..<rowCount).map { row in Double(items.reduce(0) { $0 + ($1.0[row] == $1.1 ? 1 : 0) }) / Double(items.count) }
    }

    /// Per topic, the share of its knowledge answers that were correct across all rows, ordered by topic.
    public func topicKnowledge() -> [TopicKnowledge] {
        var byTopic: [TrainingTopic: (Int, Int)] = [:]
        for (code, k) in questionnaire.knowledgeItems {
            guard let col = column(code) else { continue }
            let key = Int32(clamping: k.correct)
            var e = byTopic[k.topic] ?? (0, 0)
            for v in col where v == key { e.0 += 1 }
            e.1 += col.count
            byTopic[k.topic] = e
        }
        return byTopic.keys.sorted().map { TopicKnowledge(topic: $0, correct: byTopic[$0]!.0, items: byTopic[$0]!.1) }
    }
}
