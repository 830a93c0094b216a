import DiversityKit
import DiversityKitSQLite
import DiversityKitTesting
import Foundation
import Testing

@Suite("SQLiteStore: two processes on one file")
struct SQLiteProcessRaceTests {
    @Test("every two-process check of the kit holds with a second writer process", arguments: StoreConformanceKit.processChecks)
    func twoProcesses(_ check: StoreProcessCheck) async throws {
        let writer = try #require(BuiltProduct.executable("StoreRaceWriter"), "build StoreRaceWriter with `swift build --build-tests`")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dk-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("race.sqlite").path
        let store = try SQLiteStore(path: path)
        try await check.run(on: store) { try await BuiltProduct.run(writer, [check.name, "sqlite", path]) }
    }
}
