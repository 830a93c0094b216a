/// Why a store refused or failed an operation. Messages never contain payload values.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An insert met an existing record.
    case duplicate(RecordKey)
    /// An update or delete named a record that does not exist.
    case notFound(RecordKey)
    /// A payload was decoded as the wrong type.
    case typeMismatch(expected: String, found: String)
    /// A payload could not be decoded.
    case corruptRecord(RecordKey, reason: String)
    /// A payload was written by a newer version of a record type than this code knows.
    case unsupportedRecordVersion(type: String, found: Int, supported: Int)
    /// The store's schema is newer than this code knows; it was not opened.
    case schemaTooNew(found: Int, supported: Int)
    /// The file or database is not a DiversityKit store; it was not touched.
    case notADiversityKitStore(String)
    /// The underlying database failed; `code` is its own result code.
    case backend(code: Int32, message: String)
    /// A connection was lost; the next call reconnects.
    case connectionLost(String)
    /// An argument was outside what the store accepts.
    case invalidArgument(String)
    /// A ``WriteOperation/check(_:_:)`` failed: the record at the key changed (or appeared, or went)
    /// since it was read. Nothing was written; read again, re-validate and retry
    /// (``withConflictRetry(attempts:isolation:_:)`` does that for a closure).
    case conflict(RecordKey)
    /// Rows of `type` were stored with an older index-key definition than the code's: a query on the
    /// new keys would miss them. Run ``Store/reindex(_:pageSize:)`` first.
    case staleIndex(type: String, stored: Int, required: Int)

    /// A readable description.
    public var description: String {
        switch self {
        case .duplicate(let k): return "record \(k) already exists"
        case .notFound(let k): return "record \(k) does not exist"
        case .typeMismatch(let e, let f): return "expected a record of type \(e), found \(f)"
        case .corruptRecord(let k, let r): return "record \(k) could not be decoded: \(r)"
        case .unsupportedRecordVersion(let t, let f, let s):
            return "record type \(t) has payload version \(f); this code reads up to \(s)"
        case .schemaTooNew(let f, let s): return "store schema version \(f) is newer than this code supports (\(s))"
        case .notADiversityKitStore(let w): return "not a DiversityKit store: \(w)"
        case .backend(let c, let m): return "database error \(c): \(m)"
        case .connectionLost(let m): return "connection lost: \(m)"
        case .invalidArgument(let m): return "invalid argument: \(m)"
        case .conflict(let k): return "record \(k) changed while this write was prepared; nothing was written"
        case .staleIndex(let t, let s, let r):
            return "records of type \(t) are indexed at version \(s), the code needs \(r); re-index them first"
        }
    }
}
