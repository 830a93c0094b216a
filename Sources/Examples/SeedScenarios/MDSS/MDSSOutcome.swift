import DiversityKit
import EvaluationModule
import SurveyModule

/// What a run of MDSS produced: the seed's figures as the library computed them from the store.
public struct MDSSOutcome: Hashable, Sendable {
    /// The programme, with the milestones' actual dates.
    public var programme: Programme
    /// The partner organisations and the coordination association.
    public var organisations: [Organisation]
    /// Survey, base training, leader forum, diversity forum.
    public var interventions: [Intervention]
    /// Tokens issued for the baseline survey.
    public var surveyIssued: Int
    /// Anonymous responses received.
    public var surveyResponded: Int
    /// The training needs the baseline showed, per topic.
    public var needs: [TopicNeed]
    /// The tailored 120-minute base training.
    public var tailoredPlan: TrainingPlan
    /// Sessions per intervention.
    public var sessions: [ID<Intervention>: Int]
    /// Participants against the 2010 plan per organisation.
    public var participation: ParticipationFollowUp
    /// Base training → leader forum → diversity forum.
    public var funnel: [FunnelStage]
    /// Ratings per intervention and dimension.
    public var ratings: [RatingSummary]
    /// Ratings per intervention, facilitator and dimension.
    public var ratingsByFacilitator: [RatingSummary]
    /// The facilitators, by role.
    public var facilitators: [Facilitator]
    /// Milestones with their slippage on the follow-up date.
    public var milestones: [MilestoneFollowUp]
    /// The diversity-forum enrolment the workspace refused for want of the leader forum.
    public var refusedEnrolment: RefusedEnrolment?

    /// Distinct participants who attended at least one session.
    public var totalParticipants: Int { participation.totalActual }
    /// Mean content score of the base training.
    public var contentMean: Double? { mean(MDSSScenario.baseTraining, .content) }
    /// Mean trainer score of the base training.
    public var trainerMean: Double? { mean(MDSSScenario.baseTraining, .trainer) }
    /// The largest milestone delay in days.
    public var maximumSlippage: Int { FollowUp.maximumSlippage(milestones) }

    /// The mean score of one dimension of one intervention.
    public func mean(_ intervention: ID<Intervention>, _ dimension: RatingDimension) -> Double? {
        ratings.first { $0.intervention == intervention && $0.dimension == dimension }?.summary.descriptives.mean
    }

    /// An organisation's name, or its id.
    public func name(of organisation: ID<Organisation>) -> String {
        organisations.first { $0.id == organisation }?.name ?? organisation.rawValue
    }

    /// The name a reader knows for a record key: an intervention's or organisation's name.
    public func name(of key: RecordKey) -> String {
        switch key.type {
        case Intervention.recordType: return interventions.first { $0.id.rawValue == key.id }?.name ?? key.id
        case Organisation.recordType: return name(of: ID<Organisation>(rawValue: key.id))
        default: return key.id
        }
    }

    /// The refused enrolment as a Swedish sentence, naming the intervention and what was missing.
    public var refusalText: String? {
        guard let refused = refusedEnrolment else { return nil }
        let forum = name(of: RecordKey(type: Intervention.recordType, id: refused.intervention.rawValue))
        return "en anmälan till \(forum) avvisades: deltagaren " + refused.error.text(.swedish, naming: name(of:))
    }
}
