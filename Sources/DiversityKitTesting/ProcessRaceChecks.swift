import DiversityKit
import Foundation

/// A race between two OS processes writing one store (a SQLite file, a PostgreSQL server): the
/// invariant must hold when the second writer is another process with its own connection.
///
/// This process prepares the store and writes as writer 0; the second process, started by the
/// caller's `secondWriter` closure, opens the same store and calls ``StoreConformanceKit/runSecondWriter(_:on:)``
/// with the check's name, writing as writer 1. Then this process verifies.
///
/// ```swift
/// @Test(arguments: StoreConformanceKit.processChecks)
/// func twoProcesses(_ check: StoreProcessCheck) async throws {
///     let path = temporaryPath()
///     try await check.run(on: try SQLiteStore(path: path)) {
///         try runTool("StoreRaceWriter", [check.name, "sqlite", path])   // waits for the process
///     }
/// }
/// ```
public struct StoreProcessCheck: Sendable, CustomStringConvertible {
    /// What the check shows, as a sentence; also how the second process finds it.
    public let name: String
    let prepare: @Sendable (any Store) async throws -> Void
    let act: @Sendable (any Store, _ writer: Int) async throws -> Void
    let verify: @Sendable (any Store) async throws -> Void

    /// Prepares `store`, runs writer 0 here while `secondWriter` runs writer 1 in another process,
    /// then verifies the invariant.
    /// - Throws: ``ConformanceFailure`` when the invariant broke; what `secondWriter` throws.
    public func run(on store: any Store, secondWriter: @escaping @Sendable () async throws -> Void) async throws {
        try await prepare(store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await secondWriter() }
            group.addTask { try await act(store, 0) }
            try await group.waitForAll()
        }
        do { try await verify(store) } catch let f as ConformanceFailure { throw f } catch {
            throw ConformanceFailure(check: name, message: "unexpected error: \(error)")
        }
    }

    /// A readable description.
    public var description: String { name }
}

extension StoreConformanceKit {
    /// Every two-process check, in a stable order.
    public static let processChecks: [StoreProcessCheck] = [
        StoreProcessCheck(
            name: "capacity 5 accepts exactly 5 of 40 attendees recorded from two processes",
            prepare: { store in _ = try await RaceFixture.make(store, participants: 40) },
            act: { store, writer in
                let ws = Workspace(store: store)
                _ = try await concurrently(20) { i in
                    try await ws.recordAttendance(of: ID("p\(writer * 20 + i)"), at: "five", .attended)
                }
            },
            verify: { store in
                let attended = try await store.all(Attendance.self, where: "session", equals: "five").filter { $0.status == .attended }
                try expect(attended.count == 5, "\(attended.count) attending a session of capacity 5",
                           check: "capacity 5 accepts exactly 5 of 40 attendees recorded from two processes")
            }),
        StoreProcessCheck(
            name: "a participant enrolled from two processes at once is enrolled once",
            prepare: { store in _ = try await RaceFixture.make(store, participants: 20) },
            act: { store, _ in
                let ws = Workspace(store: store)
                for p in 0..<20 { _ = try? await ws.enrol(ID("p\(p)"), in: "val-a") }
            },
            verify: { store in
                let enrolments = try await store.all(Enrolment.self).filter { $0.intervention == "val-a" }
                try expect(enrolments.count == 20 && Set(enrolments.map(\.participant)).count == 20,
                           "\(enrolments.count) enrolments for 20 participants",
                           check: "a participant enrolled from two processes at once is enrolled once")
            }),
        StoreProcessCheck(
            name: "compare-and-swap increments from two processes lose no update",
            prepare: { store in try await store.write(WriteBatch([.insert(envelope("counter", payload: "0"))])) },
            act: { store, _ in
                let key = RecordKey(type: "kit.item", id: "counter")
                for _ in 0..<50 {
                    try await withConflictRetry(attempts: 500) {
                        let e = try await store.fetch(key)!
                        let n = Int(String(decoding: e.payload, as: UTF8.self))! + 1
                        try await store.write(WriteBatch([.check(key, .revision(e.revision)), .update(envelope("counter", payload: "\(n)"))]))
                    }
                }
            },
            verify: { store in
                let value = try await store.fetch(RecordKey(type: "kit.item", id: "counter")).map { String(decoding: $0.payload, as: UTF8.self) }
                try expect(value == "100", "counter is \(value ?? "gone"), not 100",
                           check: "compare-and-swap increments from two processes lose no update")
            }),
        StoreProcessCheck(
            name: "erasure in one process racing attendance in another leaves no real id",
            prepare: { store in _ = try await RaceFixture.make(store, participants: 20) },
            act: { store, writer in
                let ws = Workspace(store: store)
                for p in 0..<20 {
                    if writer == 0 { try await ws.erase(ID("p\(p)")) } else { _ = try? await ws.recordAttendance(of: ID("p\(p)"), at: "five", .excused) }
                }
            },
            verify: { store in
                let named = try await store.all(Attendance.self).compactMap(\.participant).filter { !$0.rawValue.hasPrefix("erased-") }
                try expect(named.isEmpty, "\(named.count) attendance records name an erased participant",
                           check: "erasure in one process racing attendance in another leaves no real id")
            }),
    ]

    /// The second process's part of the check named `name`, on its own connection to the store.
    /// - Throws: ``ConformanceFailure`` for an unknown name; the store's errors.
    public static func runSecondWriter(_ name: String, on store: any Store) async throws {
        guard let check = processChecks.first(where: { $0.name == name }) else {
            throw ConformanceFailure(check: name, message: "no such two-process check")
        }
        try await check.act(store, 1)
    }
}

/// Finds and runs executables built beside the test bundle (`.build/<triple>/debug/`), such as
/// `StoreRaceWriter`: how a test starts the second process of a ``StoreProcessCheck``.
public enum BuiltProduct {
    /// The executable `name` built with the tests (`swift build --build-tests`), or `nil`.
    public static func executable(_ name: String) -> URL? {
        var starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var directory = start.standardizedFileURL
            // Linux runs `…/debug/X.xctest`; macOS runs from inside `…/debug/X.xctest/Contents/MacOS/`.
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// Runs `executable` with `arguments` to its end without blocking a thread of the cooperative pool.
    /// - Throws: ``ConformanceFailure`` when it exits with a status other than 0 (its stderr in the message).
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) async throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        guard status == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw ConformanceFailure(check: executable.lastPathComponent, message: "exited with \(status): \(message)")
        }
    }
}
