import DiversityKit
extension SQLiteStore {
    /// How to open a ``SQLiteStore``: the file, how long to wait for a busy file, how hard to sync.
    ///
    /// ```swift
    /// let store = try SQLiteStore(.init(path: "/var/lib/myapp/diversity.sqlite", busyTimeout: .seconds(10)))
    /// ```
    public struct Configuration: Hashable, Sendable, Codable {
        /// The database file; created when missing. `":memory:"` opens a private in-memory database.
        public var path: String
        /// How long a write waits for another connection's lock before failing with
        /// ``/DiversityKit/StoreError/conflict(_:)``; between zero and ``maximumBusyTimeout``.
        public var busyTimeout: Duration
        /// How often SQLite waits for the disk (`PRAGMA synchronous`).
        public var synchronous: Synchronous

        /// A configuration for the file at `path`.
        /// - Parameters:
        ///   - path: the database file, or `":memory:"`.
        ///   - busyTimeout: how long to wait for another connection's write lock; 5 seconds by default.
        ///   - synchronous: `.normal` by default, which in WAL mode never corrupts the file and
        ///     loses at most the last commits on power loss (not on a process crash).
        public init(path: String, busyTimeout: Duration = .seconds(5), synchronous: Synchronous = .normal) {
            self.path = path
            self.busyTimeout = busyTimeout
            self.synchronous = synchronous
        }

        /// The longest ``busyTimeout`` accepted: one hour. A writer that waits longer is stuck, not busy.
        public static let maximumBusyTimeout = Duration.seconds(3600)

        /// Checks the configuration before anything is opened.
        /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` for a negative or over-long ``busyTimeout``, an
        ///   empty path, or a path holding a NUL character (which C would silently cut off).
        public func validate() throws {
            guard busyTimeout >= .zero, busyTimeout <= Self.maximumBusyTimeout else {
                throw StoreError.invalidArgument("busyTimeout \(busyTimeout) is outside 0 s … \(Self.maximumBusyTimeout)")
            }
            guard !path.isEmpty else { throw StoreError.invalidArgument("the database path is empty") }
            guard !path.utf8.contains(0) else { throw StoreError.invalidArgument("the database path contains a NUL character") }
        }

        /// A private in-memory database, gone when the store closes.
        public static var inMemory: Configuration { Configuration(path: SQLiteStore.inMemoryPath) }

        /// Whether this configuration names an in-memory database rather than a file.
        public var isInMemory: Bool { path == SQLiteStore.inMemoryPath }
    }

    /// `PRAGMA synchronous` levels the store supports.
    public enum Synchronous: String, Hashable, Sendable, Codable {
        /// Sync at WAL checkpoints only: durable across process crashes, fast for bulk writes.
        case normal = "NORMAL"
        /// Sync at every commit: durable across power loss too, slower.
        case full = "FULL"
    }

    /// SQLite's name for a private in-memory database.
    public static let inMemoryPath = ":memory:"
}
