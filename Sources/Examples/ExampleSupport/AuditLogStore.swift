import DiversityKit
import Foundation

/// A store decorator that keeps an append-only audit log of every write and forwards every
/// call to the store it wraps.
///
/// The log holds operation kinds and record keys only — **never payloads** — so it can be kept
/// for a long time without holding personal data. Reads are forwarded without logging.
/// A batch the wrapped store refuses is logged as refused; it changed nothing.
///
/// This is how an embedding system adds cross-cutting behaviour (auditing, metrics, access
/// control) without touching the library: wrap the store and hand the wrapper to `Workspace`.
///
/// ```swift
/// let audited = try AuditLogStore(wrapping: SQLiteStore(path: "data.sqlite"), logFile: "audit.log")
/// let workspace = Workspace(store: audited)
/// ...
/// print(await audited.summary.committedOperations)
/// ```
public actor AuditLogStore: Store {
    /// The store every call is forwarded to.
    public nonisolated let base: any Store
    /// The log file lines are appended to, if any.
    public nonisolated let logFile: String?

    private var entries: [AuditEntry] = []
    private var batchCount = 0
    /// Participant ids being erased → their stand-ins: applied to the keys of the erasure's own batch.
    private var pendingRedactions: [String: String] = [:]
    private let file: FileHandle?

    /// Wraps `base`, logging in memory and, when `logFile` is given, appending to that file
    /// (created when missing, never truncated).
    /// - Throws: ``StoreError/invalidArgument(_:)`` when the log file cannot be opened for appending.
    public init(wrapping base: any Store, logFile: String? = nil) throws {
        self.base = base
        self.logFile = logFile
        guard let logFile else {
            file = nil
            return
        }
        let files = FileManager.default
        if !files.fileExists(atPath: logFile) {
            guard files.createFile(atPath: logFile, contents: nil) else {
                throw StoreError.invalidArgument("cannot create audit log file \(logFile)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: logFile) else {
            throw StoreError.invalidArgument("cannot open audit log file \(logFile) for appending")
        }
        handle.seekToEndOfFile()
        file = handle
    }

    deinit { try? file?.close() }

    /// Every entry logged so far, oldest first.
    public var log: [AuditEntry] { entries }

    /// Counts over the log.
    public var summary: AuditSummary { AuditSummary(entries) }

    // MARK: Store

    /// The wrapped store's schema version.
    public var schemaVersion: Int {
        get async throws { try await base.schemaVersion }
    }

    /// Forwards to the wrapped store; not logged.
    public func fetch(_ key: RecordKey) async throws -> RecordEnvelope? { try await base.fetch(key) }

    /// Forwards to the wrapped store; not logged.
    public func query(_ query: RecordQuery) async throws -> [RecordEnvelope] { try await base.query(query) }

    /// Forwards to the wrapped store; not logged.
    public func count(_ query: RecordQuery) async throws -> Int { try await base.count(query) }

    /// Reads rows from the wrapped store (reads are not logged).
    public func rows(_ query: RowQuery) async throws -> RowPage { try await base.rows(query) }

    /// Counts rows in the wrapped store.
    public func countRows(_ query: RowQuery) async throws -> Int { try await base.countRows(query) }

    /// Reclaims space in the wrapped store.
    public func reclaimSpace() async throws { try await base.reclaimSpace() }

    /// Forwards the batch and logs each operation with whether the batch was committed.
    /// - Throws: whatever the wrapped store throws; the refusal is logged first.
    public func write(_ batch: WriteBatch) async throws {
        try await forward(batch.operations.map { (AuditEntry.operation(of: $0), $0.key) }) { try await base.write(batch) }
    }

    /// Forwards to the wrapped store's bulk path and logs each record as an insert.
    /// - Throws: whatever the wrapped store throws; the refusal is logged first.
    public func bulkInsert(_ envelopes: [RecordEnvelope]) async throws {
        try await forward(envelopes.map { (AuditEntry.Operation.insert, $0.key) }) { try await base.bulkInsert(envelopes) }
    }

    private func forward(_ operations: [(AuditEntry.Operation, RecordKey)], _ call: () async throws -> Void) async throws {
        do {
            try await call()
        } catch {
            append(operations, committed: false)
            throw error
        }
        append(operations, committed: true)
    }

    private func append(_ operations: [(AuditEntry.Operation, RecordKey)], committed: Bool) {
        guard !operations.isEmpty else { return }
        var operations = operations
        for (id, standIn) in pendingRedactions {
            var named = false
            for i in operations.indices {
                let redacted = Self.redacting(id, with: standIn, in: operations[i].1.id)
                if redacted != operations[i].1.id { operations[i].1.id = redacted; named = true }
            }
            // The erasure's own batch names the participant; once it is logged the redaction is done.
            if named { pendingRedactions[id] = nil }
        }
        batchCount += 1
        var lines = ""
        for (operation, key) in operations {
            let entry = AuditEntry(sequence: entries.count + 1, batch: batchCount, operation: operation,
                                   key: key, committed: committed)
            entries.append(entry)
            lines += entry.description + "\n"
        }
        file?.write(Data(lines.utf8))
    }
}

extension AuditLogStore: ParticipantDataOwner {
    /// `"audit-log"`.
    public nonisolated var name: String { "audit-log" }

    /// The audit log's part in erasure: keys hold ids, and some ids name a participant (the participant
    /// record, guards, mentoring pairs). Every logged key that contains the participant's id is rewritten
    /// with the request's stand-in, in memory and in the log file, before the erasure's batch is written.
    /// Nothing is written to the store.
    public func erasure(for request: ErasureRequest, in store: any Store) async throws -> WriteBatch {
        try redact(request.participant.rawValue, with: request.standIn.rawValue)
        pendingRedactions[request.participant.rawValue] = request.standIn.rawValue
        return WriteBatch()
    }

    private func redact(_ id: String, with standIn: String) throws {
        for i in entries.indices { entries[i].key.id = Self.redacting(id, with: standIn, in: entries[i].key.id) }
        guard let logFile, let file else { return }
        // The file may hold earlier runs' lines too: rewrite it line by line (it holds only keys).
        let old = try String(contentsOfFile: logFile, encoding: .utf8)
        let lines = old.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count == 5, let slash = fields[3].firstIndex(of: "/") {
                let keyID = String(fields[3][fields[3].index(after: slash)...])
                fields[3] = String(fields[3][...slash]) + Self.redacting(id, with: standIn, in: keyID)
            }
            return fields.joined(separator: "\t")
        }
        let text = lines.joined(separator: "\n")
        guard text != old else { return }
        try file.truncate(atOffset: 0)
        file.write(Data(text.utf8))
        try file.synchronize()
    }

    /// `key` with every component equal to `id` replaced — components are separated by the characters
    /// record ids are built with (`/`, `+`, `@`, `→`, U+001F) — so `p1` is replaced but `p10` is not.
    static func redacting(_ id: String, with standIn: String, in key: String) -> String {
        let separators: Set<Character> = ["/", "+", "@", "→", "\u{1F}"]
        var out = "", part = ""
        func flush() {
            out += part == id ? standIn : part
            part = ""
        }
        for c in key {
            if separators.contains(c) { flush(); out.append(c) } else { part.append(c) }
        }
        flush()
        return out
    }
}

