import CSQLite
import DiversityKit
import Foundation

/// One open SQLite connection with its cache of prepared statements.
///
/// Confined to one thread at a time: ``SQLiteStore`` touches it only from its ``BlockingWorker``'s
/// jobs, which run one after another, which is why it needs no lock of its own. Statements are
/// finalised and the handle closed in `deinit`.
final class Connection {
    private var handle: OpaquePointer?
    private var statements: [String: Statement] = [:]
    private static let cacheLimit = 128
    /// What the busy handler consults: how long to wait and whether the waiting job was cancelled.
    private let busy: BusyWait

    /// Opens (creating when missing) the database at `path`; `":memory:"` for a private in-memory one.
    /// `busyTimeout` must already be validated (``SQLiteStore/Configuration/validate()``).
    init(path: String, busyTimeout: Duration, flags: Int32 = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) throws {
        busy = BusyWait(timeout: busyTimeout)
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let error = SQLiteFailure.error(from: db, code: rc)
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        // A waiting busy handler instead of SQLite's plain timeout: it also stops when the job is cancelled.
        try check(sqlite3_busy_handler(db, { context, attempts in
            guard let context else { return 0 }
            return Unmanaged<BusyWait>.fromOpaque(context).takeUnretainedValue().shouldRetry(attempts: attempts) ? 1 : 0
        }, Unmanaged.passUnretained(busy).toOpaque()))
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

    /// The cancellation the busy handler polls while a job runs (`nil` between jobs).
    var cancellation: BlockingWorker.Cancellation? {
        get { busy.cancellation }
        set { busy.cancellation = newValue }
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
    /// IMMEDIATE takes the write lock up front, so everything `body` reads it reads under the lock
    /// (read–validate–write is serialisable), and a second connection waits in the busy handler
    /// instead of failing later with a deadlock when it upgrades a read lock.
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

/// The busy handler's state: waits with growing sleeps (1 ms … 100 ms, as SQLite's own handler) until
/// the timeout has passed since the first attempt, and gives up at once when the job is cancelled.
private final class BusyWait {
    let timeout: Duration
    var cancellation: BlockingWorker.Cancellation?
    private var started = ContinuousClock.now
    private static let delays: [Int] = [1, 2, 5, 10, 15, 20, 25, 25, 50, 50, 100]

    init(timeout: Duration) { self.timeout = timeout }

    func shouldRetry(attempts: Int32) -> Bool {
        if attempts == 0 { started = .now }
        if cancellation?.isCancelled == true { return false }
        let elapsed = ContinuousClock.now - started
        guard elapsed < timeout else { return false }
        let delay = Duration.milliseconds(Self.delays[min(Int(attempts), Self.delays.count - 1)])
        let remaining = timeout - elapsed
        let sleep = min(delay, remaining)
        let (s, atto) = sleep.components
        usleep(useconds_t(clamping: s * 1_000_000 + atto / 1_000_000_000_000))
        return true
    }
}
