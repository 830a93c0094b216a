import Foundation

/// A small dense linear programme: minimise c·x subject to A·x = b and x ≥ 0.
///
/// Two-phase simplex on a full tableau with Bland's rule (lowest index enters; ties in the
/// ratio test leave by lowest basic index), which cannot cycle. Sized for disclosure audits of
/// report tables (tens to a few hundred variables), not for general optimisation.
struct LinearProgram {
    /// The outcome of a solve.
    enum Outcome: Equatable {
        /// The optimal objective value.
        case optimal(Double)
        /// No x satisfies the constraints.
        case infeasible
        /// The objective decreases without bound.
        case unbounded
    }

    /// The equality constraints' coefficients, one row per constraint.
    var a: [[Double]]
    /// The right-hand sides.
    var b: [Double]

    private static let epsilon = 1e-9

    /// Minimises `c`·x over the feasible set.
    func minimize(_ c: [Double]) -> Outcome {
        let n = c.count
        var rows = a, rhs = b
        // Phase 1 needs b ≥ 0 so the artificial basis starts feasible.
        for i in rows.indices where rhs[i] < 0 {
            rows[i] = rows[i].map { -$0 }
            rhs[i] = -rhs[i]
        }
        let m = rows.count
        var tableau = Tableau(rowCount: m, width: n + m + 1)
        for i in 0..<m {
            for j in 0..<n { tableau[i, j] = rows[i][j] }
            tableau[i, n + i] = 1
            tableau[i, n + m] = rhs[i]
            tableau.basis[i] = n + i
        }
        let phase1 = Array(repeating: 0.0, count: n) + Array(repeating: 1.0, count: m)
        guard tableau.run(cost: phase1, columns: n + m) else { return .unbounded }
        if tableau.objective(phase1) > Self.epsilon * max(1, rhs.reduce(0) { $0 + abs($1) }) { return .infeasible }
        tableau.driveOutArtificials(firstArtificial: n)
        let phase2 = c + Array(repeating: 0.0, count: m)
        guard tableau.run(cost: phase2, columns: n) else { return .unbounded }
        return .optimal(tableau.objective(phase2))
    }

    /// The simplex tableau in one flat buffer (row-major, right-hand side last), and the basic variable of each row.
    private struct Tableau {
        var cells: [Double]
        var width: Int
        var rowCount: Int
        var basis: [Int]

        init(rowCount: Int, width: Int) {
            cells = Array(repeating: 0, count: rowCount * width)
            self.width = width
            self.rowCount = rowCount
            basis = Array(repeating: 0, count: rowCount)
        }

        subscript(row: Int, column: Int) -> Double {
            get { cells[row * width + column] }
            set { cells[row * width + column] = newValue }
        }

        func objective(_ cost: [Double]) -> Double {
            (0..<rowCount).reduce(0) { $0 + cost[basis[$1]] * self[$1, width - 1] }
        }

        /// Runs simplex iterations over the first `columns` columns; false if unbounded.
        mutating func run(cost: [Double], columns: Int) -> Bool {
            let eps = LinearProgram.epsilon
            while true {
                var isBasic = Array(repeating: false, count: width)
                for b in basis { isBasic[b] = true }
                var entering: Int?
                for j in 0..<columns where !isBasic[j] {
                    var reduced = cost[j]
                    for i in 0..<rowCount { reduced -= cost[basis[i]] * cells[i * width + j] }
                    if reduced < -eps { entering = j; break }
                }
                guard let j = entering else { return true }
                var leaving: Int?
                var best = Double.infinity
                for i in 0..<rowCount where cells[i * width + j] > eps {
                    let ratio = cells[i * width + width - 1] / cells[i * width + j]
                    if ratio < best - eps || (abs(ratio - best) <= eps && basis[i] < basis[leaving!]) {
                        best = ratio
                        leaving = i
                    }
                }
                guard let i = leaving else { return false }
                pivot(row: i, column: j)
            }
        }

        mutating func pivot(row r: Int, column c: Int) {
            let w = width, n = rowCount
            // One buffer borrowed for the whole pivot: per-element array access was ~10× slower in debug builds.
            cells.withUnsafeMutableBufferPointer { t in
                let p = t[r * w + c]
                for k in 0..<w { t[r * w + k] /= p }
                for i in 0..<n where i != r {
                    let f = t[i * w + c]
                    if f != 0 {
                        for k in 0..<w { t[i * w + k] -= f * t[r * w + k] }
                    }
                }
            }
            basis[r] = c
        }

        /// After phase 1, pivots artificial variables out of the basis; rows where that is
        /// impossible are redundant constraints and are dropped.
        mutating func driveOutArtificials(firstArtificial n: Int) {
            var i = 0
            while i < rowCount {
                if basis[i] >= n {
                    if let j = (0..<n).first(where: { abs(self[i, $0]) > LinearProgram.epsilon }) {
                        pivot(row: i, column: j)
                    } else {
                        cells.removeSubrange((i * width)..<((i + 1) * width))
                        basis.remove(at: i)
                        rowCount -= 1
                        continue
                    }
                }
                i += 1
            }
        }
    }
}
