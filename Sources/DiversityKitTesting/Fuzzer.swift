import DiversityKit
import Foundation

/// Mutation fuzzing for parsers: seeded, repeatable, and with no dependency.
///
/// Starting from a corpus of valid inputs, each case applies a few mutations — flipped bits,
/// inserted syntax bytes (quotes, separators, brackets, line ends, combining marks, numbers at
/// the ends of `Int`), deleted, repeated or spliced ranges — and hands the bytes to the target.
/// The target must return or throw; a trap or a hang fails the run. The fixed default
/// seed makes `swift test` run the same cases every time; a longer run reads its size and
/// seed from the environment:
///
/// ```sh
/// DIVERSITYKIT_FUZZ_ITERATIONS=200000 DIVERSITYKIT_FUZZ_SEED=$RANDOM swift test --filter Fuzz
/// ```
///
/// ```swift
/// try Fuzzer(corpus: [Data("a,b\n1,2\n".utf8)]).run { bytes in
///     let reader = try CSVReader(data: bytes)
///     while try reader.next() != nil {}
/// }
/// ```
public struct Fuzzer: Sendable {
    /// The valid inputs mutations start from.
    public var corpus: [Data]
    /// How many mutated cases to run.
    public var iterations: Int
    /// The seed of the case generator.
    public var seed: UInt64

    /// The environment variable that sets ``iterations`` for a longer run.
    public static let iterationsVariable = "DIVERSITYKIT_FUZZ_ITERATIONS"
    /// The environment variable that sets ``seed``.
    public static let seedVariable = "DIVERSITYKIT_FUZZ_SEED"

    /// A fuzzer over `corpus`: `iterations` cases (default 300, or `DIVERSITYKIT_FUZZ_ITERATIONS`)
    /// from `seed` (default 17, or `DIVERSITYKIT_FUZZ_SEED`).
    public init(corpus: [Data], iterations: Int? = nil, seed: UInt64? = nil) {
        let environment = ProcessInfo.processInfo.environment
        self.corpus = corpus.isEmpty ? [Data()] : corpus
        self.iterations = iterations ?? environment[Self.iterationsVariable].flatMap { Int($0) } ?? 300
        self.seed = seed ?? environment[Self.seedVariable].flatMap { UInt64($0) } ?? 17
    }

    /// Byte sequences that parsers treat specially.
    static let tokens: [[UInt8]] = [
        "\"", ",", ";", "\t", "\n", "\r", "\r\n", "\"\"", "{", "}", "[", "]", ":", "<", ">", "&", "'", "=", "|", "\\",
        "\u{301}", "\u{200D}", "\u{600}", "\u{FEFF}", "9223372036854775807", "-9223372036854775808", "-2147483648",
        "1e308", "NaN", "null", "<![CDATA[", "]]>", "&amp;", "<!ENTITY", "9999-12-31", "0000-00-00", "SQLite format 3\0",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]

    /// The mutated cases, in order: the corpus first, then ``iterations`` mutants.
    public func cases() -> [Data] {
        var rng = SplitMix64(seed: seed)
        var out = corpus
        for _ in 0..<max(iterations, 0) {
            var bytes = Array(corpus[Int(rng.next() % UInt64(corpus.count))])
            for _ in 0..<(1 + Int(rng.next() % 4)) { mutate(&bytes, &rng) }
            out.append(Data(bytes))
        }
        return out
    }

    /// Runs `target` on every case; it may throw (bad input is expected) but must not trap.
    /// - Returns: how many cases the target accepted (returned without throwing).
    @discardableResult
    public func run(_ target: (Data) throws -> Void) -> Int {
        var accepted = 0
        for input in cases() where (try? target(input)) != nil { accepted += 1 }
        return accepted
    }

    private func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64) {
        func index(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(rng.next() % UInt64(bound)) }
        switch rng.next() % 7 {
        case 0 where !bytes.isEmpty:
            bytes[index(bytes.count)] ^= UInt8(1 << (rng.next() % 8))
        case 1:
            bytes.insert(contentsOf: Self.tokens[index(Self.tokens.count)], at: index(bytes.count + 1))
        case 2 where !bytes.isEmpty:
            let start = index(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + index(64)))
        case 3 where !bytes.isEmpty:
            let start = index(bytes.count), end = min(bytes.count, start + 1 + index(256))
            let slice = bytes[start..<end]
            for _ in 0..<(1 + index(8)) { bytes.insert(contentsOf: slice, at: end) }
        case 4:
            let other = corpus[index(corpus.count)]
            guard !other.isEmpty else { return }
            let start = index(other.count)
            bytes.insert(contentsOf: other[other.startIndex + start..<other.startIndex + min(other.count, start + index(512))],
                         at: index(bytes.count + 1))
        case 5 where !bytes.isEmpty:
            bytes.removeSubrange(index(bytes.count)...)
        default:
            bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: index(bytes.count + 1))
        }
    }
}
