import SurveyModule

extension KnowledgeMeasurement {
    /// Knowledge before and after training, from knowledge items of a pre-test and a post-test.
    ///
    /// Each respondent's score is their share of knowledge items answered correctly. Responses
    /// that carry the same linkage code on both sides are paired (no identity needed); when fewer
    /// than `minimumPairs` pairs exist, the two sides are compared as unpaired groups instead.
    ///
    /// ```swift
    /// let learning = KnowledgeMeasurement(questionnaire: battery, pre: baseline, post: followUp)
    /// let summary = try FollowUp.kirkpatrick(ratings: ratings, knowledge: learning, plans: plans, goals: goals)
    /// ```
    /// - Returns: `nil` when the questionnaire has no knowledge items or a side has no responses.
    public init?(questionnaire: Questionnaire, pre: [SurveyResponse], post: [SurveyResponse], minimumPairs: Int = 5) {
        guard !questionnaire.knowledgeItems.isEmpty, !pre.isEmpty, !post.isEmpty else { return nil }
        func share(_ r: SurveyResponse) -> Double {
            let s = questionnaire.knowledgeScore(in: r.answers)
            return Double(s.correct) / Double(s.items)
        }
        let pairing = LinkageCode.pair(pre: pre, post: post)
        if pairing.pairs.count >= max(minimumPairs, 2) {
            self = .paired(pre: pairing.pairs.map { share($0.pre) }, post: pairing.pairs.map { share($0.post) })
        } else {
            self = .unpaired(pre: pre.map(share), post: post.map(share))
        }
    }
}
