import DiversityKit
import DiversityKitPostgres
import Foundation
import Testing

/// Several processes on one database: the deployment the PostgreSQL store exists for.
@Suite("PostgresStore across processes", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresCrossProcessTests {
    static let writerName = "PostgresConcurrentWriter"

    /// The writer built beside the test bundle (`.build/<triple>/debug/`), or a clear failure.
    static func writerExecutable() throws -> URL {
        var directories: [URL] = []
        if let override = ProcessInfo.processInfo.environment["DIVERSITYKIT_POSTGRES_WRITER"] {
            return URL(fileURLWithPath: override)
        }
        // Linux runs the tests as `…/debug/DiversityKitPackageTests.xctest`; macOS from inside
        // `…/debug/DiversityKitPackageTests.xctest/Contents/MacOS/`: look in a few ancestors.
        for start in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            + Bundle.allBundles.map(\.bundleURL) {
            var directory = start.standardizedFileURL
            for _ in 0..<4 {
                directories.append(directory)
                directory = directory.deletingLastPathComponent()
            }
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent(writerName)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw WriterMissing(searched: Set(directories.map(\.path)).sorted())
    }

    struct WriterMissing: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "\(PostgresCrossProcessTests.writerName) was not found; build it with `swift build --build-tests` "
                + "or set DIVERSITYKIT_POSTGRES_WRITER. Looked in: \(searched.joined(separator: ", "))"
        }
    }

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs one writer process to its end.
    static func run(_ executable: URL, _ arguments: [String]) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment[TestDatabase.variable] = TestDatabase.url
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Outcome(status: status,
                       output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                       errors: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test("three writer processes on a fresh schema lose nothing and take each contested record once")
    func concurrentProcesses() async throws {
        let writer = try Self.writerExecutable()
        let writers = 3, own = 200, shared = 20
        try await TestDatabase.withSchema { schema in
            // The schema does not exist yet: the writers also race to create and migrate it.
            let outcomes = try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
                for w in 0..<writers {
                    group.addTask { (w, try await Self.run(writer, [schema, "w\(w)", String(own), String(shared)])) }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            var inserted = 0, duplicates = 0
            for (w, outcome) in outcomes.sorted(by: { $0.key < $1.key }) {
                #expect(outcome.status == 0, "writer \(w) failed: \(outcome.errors)")
                let counts = outcome.output.split(whereSeparator: { $0 == " " || $0 == "\n" })
                    .compactMap { $0.split(separator: "=").last.flatMap { Int($0) } }
                try #require(counts.count == 2, "writer \(w) printed \(outcome.output)")
                inserted += counts[0]
                duplicates += counts[1]
            }
            #expect(inserted == writers * own + shared)
            #expect(duplicates == (writers - 1) * shared)

            let store = try await PostgresStore(TestDatabase.configuration(schema: schema))
            #expect(try await store.count(RecordQuery(type: "writer.item")) == writers * own + shared)
            for w in 0..<writers {
                let mine = try await store.query(RecordQuery(type: "writer.item").where("writer", equals: "w\(w)"))
                #expect(mine.filter { $0.id.hasPrefix("w\(w)-") }.count == own)
            }
            #expect(try await store.schemaVersion == PostgresStore.supportedSchemaVersion)
        }
    }

    @Test("two processes incrementing one counter by compare-and-swap lose no increment")
    func compareAndSwapAcrossProcesses() async throws {
        let writer = try Self.writerExecutable()
        let perProcess = 40
        try await TestDatabase.withStore { store in
            let schema = store.configuration.schema
            try await store.insert(RecordEnvelope(type: "writer.counter", id: "shared", version: 1, keys: [:], payload: Data("0".utf8)))
            let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
                for name in ["a", "b"] {
                    group.addTask { try await Self.run(writer, ["increment", schema, name, String(perProcess)]) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for outcome in outcomes {
                #expect(outcome.status == 0, "a writer failed: \(outcome.errors)")
                #expect(outcome.output.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count == perProcess)
            }
            let counter = try #require(try await store.fetch(RecordKey(type: "writer.counter", id: "shared")))
            // Every increment is one update: a lost one would leave the count (and revision) short.
            #expect(String(decoding: counter.payload, as: UTF8.self) == String(2 * perProcess))
            #expect(counter.revision == 2 * perProcess + 1)
        }
    }

    @Test("a writer killed with SIGKILL in the middle of its compare-and-swap batches loses no acknowledged write")
    func killedWriterLosesNothingAcknowledged() async throws {
        let writer = try Self.writerExecutable()
        try await TestDatabase.withStore { store in
            try await store.insert(RecordEnvelope(type: "writer.counter", id: "shared", version: 1, keys: [:], payload: Data("0".utf8)))
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("pg-killed-\(UUID().uuidString).out")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: output) }
            let process = Process()
            process.executableURL = writer
            process.arguments = ["increment", store.configuration.schema, "killed", "100000"]
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            try process.run()
            func acknowledged() -> [Int] {
                String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self).split(separator: "\n")
                    .compactMap { $0.hasPrefix("ok ") ? Int($0.dropFirst(3)) : nil }
            }
            // Kill it once it has committed some increments: somewhere inside a batch or between two.
            for _ in 0..<600 where acknowledged().count < 25 { try await Task.sleep(nanoseconds: 20_000_000) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let acked = acknowledged()
            try #require(acked.count >= 25, "the writer acknowledged only \(acked.count) increments")
            let counter = try #require(try await store.fetch(RecordKey(type: "writer.counter", id: "shared")))
            let count = try #require(Int(String(decoding: counter.payload, as: UTF8.self)))
            // Every acknowledged increment is there; at most one more committed before its "ok" was written.
            #expect(count >= acked.last! && count <= acked.last! + 1)
            #expect(counter.revision == count + 1)
            // The killed backend's transaction is gone: the store takes writes again at once.
            try await store.write(WriteBatch([.check(counter.key, .revision(counter.revision)),
                                              .update(RecordEnvelope(type: "writer.counter", id: "shared", version: 1, keys: [:], payload: Data("\(count + 1)".utf8)))]))
        }
    }
}
