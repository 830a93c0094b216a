import DiversityKit
import Testing
@testable import EvaluationModule

@Suite("What a mean gives away")
struct MeanDisclosureTests {
    /// Every multiset of `n` values from `allowed`, by brute force: the sums they make.
    static func sums(_ n: Int, _ allowed: [Int]) -> Set<Int> {
        guard n > 0 else { return [0] }
        guard let first = allowed.first else { return [] }
        var result: Set<Int> = []
        for k in 0...n { for rest in sums(n - k, Array(allowed.dropFirst())) { result.insert(k * first + rest) } }
        return result
    }

    @Test("the change-making search agrees with brute force on every sum", arguments: [[1, 2, 3, 4, 5], [1, 2, 4, 5], [1, 3], [2, 4, 5], [1, 5], [3]])
    func feasibleAgreesWithBruteForce(allowed: [Int]) {
        for n in 0...6 {
            let reachable = Self.sums(n, allowed)
            for sum in -1...(6 * 5 + 1) {
                #expect(MeanDisclosure.feasible(count: n, sum: sum, allowed: allowed) == reachable.contains(sum), "n \(n), sum \(sum), \(allowed)")
            }
        }
    }

    @Test("six ratings with mean 4,83 pin the single 4; twenty spread ratings leave their small counts open")
    func examples() {
        let rule = MeanDisclosure(threshold: 5, protection: 5)
        #expect(!rule.meanIsSafe(counts: [0, 0, 0, 1, 5], points: 1...5))
        #expect(rule.meanIsSafe(counts: [1, 2, 5, 7, 5], points: 1...5))
        // Within the support {4, 5} (the intervention's non-zero points) the same twenty would be pinned.
        #expect(!rule.meanIsSafe(counts: [0, 0, 0, 3, 17], points: 1...5, support: [4, 5]))
        #expect(rule.meanIsSafe(counts: [0, 0, 6, 7, 7], points: 1...5))
    }
}
