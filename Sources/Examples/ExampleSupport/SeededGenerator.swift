import DiversityKit

/// A deterministic random number generator (SplitMix64) for synthetic example data.
///
/// The same seed always gives the same sequence on every platform, so an example run with
/// `--seed 7` produces the same programme, the same pairs and the same reports every time.
///
/// ```swift
/// var rng = SeededGenerator(seed: 2012)
/// let n = Int.random(in: 1...6, using: &rng)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var source: SplitMix64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { source = SplitMix64(seed: seed) }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 { source.next() }

    /// A whole number in `range`, without the platform-dependent paths of `Int.random(in:using:)`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        // Width 0 means the full 64-bit range wrapped around.
        guard width != 0 else { return Int(truncatingIfNeeded: next()) }
        return range.lowerBound + Int(next() % width)
    }

    /// `true` with probability `percent` / 100.
    public mutating func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

    /// An element of `elements`, or `nil` when it is empty.
    public mutating func pick<C: Collection>(_ elements: C) -> C.Element? where C.Index == Int {
        guard !elements.isEmpty else { return nil }
        return elements[elements.startIndex + int(in: 0...(elements.count - 1))]
    }

    /// `count` distinct elements of `elements`, in their original order.
    public mutating func sample<T>(_ elements: [T], count: Int) -> [T] {
        var indices = Array(elements.indices)
        var chosen: [Int] = []
        for _ in 0..<min(count, elements.count) {
            chosen.append(indices.remove(at: int(in: 0...(indices.count - 1))))
        }
        return chosen.sorted().map { elements[$0] }
    }
}
