import Dispatch
import Foundation

/// A serial thread for a C library's blocking calls, so they never occupy a thread of Swift's
/// cooperative pool: a store adapter runs each operation (a whole transaction) as one job, and the
/// caller awaits it. Jobs run one at a time, in the order submitted.
///
/// The job receives a ``Cancellation`` it polls between statements: when the awaiting task is
/// cancelled, ``Cancellation/isCancelled`` becomes true and the job should roll back and throw
/// `CancellationError`. A job already finished is not undone.
package final class BlockingWorker: @unchecked Sendable {
    /// Set when the task awaiting a job is cancelled.
    package final class Cancellation: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        private var handlers: [@Sendable () -> Void] = []
        /// Whether the awaiting task was cancelled.
        package var isCancelled: Bool { lock.withLock { cancelled } }
        /// Throws `CancellationError` when the awaiting task was cancelled.
        package func check() throws { if isCancelled { throw CancellationError() } }
        /// Runs `handler` when the task is cancelled (at once if it already is): e.g. `sqlite3_interrupt`.
        package func onCancel(_ handler: @escaping @Sendable () -> Void) {
            let now: Bool = lock.withLock {
                if cancelled { return true }
                handlers.append(handler)
                return false
            }
            if now { handler() }
        }
        /// Clears the handlers when the job ends, so a late cancellation touches nothing.
        func finish() { lock.withLock { handlers = [] } }
        func cancel() {
            let run: [@Sendable () -> Void] = lock.withLock {
                cancelled = true
                defer { handlers = [] }
                return handlers
            }
            run.forEach { $0() }
        }
    }

    private let queue: DispatchQueue

    /// A worker whose thread is named `label` (shown in debuggers and crash reports).
    package init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Runs `job` on the worker's thread and returns its result; a task cancelled before the job
    /// starts gets `CancellationError` without the job running.
    package func run<T: Sendable>(_ job: @escaping @Sendable (Cancellation) throws -> T) async throws -> T {
        let cancellation = Cancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                queue.async {
                    defer { cancellation.finish() }
                    if cancellation.isCancelled { continuation.resume(throwing: CancellationError()); return }
                    continuation.resume(with: Result { try job(cancellation) })
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Runs `job` on the worker's thread and waits for it: for initialisers and `deinit`, which cannot await.
    package func runAndWait<T>(_ job: () throws -> T) rethrows -> T {
        try queue.sync(execute: job)
    }
}
