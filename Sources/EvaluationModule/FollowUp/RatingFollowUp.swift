import DiversityKit

/// Ratings of one dimension of one intervention, optionally for one facilitator.
public struct RatingSummary: Hashable, Sendable, Codable {
    /// The intervention rated.
    public let intervention: ID<Intervention>
    /// The facilitator of the rated sessions, for per-facilitator summaries.
    public let facilitator: ID<Facilitator>?
    /// The dimension (content, trainer, …).
    public let dimension: RatingDimension
    /// The scale the ratings use.
    public let scale: RatingScale
    /// Distribution, mean, top-two-box.
    public let summary: ScaleItemSummary
}

extension FollowUp {
    /// Ratings per dimension per intervention (MDSS: content and trainer near 4), or per facilitator.
    ///
    /// Per facilitator, a rating of a session counts for each facilitator of that session; ratings of a
    /// whole intervention name no facilitator and are left out. Groups are split by scale so
    /// means are never mixed across scales. Sorted by intervention, facilitator, then dimension code.
    /// - Throws: ``StatisticsError/answerOutsideScale(answer:index:)`` for a score outside its scale.
    public static func ratingSummaries(ratings: [Rating], sessions: [Session] = [],
                                       byFacilitator: Bool = false) throws -> [RatingSummary] {
        struct Key: Hashable { let i: ID<Intervention>, f: ID<Facilitator>?, d: String, s: RatingScale }
        let facilitators = Dictionary(sessions.map { ($0.id, $0.facilitators) }, uniquingKeysWith: { a, _ in a })
        var groups: [Key: [Int?]] = [:]
        for r in ratings {
            if byFacilitator {
                guard case .session(let s) = r.subject else { continue }
                for f in facilitators[s] ?? [] { groups[Key(i: r.intervention, f: f, d: r.dimension.code, s: r.scale), default: []].append(r.score) }
            } else {
                groups[Key(i: r.intervention, f: nil, d: r.dimension.code, s: r.scale), default: []].append(r.score)
            }
        }
        let keys = groups.keys.sorted {
            ($0.i.rawValue, $0.f?.rawValue ?? "", $0.d, $0.s.minimum, $0.s.maximum) < ($1.i.rawValue, $1.f?.rawValue ?? "", $1.d, $1.s.minimum, $1.s.maximum)
        }
        return try keys.map { k in
            RatingSummary(intervention: k.i, facilitator: k.f, dimension: RatingDimension(code: k.d), scale: k.s,
                          summary: try ScaleItemSummary(answers: groups[k]!, points: k.s.points))
        }
    }
}
