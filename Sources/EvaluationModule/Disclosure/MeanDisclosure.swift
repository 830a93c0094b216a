/// What a group's mean (with its n) gives away about the counts behind it, exactly over integers.
///
/// A mean printed beside n fixes the sum of the answers, Σ p·cₚ: two decimals pin it for n below 200, and
/// the JSON rendering prints it in full. Near an end of the scale that alone can pin a small count: six
/// ratings with mean 4,83 are five 5s and one 4. A count of 1…k−1 stays protected when, among all integer
/// distributions with the same n and sum over the points the attacker allows, it can be 0 and it can be
/// v + P (or n) — the rule ``DisclosureControl`` applies to withheld cells.
struct MeanDisclosure {
    let threshold: Int
    let protection: Int

    /// The largest excess over the lowest point searched (a bound on work and memory for wide scales).
    static let largestExcess = 4_000_000

    /// Whether `n` answers on `points` can sum to `sum` with none at the points outside `allowed`,
    /// exactly: the excess over the lowest allowed point is made of at most `n` steps from the others.
    static func feasible(count n: Int, sum: Int, allowed: [Int]) -> Bool {
        guard n >= 0, let low = allowed.min(), let high = allowed.max() else { return n == 0 && sum == 0 }
        if n == 0 { return sum == 0 }
        let excess = sum - n * low
        guard excess >= 0, excess <= n * (high - low) else { return false }
        // Beyond this the search is not run, and the sum counts as pinning the count (the mean is withheld).
        guard excess <= Self.largestExcess else { return false }
        let steps = Set(allowed.map { $0 - low }.filter { $0 > 0 })
        if excess == 0 { return true }
        guard !steps.isEmpty else { return false }
        // The fewest steps that make up each excess (unbounded change-making); feasible when at most n.
        var fewest = Array(repeating: Int.max, count: excess + 1)
        fewest[0] = 0
        for e in 1...excess {
            for s in steps where s <= e && fewest[e - s] != Int.max { fewest[e] = min(fewest[e], fewest[e - s] + 1) }
        }
        return fewest[excess] <= n
    }

    /// Whether publishing the exact sum of `counts` (one per point of `points`, with their total) leaves every
    /// count of 1…k−1 protected; `support` limits the points an attacker must consider (all when `nil`).
    func meanIsSafe(counts: [Int], points: ClosedRange<Int>, support: Set<Int>? = nil) -> Bool {
        let n = counts.reduce(0, +)
        guard n > 0 else { return true }
        guard points.count == counts.count, points.count <= 1_000 else { return false }
        let values = Array(points)
        let sum = zip(values, counts).reduce(0) { $0 + $1.0 * $1.1 }
        let allowedPoints = values.filter { support?.contains($0) ?? true }
        for (j, v) in counts.enumerated() where v > 0 && v < threshold {
            let others = allowedPoints.filter { $0 != values[j] }
            // It can be 0 …
            guard Self.feasible(count: n, sum: sum, allowed: others) else { return false }
            // … and v + P, or n.
            let top = min(v + protection, n)
            guard Self.feasible(count: n - top, sum: sum - values[j] * top, allowed: others) else { return false }
        }
        return true
    }

    /// Whether `counts` has any count of 1…k−1.
    func hasSmallCount(_ counts: [Int]) -> Bool { counts.contains { $0 > 0 && $0 < threshold } }
}
