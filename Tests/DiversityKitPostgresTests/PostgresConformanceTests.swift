import DiversityKit
import DiversityKitPostgres
import DiversityKitTesting
import Testing

@Suite("PostgresStore conformance", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresConformanceTests {
    @Test("passes every check of the conformance kit, each on a fresh schema", arguments: StoreConformanceKit.checks)
    func conformance(_ check: StoreConformanceCheck) async throws {
        try await TestDatabase.withStore { store in try await check.run(on: store) }
    }
}
