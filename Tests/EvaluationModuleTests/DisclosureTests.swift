import DiversityKit
import Testing
@testable import EvaluationModule

@Suite("Disclosure control")
struct DisclosureTests {
    let control = DisclosureControl()

    /// The integer intervals the public auditor gives the withheld cells of a table with all its totals.
    func intervals(_ table: CountTable, _ pattern: Set<CellPosition>) -> [CellPosition: FeasibleInterval] {
        ((try? control.audit(table: table, pattern: pattern, published: table.margins))?.cells ?? [:]).mapValues(\.interval)
    }

    /// Checks the audit's promise on a result: every primary cell can reach 0 and v + P, every withheld cell
    /// can move, and each interval holds the true value.
    func assertProtected(_ result: ProtectedTable, protection: Int = 5) {
        if result.withheldEntirely { return }
        let control = DisclosureControl(configuration: try! .init(threshold: 5, protection: protection))
        let audit = try! control.audit(table: result.table, pattern: Set(result.suppressedCells), published: result.table.margins)
        for p in result.suppressedCells {
            let cell = audit.cells[p]!
            #expect(cell.isProtected, "cell \(p) audit \(cell)")
            #expect(cell.lower < (cell.upper ?? .max), "cell \(p) is exactly recoverable")
            if result.status[p.row][p.column] == .suppressed(.belowThreshold) {
                // A cell never exceeds a published total it is part of.
                let margins = result.table.margins
                let ceiling = min(margins.contains(.rowTotals) ? result.table.rowTotals[p.row] : .max,
                                  margins.contains(.columnTotals) ? result.table.columnTotals[p.column] : .max)
                #expect(cell.lower == 0 && (cell.upper ?? .max) >= min(cell.value + protection, ceiling), "primary \(p) audit \(cell)")
            }
            #expect(cell.lower <= cell.value && cell.value <= (cell.upper ?? .max))
        }
    }

    @Test("cells of one to four respondents are withheld and protected by secondary suppression")
    func primaryAndSecondary() throws {
        let result = try control.protect(CountTable(counts: [[12, 3, 8], [9, 7, 15]]))
        #expect(result.status[0][1] == .suppressed(.belowThreshold))
        #expect(result.suppressedCells.count >= 4)
        #expect(result.suppressedCells.contains { result.status[$0.row][$0.column] == .suppressed(.secondary) })
        assertProtected(result)
        #expect(result.reportCell(row: 0, column: 1) == .suppressed(reason: .belowThreshold))
    }

    @Test("zeros and cells at the threshold are published")
    func publishes() throws {
        let result = try control.protect(CountTable(counts: [[5, 0], [7, 9]]))
        #expect(result.suppressedCells.isEmpty)
        #expect(result.publishedCount(row: 0, column: 1) == 0)
        #expect(result.grandTotalCell == .integer(21))
    }

    @Test("a withheld cell that bridges two blocks is exactly recoverable, and the audit sees it")
    func bridgeLeak() throws {
        // Two 2×2 blocks of withheld cells joined by (1,2): every row and column has at least two
        // withheld cells, yet (1,2) = (withheld sum of rows 0–1) − (withheld sum of columns 0–1).
        let table = CountTable(counts: [[2, 9, 20, 20], [8, 3, 4, 20], [20, 20, 3, 9], [20, 20, 8, 2]])
        let naive: Set<CellPosition> = [.init(row: 0, column: 0), .init(row: 0, column: 1), .init(row: 1, column: 0),
                                        .init(row: 1, column: 1), .init(row: 1, column: 2), .init(row: 2, column: 2),
                                        .init(row: 2, column: 3), .init(row: 3, column: 2), .init(row: 3, column: 3)]
        for r in 0..<4 { #expect(naive.filter { $0.row == r }.count >= 2) }
        for c in 0..<4 { #expect(naive.filter { $0.column == c }.count >= 2) }
        let leak = intervals(table, naive)[CellPosition(row: 1, column: 2)]!
        #expect(abs(leak.width) < 1e-9 && abs(leak.lower - 4) < 1e-9)
        assertProtected(try control.protect(table))
    }

    @Test("a 2×2 pattern whose small margin pins the cell is widened")
    func narrowRectangle() throws {
        // Withholding (0,0)=2, (0,1)=0, (1,0)=0, (1,1)=1 looks safe but the totals pin (0,0) to 1…2.
        let table = CountTable(counts: [[2, 0, 30], [0, 1, 25], [14, 16, 12]])
        let naive: Set<CellPosition> = [.init(row: 0, column: 0), .init(row: 0, column: 1),
                                        .init(row: 1, column: 0), .init(row: 1, column: 1)]
        let pinned = intervals(table, naive)[CellPosition(row: 0, column: 0)]!
        #expect(abs(pinned.lower - 1) < 1e-9 && abs(pinned.upper - 2) < 1e-9)
        let result = try control.protect(table)
        #expect(result.isSuppressed(row: 0, column: 0) && result.isSuppressed(row: 1, column: 1))
        assertProtected(result)
    }

    @Test("a distribution withholds the next smallest answer group too")
    func distribution() throws {
        let result = try control.protect(CountTable(distribution: [1, 10, 12, 3, 0]))
        #expect(result.suppressedCells == [.init(row: 0, column: 0), .init(row: 0, column: 1), .init(row: 0, column: 3)])
        #expect(result.status[0][1] == .suppressed(.secondary))
        #expect(result.rowTotalCell(0) == .integer(26))
        assertProtected(result)
    }

    @Test("a table whose totals give every cell away is withheld entirely")
    func withheldEntirely() throws {
        let result = try control.protect(CountTable(counts: [[2, 6, 7]]))
        #expect(result.withheldEntirely)
        #expect(result.grandTotalCell == .suppressed(reason: .groupSuppressed))
        #expect(result.suppressedCells.count == 3)
    }

    @Test("a small published total withholds the whole table")
    func smallTotal() throws {
        let result = try control.protect(CountTable(counts: [[12, 9], [3, 0], [10, 8]]))
        #expect(result.withheldEntirely && result.rowTotalCell(1) == .suppressed(reason: .groupSuppressed))
        let rowsOnly = try control.protect(CountTable(counts: [[12, 9, 6], [10, 8, 7]], margins: [.rowTotals]))
        #expect(!rowsOnly.withheldEntirely && rowsOnly.suppressedCells.isEmpty && rowsOnly.columnTotalCell(0) == .suppressed(reason: .groupSuppressed))
    }

    @Test("comments use their own, higher threshold")
    func comments() throws {
        let result = try control.protect(CountTable(distribution: [7, 12, 30]), content: .comments)
        #expect(result.status[0][0] == .suppressed(.belowThreshold))
        let answers = try control.protect(CountTable(distribution: [7, 12, 30]))
        #expect(answers.suppressedCells.isEmpty)
    }

    @Test("configuration and table errors are typed")
    func errors() throws {
        #expect(throws: DisclosureError.thresholdTooLow(2)) { try DisclosureControl.Configuration(threshold: 2) }
        #expect(throws: DisclosureError.thresholdTooLow(1)) { try DisclosureControl.Configuration(commentThreshold: 1) }
        #expect(throws: DisclosureError.invalidProtection(0)) { try DisclosureControl.Configuration(protection: 0) }
        #expect(throws: DisclosureError.negativeCount(row: 1, column: 0)) { try control.protect(CountTable(counts: [[1, 2], [-1, 3]])) }
        #expect(throws: DisclosureError.raggedRow(row: 1, expected: 2, got: 1)) { try control.protect(CountTable(counts: [[1, 2], [3]])) }
        #expect(DisclosureControl.Configuration.standard == (try DisclosureControl.Configuration()))
    }

    @Test("on 200 random tables every withheld cell keeps an interval at least the protection wide")
    func property() throws {
        var rng = SplitMix64(seed: 2026)
        var audited = 0
        for _ in 0..<200 {
            let rows = Int.random(in: 2...5, using: &rng), columns = Int.random(in: 2...5, using: &rng)
            let counts = (0..<rows).map { _ in (0..<columns).map { _ in
                Bool.random(using: &rng) ? Int.random(in: 0...6, using: &rng) : Int.random(in: 0...30, using: &rng)
            } }
            let protection = Int.random(in: 1...6, using: &rng)
            let control = DisclosureControl(configuration: try .init(threshold: 5, protection: protection))
            let result = try control.protect(CountTable(counts: counts))
            for r in 0..<rows { for c in 0..<columns where counts[r][c] > 0 && counts[r][c] < 5 {
                #expect(result.isSuppressed(row: r, column: c))
            } }
            assertProtected(result, protection: protection)
            if !result.suppressedCells.isEmpty && !result.withheldEntirely {
                audited += 1
                #expect(result.intervals.values.allSatisfy { $0.width > 0 })
            }
        }
        // Most random tables need suppression yet stay publishable, so the property is not vacuous.
        #expect(audited > 120)
    }

    @Test("the audit's intervals equal brute-force integer bounds on small tables")
    func bruteForce() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<40 {
            let counts = (0..<2).map { _ in (0..<3).map { _ in Int.random(in: 0...6, using: &rng) } }
            let table = CountTable(counts: counts)
            var cells = (0..<2).flatMap { r in (0..<3).map { CellPosition(row: r, column: $0) } }
            cells.shuffle(using: &rng)
            let hidden = Array(cells.prefix(Int.random(in: 2...4, using: &rng))).sorted()
            let audited = intervals(table, Set(hidden))
            // Enumerate every assignment 0…12 of the hidden cells and keep those matching all totals.
            var low = Array(repeating: Int.max, count: hidden.count), high = Array(repeating: Int.min, count: hidden.count)
            var values = Array(repeating: 0, count: hidden.count)
            func visit(_ i: Int) {
                if i == hidden.count {
                    var t = counts
                    for (j, p) in hidden.enumerated() { t[p.row][p.column] = values[j] }
                    let candidate = CountTable(counts: t)
                    guard candidate.rowTotals == table.rowTotals, candidate.columnTotals == table.columnTotals else { return }
                    for j in values.indices { low[j] = min(low[j], values[j]); high[j] = max(high[j], values[j]) }
                    return
                }
                for v in 0...12 { values[i] = v; visit(i + 1) }
            }
            visit(0)
            for (j, p) in hidden.enumerated() {
                #expect(abs(audited[p]!.lower - Double(low[j])) < 1e-7 && abs(audited[p]!.upper - Double(high[j])) < 1e-7)
            }
        }
    }

    @Test("on random Likert-like tables the loss is never worse than the hypercube heuristic's")
    func noWorseThanHypercube() throws {
        var rng = SplitMix64(seed: 31)
        var compared = 0
        for _ in 0..<60 {
            let rows = Int.random(in: 3...8, using: &rng), columns = Int.random(in: 3...5, using: &rng)
            let table = CountTable(counts: (0..<rows).map { _ in (0..<columns).map { _ in
                Int.random(in: 0..<3, using: &rng) == 0 ? Int.random(in: 0...4, using: &rng) : Int.random(in: 0...25, using: &rng)
            } })
            let result = try control.protect(table)
            assertProtected(result)
            guard !result.withheldEntirely, let cube = try control.hypercubeLoss(table) else { continue }
            compared += 1
            #expect(result.loss.cells <= cube.cells && result.loss.count <= cube.count, "\(result.loss) vs hypercube \(cube)")
        }
        #expect(compared > 30)
    }
}
