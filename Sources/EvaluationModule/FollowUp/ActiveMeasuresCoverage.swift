import DiversityKit

/// One area × step cell of the active-measures grid (aktiva åtgärder).
public struct AreaStep: Hashable, Sendable, Codable {
    /// The area (arbetsförhållanden, löner, rekrytering, utbildning, föräldraskap).
    public let area: ActiveMeasuresArea
    /// The step (undersöka, analysera, åtgärda, följa upp).
    public let step: ActiveMeasuresStep
}

/// For one organisation: live measures per area and step, and what is missing.
public struct ActiveMeasuresCoverage: Hashable, Sendable, Codable {
    /// The organisation.
    public let organisation: ID<Organisation>
    /// Measures per cell; cells without measures are absent.
    public let counts: [AreaStep: Int]
    /// Measures with no area or step, which the grid cannot place.
    public let unclassified: Int

    /// The count for a cell.
    public func count(_ area: ActiveMeasuresArea, _ step: ActiveMeasuresStep) -> Int { counts[AreaStep(area: area, step: step)] ?? 0 }

    /// Cells with no measure, area by area, step by step.
    public var missing: [AreaStep] {
        ActiveMeasuresArea.allCases.flatMap { a in ActiveMeasuresStep.allCases.map { AreaStep(area: a, step: $0) } }
            .filter { counts[$0] == nil }
    }

    /// Whether every one of the 5 × 4 cells has a measure.
    public var isComplete: Bool { missing.isEmpty }
}

extension FollowUp {
    /// Active-measures coverage per organisation owning a plan, sorted by organisation.
    /// Cancelled measures do not count.
    public static func activeMeasuresCoverage(plans: [ActionPlan]) -> [ActiveMeasuresCoverage] {
        let owners = Set(plans.map(\.owner)).sorted()
        return owners.map { owner in
            var counts: [AreaStep: Int] = [:]
            var unclassified = 0
            for m in plans.filter({ $0.owner == owner }).flatMap(\.measures) where m.status != .cancelled {
                if let a = m.area, let s = m.step { counts[AreaStep(area: a, step: s), default: 0] += 1 } else { unclassified += 1 }
            }
            return ActiveMeasuresCoverage(organisation: owner, counts: counts, unclassified: unclassified)
        }
    }
}
