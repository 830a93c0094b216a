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
        var tableau = Tableau(rows: rows.indices.map { i in
            rows[i] + (0..<m).map { $0 == i ? 1.0 : 0.0 } + [rhs[i]]
        }, basis: Array(n..<(n + m)))
        let phase1 = Array(repeating: 0.0, count: n) + Array(repeating: 1.0, count: m)
        guard tableau.run(cost: phase1, columns: n + m) else { return .unbounded }
        if tableau.objective(phase1) > Self.epsilon * max(1, rhs.reduce(0) { $0 + abs($1) }) { return .infeasible }
        tableau.driveOutArtificials(firstArtificial: n)
        let phase2 = c + Array(repeating: 0.0, count: m)
        guard tableau.run(cost: phase2, columns: n) else { return .unbounded }
        return .optimal(tableau.objective(phase2))
    }

    /// The simplex tableau: constraint rows with the right-hand side last, and the basic variable of each row.
    private struct Tableau {
        var rows: [[Double]]
        var basis: [Int]

        func objective(_ cost: [Double]) -> Double {
            zip(rows, basis).reduce(0) { $0 + cost[$1.1] * $1.0[$1.0.count - 1] }
        }

        /// Runs simplex iterations over the first `columns` columns; false if unbounded.
        mutating func run(cost: [Double], columns: Int) -> Bool {
            while true {
                var entering: Int?
                for j in 0..<columns where !basis.contains(j) {
                    var reduced = cost[j]
                    for (i, row) in rows.enumerated() { reduced -= cost[basis[i]] * row[j] }
                    if reduced < -LinearProgram.epsilon { entering = j; break }
                }
                guard let j = entering else { return true }
                var leaving: Int?
                var best = Double.infinity
                for (i, row) in rows.enumerated() where row[j] > LinearProgram.epsilon {
                    let ratio = row[row.count - 1] / row[j]
                    if ratio < best - LinearProgram.epsilon || (abs(ratio - best) <= LinearProgram.epsilon && basis[i] < basis[leaving!]) {
                        best = ratio
                        leaving = i
                    }
                }
                guard let i = leaving else { return false }
                pivot(row: i, column: j)
            }
        }

        mutating func pivot(row r: Int, column c: Int) {
            let p = rows[r][c]
            rows[r] = rows[r].map { $0 / p }
            for i in rows.indices where i != r {
                let f = rows[i][c]
                if f != 0 {
                    for k in rows[i].indices { rows[i][k] -= f * rows[r][k] }
                }
            }
            basis[r] = c
        }

        /// After phase 1, pivots artificial variables out of the basis; rows where that is
        /// impossible are redundant constraints and are dropped.
        mutating func driveOutArtificials(firstArtificial n: Int) {
            var i = 0
            while i < rows.count {
                if basis[i] >= n {
                    if let j = (0..<n).first(where: { abs(rows[i][$0]) > LinearProgram.epsilon }) {
                        pivot(row: i, column: j)
                    } else {
                        rows.remove(at: i)
                        basis.remove(at: i)
                        continue
                    }
                }
                i += 1
            }
        }
    }
}
