import DiversityKit
import DiversityKitSQLite
import DiversityKitTesting
import Foundation
import Testing
@testable import SurveyModule

/// Races between the survey service and erasure (issue 16): a distribution validated against a
/// participant that is erased meanwhile must conflict and re-read, never issue a token naming them.
@Suite("SurveyService under concurrency")
struct SurveyConcurrencyTests {
    @Test("erasure racing distribution leaves no token naming the erased participant", arguments: ["InMemoryStore", "SQLiteStore", "InMemoryStore, interleaved", "SQLiteStore, interleaved"])
    func erasureRacingDistribution(_ kind: String) async throws {
        let base: any Store = kind.hasPrefix("SQLiteStore") ? try SQLiteStore.inMemory() : InMemoryStore()
        let store: any Store = kind.hasSuffix("interleaved") ? InterleavingStore(base) : base
        try await store.insert(Fixture.organisation)
        let people = (0..<30).map { ID<Participant>("p\($0)") }
        for (i, p) in people.enumerated() { try await store.insert(Participant(id: p, organisation: "umea", unit: i % 2 == 0 ? "viva" : "soc")) }
        let service = SurveyService(store: store, secret: Fixture.secret, clock: { Fixture.t0 + 60 })
        let q = try await service.publish(Fixture.small())
        let ws = Workspace(store: store, dataOwners: [SurveyDataOwner(secret: Fixture.secret)])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for p in people {
                let plan = DistributionPlan(questionnaire: q.reference, population: .participants([p]), opens: Fixture.t0, closes: Fixture.t0 + Fixture.day)
                group.addTask { _ = try? await service.distribute(plan) }
                group.addTask { try await ws.erase(p) }
            }
            try await group.waitForAll()
        }
        let named = try await store.all(SurveyToken.self).compactMap(\.participant)
        #expect(named.isEmpty, "\(named.count) tokens still name an erased participant")
    }
}
