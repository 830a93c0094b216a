/// Runs `body` — read, validate, conditional write — again when its write meets a concurrent change
/// (``StoreError/conflict(_:)``), up to `attempts` times in all, with a short random back-off.
///
/// `body` must re-read everything it decides on each time it runs. After the last attempt the
/// conflict is thrown to the caller; any other error is thrown at once. Cancellation stops the loop.
///
/// ```swift
/// try await withConflictRetry {
///     guard let s = try await store.fetchVersioned(Session.self, id: "bas-1") else { return }
///     var batch = WriteBatch()
///     try batch.update(changed(s.record), ifRevision: s.revision)
///     try await store.write(batch)
/// }
/// ```
/// - Throws: ``StoreError/conflict(_:)`` when every attempt met a concurrent change; what `body` throws.
public func withConflictRetry<T>(attempts: Int = 12, isolation: isolated (any Actor)? = #isolation,
                                 _ body: () async throws -> T) async throws -> T {
    precondition(attempts > 0, "at least one attempt")
    var rng = SystemRandomNumberGenerator()
    var attempt = 0
    while true {
        attempt += 1
        try Task.checkCancellation()
        do { return try await body() } catch StoreError.conflict(let key) {
            if attempt >= attempts { throw StoreError.conflict(key) }
            // 0.1 ms … ~13 ms, doubling: enough for another task or process to finish its batch.
            let ceiling = UInt64(100_000) << UInt64(min(attempt, 7))
            try await Task.sleep(nanoseconds: rng.next(upperBound: ceiling) + 50_000)
        }
    }
}
