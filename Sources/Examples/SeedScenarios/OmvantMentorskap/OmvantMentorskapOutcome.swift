import DiversityKit
import ProgrammeToolkit

/// What a run of Omvänt Mentorskap produced: the seed's figures and what the toolkit computed.
public struct OmvantMentorskapOutcome: Hashable, Sendable {
    /// The programme as planned (ESF grant, budget, period, phases, owner).
    public var programme: Programme
    /// The two actors: Kristianstads kommun and Centralsjukhuset Kristianstad.
    public var organisations: [Organisation]
    /// The owning unit's name (HR- och arbetsmiljöenheten).
    public var ownerUnitName: String
    /// The goals: receiving capacity, insight, ability to act.
    public var goals: [Goal]
    /// The mentors' and adepts' profiles.
    public var mentors: [MentoringProfile]
    /// The adepts' profiles.
    public var adepts: [MentoringProfile]
    /// The optimal matching, with explained scores.
    public var matching: MatchingResult
    /// The confirmed pairs.
    public var pairs: [MentoringPair]
    /// The follow-up of every pair on ``OmvantMentorskapScenario/followUpDate``.
    public var followUp: [PairFollowUp]
    /// The conferences, with their outputs marked as adopted.
    public var conferences: [DialogueConference]
    /// The action plans the conferences fed, one per organisation.
    public var actionPlans: [ActionPlan]
    /// The venues with their inventoried criteria.
    public var venues: [Venue]
    /// Sessions flagged before they happened because a requested criterion was not met.
    public var sessionsAtRisk: [SessionAtRisk]
    /// Requests deleted after the sessions were held (privacy).
    public var requestsPurged: Int
    /// The disability perspective's three dimensions.
    public var disabilityDimensions: [String]

    /// Total funding (the ESF grant).
    public var totalFunding: Money { programme.totalFunding }
    /// Total budget.
    public var totalBudget: Money { programme.totalBudget }
    /// Meetings held across all pairs.
    public var meetingsHeld: Int { followUp.reduce(0) { $0 + $1.held } }
    /// Meetings planned across all pairs.
    public var meetingsPlanned: Int { followUp.reduce(0) { $0 + $1.planned } }
    /// Pairs the follow-up flags for a coordinator's call.
    public var pairsNeedingAttention: Int { followUp.filter(\.needsAttention).count }
    /// Measures in the action plans.
    public var measures: [Measure] { actionPlans.flatMap(\.measures) }
}
