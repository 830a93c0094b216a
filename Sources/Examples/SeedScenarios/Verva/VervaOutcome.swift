import DiversityKit
import EvaluationModule

/// What a run of the regional project produced, as the library computed it from the store.
public struct VervaOutcome: Hashable, Sendable {
    /// The programme: the 2006 funding and budget with outcome, phases, milestones.
    public var programme: Programme
    /// The 51 participating authorities.
    public var authorities: [Organisation]
    /// Verva, DO and Integrationsverket.
    public var supporters: [Organisation]
    /// The authorities' own goals.
    public var goals: [Goal]
    /// The county-wide goals extracted from them.
    public var countyGoals: [Goal]
    /// Every action plan: the authorities' and the county boards' joint programmes.
    public var plans: [ActionPlan]
    /// The goal–measure audit over all goals and plans on the follow-up date.
    public var audit: GoalMeasureAudit
    /// Budget against outcome for 2006.
    public var budget: BudgetFollowUp
    /// The county boards' grants.
    public var grants: [VervaScenario.CountyGrant]
    /// The networks.
    public var networks: [VervaScenario.NetworkSummary]
    /// Milestones on the follow-up date.
    public var milestones: [MilestoneFollowUp]
    /// Representatives of each authority at the kick-off and the training days.
    public var participation: ParticipationFollowUp

    /// The county names in order.
    public var counties: [String] { VervaScenario.counties.map(\.name) }
    /// Grants the county boards had not spent at the end of 2006.
    public var unspentGrants: Money { grants.map(\.unspent).sum() }
    /// Funding Verva never allocated to a budget line: total funding − total budget.
    public var unallocated: Money { budget.totalFunding - budget.totalPlanned }
    /// Authorities with at least one goal measured from a baseline.
    public var authoritiesWithBaseline: [ID<Organisation>] {
        Set(goals.filter { $0.indicator?.baseline.value != nil }.map(\.owner)).sorted()
    }
    /// Authorities whose goals have no measure at all.
    public var authoritiesWithoutMeasures: [ID<Organisation>] {
        let flagged = Set(audit.goalsWithoutMeasures)
        return Set(goals.filter { flagged.contains($0.id) }.map(\.owner)).sorted()
    }
    /// Authorities carrying out activities linked to no goal.
    public var authoritiesWithUnlinkedActivities: [ID<Organisation>] { Set(audit.measuresWithoutGoal.map(\.owner)).sorted() }

    /// An organisation's name, or its id.
    public func name(of organisation: ID<Organisation>) -> String {
        (authorities + supporters).first { $0.id == organisation }?.name ?? organisation.rawValue
    }
}
