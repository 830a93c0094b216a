import DiversityKit

/// Planned against outcome for one cost category.
public struct BudgetCategoryRow: Hashable, Sendable, Codable {
    /// The cost category.
    public let category: CostCategory
    /// The planned amount.
    public let planned: Money
    /// The outcome (utfall); `nil` when any line of the category has no outcome yet.
    public let outcome: Money?
    /// planned − outcome: positive when money is left unspent.
    public var unspent: Money? { outcome.map { planned - $0 } }
}

/// One funding source with its share and its pro-rata part of the outcome.
public struct FundingRow: Hashable, Sendable, Codable {
    /// The kind of funding.
    public let kind: FundingKind
    /// The funder's name.
    public let name: String
    /// The amount granted or committed.
    public let amount: Money
    /// This source's share of total funding.
    public let share: Double
    /// The outcome attributed to this source if costs are financed pro rata; `nil` without a complete outcome.
    public let proRataOutcome: Money?
}

/// Budget against outcome per cost category and funding source (the Verva figures).
public struct BudgetFollowUp: Hashable, Sendable, Codable {
    /// One row per cost category that has a budget, in the order of ``/DiversityKit/CostCategory``.
    public let categories: [BudgetCategoryRow]
    /// One row per funding source, in the programme's order.
    public let funding: [FundingRow]
    /// The total budget including indirect costs.
    public var totalPlanned: Money { categories.map(\.planned).sum() }
    /// The total outcome; `nil` until every category has one.
    public var totalOutcome: Money? {
        categories.allSatisfy { $0.outcome != nil } ? categories.compactMap(\.outcome).sum() : nil
    }
    /// Total funding.
    public var totalFunding: Money { funding.map(\.amount).sum() }
    /// Funding not used: total funding − total outcome.
    public var unspentFunding: Money? { totalOutcome.map { totalFunding - $0 } }
}

extension FollowUp {
    /// Budget against outcome. Indirect costs follow the programme's flat rate on salaries,
    /// for the plan and for the outcome alike.
    public static func budget(_ programme: Programme) -> BudgetFollowUp {
        var rows: [BudgetCategoryRow] = []
        for category in CostCategory.allCases {
            var lines = programme.budget.filter { $0.category == category }
            if category == .indirectCosts, let rate = programme.indirectCostRate {
                let salaries = programme.budget.filter { $0.category == .salaries }
                let outcome = salaries.allSatisfy { $0.outcome != nil } ? salaries.compactMap(\.outcome).sum().percent(rate) : nil
                lines.append(BudgetLine(category: .indirectCosts, planned: programme.indirectCosts, outcome: outcome))
            }
            guard !lines.isEmpty else { continue }
            let outcome = lines.allSatisfy { $0.outcome != nil } ? lines.compactMap(\.outcome).sum() : nil
            rows.append(BudgetCategoryRow(category: category, planned: lines.map(\.planned).sum(), outcome: outcome))
        }
        let total = programme.totalFunding
        let outcome: Money? = rows.allSatisfy { $0.outcome != nil } && !rows.isEmpty ? rows.compactMap(\.outcome).sum() : nil
        let funding = programme.funding.map { f in
            let share = total.minorUnits > 0 ? Double(f.amount.minorUnits) / Double(total.minorUnits) : 0
            return FundingRow(kind: f.kind, name: f.name, amount: f.amount, share: share,
                              proRataOutcome: outcome.map { Money(roundingMinorUnits: Double($0.minorUnits) * share) })
        }
        return BudgetFollowUp(categories: rows, funding: funding)
    }
}
