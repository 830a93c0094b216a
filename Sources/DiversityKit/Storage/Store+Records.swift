/// Typed access to a ``Store`` for any ``StoredRecord``.
extension Store {
    /// Inserts `record`.
    /// - Throws: ``StoreError/duplicate(_:)`` when a record of the same type and id exists.
    public func insert<R: StoredRecord>(_ record: R) async throws {
        try await write(WriteBatch([.insert(try record.envelope())]))
    }

    /// Inserts an already encoded record.
    /// - Throws: ``StoreError/duplicate(_:)`` when its key exists.
    public func insert(_ envelope: RecordEnvelope) async throws {
        try await write(WriteBatch([.insert(envelope)]))
    }

    /// Replaces `record`.
    /// - Throws: ``StoreError/notFound(_:)`` when it does not exist.
    public func update<R: StoredRecord>(_ record: R) async throws {
        try await write(WriteBatch([.update(try record.envelope())]))
    }

    /// Inserts or replaces `record`.
    public func upsert<R: StoredRecord>(_ record: R) async throws {
        try await write(WriteBatch([.upsert(try record.envelope())]))
    }

    /// Deletes record `id` of type `R`.
    /// - Throws: ``StoreError/notFound(_:)`` when it does not exist.
    public func delete<R: StoredRecord>(_: R.Type, id: String) async throws {
        try await write(WriteBatch([.delete(.of(R.self, id))]))
    }

    /// The record `id` of type `R`, or `nil`.
    public func fetch<R: StoredRecord>(_: R.Type, id: String) async throws -> R? {
        try await fetch(.of(R.self, id))?.decode(R.self)
    }

    /// The record `id` of type `R` with its revision, for a conditional write, or `nil`.
    public func fetchVersioned<R: StoredRecord>(_: R.Type, id: String) async throws -> Versioned<R>? {
        guard let e = try await fetch(.of(R.self, id)) else { return nil }
        return Versioned(try e.decode(R.self), revision: e.revision)
    }

    /// The records `ids` of type `R` with their revisions, one entry per id in the same order (`nil`
    /// where one is missing), read with one ``fetch(keys:)``.
    public func fetchVersioned<R: StoredRecord>(_: R.Type, ids: [String]) async throws -> [Versioned<R>?] {
        try await fetch(keys: ids.map { .of(R.self, $0) }).map { e in try e.map { Versioned(try $0.decode(R.self), revision: $0.revision) } }
    }

    /// Every record of type `R` whose index keys satisfy `filters`, ordered by id.
    /// - Throws: ``StoreError/staleIndex(type:stored:required:)`` when some were indexed by older code.
    public func all<R: StoredRecord>(_: R.Type, where filters: [RecordQuery.Filter] = []) async throws -> [R] {
        try await query(RecordQuery(type: R.recordType, filters: filters, requiredIndexVersion: R.indexVersion))
            .map { try $0.decode(R.self) }
    }

    /// Every record of type `R` whose index keys satisfy `filters`, with revisions, ordered by id.
    /// - Throws: ``StoreError/staleIndex(type:stored:required:)`` when some were indexed by older code.
    public func allVersioned<R: StoredRecord>(_: R.Type, where filters: [RecordQuery.Filter] = []) async throws -> [Versioned<R>] {
        try await query(RecordQuery(type: R.recordType, filters: filters, requiredIndexVersion: R.indexVersion))
            .map { Versioned(try $0.decode(R.self), revision: $0.revision) }
    }

    /// Every record of type `R` whose index key `key` equals `value`, ordered by id.
    public func all<R: StoredRecord>(_: R.Type, where key: String, equals value: String) async throws -> [R] {
        try await all(R.self, where: [.init(key: key, match: .equals(value))])
    }

    /// Inserts many records of one type through the store's bulk path.
    public func bulkInsert<R: StoredRecord>(_ records: [R]) async throws {
        try await bulkInsert(records.map { try $0.envelope() })
    }

    /// Visits every record matching `query` in pages of `pageSize`, never holding more than one page.
    public func forEach<R: StoredRecord>(
        _: R.Type, matching query: RecordQuery? = nil, pageSize: Int = 1000,
        _ body: (R) throws -> Void
    ) async throws {
        var q = query ?? RecordQuery(type: R.recordType)
        q.type = R.recordType
        if q.outdated == nil { q.requiredIndexVersion = R.indexVersion }
        var after: String? = nil
        while true {
            try Task.checkCancellation()
            let page = try await self.query(q.page(after: after, limit: pageSize))
            for envelope in page { try body(try envelope.decode(R.self)) }
            guard page.count == pageSize, let last = page.last else { return }
            after = last.id
        }
    }

    /// Visits every page of rows matching `query` (its `afterID` and `limit` are the paging), never
    /// holding more than one page; stops between pages when the task is cancelled.
    public func forEachRowPage(_ query: RowQuery, pageSize: Int = 8192, _ body: (RowPage) throws -> Void) async throws {
        guard pageSize > 0 else { throw StoreError.invalidArgument("row page size \(pageSize) is not positive") }
        var q = query
        q.limit = pageSize
        while true {
            try Task.checkCancellation()
            let page = try await rows(q)
            if page.count > 0 { try body(page) }
            guard page.count == pageSize, let last = page.lastID else { return }
            q.afterID = last
        }
    }

    /// Rewrites every record of type `R` stored with an older index-key definition or payload version,
    /// decoding each with `R` and writing it back with the current keys and encoding.
    ///
    /// Online and resumable: it works in pages of `pageSize`, each in its own conditional batch (a record
    /// changed meanwhile by another writer is already current, or is retried on the next pass), and what
    /// is done stays done if the process stops, so calling it again continues where it left off.
    /// - Returns: how many records were rewritten.
    @discardableResult
    public func reindex<R: StoredRecord>(_: R.Type, pageSize: Int = 500) async throws -> Int {
        guard pageSize > 0 else { throw StoreError.invalidArgument("page size \(pageSize) is not positive") }
        let versions = RecordVersions.of(R.self)
        var rewritten = 0
        var after: String? = nil
        while true {
            try Task.checkCancellation()
            let page = try await query(RecordQuery(type: R.recordType, afterID: after, limit: pageSize, outdated: versions))
            guard !page.isEmpty else { return rewritten }
            var batch = WriteBatch()
            for e in page {
                batch.expect(e.key, .revision(e.revision))
                batch.operations.append(.update(try e.decode(R.self).envelope()))
            }
            do {
                try await write(batch)
                rewritten += page.count
            } catch StoreError.conflict {
                // Another writer touched a record of this page: rewrite the page one record at a time.
                for e in page {
                    var one = WriteBatch()
                    one.expect(e.key, .revision(e.revision))
                    one.operations.append(.update(try e.decode(R.self).envelope()))
                    do { try await write(one); rewritten += 1 } catch StoreError.conflict, StoreError.notFound {}
                }
            }
            // Records rewritten no longer match `outdated`; one left behind by a concurrent change is
            // current already (written by code of this version) or is met again on a later call.
            after = page.last?.id
        }
    }
}
