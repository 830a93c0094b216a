import DiversityKit
import Foundation
@testable import DiversityKitSQLite

/// A fresh directory under the system's temporary directory, one per test.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dk-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String = "store.sqlite") -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

func item(_ id: String, type: String = "test.item", keys: [String: String] = [:], payload: String = "p") -> RecordEnvelope {
    RecordEnvelope(type: type, id: id, version: 1, keys: keys, payload: Data(payload.utf8))
}

func bytes(of path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

/// Whether `body` throws exactly `expected`.
func throwsError(_ expected: StoreError, _ body: () async throws -> Void) async -> Bool {
    do {
        try await body()
        return false
    } catch let error as StoreError {
        return error == expected
    } catch {
        return false
    }
}
