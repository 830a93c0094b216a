import EvaluationModule
import Testing

@Suite("Auditing a given suppression pattern")
struct DisclosureIntervalsTests {
    let table = CountTable(counts: [[12, 3, 8], [9, 7, 15]])

    @Test("one withheld cell in a row with a published total is pinned to its value")
    func pinned() throws {
        let cell = CellPosition(row: 0, column: 1)
        let interval = try #require(try DisclosureControl().intervals(of: table, withheld: [cell])[cell])
        #expect(abs(interval.lower - 3) < 1e-9 && abs(interval.upper - 3) < 1e-9)
    }

    @Test("a rectangle of four withheld cells leaves each a wide interval")
    func rectangle() throws {
        let cells: Set<CellPosition> = [.init(row: 0, column: 0), .init(row: 0, column: 1), .init(row: 1, column: 0), .init(row: 1, column: 1)]
        let intervals = try DisclosureControl().intervals(of: table, withheld: cells)
        #expect(intervals.count == 4)
        let small = try #require(intervals[.init(row: 0, column: 1)])
        #expect(abs(small.lower) < 1e-9 && abs(small.upper - 10) < 1e-9)
    }

    @Test("the intervals agree with the ones protect(_:) reports for its own pattern")
    func agreesWithProtect() throws {
        let protected = try DisclosureControl().protect(CountTable(counts: [[12, 3, 8], [9, 7, 15], [14, 10, 11]]))
        let again = try DisclosureControl().intervals(of: protected.table, withheld: Set(protected.suppressedCells))
        #expect(again == protected.intervals)
    }

    @Test("a position outside the table and a negative count are typed errors")
    func errors() {
        #expect(throws: DisclosureError.cellOutsideTable(row: 2, column: 0)) {
            try DisclosureControl().intervals(of: table, withheld: [CellPosition(row: 2, column: 0)])
        }
        #expect(throws: DisclosureError.negativeCount(row: 0, column: 0)) {
            try DisclosureControl().intervals(of: CountTable(counts: [[-1]]), withheld: [])
        }
    }
}
