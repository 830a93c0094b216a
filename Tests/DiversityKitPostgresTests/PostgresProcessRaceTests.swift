import DiversityKit
import DiversityKitPostgres
import DiversityKitTesting
import Foundation
import Testing

@Suite("PostgresStore: two processes on one schema", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresProcessRaceTests {
    @Test("every two-process check of the kit holds with a second writer process", arguments: StoreConformanceKit.processChecks)
    func twoProcesses(_ check: StoreProcessCheck) async throws {
        let writer = try #require(BuiltProduct.executable("StoreRaceWriter"), "build StoreRaceWriter with `swift build --build-tests`")
        try await TestDatabase.withSchema { schema in
            let store = try await PostgresStore(TestDatabase.configuration(schema: schema))
            try await check.run(on: store) {
                try await BuiltProduct.run(writer, [check.name, "postgres", TestDatabase.url ?? "", schema])
            }
        }
    }
}
