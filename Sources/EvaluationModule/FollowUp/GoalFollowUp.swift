import DiversityKit

/// Where a goal stands: baseline → latest measurement against target.
public enum GoalStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// The latest measurement meets the target.
    case reached
    /// Moved towards the target.
    case progressing
    /// No change since the baseline.
    case unchanged
    /// Moved away from the target.
    case regressed
    /// Measured, but no baseline to compare with (the Verva finding).
    case noBaseline
    /// An indicator with no measurement yet.
    case notMeasured
    /// No indicator: the goal cannot be followed up in numbers.
    case noIndicator
}

/// Goal attainment for one goal.
public struct GoalAttainment: Hashable, Sendable, Codable {
    /// The goal.
    public let goal: ID<Goal>
    /// Its title.
    public let title: String
    /// The owning organisation.
    public let owner: ID<Organisation>
    /// The baseline value, if measured.
    public let baseline: Double?
    /// The latest measurement.
    public let latest: Measurement?
    /// The target value.
    public let target: Double?
    /// The share of the distance from baseline to target covered: (latest − baseline) ÷ (target − baseline).
    public let progress: Double?
    /// The status.
    public let status: GoalStatus
}

/// A measure of an action plan, named for audit lists.
public struct MeasureReference: Hashable, Sendable, Codable {
    /// The plan.
    public let plan: ID<ActionPlan>
    /// The owning organisation.
    public let owner: ID<Organisation>
    /// The measure.
    public let measure: ID<Measure>
    /// Its title.
    public let title: String
    /// Its deadline.
    public let deadline: CalendarDate?
}

/// Goal–measure audit (the Verva findings).
public struct GoalMeasureAudit: Hashable, Sendable, Codable {
    /// Overall and measurable goals with no live measure linked to them.
    public let goalsWithoutMeasures: [ID<Goal>]
    /// Live measures linked to no goal.
    public let measuresWithoutGoal: [MeasureReference]
    /// Planned or started measures past their deadline.
    public let overdueMeasures: [MeasureReference]
    /// Goals with an indicator but no baseline.
    public let goalsWithoutBaseline: [ID<Goal>]
}

extension FollowUp {
    /// Goal attainment, in the order given. Direction comes from the sign of target − baseline, so
    /// goals to decrease (e.g. harassment reports) work the same way.
    public static func goalAttainment(_ goals: [Goal]) -> [GoalAttainment] {
        goals.map { g in
            guard let indicator = g.indicator else {
                return GoalAttainment(goal: g.id, title: g.title, owner: g.owner, baseline: nil, latest: nil, target: nil,
                                      progress: nil, status: .noIndicator)
            }
            let latest = indicator.latest, baseline = indicator.baseline.value
            let status: GoalStatus
            var progress: Double?
            if let latest {
                let reached = indicator.direction == .increase ? latest.value >= indicator.target : latest.value <= indicator.target
                if let baseline, indicator.target != baseline { progress = (latest.value - baseline) / (indicator.target - baseline) }
                if reached { status = .reached } else if let baseline {
                    let moved = (latest.value - baseline) * (indicator.direction == .increase ? 1 : -1)
                    status = moved > 0 ? .progressing : moved == 0 ? .unchanged : .regressed
                } else { status = .noBaseline }
            } else {
                status = baseline == nil ? .noBaseline : .notMeasured
            }
            return GoalAttainment(goal: g.id, title: g.title, owner: g.owner, baseline: baseline, latest: latest,
                                  target: indicator.target, progress: progress, status: status)
        }
    }

    /// Audits goals against action-plan measures. Cancelled measures count as neither links nor gaps;
    /// vision goals are not expected to have measures of their own.
    public static func auditGoalsAndMeasures(goals: [Goal], plans: [ActionPlan], asOf date: CalendarDate) -> GoalMeasureAudit {
        let live = plans.flatMap { p in p.measures.filter { $0.status != .cancelled }.map { (p, $0) } }
        let linked = Set(live.flatMap { $0.1.linkedGoals })
        let reference = { (p: ActionPlan, m: Measure) in
            MeasureReference(plan: p.id, owner: p.owner, measure: m.id, title: m.title, deadline: m.deadline)
        }
        return GoalMeasureAudit(
            goalsWithoutMeasures: goals.filter { $0.level != .vision && !linked.contains($0.id) }.map(\.id),
            measuresWithoutGoal: live.filter { $0.1.linkedGoals.isEmpty }.map(reference),
            overdueMeasures: live.filter { $0.1.isOverdue(on: date) }.map(reference),
            goalsWithoutBaseline: goals.filter { $0.indicator.map { $0.baseline.value == nil } ?? false }.map(\.id))
    }
}
