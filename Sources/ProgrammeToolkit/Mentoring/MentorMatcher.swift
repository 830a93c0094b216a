import DiversityKit

/// A proposed mentor–adept pair with its explained score.
public struct ProposedPair: Codable, Hashable, Sendable {
    /// The mentor.
    public var mentor: ID<Participant>
    /// The adept.
    public var adept: ID<Participant>
    /// The total fit.
    public var score: Int
    /// Where the score comes from.
    public var components: [ScoreComponent]
}

/// The outcome of matching a pool.
public struct MatchingResult: Codable, Hashable, Sendable {
    /// The pairs, ordered by adept id.
    public var pairs: [ProposedPair]
    /// Adepts no allowed mentor slot was left for, ordered by id.
    public var unmatchedAdepts: [ID<Participant>]
    /// The sum of the pairs' scores.
    public var totalScore: Int { pairs.reduce(0) { $0 + $1.score } }
    /// Pairs per (mentor organisation, adept organisation), to show the balance across organisations.
    public var pairsPerOrganisationPair: [String: Int]
}

/// Optimal reverse-mentoring matching (not greedy).
///
/// The objective is lexicographic: first as many adepts matched as the constraints allow, then
/// the greatest total fit. It is solved exactly with the Hungarian algorithm on a matrix of adepts
/// × (mentor capacity slots + one "unmatched" column per adept). Forbidden pairs
/// (``PairingObstacle``) get a prohibitive cost and are rejected if ever chosen, so such an adept
/// stays unmatched rather than being forced. Inputs are sorted by participant id first, so the
/// same pool always gives the same pairs.
public enum MentorMatcher {
    /// Matches `adepts` to `mentors` under `rules`.
    /// - Parameters:
    ///   - mentors: the mentor pool's profiles.
    ///   - adepts: the adept pool's profiles.
    ///   - organisations: the organisations of both pools, for the reporting-line rule.
    ///   - rules: the weights and obstacles of the match.
    /// - Throws: ``ToolkitError/invalid(entity:field:reason:)`` when a weight is negative (the
    ///   "pairs first" objective relies on every allowed pair being worth at least zero).
    public static func match(mentors: [MentoringProfile], adepts: [MentoringProfile],
                             organisations: [Organisation], rules: MatchingRules = MatchingRules()) throws -> MatchingResult {
        try rules.validate()
        let mentors = mentors.sorted { $0.participant < $1.participant }
        let adepts = adepts.sorted { $0.participant < $1.participant }
        let orgs = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var slots: [Int] = []   // slot → mentor index
        for (i, m) in mentors.enumerated() {
            let capacity = min(m.capacity ?? rules.maxAdeptsPerMentor, rules.maxAdeptsPerMentor, adepts.count)
            slots += Array(repeating: i, count: max(capacity, 0))
        }
        var scores = [[Int?]](repeating: [Int?](repeating: nil, count: mentors.count), count: adepts.count)
        var maxScore = 0
        for (a, adept) in adepts.enumerated() {
            for (m, mentor) in mentors.enumerated()
            where rules.obstacle(mentor: mentor, adept: adept, organisations: orgs) == nil {
                let s = rules.explain(mentor: mentor, adept: adept).reduce(0) { $0 + $1.points }
                scores[a][m] = s
                maxScore = max(maxScore, s)
            }
        }
        // A pair is worth more than any sum of scores, so cardinality comes first.
        let pairValue = Int64(maxScore + 1) * Int64(adepts.count + 1)
        let prohibitive = pairValue * Int64(adepts.count + 1) * 4
        var cost: [[Int64]] = []
        for a in adepts.indices {
            var row = slots.map { m -> Int64 in
                guard let s = scores[a][m] else { return prohibitive }
                return -(pairValue + Int64(s))
            }
            row += Array(repeating: 0, count: adepts.count)
            cost.append(row)
        }
        let assignment = Hungarian.minimise(cost)
        var pairs: [ProposedPair] = []
        var unmatched: [ID<Participant>] = []
        var balance: [String: Int] = [:]
        for (a, column) in assignment.enumerated() {
            guard column >= 0, column < slots.count, scores[a][slots[column]] != nil else {
                unmatched.append(adepts[a].participant)
                continue
            }
            let mentor = mentors[slots[column]], adept = adepts[a]
            let parts = rules.explain(mentor: mentor, adept: adept)
            pairs.append(ProposedPair(mentor: mentor.participant, adept: adept.participant,
                                      score: parts.reduce(0) { $0 + $1.points }, components: parts))
            balance["\(mentor.organisation)→\(adept.organisation)", default: 0] += 1
        }
        return MatchingResult(pairs: pairs, unmatchedAdepts: unmatched, pairsPerOrganisationPair: balance)
    }
}
