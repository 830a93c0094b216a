import DiversityKit
import DiversityKitSQLite
import DiversityKitTesting
import Testing

@Suite("SQLiteStore conformance")
struct SQLiteConformanceTests {
    @Test("passes every check of the conformance kit on a fresh file", arguments: StoreConformanceKit.checks)
    func conformanceOnFile(_ check: StoreConformanceCheck) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path())
        try await check.run(on: store)
        await store.close()
    }

    @Test("passes every check of the conformance kit in memory", arguments: StoreConformanceKit.checks)
    func conformanceInMemory(_ check: StoreConformanceCheck) async throws {
        try await check.run(on: SQLiteStore.inMemory())
    }
}
