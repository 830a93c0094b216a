/// The Hungarian algorithm (Kuhn–Munkres) for the rectangular assignment problem.
///
/// Used by mentor matching and elective allocation: both reduce to "assign each row to a
/// distinct column at minimum total cost", with extra columns standing for "unassigned".
/// Potentials make it O(n²·m) for n rows and m columns; the result depends only on the
/// matrix, so equal input gives equal output (ties resolve towards lower column indices).
enum Hungarian {
    /// The column of each row in a minimum-cost assignment, or -1 when there were fewer
    /// columns than rows and the row was left out.
    ///
    /// - Parameter cost: `rows × columns`, every row the same length.
    static func minimise(_ cost: [[Int64]]) -> [Int] {
        let n = cost.count
        guard n > 0 else { return [] }
        let given = cost[0].count
        // Padding with zero-cost columns keeps n ≤ m; a row on padding is reported as -1.
        let m = max(given, n)
        func c(_ i: Int, _ j: Int) -> Int64 { j < given ? cost[i][j] : 0 }
        var u = [Int64](repeating: 0, count: n + 1)
        var v = [Int64](repeating: 0, count: m + 1)
        var owner = [Int](repeating: 0, count: m + 1)
        var way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            owner[0] = i
            var j0 = 0
            var minv = [Int64](repeating: .max, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = owner[j0]
                var delta = Int64.max
                var j1 = 0
                for j in 1...m where !used[j] {
                    let reduced = c(i0 - 1, j - 1) - u[i0] - v[j]
                    if reduced < minv[j] {
                        minv[j] = reduced
                        way[j] = j0
                    }
                    if minv[j] < delta {
                        delta = minv[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[owner[j]] += delta
                        v[j] -= delta
                    } else {
                        minv[j] -= delta
                    }
                }
                j0 = j1
            } while owner[j0] != 0
            repeat {
                let j1 = way[j0]
                owner[j0] = owner[j1]
                j0 = j1
            } while j0 != 0
        }
        var result = [Int](repeating: -1, count: n)
        for j in 1...m where owner[j] != 0 && j - 1 < given { result[owner[j] - 1] = j - 1 }
        return result
    }
}
