import DiversityKit
import Foundation
import Testing
@testable import DiversityKitSQLite

/// The `SQLiteCrashWriter` tool as a child process whose committed writes are the lines it printed.
final class CrashWriter {
    let process = Process()
    private let output = Pipe()
    private var received = Data()

    /// Where the executable may have been built: next to this test bundle first.
    private static func productDirectories() -> [URL] {
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

    init(_ arguments: [String]) throws {
        let directories = Self.productDirectories()
        let executable: URL = try #require(
            directories.map { $0.appendingPathComponent("SQLiteCrashWriter") }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) },
            "SQLiteCrashWriter not found in \(directories.map(\.path)); build it with `swift build --product SQLiteCrashWriter`")
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Complete lines received so far (a line cut off by a kill was never fully reported).
    var lines: [String] {
        var lines = String(decoding: received, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        return lines
    }

    /// Reads output until `done` holds for the complete lines or the process closes its output.
    func read(until done: ([String]) -> Bool) {
        while !done(lines) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { return }
            received.append(chunk)
        }
    }

    /// Kills the process without warning and collects what it had printed.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        received.append(output.fileHandleForReading.readDataToEndOfFile())
    }

    /// Waits for a normal exit and collects the output.
    func finish() {
        received.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
    }
}

/// The tool's re-indexed record, as the test reads it back.
struct CrashItem: StoredRecord, Codable {
    static let recordType = "crash.item"
    static let indexVersion = 2
    var id: String
    var region: String
    var recordID: String { id }
    var indexKeys: [String: String] { ["region": region] }
}

@Suite("SQLiteStore crash safety")
struct SQLiteCrashTests {
    /// Runs the writer in `mode` until it reported 40 batches, kills it with SIGKILL, and returns the
    /// batch numbers it had reported (0, 1, 2, … in order).
    private func killAfterBatches(_ mode: String, _ path: String) throws -> [Int] {
        let writer = try CrashWriter([mode, path])
        writer.read { $0.count >= 40 }
        writer.kill9()
        #expect(writer.process.terminationReason == .uncaughtSignal)
        let reported = writer.lines.compactMap { Int($0) }
        try #require(reported.count >= 40, "the writer reported only \(reported.count) batches before stopping")
        #expect(reported == Array(0..<reported.count))
        return reported
    }

    @Test("a writer killed with SIGKILL mid-run leaves an intact file holding every batch it reported")
    func killedWriter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let reported = try killAfterBatches("batches", path)

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

    @Test("a writer killed in the middle of conditional batches with row appends loses no acknowledged batch")
    func killedConditionalWriter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let reported = try killAfterBatches("conditional", path)

        let store = try SQLiteStore(path: path)
        #expect(try await store.integrityCheck() == ["ok"])
        let batches = try await store.count(RecordQuery(type: "crash.batch"))
        #expect(batches >= reported.count)
        for batch in reported {
            #expect(try await store.fetch(RecordKey(type: "crash.batch", id: String(batch))) != nil, "batch \(batch) lost")
        }
        // Counter, markers and rows moved together: one revision and 20 rows per committed batch.
        let counter = try #require(try await store.fetch(RecordKey(type: "crash.counter", id: "c")))
        #expect(counter.revision == batches + 1)
        #expect(String(decoding: counter.payload, as: UTF8.self) == String(batches - 1))
        let set = RowSetKey(type: "crash.rows", partition: "p")
        #expect(try await store.countRows(RowQuery(set: set)) == batches * 20)
        for batch in reported.suffix(5) {
            #expect(try await store.countRows(RowQuery(set: set, scope: "batch", group: String(batch))) == 20, "rows of batch \(batch)")
        }
        await store.close()
    }

    @Test("a re-index killed midway leaves an intact file, every record whole, and resumes to the end")
    func killedReindex() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let n = 20_000
        let writer = try CrashWriter(["reindex", path, String(n)])
        // Let 10 of its 400 pages commit, then kill mid-run.
        writer.read { $0.filter { $0 == "page" }.count >= 10 }
        writer.kill9()
        try #require(writer.lines.first == "seeded", "the writer did not finish seeding")
        let pages = writer.lines.filter { $0 == "page" }.count
        try #require(pages >= 10 && !writer.lines.contains("done"), "the writer was not killed mid re-index")

        let store = try SQLiteStore(path: path)
        #expect(try await store.integrityCheck() == ["ok"])
        // The acknowledged seed is all there; each record is either untouched (version 1, no key) or fully
        // re-indexed (version 2 with its key), never half.
        #expect(try await store.count(RecordQuery(type: CrashItem.recordType)) == n)
        #expect(try await store.strings("""
            SELECT count(*) FROM records r WHERE r.type = 'crash.item' AND r.index_version = 2
              AND NOT EXISTS (SELECT 1 FROM record_keys k WHERE k.type = r.type AND k.id = r.id AND k.key = 'region')
            """) == ["0"])
        #expect(try await store.strings("""
            SELECT count(*) FROM records r WHERE r.type = 'crash.item' AND r.index_version = 1
              AND EXISTS (SELECT 1 FROM record_keys k WHERE k.type = r.type AND k.id = r.id)
            """) == ["0"])
        // Every page it acknowledged stayed rewritten: the rest is what is left to do.
        let rewritten = try await store.reindex(CrashItem.self, pageSize: 500)
        #expect(rewritten > 0 && rewritten <= n - pages * 50)
        #expect(try await store.all(CrashItem.self, where: "region", equals: "norr").count == n)
        await store.close()
    }
}

@Suite("SQLiteStore across processes")
struct SQLiteProcessTests {
    @Test("two processes doing compare-and-swap increments with retry on one file lose none")
    func twoProcessIncrements() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let setup = try SQLiteStore(path: path)
        try await setup.insert(RecordEnvelope(type: "crash.counter", id: "c", version: 1, keys: [:], payload: Data("0".utf8)))
        await setup.close()

        let each = 150
        let writers = try [CrashWriter(["increment", path, String(each)]), CrashWriter(["increment", path, String(each)])]
        for w in writers { w.finish() }
        for w in writers { #expect(w.process.terminationStatus == 0) }

        let store = try SQLiteStore(path: path)
        let counter = try #require(try await store.fetch(RecordKey(type: "crash.counter", id: "c")))
        #expect(String(decoding: counter.payload, as: UTF8.self) == String(2 * each))
        #expect(counter.revision == 2 * each + 1)
        // The last value each process wrote; the one that finished last wrote the total.
        let last = writers.compactMap { $0.lines.last.flatMap { Int($0) } }
        #expect(last.max() == 2 * each)
        #expect(try await store.integrityCheck() == ["ok"])
        await store.close()
    }
}
