import Foundation

/// An integer attacker written for the tests, independent of the library's flow-network auditor: bounds
/// propagation over linear constraints with integer coefficients, and a complete binary-split search.
/// It finds the exact smallest and largest value of each unknown over all integer solutions.
struct IntegerAttacker {
    /// lower ≤ Σ coefficient · x[variable] ≤ upper.
    struct Constraint {
        var terms: [(variable: Int, coefficient: Int)]
        var lower: Int
        var upper: Int
    }

    private(set) var lower: [Int] = []
    private(set) var upper: [Int] = []
    private(set) var constraints: [Constraint] = []
    /// Search nodes visited, to show the search is real work and bounded.
    private(set) var nodes = 0

    /// A new unknown in `0...bound`.
    mutating func variable(bound: Int) -> Int {
        lower.append(0)
        upper.append(bound)
        return lower.count - 1
    }

    /// `Σ terms + constant ∈ [low, high]`.
    mutating func require(_ terms: [(Int, Int)], plus constant: Int = 0, in range: ClosedRange<Int>) {
        let merged = Dictionary(terms.map { ($0.0, $0.1) }, uniquingKeysWith: +).filter { $0.value != 0 }.map { (variable: $0.key, coefficient: $0.value) }
        constraints.append(Constraint(terms: merged, lower: range.lowerBound - constant, upper: range.upperBound - constant))
    }

    /// Tightens bounds to a fixpoint; false when infeasible.
    func propagate(_ lo: inout [Int], _ hi: inout [Int]) -> Bool {
        var changed = true
        while changed {
            changed = false
            for c in constraints {
                var minSum = 0, maxSum = 0
                for t in c.terms {
                    if t.coefficient > 0 { minSum += t.coefficient * lo[t.variable]; maxSum += t.coefficient * hi[t.variable] }
                    else { minSum += t.coefficient * hi[t.variable]; maxSum += t.coefficient * lo[t.variable] }
                }
                if minSum > c.upper || maxSum < c.lower { return false }
                for t in c.terms {
                    let a = t.coefficient, v = t.variable
                    let ownMin = a > 0 ? a * lo[v] : a * hi[v], ownMax = a > 0 ? a * hi[v] : a * lo[v]
                    // a·x ≤ upper − (minSum − ownMin), a·x ≥ lower − (maxSum − ownMax)
                    let top = c.upper - (minSum - ownMin), bottom = c.lower - (maxSum - ownMax)
                    var newLo = lo[v], newHi = hi[v]
                    if a > 0 {
                        newHi = min(newHi, floorDiv(top, a))
                        newLo = max(newLo, ceilDiv(bottom, a))
                    } else {
                        newLo = max(newLo, ceilDiv(top, a))
                        newHi = min(newHi, floorDiv(bottom, a))
                    }
                    if newLo > newHi { return false }
                    if newLo != lo[v] || newHi != hi[v] {
                        lo[v] = newLo
                        hi[v] = newHi
                        changed = true
                    }
                }
            }
        }
        return true
    }

    /// Whether some integer solution exists within the bounds.
    mutating func feasible(_ lo: [Int], _ hi: [Int]) -> Bool {
        nodes += 1
        var lo = lo, hi = hi
        guard propagate(&lo, &hi) else { return false }
        guard let v = lo.indices.filter({ lo[$0] < hi[$0] }).min(by: { hi[$0] - lo[$0] < hi[$1] - lo[$1] }) else { return true }
        let mid = lo[v] + (hi[v] - lo[v]) / 2
        var left = hi
        left[v] = mid
        if feasible(lo, left) { return true }
        var right = lo
        right[v] = mid + 1
        return feasible(right, hi)
    }

    /// The smallest and largest value of `v` over all integer solutions, or `nil` when there is none.
    mutating func range(of v: Int) -> ClosedRange<Int>? {
        var lo = lower, hi = upper
        guard propagate(&lo, &hi) else { return nil }
        var low = lo[v]
        while low <= hi[v] {
            var l = lo, h = hi
            l[v] = low
            h[v] = low
            if feasible(l, h) { break }
            low += 1
        }
        guard low <= hi[v] else { return nil }
        var high = hi[v]
        while high > low {
            var l = lo, h = hi
            l[v] = high
            h[v] = high
            if feasible(l, h) { break }
            high -= 1
        }
        return low...high
    }
}

private func floorDiv(_ a: Int, _ b: Int) -> Int { Int((Double(a) / Double(b)).rounded(.down)) }
private func ceilDiv(_ a: Int, _ b: Int) -> Int { Int((Double(a) / Double(b)).rounded(.up)) }

/// One survey item as a report publishes it, read back from a rendered file: the overall distribution with
/// n, mean, SD, top-two-box and chart shares, and the breakdown rows with their n and mean.
struct PublishedItem {
    struct Row {
        var name: String
        var cells: [Int?]
        var n: Int?
        var mean: Double?
    }

    var label: String
    var cells: [Int?] = []
    var n: Int?
    var mean: Double?
    var standardDeviation: Double?
    var topTwoBox: Double?
    var shares: [Double?] = []
    var groups: [Row] = []
    var totals: [Int?] = []

    /// Every integer table consistent with the figures, as an attacker's system. Returns the attacker and, per
    /// withheld cell, its variable: `(row, column)` with row −1 for the overall distribution.
    func system(digits: Int = 2) -> (IntegerAttacker, [String: Int]) {
        var a = IntegerAttacker()
        let points = cells.count
        let n = self.n ?? 0
        var vars: [String: Int] = [:]
        func term(_ value: Int?, _ key: String) -> (Int, Int)? {
            if value != nil { return nil }
            if let v = vars[key] { return (v, 1) }
            let v = a.variable(bound: n)
            vars[key] = v
            return (v, 1)
        }
        // The overall row: its total, and every rounded figure of it.
        let overall = (0..<points).map { c in term(cells[c], "-1,\(c)") }
        let known = { (row: [Int?]) in row.compactMap { $0 }.reduce(0, +) }
        a.require(overall.compactMap { $0 }, plus: known(cells), in: n...n)
        addFigures(&a, row: cells, vars: overall, n: n, mean: mean, sd: standardDeviation, topTwoBox: topTwoBox, shares: shares, digits: digits)
        for (r, row) in groups.enumerated() {
            let rowVars = (0..<points).map { c in term(row.cells[c], "\(r),\(c)") }
            if let rn = row.n { a.require(rowVars.compactMap { $0 }, plus: known(row.cells), in: rn...rn) }
            addFigures(&a, row: row.cells, vars: rowVars, n: row.n ?? 0, mean: row.mean, sd: nil, topTwoBox: nil, shares: [Double?](), digits: digits)
        }
        if !groups.isEmpty {
            // Each column of the breakdown sums to the overall distribution (and to the printed totals row).
            for c in 0..<points {
                var terms = groups.indices.compactMap { r in groups[r].cells[c] == nil ? (vars["\(r),\(c)"]!, 1) : nil }
                let knownPart = groups.compactMap { $0.cells[c] }.reduce(0, +)
                if let total = cells[c] {
                    a.require(terms, plus: knownPart, in: total...total)
                } else {
                    terms.append((vars["-1,\(c)"]!, -1))
                    a.require(terms, plus: knownPart, in: 0...0)
                }
                if c < totals.count, let t = totals[c] { a.require(terms.filter { $0.1 > 0 }, plus: knownPart, in: t...t) }
            }
        }
        return (a, vars)
    }

    private func addFigures(_ a: inout IntegerAttacker, row: [Int?], vars: [(Int, Int)?], n: Int, mean: Double?, sd: Double?,
                            topTwoBox: Double?, shares: [Double?], digits: Int) {
        let half = 0.5 / pow(10, Double(digits))
        func weighted(_ w: (Int) -> Int) -> ([(Int, Int)], Int) {
            var terms: [(Int, Int)] = [], constant = 0
            for c in row.indices {
                if let v = row[c] { constant += w(c) * v } else if let t = vars[c] { terms.append((t.0, w(c))) }
            }
            return (terms, constant)
        }
        func interval(_ low: Double, _ high: Double) -> ClosedRange<Int> { Int(ceil(low - 1e-9))...max(Int(ceil(low - 1e-9)), Int(floor(high + 1e-9))) }
        if let m = mean, n > 0 {
            let (terms, constant) = weighted { $0 + 1 }
            a.require(terms, plus: constant, in: interval(Double(n) * (m - half), Double(n) * (m + half)))
            if let s = sd, n > 1 {
                let (sq, sqConstant) = weighted { ($0 + 1) * ($0 + 1) }
                let low = Double(n - 1) * pow(max(0, s - half), 2) + Double(n) * pow(m - half, 2)
                let high = Double(n - 1) * pow(s + half, 2) + Double(n) * pow(m + half, 2)
                a.require(sq, plus: sqConstant, in: interval(low, high))
            }
        }
        if let t = topTwoBox, n > 0, row.count >= 2 {
            var terms: [(Int, Int)] = [], constant = 0
            for c in (row.count - 2)..<row.count { if let v = row[c] { constant += v } else if let x = vars[c] { terms.append((x.0, 1)) } }
            a.require(terms, plus: constant, in: interval(Double(n) * (t - 0.5) / 100, Double(n) * (t + 0.5) / 100))
        }
        for (c, share) in shares.enumerated() {
            guard let p = share, n > 0, row.indices.contains(c) else { continue }
            if let v = row[c] { _ = v; continue }
            if let x = vars[c] { a.require([(x.0, 1)], in: interval(Double(n) * (p - 0.5) / 100, Double(n) * (p + 0.5) / 100)) }
        }
    }
}
