import DiversityKit

/// A store decorator for race tests: before every read and write it yields to other tasks, so the
/// writers a test starts at once interleave at every step of their read → validate → write, the way
/// they do against a store across a network. A command that writes without a condition on what it read
/// loses to this store within a few runs; a conditional one, retried on conflict, never does.
///
/// ```swift
/// let store = InterleavingStore(InMemoryStore())
/// async let a: Void = service.register(profile)
/// async let b: Void = workspace.erase("p-1")
/// _ = try await (a, b)
/// ```
public struct InterleavingStore: Store {
    /// The store every call goes to.
    public let base: any Store

    /// Wraps `base`.
    public init(_ base: any Store) { self.base = base }

    /// The base store's schema version.
    public var schemaVersion: Int { get async throws { try await base.schemaVersion } }

    /// Yields, then fetches from the base store.
    public func fetch(_ key: RecordKey) async throws -> RecordEnvelope? {
        await Task.yield()
        return try await base.fetch(key)
    }

    /// Yields, then queries the base store.
    public func query(_ query: RecordQuery) async throws -> [RecordEnvelope] {
        await Task.yield()
        return try await base.query(query)
    }

    /// Yields, then counts in the base store.
    public func count(_ query: RecordQuery) async throws -> Int {
        await Task.yield()
        return try await base.count(query)
    }

    /// Yields, then writes to the base store.
    public func write(_ batch: WriteBatch) async throws {
        await Task.yield()
        try await base.write(batch)
    }

    /// Yields, then bulk-inserts into the base store.
    public func bulkInsert(_ envelopes: [RecordEnvelope]) async throws {
        await Task.yield()
        try await base.bulkInsert(envelopes)
    }

    /// Yields, then reads rows from the base store.
    public func rows(_ query: RowQuery) async throws -> RowPage {
        await Task.yield()
        return try await base.rows(query)
    }

    /// Yields, then counts rows in the base store.
    public func countRows(_ query: RowQuery) async throws -> Int {
        await Task.yield()
        return try await base.countRows(query)
    }

    /// Reclaims space in the base store.
    public func reclaimSpace() async throws { try await base.reclaimSpace() }
}
