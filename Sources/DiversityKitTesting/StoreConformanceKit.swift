import DiversityKit
import Foundation

/// The conformance kit every ``/DiversityKit/Store`` must pass — ours and an embedder's.
///
/// Framework-neutral: each check throws ``ConformanceFailure`` when the store misbehaves, so
/// it runs under Swift Testing or XCTest alike. Each check needs a fresh, empty store.
///
/// ```swift
/// @Test(arguments: StoreConformanceKit.checks)
/// func conforms(_ check: StoreConformanceCheck) async throws {
///     try await check.run(on: MyStore(path: temporaryPath()))
/// }
/// ```
public enum StoreConformanceKit {
    /// Every check, in a stable order.
    public static let checks: [StoreConformanceCheck] = basicChecks + batchChecks + queryChecks + moduleChecks + highVolumeChecks
        + revisionChecks + rowChecks + raceChecks + writeSkewChecks

    /// Runs every check, each on a store made by `makeStore`, and returns the failures.
    public static func run(makeStore: () async throws -> any Store) async -> [ConformanceFailure] {
        var failures: [ConformanceFailure] = []
        for check in checks {
            do { try await check.run(on: try await makeStore()) } catch let f as ConformanceFailure {
                failures.append(f)
            } catch {
                failures.append(ConformanceFailure(check: check.name, message: "threw \(error)"))
            }
        }
        return failures
    }
}

/// One named conformance check.
public struct StoreConformanceCheck: Sendable, CustomStringConvertible {
    /// What the check shows, as a sentence.
    public let name: String
    let body: @Sendable (any Store) async throws -> Void

    /// Creates a check.
    public init(_ name: String, _ body: @escaping @Sendable (any Store) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the check on an empty store.
    /// - Throws: ``ConformanceFailure`` when the store misbehaves; a store error that the check did not expect.
    public func run(on store: any Store) async throws {
        do { try await body(store) } catch let f as ConformanceFailure { throw f } catch {
            throw ConformanceFailure(check: name, message: "unexpected error: \(error)")
        }
    }

    /// A readable description.
    public var description: String { name }
}

/// A store that failed a check, and how.
public struct ConformanceFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The check's name.
    public var check: String
    /// What went wrong.
    public var message: String
    /// Creates a failure.
    public init(check: String, message: String) {
        self.check = check
        self.message = message
    }
    /// A readable description.
    public var description: String { "\(check): \(message)" }
}

/// A record type of a module the stores have never heard of; proves the plug-in path.
/// It uses its own compact binary payload, as a high-volume module might.
public struct ConformanceProbe: StoredRecord, Hashable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "conformance.probe"
    /// The version of this record's payload shape.
    public static let schemaVersion = 3
    /// The probe's id.
    public var id: String
    /// A grouping key.
    public var group: String
    /// Tags, stored as a multi-valued index key.
    public var tags: [String]
    /// Arbitrary bytes, including zero bytes.
    public var bytes: [UInt8]

    /// Creates a probe.
    public init(id: String, group: String, tags: [String] = [], bytes: [UInt8] = []) {
        self.id = id
        self.group = group
        self.tags = tags
        self.bytes = bytes
    }

    /// The record's key in a store.
    public var recordID: String { id }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        ["group": group, "tags": tags.joined(separator: indexValueSeparator)]
    }

    /// `[group length][group utf8][tag count]([len][utf8])*[bytes…]`.
    public func encodePayload() throws -> Data {
        var d = Data()
        func put(_ s: String) {
            let u = Array(s.utf8)
            d.append(contentsOf: withUnsafeBytes(of: UInt32(u.count).littleEndian, Array.init))
            d.append(contentsOf: u)
        }
        put(group)
        d.append(UInt8(tags.count))
        tags.forEach(put)
        d.append(contentsOf: bytes)
        return d
    }

    /// Decodes a payload written at `version`.
    public static func decodePayload(_ data: Data, version: Int) throws -> ConformanceProbe {
        let b = [UInt8](data)
        var i = 0
        func take() throws -> String {
            guard i + 4 <= b.count else { throw StoreError.invalidArgument("truncated probe") }
            let n = Int(UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24)
            i += 4
            guard i + n <= b.count else { throw StoreError.invalidArgument("truncated probe") }
            defer { i += n }
            return String(decoding: b[i..<i + n], as: UTF8.self)
        }
        let group = try take()
        guard i < b.count else { throw StoreError.invalidArgument("truncated probe") }
        let count = Int(b[i]); i += 1
        var tags: [String] = []
        for _ in 0..<count { tags.append(try take()) }
        return ConformanceProbe(id: "", group: group, tags: tags, bytes: Array(b[i...]))
    }
}
