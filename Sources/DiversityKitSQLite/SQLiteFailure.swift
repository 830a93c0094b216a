import CSQLite
import DiversityKit

/// Turns SQLite result codes into ``StoreError``s.
///
/// Messages come from `sqlite3_errmsg`/`sqlite3_errstr`, which name tables, columns and
/// constraints but never the values bound to a statement — no payload reaches an error.
enum SQLiteFailure {
    static func error(from connection: OpaquePointer?, code: Int32) -> StoreError {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        if code & 0xFF == SQLITE_NOTADB {
            return .notADiversityKitStore("the file is not a SQLite database (\(message))")
        }
        return .backend(code: code, message: message)
    }

    /// Whether `error` is SQLite's primary-key violation, which an insert reports as a duplicate.
    static func isPrimaryKeyViolation(_ error: StoreError) -> Bool {
        if case .backend(let code, _) = error { return code == primaryKeyViolation }
        return false
    }

    /// Whether `error` is `SQLITE_BUSY` (any extended code): the busy handler gave up waiting for a lock.
    static func isBusy(_ error: StoreError) -> Bool {
        if case .backend(let code, _) = error { return code & 0xFF == SQLITE_BUSY }
        return false
    }

    /// Whether `error` is what a cancelled job's statement ends with: interrupted, or a lock wait the
    /// busy handler stopped.
    static func isInterruptOrBusy(_ error: StoreError) -> Bool {
        if case .backend(let code, _) = error { return code & 0xFF == SQLITE_INTERRUPT || code & 0xFF == SQLITE_BUSY }
        return false
    }

    /// `SQLITE_CONSTRAINT_PRIMARYKEY`, a macro Swift does not import.
    static let primaryKeyViolation = SQLITE_CONSTRAINT | (6 << 8)

    /// The error every call on a closed store throws.
    static let closed = StoreError.backend(code: SQLITE_MISUSE, message: "the store is closed")
}
