import DiversityKit

/// How a milestone stands on the follow-up date.
public enum MilestoneState: Hashable, Sendable, Codable {
    /// Reached on the planned day.
    case onTime
    /// Reached this many days early.
    case early(days: Int)
    /// Reached this many days late.
    case late(days: Int)
    /// Not reached and not yet due.
    case pending
    /// Not reached; this many days past the planned day.
    case overdue(days: Int)
}

/// One milestone with its slippage.
public struct MilestoneFollowUp: Hashable, Sendable, Codable {
    /// The milestone's name.
    public let name: String
    /// The planned day.
    public let planned: CalendarDate
    /// The day it was reached.
    public let actual: CalendarDate?
    /// The state on the follow-up date.
    public let state: MilestoneState
    /// Days of delay so far: actual or follow-up date minus planned, never negative for pending ones.
    public var slippageDays: Int {
        switch state {
        case .onTime, .pending: return 0
        case .early(let d): return -d
        case .late(let d), .overdue(let d): return d
        }
    }
}

extension FollowUp {
    /// Milestone slippage in days ("kept the plan with some delay"), in planned order.
    public static func milestones(_ programme: Programme, asOf date: CalendarDate) -> [MilestoneFollowUp] {
        programme.milestones.sorted { $0.planned < $1.planned }.map { m in
            let state: MilestoneState
            if let slip = m.slippageDays {
                state = slip == 0 ? .onTime : slip > 0 ? .late(days: slip) : .early(days: -slip)
            } else {
                let late = m.planned.days(until: date)
                state = late > 0 ? .overdue(days: late) : .pending
            }
            return MilestoneFollowUp(name: m.name, planned: m.planned, actual: m.actual, state: state)
        }
    }

    /// The largest delay among the milestones in days (0 when none is late).
    public static func maximumSlippage(_ milestones: [MilestoneFollowUp]) -> Int {
        milestones.map(\.slippageDays).max().map { max(0, $0) } ?? 0
    }
}
