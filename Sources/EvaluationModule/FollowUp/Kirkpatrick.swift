import DiversityKit

/// Knowledge measured before and after, paired per person or as two anonymous groups.
public enum KnowledgeMeasurement: Hashable, Sendable, Codable {
    /// The same people before and after, in the same order.
    case paired(pre: [Double], post: [Double])
    /// Groups that cannot be matched (anonymous surveys).
    case unpaired(pre: [Double], post: [Double])
}

/// The result of the learning level.
public enum LearningResult: Hashable, Sendable, Codable {
    /// Paired t-test, d_z and Wilcoxon.
    case paired(PairedComparison, WilcoxonSignedRank)
    /// Welch's test.
    case unpaired(WelchTest)

    /// post − pre mean difference.
    public var meanDifference: Double {
        switch self {
        case .paired(let c, _): return c.meanDifference
        case .unpaired(let w): return w.meanDifference
        }
    }

    /// The two-sided p-value of the t-test.
    public var pValue: Double {
        switch self {
        case .paired(let c, _): return c.tTest.pValue
        case .unpaired(let w): return w.result.pValue
        }
    }
}

/// Phillips' return on investment: (monetised benefits − fully loaded costs) ÷ fully loaded costs.
public struct PhillipsROI: Hashable, Sendable, Codable {
    /// Benefits expressed in money by the embedder.
    public let monetisedBenefits: Money
    /// Every cost of the programme, including staff time and indirect costs.
    public let fullyLoadedCosts: Money
    /// The return as a share (0.25 = 25 %).
    public var ratio: Double { Double((monetisedBenefits - fullyLoadedCosts).minorUnits) / Double(fullyLoadedCosts.minorUnits) }
    /// Benefit–cost ratio: benefits ÷ costs.
    public var benefitCostRatio: Double { Double(monetisedBenefits.minorUnits) / Double(fullyLoadedCosts.minorUnits) }

    /// Creates the calculation.
    /// - Throws: ``FollowUpError/nonPositiveCosts(_:)`` when costs are zero or negative.
    public init(monetisedBenefits: Money, fullyLoadedCosts: Money) throws {
        guard fullyLoadedCosts > .zero else { throw FollowUpError.nonPositiveCosts(fullyLoadedCosts) }
        self.monetisedBenefits = monetisedBenefits
        self.fullyLoadedCosts = fullyLoadedCosts
    }
}

/// A summary by Kirkpatrick's four levels, with Phillips' fifth when benefits are monetised.
public struct KirkpatrickSummary: Hashable, Sendable, Codable {
    /// Level 1, reaction: all ratings rescaled to 1–5 (`nil` without ratings).
    public let reaction: Descriptives?
    /// Level 2, learning: pre/post knowledge (`nil` without measurements).
    public let learning: LearningResult?
    /// Level 3, behaviour: follow-up survey items.
    public let behaviourItems: [ScaleItemSummary]
    /// Level 3, behaviour: measures done, and live measures in total.
    public let measuresDone: Int
    /// Live (not cancelled) measures.
    public let measuresTotal: Int
    /// Level 4, results: goals per status.
    public let goalStatus: [GoalStatus: Int]
    /// Level 5 (Phillips), if benefits were supplied.
    public let returnOnInvestment: PhillipsROI?
}

extension FollowUp {
    /// Summarises the four levels.
    /// - Parameters:
    ///   - ratings: the programme's ratings, any scale (level 1, reaction).
    ///   - knowledge: paired or unpaired knowledge scores before and after (level 2), if measured.
    ///   - behaviourItems: answers to follow-up items, one array per item (survey-neutral), with their scale.
    ///   - behaviourScale: the scale of the follow-up items.
    ///   - plans: the action plans whose measures count as behaviour (level 3).
    ///   - goals: the goals whose status is the result (level 4).
    ///   - monetisedBenefits: if given, Phillips' ROI is computed against `fullyLoadedCosts`.
    ///   - fullyLoadedCosts: the programme's full costs, for the ROI.
    /// - Throws: statistics errors from the learning tests or items; ``FollowUpError/nonPositiveCosts(_:)``.
    public static func kirkpatrick(ratings: [Rating], knowledge: KnowledgeMeasurement?,
                                   behaviourItems: [[Int?]] = [], behaviourScale: ClosedRange<Int> = 1...5,
                                   plans: [ActionPlan], goals: [Goal],
                                   monetisedBenefits: Money? = nil, fullyLoadedCosts: Money = .zero) throws -> KirkpatrickSummary {
        let rescaled = ratings.map { r in
            1 + 4 * Double(r.score - r.scale.minimum) / Double(r.scale.maximum - r.scale.minimum)
        }
        let learning: LearningResult?
        switch knowledge {
        case .paired(let pre, let post)?:
            learning = .paired(try PairedComparison(pre: pre, post: post), try WilcoxonSignedRank(pre: pre, post: post))
        case .unpaired(let pre, let post)?:
            learning = .unpaired(try WelchTest(first: pre, second: post))
        case nil:
            learning = nil
        }
        let live = plans.flatMap(\.measures).filter { $0.status != .cancelled }
        var status: [GoalStatus: Int] = [:]
        for g in goalAttainment(goals) { status[g.status, default: 0] += 1 }
        return KirkpatrickSummary(
            reaction: rescaled.isEmpty ? nil : try Descriptives(rescaled),
            learning: learning,
            behaviourItems: try behaviourItems.map { try ScaleItemSummary(answers: $0, points: behaviourScale) },
            measuresDone: live.filter { $0.status == .done }.count,
            measuresTotal: live.count,
            goalStatus: status,
            returnOnInvestment: try monetisedBenefits.map { try PhillipsROI(monetisedBenefits: $0, fullyLoadedCosts: fullyLoadedCosts) })
    }
}
