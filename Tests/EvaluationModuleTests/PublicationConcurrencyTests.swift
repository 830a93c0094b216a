import DiversityKit
import DiversityKitSQLite
import DiversityKitTesting
import EvaluationModule
import Foundation
import Testing

/// Races between releases from one distribution (issue 16): each report must be audited against every
/// release recorded before it, including one recorded while it was being audited.
@Suite("Publication memory under concurrency")
struct PublicationConcurrencyTests {
    struct Refused: Error {}

    /// Audits `segment` against the distribution's history and records it when it conflicts with nothing;
    /// `false` when the audit refused it.
    static func releaseAudited(_ segment: SegmentRelease, from distribution: String, in memory: PublicationMemory) async throws -> Bool {
        do {
            try await memory.release(from: distribution, title: "Rapport", at: Date(timeIntervalSince1970: 0)) { history in
                guard !history.conflicts(segment, threshold: 5) else { throw Refused() }
                await Task.yield() // building the report takes time between the audit and the record
                return ((), [segment])
            }
        } catch is Refused { return false }
        return true
    }

    @Test("two reports released at once are each audited against the other", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func concurrentReleases(_ kind: String) async throws {
        let base: any Store = kind.hasPrefix("SQLiteStore") ? try SQLiteStore.inMemory() : InMemoryStore()
        let store: any Store = kind.hasSuffix("interleaved") ? InterleavingStore(base) : base
        let memory = PublicationMemory(store: store)
        // Together they publish the answers of unit c alone: 14 − 12 = 2, below the threshold of 5.
        let whole = SegmentRelease(units: ["a", "b", "c"], item: "q1", count: 14)
        let part = SegmentRelease(units: ["a", "b"], item: "q1", count: 12)
        var leaks: [String] = []
        for round in 0..<30 {
            let d = "d\(round)"
            async let x = Self.releaseAudited(whole, from: d, in: memory)
            async let y = Self.releaseAudited(part, from: d, in: memory)
            let accepted = try await (x, y)
            let released = try await memory.history(of: d).releases
            if released.contains(whole) && released.contains(part) { leaks.append("\(d): \(accepted)") }
        }
        #expect(leaks.isEmpty, "both reports released in \(leaks.count) of 30 rounds: \(leaks)")
    }
}
