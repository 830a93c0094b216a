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

    /// Every record of type `R` whose index keys satisfy `filters`, ordered by id.
    public func all<R: StoredRecord>(_: R.Type, where filters: [RecordQuery.Filter] = []) async throws -> [R] {
        try await query(RecordQuery(type: R.recordType, filters: filters)).map { try $0.decode(R.self) }
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
        var after: String? = nil
        while true {
            let page = try await self.query(q.page(after: after, limit: pageSize))
            for envelope in page { try body(try envelope.decode(R.self)) }
            guard page.count == pageSize, let last = page.last else { return }
            after = last.id
        }
    }
}
