import CSQLite
import DiversityKit
import Foundation

/// A prepared statement, finalised when the last reference goes away.
///
/// Owned by one ``Connection`` and used only by the store's worker jobs, so it is never shared
/// between threads at once.
final class Statement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(sql: String, connection: OpaquePointer) throws {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteFailure.error(from: connection, code: rc)
        }
        self.handle = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Clears the previous run's state and bindings so the statement can be reused.
    func reset() {
        // The result of reset repeats the last step's error, which the caller has already seen.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Resets the statement for another run with every parameter about to be bound again: skips
    /// clearing the bindings, for the per-row loops of bulk writes.
    func rewind() {
        sqlite3_reset(handle)
    }

    func bind(_ value: String, at index: Int32) throws {
        // Native Swift strings are contiguous UTF-8: bind the bytes with their length, copied by SQLite.
        var copy = value
        let rc = copy.withUTF8 { bytes -> Int32 in
            // A nil base address would bind NULL; an empty string must stay an empty string.
            guard !bytes.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, diversitykit_sqlite_transient()) }
            return bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), diversitykit_sqlite_transient())
            }
        }
        try check(rc)
    }

    func bind(_ value: Int, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, sqlite3_int64(value)))
    }

    func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, sqlite3_int64(value)))
    }

    /// Binds `bytes` as a blob without copying: they must stay valid until the statement is stepped and reset.
    func bindBorrowed(_ bytes: UnsafeRawBufferPointer, at index: Int32) throws {
        let rc = bytes.baseAddress == nil || bytes.isEmpty
            ? sqlite3_bind_zeroblob(handle, index, 0)
            : sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), nil)
        try check(rc)
    }

    func bind(_ value: Data, at index: Int32) throws {
        let rc = value.withUnsafeBytes { bytes in
            // An empty blob must still be a blob, not NULL: bind zero bytes explicitly.
            bytes.baseAddress == nil
                ? sqlite3_bind_zeroblob(handle, index, 0)
                : sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), diversitykit_sqlite_transient())
        }
        try check(rc)
    }

    /// Advances one row: `true` when a row is available, `false` when the statement is done.
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteFailure.error(from: connection, code: rc)
        }
    }

    /// Runs the statement to completion, ignoring any rows.
    func run() throws {
        while try step() {}
    }

    func string(at column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func int(at column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func int64(at column: Int32) -> Int64 { Int64(sqlite3_column_int64(handle, column)) }

    /// The column's bytes, valid until the next step or reset: for copying straight into a buffer.
    func blob(at column: Int32) -> UnsafeBufferPointer<UInt8> {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: bytes.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// Whether the text of `column` has exactly the UTF-8 bytes of `value` (ids compare as bytes).
    func text(at column: Int32, equals value: String) -> Bool {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let text = sqlite3_column_text(handle, column) else { return value.utf8.isEmpty }
        return UnsafeBufferPointer(start: text, count: count).elementsEqual(value.utf8)
    }

    func data(at column: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    func isNull(at column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    private func check(_ rc: Int32) throws {
        guard rc == SQLITE_OK else { throw SQLiteFailure.error(from: connection, code: rc) }
    }
}
