import CLibPQ
import DiversityKit
import Foundation

/// One libpq connection in blocking mode.
///
/// Not thread-safe: exactly one ``PostgresStore`` owns it and calls it only from its
/// `BlockingWorker`'s thread, one job at a time. The handle is finished in `deinit`; it never
/// leaves this module.
final class PostgresConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The running job's cancellation, polled before every statement (see ``beginJob(_:)``).
    private var cancellation: BlockingWorker.Cancellation?
    private var canceller: PostgresCanceller?

    /// Connects with `connectionString` (a `postgresql://` URI or `key=value` pairs).
    /// - Throws: ``StoreError/invalidArgument(_:)`` for a malformed string,
    ///   ``StoreError/connectionLost(_:)`` when the server cannot be reached or refuses us.
    init(connectionString: String, applicationName: String) throws {
        guard !connectionString.utf8.contains(0), !applicationName.utf8.contains(0) else {
            throw StoreError.invalidArgument("the connection string or application name contains a NUL character")
        }
        var parseError: UnsafeMutablePointer<CChar>? = nil
        guard let options = PQconninfoParse(connectionString, &parseError) else {
            if let parseError { PQfreemem(parseError) }
            // libpq's message may quote parts of the string, passwords included: leave it out.
            throw StoreError.invalidArgument("the PostgreSQL connection string could not be parsed")
        }
        PQconninfoFree(options)
        // The connection string comes first so its values win, except the encoding we rely on.
        let keywords = ["fallback_application_name", "dbname", "client_encoding"]
        let values = [applicationName, connectionString, "UTF8"]
        let connection = withCStrings(keywords) { k in
            withCStrings(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let connection else { throw StoreError.connectionLost("libpq could not allocate a connection") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.text(PQerrorMessage(connection))
            PQfinish(connection)
            throw StoreError.connectionLost("could not connect: \(message)")
        }
        // libpq prints server notices (e.g. "drop cascades to …") on stderr; a library must not.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
    }

    deinit { PQfinish(handle) }

    /// Reconnects when the last call found the connection broken.
    /// - Throws: ``StoreError/connectionLost(_:)`` when the server still cannot be reached.
    func reconnectIfNeeded() throws {
        guard PQstatus(handle) != CONNECTION_OK else { return }
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw StoreError.connectionLost("could not reconnect: \(Self.text(PQerrorMessage(handle)))")
        }
    }

    /// Starts a job: every statement from now on first checks `cancellation`, and cancelling it
    /// sends libpq's cancel request (`PQcancel`) to interrupt the statement running then.
    func beginJob(_ cancellation: BlockingWorker.Cancellation) {
        self.cancellation = cancellation
        guard let cancel = PQgetCancel(handle) else { return }
        let canceller = PostgresCanceller(cancel)
        self.canceller = canceller
        cancellation.onCancel { canceller.send() }
    }

    /// Ends the job: a cancellation arriving later interrupts nothing.
    func endJob() {
        canceller?.invalidate()
        canceller = nil
        cancellation = nil
    }

    /// Throws `CancellationError` when the running job's task was cancelled.
    func checkCancellation() throws { try cancellation?.check() }

    /// Whether the running job's task was cancelled.
    var isCancelled: Bool { cancellation?.isCancelled ?? false }

    /// Rolls back the open transaction, if any, whatever the job's cancellation says.
    func rollback() {
        if let result = PQexec(handle, "ROLLBACK") { PQclear(result) }
    }

    /// Runs one parameterless statement through the simple-query protocol: for `VACUUM`, which
    /// must not run inside a transaction block.
    func executeSimple(_ sql: String) throws {
        try checkCancellation()
        try check(PQexec(handle, sql), expecting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK])
    }

    /// The server process serving this connection (as in `pg_stat_activity.pid`).
    var backendProcessID: Int32 { PQbackendPID(handle) }

    /// Runs one statement with every value bound as a parameter (`$1`, `$2`, …).
    /// Results come back in binary format; see ``PostgresResult``.
    /// - Throws: ``StoreError`` mapped from the server's SQLSTATE, or ``StoreError/connectionLost(_:)``.
    @discardableResult
    func execute(_ sql: String, _ parameters: [PostgresParameter] = []) throws -> PostgresResult {
        try checkCancellation()
        let bound = try BoundParameters(parameters)
        defer { bound.deallocate() }
        let result = bound.values.withUnsafeBufferPointer { values in
            bound.lengths.withUnsafeBufferPointer { lengths in
                bound.formats.withUnsafeBufferPointer { formats in
                    bound.types.withUnsafeBufferPointer { types in
                        PQexecParams(handle, sql, Int32(parameters.count), types.baseAddress,
                                     values.baseAddress, lengths.baseAddress, formats.baseAddress, 1)
                    }
                }
            }
        }
        return try check(result, expecting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK])
    }

    /// Runs `COPY … FROM STDIN (FORMAT binary)` and streams `rows` into it.
    /// - Throws: as ``execute(_:_:)``; ``StoreError/invalidArgument(_:)`` for text holding NUL.
    func copyIn(_ sql: String, columns: Int, rows: (inout PostgresCopyEncoder) throws -> Void) throws {
        try checkCancellation()
        try check(PQexec(handle, sql), expecting: [PGRES_COPY_IN])
        var encoder = PostgresCopyEncoder(columns: columns) { [handle] chunk in
            // A long COPY checks for cancellation at every chunk; the abort below rolls it back.
            try self.checkCancellation()
            let sent = chunk.withUnsafeBytes { raw in
                PQputCopyData(handle, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count))
            }
            guard sent == 1 else { throw self.failure(nil) }
        }
        do {
            try rows(&encoder)
            try encoder.finish()
        } catch {
            // Abort the COPY so the connection is usable for the ROLLBACK that follows.
            _ = PQputCopyEnd(handle, "aborted by the client")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw failure(nil) }
        var failed: StoreError? = nil
        while let result = PQgetResult(handle) {
            if failed == nil, PQresultStatus(result) != PGRES_COMMAND_OK { failed = failure(result) }
            PQclear(result)
        }
        if let failed { throw failed }
    }

    private func drainResults() {
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    @discardableResult
    private func check(_ result: OpaquePointer?, expecting ok: [ExecStatusType]) throws -> PostgresResult {
        guard let result, ok.contains(PQresultStatus(result)) else {
            let error = failure(result)
            if let result { PQclear(result) }
            throw error
        }
        return PostgresResult(result)
    }

    /// The typed error for a failed call: a lost connection, or the server's SQLSTATE.
    private func failure(_ result: OpaquePointer?) -> StoreError {
        if PQstatus(handle) != CONNECTION_OK {
            return .connectionLost(Self.text(PQerrorMessage(handle)))
        }
        guard let result else { return .backend(code: 0, message: Self.text(PQerrorMessage(handle))) }
        let sqlstate = Self.text(PQresultErrorField(result, Int32(UInt8(ascii: "C"))))
        // Only the primary message: DETAIL and the full text quote the offending values.
        let primary = Self.text(PQresultErrorField(result, Int32(UInt8(ascii: "M"))))
        return PostgresFailure.error(sqlstate: sqlstate, message: primary)
    }

    static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// libpq's cancel handle for one job: `PQcancel` may be called from any thread, but never after
/// `PQfreeCancel`, so both happen under one lock.
final class PostgresCanceller: @unchecked Sendable {
    private let lock = NSLock()
    private var cancel: OpaquePointer?

    init(_ cancel: OpaquePointer) { self.cancel = cancel }
    deinit { invalidate() }

    /// Asks the server to interrupt the statement running on the connection now.
    func send() {
        lock.withLock {
            guard let cancel else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel, &buffer, Int32(buffer.count))
        }
    }

    /// Frees the handle; later ``send()`` calls do nothing.
    func invalidate() {
        lock.withLock {
            if let cancel { PQfreeCancel(cancel) }
            cancel = nil
        }
    }
}

/// Calls `body` with a C array of C strings that lives for the call.
private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
