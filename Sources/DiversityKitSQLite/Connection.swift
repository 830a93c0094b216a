import CSQLite
import DiversityKit
import Foundation

/// One open SQLite connection with its cache of prepared statements.
///
/// Used only from inside ``SQLiteStore``'s actor (or a single-threaded caller), which is why it
/// needs no lock of its own. Statements are finalised and the handle closed in `deinit`.
final class Connection {
    private var handle: OpaquePointer?
    private var statements: [String: Statement] = [:]
    private static let cacheLimit = 128

    /// Opens (creating when missing) the database at `path`; `":memory:"` for a private in-memory one.
    init(path: String, busyTimeout: Duration) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let error = SQLiteFailure.error(from: db, code: rc)
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        let millis = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        try check(sqlite3_busy_timeout(db, Int32(clamping: millis)))
    }

    deinit { close() }

    /// Finalises every statement and closes the handle; later calls throw.
    func close() {
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    var isOpen: Bool { handle != nil }

    /// The raw handle, for the few C calls the store makes directly (backup, changes).
    func database() throws -> OpaquePointer {
        guard let handle else { throw SQLiteFailure.closed }
        return handle
    }

    /// The cached statement for `sql`, prepared on first use and reset for reuse.
    func statement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        let statement = try Statement(sql: sql, connection: try database())
        // One-of filters of many sizes make distinct SQL; a bound keeps the cache from growing forever.
        if statements.count >= Self.cacheLimit { statements.removeAll() }
        statements[sql] = statement
        return statement
    }

    /// Runs SQL that binds no values (schema, pragmas, transaction control), possibly several statements.
    func execute(_ sql: String) throws {
        let db = try database()
        try check(sqlite3_exec(db, sql, nil, nil, nil))
    }

    /// The first column of the first row of `sql`, as an integer.
    func integer(_ sql: String) throws -> Int {
        let statement = try self.statement(sql)
        defer { statement.reset() }
        guard try statement.step() else { return 0 }
        return statement.int(at: 0)
    }

    /// Every row's first column of `sql`, as text.
    func strings(_ sql: String) throws -> [String] {
        let statement = try self.statement(sql)
        defer { statement.reset() }
        var rows: [String] = []
        while try statement.step() { rows.append(statement.string(at: 0)) }
        return rows
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    func changes() throws -> Int { Int(sqlite3_changes(try database())) }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    ///
    /// IMMEDIATE takes the write lock up front, so a second connection waits in the busy
    /// handler instead of failing later with a deadlock when it upgrades a read lock.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // A failed COMMIT or a failed statement may already have ended the transaction.
            if let handle, sqlite3_get_autocommit(handle) == 0 { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
            throw error
        }
    }

    func check(_ rc: Int32) throws {
        guard rc == SQLITE_OK else { throw SQLiteFailure.error(from: handle, code: rc) }
    }
}
