import Testing
@testable import ProgrammeToolkit

@Suite("Hungarian algorithm")
struct HungarianTests {
    /// The minimum cost over every injective assignment of rows to columns.
    static func bruteForce(_ cost: [[Int64]]) -> Int64 {
        let m = cost.first?.count ?? 0
        func go(_ row: Int, _ used: Set<Int>) -> Int64 {
            if row == cost.count { return 0 }
            var best = Int64.max
            for j in 0..<m where !used.contains(j) { best = min(best, cost[row][j] + go(row + 1, used.union([j]))) }
            return best
        }
        return go(0, [])
    }

    @Test("finds the minimum-cost assignment on random rectangular matrices", arguments: 1...40)
    func optimal(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        let rows = Int.random(in: 1...5, using: &rng)
        let cols = Int.random(in: rows...6, using: &rng)
        let cost = (0..<rows).map { _ in (0..<cols).map { _ in Int64.random(in: -20...20, using: &rng) } }
        let assignment = Hungarian.minimise(cost)
        #expect(Set(assignment).count == rows)
        #expect(assignment.allSatisfy { (0..<cols).contains($0) })
        let total = assignment.enumerated().reduce(Int64(0)) { $0 + cost[$1.offset][$1.element] }
        #expect(total == Self.bruteForce(cost))
    }

    @Test("leaves rows out with -1 when there are fewer columns than rows")
    func fewerColumns() {
        let assignment = Hungarian.minimise([[5], [1], [3]])
        #expect(assignment.filter { $0 == 0 }.count == 1)
        #expect(assignment[1] == 0)
        #expect(assignment.filter { $0 == -1 }.count == 2)
    }

    @Test("returns nothing for an empty matrix")
    func empty() { #expect(Hungarian.minimise([]).isEmpty) }
}
