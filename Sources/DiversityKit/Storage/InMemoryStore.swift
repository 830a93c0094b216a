/// A store held in memory: for tests, previews and embedders who persist elsewhere.
///
/// Index keys are indexed (whole values, and the elements of multi-valued keys), so a query
/// with an `equals`, `oneOf` or `contains` filter looks up its candidates instead of scanning
/// every record of the type. Ids and key values are compared as UTF-8 bytes, like every store.
/// Compact rows are kept per row set in id order.
///
/// ```swift
/// let store = InMemoryStore()
/// try await store.insert(organisation)
/// ```
public actor InMemoryStore: Store {
    /// A string compared by its UTF-8 bytes, not by canonical equivalence.
    struct Bytes: Hashable, Comparable {
        let utf8: [UInt8]
        init(_ s: String) { utf8 = Array(s.utf8) }
        static func < (a: Bytes, b: Bytes) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
    }

    private struct Table {
        var records: [Bytes: RecordEnvelope] = [:]
        /// key → whole value → ids.
        var wholeValues: [String: [Bytes: Set<Bytes>]] = [:]
        /// key → element of a multi-valued key → ids.
        var elements: [String: [Bytes: Set<Bytes>]] = [:]
        /// index version → how many records were indexed at it.
        var indexVersions: [Int: Int] = [:]

        mutating func index(_ e: RecordEnvelope, _ id: Bytes) {
            for (key, value) in e.keys {
                wholeValues[key, default: [:]][Bytes(value), default: []].insert(id)
                for element in InMemoryStore.elements(of: value) { elements[key, default: [:]][element, default: []].insert(id) }
            }
            indexVersions[e.indexVersion, default: 0] += 1
        }

        mutating func unindex(_ e: RecordEnvelope, _ id: Bytes) {
            for (key, value) in e.keys {
                let v = Bytes(value)
                wholeValues[key]?[v]?.remove(id)
                if wholeValues[key]?[v]?.isEmpty == true { wholeValues[key]?[v] = nil }
                for element in InMemoryStore.elements(of: value) {
                    elements[key]?[element]?.remove(id)
                    if elements[key]?[element]?.isEmpty == true { elements[key]?[element] = nil }
                }
            }
            indexVersions[e.indexVersion, default: 0] -= 1
            if indexVersions[e.indexVersion] == 0 { indexVersions[e.indexVersion] = nil }
        }

        mutating func set(_ id: Bytes, _ envelope: RecordEnvelope?) {
            if let old = records[id] { unindex(old, id) }
            records[id] = envelope
            if let envelope { index(envelope, id) }
        }

        /// The ids one filter admits, from the index.
        func candidates(_ filter: RecordQuery.Filter) -> Set<Bytes> {
            switch filter.match {
            case .equals(let v): return wholeValues[filter.key]?[Bytes(v)] ?? []
            case .oneOf(let vs): return vs.reduce(into: Set<Bytes>()) { $0.formUnion(wholeValues[filter.key]?[Bytes($1)] ?? []) }
            case .contains(let v): return elements[filter.key]?[Bytes(v)] ?? []
            }
        }
    }

    private struct RowTable {
        /// Ids in ascending order.
        var ids: [Int64] = []
        var rows: [Int64: CompactRow] = [:]
        var nextID: Int64 = 1

        func position(after id: Int64) -> Int {
            var lo = 0, hi = ids.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if ids[mid] <= id { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        mutating func remove(_ id: Int64) {
            rows[id] = nil
            let p = position(after: id) - 1
            if p >= 0, p < ids.count, ids[p] == id { ids.remove(at: p) }
        }

        mutating func restore(_ row: CompactRow) {
            let p = position(after: row.id)
            if !(p > 0 && ids[p - 1] == row.id) { ids.insert(row.id, at: p) }
            rows[row.id] = row
        }
    }

    private enum Undo {
        case record(RecordKey, RecordEnvelope?)
        case appended(RowSetKey, count: Int, nextID: Int64)
        case row(RowSetKey, CompactRow, existed: Bool)
    }

    private var tables: [String: Table] = [:]
    private var rowTables: [RowSetKey: RowTable] = [:]

    /// An empty store.
    public init() {}

    /// Always 1: nothing to migrate.
    public var schemaVersion: Int { 1 }

    /// See ``Store``.
    public func fetch(_ key: RecordKey) -> RecordEnvelope? { tables[key.type]?.records[Bytes(key.id)] }

    /// See ``Store``: the keys' records in one call on the actor.
    public func fetch(keys: [RecordKey]) -> [RecordEnvelope?] { keys.map(fetch) }

    /// See ``Store``.
    public func query(_ query: RecordQuery) throws -> [RecordEnvelope] {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("negative limit \(limit)") }
        try checkIndexVersion(query)
        var result = matching(query)
        if let after = query.afterID { result.removeAll { !after.utf8.lexicographicallyPrecedes($0.id.utf8) } }
        result.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        if let limit = query.limit, result.count > limit { result = Array(result.prefix(limit)) }
        return result
    }

    /// See ``Store``.
    public func count(_ query: RecordQuery) throws -> Int {
        try checkIndexVersion(query)
        return matching(query).count
    }

    private func checkIndexVersion(_ query: RecordQuery) throws {
        guard query.outdated == nil, let required = query.requiredIndexVersion,
              let lowest = tables[query.type]?.indexVersions.keys.min(), lowest < required else { return }
        throw StoreError.staleIndex(type: query.type, stored: lowest, required: required)
    }

    private func matching(_ query: RecordQuery) -> [RecordEnvelope] {
        guard let table = tables[query.type] else { return [] }
        guard !query.filters.isEmpty else { return table.records.values.filter { $0.matches(query) } }
        // Start from the narrowest filter's candidates; `matches` checks the rest.
        let ids = query.filters.map(table.candidates).min { $0.count < $1.count } ?? []
        return ids.compactMap { table.records[$0] }.filter { $0.matches(query) }
    }

    /// See ``Store``.
    public func write(_ batch: WriteBatch) throws {
        try Task.checkCancellation()
        // An undo log instead of a copy of every table: a failed batch restores what it touched.
        var undo: [Undo] = []
        do {
            for op in batch.operations { try apply(op, &undo) }
        } catch {
            for entry in undo.reversed() { revert(entry) }
            throw error
        }
    }

    private func apply(_ op: WriteOperation, _ undo: inout [Undo]) throws {
        switch op {
        case .insert(var e):
            let id = Bytes(e.id)
            guard tables[e.type]?.records[id] == nil else { throw StoreError.duplicate(e.key) }
            e.revision = 1
            undo.append(.record(e.key, nil))
            tables[e.type, default: Table()].set(id, e)
        case .update(var e):
            let id = Bytes(e.id)
            guard let previous = tables[e.type]?.records[id] else { throw StoreError.notFound(e.key) }
            e.revision = previous.revision + 1
            undo.append(.record(e.key, previous))
            tables[e.type]!.set(id, e)
        case .upsert(var e):
            let id = Bytes(e.id)
            let previous = tables[e.type]?.records[id]
            e.revision = (previous?.revision ?? 0) + 1
            undo.append(.record(e.key, previous))
            tables[e.type, default: Table()].set(id, e)
        case .delete(let key):
            let id = Bytes(key.id)
            guard let previous = tables[key.type]?.records[id] else { throw StoreError.notFound(key) }
            undo.append(.record(key, previous))
            tables[key.type]!.set(id, nil)
        case .check(let key, let condition):
            let revision = tables[key.type]?.records[Bytes(key.id)]?.revision
            guard condition.isSatisfied(byRevision: revision) else { throw StoreError.conflict(key) }
        case .appendRows(let set, let rows):
            var table = rowTables[set] ?? RowTable()
            undo.append(.appended(set, count: rows.count, nextID: table.nextID))
            for var row in rows {
                row.id = table.nextID
                table.nextID += 1
                table.ids.append(row.id)
                table.rows[row.id] = row
            }
            rowTables[set] = table
        case .replaceRows(let set, let rows):
            for row in rows {
                guard let old = rowTables[set]?.rows[row.id] else { throw StoreError.notFound(RowSetKey.rowKey(set, row.id)) }
                undo.append(.row(set, old, existed: true))
                rowTables[set]!.rows[row.id] = row
            }
        case .deleteRows(let set, let ids):
            for id in ids {
                guard let old = rowTables[set]?.rows[id] else { throw StoreError.notFound(RowSetKey.rowKey(set, id)) }
                undo.append(.row(set, old, existed: true))
                rowTables[set]!.remove(id)
            }
        }
    }

    private func revert(_ entry: Undo) {
        switch entry {
        case .record(let key, let previous):
            tables[key.type, default: Table()].set(Bytes(key.id), previous)
        case .appended(let set, let count, let nextID):
            guard var table = rowTables[set] else { return }
            for id in table.ids.suffix(count) { table.rows[id] = nil }
            table.ids.removeLast(count)
            table.nextID = nextID
            rowTables[set] = table
        case .row(let set, let old, _):
            rowTables[set, default: RowTable()].restore(old)
        }
    }

    /// See ``Store``.
    public func rows(_ query: RowQuery) throws -> RowPage {
        if let limit = query.limit, limit < 0 { throw StoreError.invalidArgument("negative row limit \(limit)") }
        var page = RowPage()
        guard let table = rowTables[query.set] else { return page }
        var i = query.afterID.map(table.position(after:)) ?? 0
        while i < table.ids.count, page.count < (query.limit ?? Int.max) {
            let row = table.rows[table.ids[i]]!
            i += 1
            guard query.admits(row) else { continue }
            page.append(id: row.id, scope: row.scope, group: row.group, cells: row.cells, extra: query.includeExtra ? row.extra : nil)
        }
        return page
    }

    /// See ``Store``.
    public func countRows(_ query: RowQuery) -> Int {
        guard let table = rowTables[query.set] else { return 0 }
        if query.scope == nil && query.group == nil { return table.ids.count }
        return table.rows.values.reduce(0) { $0 + (query.admits($1) ? 1 : 0) }
    }

    static func elements(of value: String) -> Set<Bytes> {
        Set(value.utf8.split(separator: 0x1F, omittingEmptySubsequences: true).map { Bytes(String(decoding: $0, as: UTF8.self)) })
    }
}

extension RowSetKey {
    /// The key that names row `id` of `set` in errors: type `rows:<type>`, id `<partition>/<id>`.
    public static func rowKey(_ set: RowSetKey, _ id: Int64) -> RecordKey {
        RecordKey(type: set.recordKey.type, id: "\(set.partition)/\(id)")
    }
}
