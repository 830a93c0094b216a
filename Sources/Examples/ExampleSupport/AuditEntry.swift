import DiversityKit

/// One write operation as the audit log keeps it: what was done to which key — never the payload.
public struct AuditEntry: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The kind of write.
    public enum Operation: String, Codable, Hashable, Sendable, CaseIterable {
        /// An insert (also each record of a bulk insert).
        case insert
        /// An update.
        case update
        /// An insert or replace.
        case upsert
        /// A delete.
        case delete
        /// A condition checked (compare-and-swap), writing nothing.
        case check
        /// Compact rows appended, replaced or deleted (the row set is logged, never a row).
        case rows
    }

    /// The entry's place in the log, from 1.
    public var sequence: Int
    /// The batch (one `write` or `bulkInsert` call) it belonged to, from 1.
    public var batch: Int
    /// What was done.
    public var operation: Operation
    /// To which record.
    public var key: RecordKey
    /// Whether the batch was committed; a refused batch is logged with `false` and changed nothing.
    public var committed: Bool

    /// Creates an entry.
    public init(sequence: Int, batch: Int, operation: Operation, key: RecordKey, committed: Bool) {
        self.sequence = sequence
        self.batch = batch
        self.operation = operation
        self.key = key
        self.committed = committed
    }

    /// A tab-separated log line: `sequence  batch  operation  type/id  committed|refused`.
    public var description: String {
        "\(sequence)\t\(batch)\t\(operation.rawValue)\t\(key)\t\(committed ? "committed" : "refused")"
    }

    /// The audit kind of a store write.
    static func operation(of write: WriteOperation) -> Operation {
        switch write {
        case .insert: return .insert
        case .update: return .update
        case .upsert: return .upsert
        case .delete: return .delete
        case .check: return .check
        case .appendRows, .replaceRows, .deleteRows: return .rows
        }
    }
}

/// Counts over an audit log, for a run's summary.
public struct AuditSummary: Hashable, Sendable {
    /// Batches logged (committed or refused).
    public var batches: Int
    /// Batches refused by the store.
    public var refusedBatches: Int
    /// Committed operations by kind.
    public var operations: [AuditEntry.Operation: Int]
    /// Committed operations by record type.
    public var recordTypes: [String: Int]

    /// Committed operations in all.
    public var committedOperations: Int { operations.values.reduce(0, +) }

    /// Summarises `entries`.
    public init(_ entries: [AuditEntry]) {
        batches = Set(entries.map(\.batch)).count
        refusedBatches = Set(entries.filter { !$0.committed }.map(\.batch)).count
        var operations: [AuditEntry.Operation: Int] = [:]
        var types: [String: Int] = [:]
        for e in entries where e.committed {
            operations[e.operation, default: 0] += 1
            types[e.key.type, default: 0] += 1
        }
        self.operations = operations
        self.recordTypes = types
    }
}
