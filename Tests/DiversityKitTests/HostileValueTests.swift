import DiversityKit
import Foundation
import Testing

/// Issue 17: values a caller can pass that used to trap.
@Suite("Hostile input: values never trap")
struct HostileValueTests {
    @Test("Money arithmetic saturates instead of overflowing", arguments: [Int64.max, Int64.min])
    func moneySaturates(_ extreme: Int64) {
        let big = Money(minorUnits: extreme)
        #expect((big + big).minorUnits == (extreme > 0 ? .max : .min))
        #expect((big - Money(minorUnits: -extreme.signum())).minorUnits.signum() == extreme.signum())
        #expect([big, big, big].sum().minorUnits == (extreme > 0 ? .max : .min))
        #expect(Money(kronor: extreme).minorUnits == (extreme > 0 ? .max : .min))
        #expect(Money(kronor: extreme / 100 + extreme.signum()).minorUnits == (extreme > 0 ? .max : .min))
        #expect(Money(kronor: extreme / 100).minorUnits == extreme / 100 * 100)
        #expect(big.percent(Int.max).minorUnits == (extreme > 0 ? .max : .min))
        #expect(big.percent(-300).minorUnits == (extreme > 0 ? .min : .max))
    }

    @Test("percent stays exact and rounds half away from zero", arguments: [
        (12_345, 15, 1_852), (-12_345, 15, -1_852), (99, 50, 50), (-99, 50, -50), (Int64.max / 3, 300, Int64.max / 3 * 3),
    ])
    func percentExact(_ minor: Int64, _ rate: Int, _ expected: Int64) {
        #expect(Money(minorUnits: minor).percent(rate).minorUnits == expected)
    }

    @Test("a computed share rounds to öre and saturates", arguments: [(1234.5, Int64(1235)), (-0.5, -1), (.nan, 0), (1e300, .max), (-.infinity, .min)])
    func roundingMinorUnits(_ value: Double, _ expected: Int64) {
        #expect(Money(roundingMinorUnits: value).minorUnits == expected)
    }

    @Test("programme validation refuses amounts and totals beyond Money.limit instead of trapping")
    func programmeWithHugeAmounts() throws {
        var p = Programme(id: "p", name: "P", owner: "o", period: try DatePeriod("2024-01-01", "2024-12-31"))
        p.funding = [FundingSource(kind: .esfGrant, amount: Money(minorUnits: .max)),
                     FundingSource(kind: .ownFunding, amount: Money(minorUnits: .max))]
        p.budget = [BudgetLine(category: .salaries, planned: Money(minorUnits: .max)),
                    BudgetLine(category: .salaries, planned: Money.limit), BudgetLine(category: .salaries, planned: Money.limit)]
        p.indirectCostRate = 100
        let error = try #require(throws: ValidationError.self) { try p.validate(knownOrganisations: ["o"]) }
        let beyond = error.issues.filter { if case .amountBeyondLimit = $0.problem { return true } else { return false } }
        #expect(Set(beyond.map(\.field)) == ["funding[0].amount", "funding[1].amount", "budget[0].planned", "funding", "budget"])
    }

    @Test("a date outside years 1…9999 is refused, and day arithmetic clamps", arguments: [Int.max, Int.min, 0, 10_000, -1])
    func calendarYears(_ year: Int) throws {
        #expect(CalendarDate(year: year, month: 1, day: 1) == nil)
        let d = CalendarDate(year: 2024, month: 2, day: 29)!
        #expect(d.adding(days: .max) == .latest)
        #expect(d.adding(days: .min) == .earliest)
        #expect(CalendarDate(dayNumber: .max) == .latest)
        #expect(CalendarDate(dayNumber: .min) == .earliest)
        #expect(CalendarDate.earliest < d && d < CalendarDate.latest)
        #expect(throws: ValueError.invalidDate("0000-01-01")) { try CalendarDate("0000-01-01") }
        #expect(try CalendarDate("9999-12-31") == .latest)
    }

    @Test("a rating scale beyond 32 bits is refused, from code and from JSON")
    func ratingScaleBounds() throws {
        #expect(throws: ValueError.invalidScale(minimum: Int.min, maximum: Int.max)) { try RatingScale(minimum: .min, maximum: .max) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RatingScale.self, from: Data(#"{"minimum": -9223372036854775808, "maximum": 5}"#.utf8))
        }
        #expect(try RatingScale(minimum: Int(Int32.min), maximum: Int(Int32.max)).points.count == 1 << 32)
    }
}
