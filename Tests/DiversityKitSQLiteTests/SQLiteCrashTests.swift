import DiversityKit
import Foundation
import Testing
@testable import DiversityKitSQLite

@Suite("SQLiteStore crash safety")
struct SQLiteCrashTests {
    /// Where the `SQLiteCrashWriter` executable may have been built: next to this test bundle first.
    private func productDirectories() -> [URL] {
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        // <package>/Tests/DiversityKitSQLiteTests/this file → <package>/.build/{debug,release}
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directories += ["debug", "release"].map { package.appendingPathComponent(".build").appendingPathComponent($0) }
        // On macOS the bundle's executable sits in X.xctest/Contents/MacOS, three levels below the products.
        if let executable = Bundle.main.executableURL {
            directories.append(executable.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent())
        }
        return directories
    }

    @Test("a writer killed with SIGKILL mid-run leaves an intact file holding every batch it reported")
    func killedWriter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let process = Process()
        let directories = productDirectories()
        let writer: URL = try #require(
            directories.map { $0.appendingPathComponent("SQLiteCrashWriter") }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) },
            "SQLiteCrashWriter not found in \(directories.map(\.path)); build it with `swift build --product SQLiteCrashWriter`")
        process.executableURL = writer
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Wait for a good number of committed batches, then kill without warning.
        var received = Data()
        while received.filter({ $0 == UInt8(ascii: "\n") }).count < 40 {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            received.append(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        received.append(output.fileHandleForReading.readDataToEndOfFile())
        #expect(process.terminationReason == .uncaughtSignal)

        // Only complete lines count: a number cut off by the kill was never fully reported.
        var lines = String(decoding: received, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        let reported = lines.compactMap { Int($0) }
        try #require(reported.count >= 40, "the writer reported only \(reported.count) batches before stopping")
        #expect(reported == Array(0..<reported.count))

        let store = try SQLiteStore(path: path)
        #expect(try await store.integrityCheck() == ["ok"])
        for batch in reported {
            #expect(try await store.fetch(RecordKey(type: "crash.batch", id: String(batch))) != nil, "batch \(batch) lost")
            #expect(try await store.count(RecordQuery(type: "crash.row").where("batch", equals: String(batch))) == 20,
                    "batch \(batch) incomplete")
        }
        // Batches are atomic: whatever committed after the last report is whole too.
        let batches = try await store.count(RecordQuery(type: "crash.batch"))
        #expect(batches >= reported.count)
        #expect(try await store.count(RecordQuery(type: "crash.row")) == batches * 20)
        await store.close()
    }
}
