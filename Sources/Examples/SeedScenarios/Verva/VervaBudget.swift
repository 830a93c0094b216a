import DiversityKit
import ExampleSupport

/// The 2006 economy (Bilaga 1): 5 000 000 kr from the government; 955 000 salaries, 236 000
/// consultants, 45 000 other costs and 750 000 to each of the five county boards, of which
/// 1 189 000 kr had not been booked as spent at the end of 2006.
extension VervaScenario {
    /// The government grant for 2006.
    public static let governmentGrant = Money(kronor: 5_000_000)
    /// Verva's staff costs.
    public static let salaries = Money(kronor: 955_000)
    /// Consultants, mainly the pre-study.
    public static let consultants = Money(kronor: 236_000)
    /// Travel, conference venues, reports, meals and the like.
    public static let otherCosts = Money(kronor: 45_000)
    /// The grant to each county administrative board.
    public static let grantPerCounty = Money(kronor: 750_000)
    /// What the county boards had not booked as spent at the end of 2006.
    public static let unspentGrants = Money(kronor: 1_189_000)

    /// One county board's grant: when its regional project manager started, and what it spent.
    public struct CountyGrant: Hashable, Sendable {
        /// The county.
        public var county: String
        /// The county administrative board.
        public var board: ID<Organisation>
        /// The day the regional project manager started.
        public var projectManagerFrom: CalendarDate
        /// Granted for 2006.
        public var granted: Money
        /// Booked as spent by 31 December 2006.
        public var spent: Money
        /// Granted − spent.
        public var unspent: Money { granted - spent }
    }

    /// The boards' grants. The seed gives only the total left unspent; it is shared among the
    /// counties in proportion to the months each ran without a regional project manager (the
    /// report's own explanation), in whole thousands by the largest-remainder method.
    static func countyGrants(rng: inout SeededGenerator) -> [CountyGrant] {
        let starts = counties.map { _ in CalendarDate(year: 2006, month: rng.int(in: 3...7), day: rng.pick([1, 15])!)! }
        let projectStart = CalendarDate(year: 2006, month: 2, day: 1)!
        let idle = starts.map { projectStart.days(until: $0) }
        let thousands = Int(unspentGrants.kronor / 1_000)
        let exact = idle.map { Double(thousands) * Double($0) / Double(idle.reduce(0, +)) }
        var shares = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - exact[$0].rounded(.down), -$0) > (exact[$1] - exact[$1].rounded(.down), -$1) }
        for i in order.prefix(thousands - shares.reduce(0, +)) { shares[i] += 1 }
        return counties.indices.map { i in
            CountyGrant(county: counties[i].name, board: counties[i].board, projectManagerFrom: starts[i], granted: grantPerCounty,
                        spent: grantPerCounty - Money(kronor: Int64(shares[i]) * 1_000))
        }
    }

    static func budget(grants: [CountyGrant]) -> [BudgetLine] {
        [BudgetLine(category: .salaries, label: "Lönekostnader för personal på Verva", planned: salaries, outcome: salaries),
         BudgetLine(category: .consultants, label: "Konsultkostnader (i huvudsak förstudien)", planned: consultants, outcome: consultants),
         BudgetLine(category: .venuesTravelOther, label: "Resor, konferenslokal, rapporter, måltider", planned: otherCosts, outcome: otherCosts)]
            + grants.map { g in
                BudgetLine(category: .grantsToPartners, label: "Bidrag till Länsstyrelsen, \(g.county)", planned: g.granted, outcome: g.spent)
            }
    }
}
