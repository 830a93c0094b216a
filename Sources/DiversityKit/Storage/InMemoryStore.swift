/// A store held in memory: for tests, previews and embedders who persist elsewhere.
///
/// Index keys are indexed (whole values, and the elements of multi-valued keys), so a query
/// with an `equals`, `oneOf` or `contains` filter looks up its candidates instead of scanning
/// every record of the type.
///
/// ```swift
/// let store = InMemoryStore()
/// try await store.insert(organisation)
/// ```
public actor InMemoryStore: Store {
    private struct Table {
        var records: [String: RecordEnvelope] = [:]
        /// key → whole value → ids.
        var wholeValues: [String: [String: Set<String>]] = [:]
        /// key → element of a multi-valued key → ids.
        var elements: [String: [String: Set<String>]] = [:]

        mutating func index(_ e: RecordEnvelope) {
            for (key, value) in e.keys {
                wholeValues[key, default: [:]][value, default: []].insert(e.id)
                for element in InMemoryStore.elements(of: value) { elements[key, default: [:]][element, default: []].insert(e.id) }
            }
        }

        mutating func unindex(_ e: RecordEnvelope) {
            for (key, value) in e.keys {
                wholeValues[key]?[value]?.remove(e.id)
                if wholeValues[key]?[value]?.isEmpty == true { wholeValues[key]?[value] = nil }
                for element in InMemoryStore.elements(of: value) {
                    elements[key]?[element]?.remove(e.id)
                    if elements[key]?[element]?.isEmpty == true { elements[key]?[element] = nil }
                }
            }
        }

        mutating func set(_ id: String, _ envelope: RecordEnvelope?) {
            if let old = records[id] { unindex(old) }
            records[id] = envelope
            if let envelope { index(envelope) }
        }

        /// The ids one filter admits, from the index.
        func candidates(_ filter: RecordQuery.Filter) -> Set<String> {
            switch filter.match {
            case .equals(let v): return wholeValues[filter.key]?[v] ?? []
            case .oneOf(let vs): return vs.reduce(into: Set<String>()) { $0.formUnion(wholeValues[filter.key]?[$1] ?? []) }
            case .contains(let v): return elements[filter.key]?[v] ?? []
            }
        }
    }

    private var tables: [String: Table] = [:]

    /// An empty store.
    public init() {}

    /// Always 1: nothing to migrate.
    public var schemaVersion: Int { 1 }

    /// See ``Store``.
    public func fetch(_ key: RecordKey) -> RecordEnvelope? { tables[key.type]?.records[key.id] }

    /// See ``Store``.
    public func query(_ query: RecordQuery) throws -> [RecordEnvelope] {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("negative limit \(limit)") }
        var result = matching(query)
        if let after = query.afterID { result.removeAll { !after.utf8.lexicographicallyPrecedes($0.id.utf8) } }
        result.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        if let limit = query.limit, result.count > limit { result = Array(result.prefix(limit)) }
        return result
    }

    /// See ``Store``.
    public func count(_ query: RecordQuery) -> Int { matching(query).count }

    private func matching(_ query: RecordQuery) -> [RecordEnvelope] {
        guard let table = tables[query.type] else { return [] }
        guard !query.filters.isEmpty else { return Array(table.records.values) }
        // Start from the narrowest filter's candidates; `matches` checks the rest.
        let ids = query.filters.map(table.candidates).min { $0.count < $1.count } ?? []
        return ids.compactMap { table.records[$0] }.filter { $0.matches(query) }
    }

    /// See ``Store``.
    public func write(_ batch: WriteBatch) throws {
        // An undo log instead of a copy of every table: a failed batch restores what it touched.
        var undo: [(RecordKey, RecordEnvelope?)] = []
        do {
            for op in batch.operations {
                let key = op.key
                let previous = tables[key.type]?.records[key.id]
                switch op {
                case .insert(let e):
                    guard previous == nil else { throw StoreError.duplicate(key) }
                    tables[key.type, default: Table()].set(key.id, e)
                case .update(let e):
                    guard previous != nil else { throw StoreError.notFound(key) }
                    tables[key.type]!.set(key.id, e)
                case .upsert(let e):
                    tables[key.type, default: Table()].set(key.id, e)
                case .delete:
                    guard previous != nil else { throw StoreError.notFound(key) }
                    tables[key.type]!.set(key.id, nil)
                }
                undo.append((key, previous))
            }
        } catch {
            for (key, previous) in undo.reversed() { tables[key.type, default: Table()].set(key.id, previous) }
            throw error
        }
    }

    static func elements(of value: String) -> Set<String> {
        Set(value.split(separator: Character(indexValueSeparator), omittingEmptySubsequences: true).map(String.init))
    }
}
