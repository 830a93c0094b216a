/// A store held in memory: for tests, previews and embedders who persist elsewhere.
///
/// ```swift
/// let store = InMemoryStore()
/// try await store.insert(organisation)
/// ```
public actor InMemoryStore: Store {
    private var tables: [String: [String: RecordEnvelope]] = [:]

    /// An empty store.
    public init() {}

    /// Always 1: nothing to migrate.
    public var schemaVersion: Int { 1 }

    public func fetch(_ key: RecordKey) -> RecordEnvelope? { tables[key.type]?[key.id] }

    public func query(_ query: RecordQuery) throws -> [RecordEnvelope] {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("negative limit \(limit)") }
        guard let table = tables[query.type] else { return [] }
        var result = table.values.filter { $0.matches(query) }
        if let after = query.afterID { result.removeAll { !after.utf8.lexicographicallyPrecedes($0.id.utf8) } }
        result.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        if let limit = query.limit, result.count > limit { result = Array(result.prefix(limit)) }
        return result
    }

    public func count(_ query: RecordQuery) -> Int {
        tables[query.type]?.values.reduce(0) { $0 + ($1.matches(query) ? 1 : 0) } ?? 0
    }

    public func write(_ batch: WriteBatch) throws {
        // An undo log instead of a copy of every table: a failed batch restores what it touched.
        var undo: [(RecordKey, RecordEnvelope?)] = []
        do {
            for op in batch.operations {
                let key = op.key
                let previous = tables[key.type]?[key.id]
                switch op {
                case .insert(let e):
                    guard previous == nil else { throw StoreError.duplicate(key) }
                    tables[key.type, default: [:]][key.id] = e
                case .update(let e):
                    guard previous != nil else { throw StoreError.notFound(key) }
                    tables[key.type]![key.id] = e
                case .upsert(let e):
                    tables[key.type, default: [:]][key.id] = e
                case .delete:
                    guard previous != nil else { throw StoreError.notFound(key) }
                    tables[key.type]![key.id] = nil
                }
                undo.append((key, previous))
            }
        } catch {
            for (key, previous) in undo.reversed() { tables[key.type, default: [:]][key.id] = previous }
            throw error
        }
    }
}
