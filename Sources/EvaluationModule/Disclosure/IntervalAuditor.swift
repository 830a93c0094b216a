import Foundation

/// Computes, for each withheld cell, the interval an attacker can deduce from the published
/// cells and totals: min and max of the cell over all non-negative real tables consistent with them.
struct IntervalAuditor {
    let table: CountTable

    func intervals(suppressed: Set<CellPosition>) -> [CellPosition: FeasibleInterval] {
        let (cells, lp) = programme(suppressed)
        return Dictionary(uniqueKeysWithValues: cells.indices.map { (cells[$0], bounds(of: $0, lp: lp, count: cells.count)) })
    }

    func interval(of cell: CellPosition, suppressed: Set<CellPosition>) -> FeasibleInterval {
        let (cells, lp) = programme(suppressed)
        return bounds(of: cells.firstIndex(of: cell)!, lp: lp, count: cells.count)
    }

    /// The equality constraints the published totals impose on the withheld cells (variables in row-major order).
    private func programme(_ suppressed: Set<CellPosition>) -> ([CellPosition], LinearProgram) {
        let cells = suppressed.sorted()
        let index = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
        var a: [[Double]] = []
        var b: [Double] = []
        func add(_ members: [CellPosition], total: Int) {
            var row = Array(repeating: 0.0, count: cells.count)
            var known = 0
            for p in members {
                if let i = index[p] { row[i] = 1 } else { known += table.counts[p.row][p.column] }
            }
            guard row.contains(1) else { return }
            a.append(row)
            b.append(Double(total - known))
        }
        let rows = 0..<table.rowCount, columns = 0..<table.columnCount
        if table.margins.contains(.rowTotals) {
            for r in rows { add(columns.map { CellPosition(row: r, column: $0) }, total: table.rowTotals[r]) }
        }
        if table.margins.contains(.columnTotals) {
            for c in columns { add(rows.map { CellPosition(row: $0, column: c) }, total: table.columnTotals[c]) }
        }
        if table.margins.contains(.grandTotal) {
            add(rows.flatMap { r in columns.map { CellPosition(row: r, column: $0) } }, total: table.grandTotal)
        }
        return (cells, LinearProgram(a: a, b: b))
    }

    private func bounds(of i: Int, lp: LinearProgram, count: Int) -> FeasibleInterval {
        var c = Array(repeating: 0.0, count: count)
        c[i] = 1
        let low: Double
        if case .optimal(let v) = lp.minimize(c) { low = v } else { low = 0 }
        c[i] = -1
        let high: Double
        if case .optimal(let v) = lp.minimize(c) { high = -v } else { high = .infinity }
        return FeasibleInterval(lower: max(0, low), upper: high)
    }
}
