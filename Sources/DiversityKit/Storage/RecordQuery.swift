/// A query for records of one type, filtered on index keys, ordered by id, optionally paged.
///
/// ```swift
/// let q = RecordQuery(type: "participant").where("organisation", equals: "umea")
/// ```
public struct RecordQuery: Hashable, Sendable {
    /// How one index key must match.
    public enum Match: Hashable, Sendable {
        /// The key's value equals this.
        case equals(String)
        /// The key's value is one of these.
        case oneOf(Set<String>)
        /// The key is multi-valued (joined with ``indexValueSeparator``) and holds this value.
        case contains(String)
    }

    /// One condition on an index key.
    public struct Filter: Hashable, Sendable {
        /// The index key.
        public var key: String
        /// How it must match.
        public var match: Match
        /// Creates a filter.
        public init(key: String, match: Match) {
            self.key = key
            self.match = match
        }
    }

    /// The record type.
    public var type: String
    /// Conditions, all of which must hold.
    public var filters: [Filter]
    /// Only records whose id sorts after this (for paging).
    public var afterID: String?
    /// At most this many records.
    public var limit: Int?
    /// When set, the store refuses the query with ``StoreError/staleIndex(type:stored:required:)`` if any
    /// record of the type was indexed below this version, instead of silently missing it. The typed
    /// helpers (``Store/all(_:where:)``) set it to the record type's ``StoredRecord/indexVersion``.
    public var requiredIndexVersion: Int?
    /// When set, only records that lag these versions match: index version below `index` or payload
    /// version below `payload`. How ``Store/reindex(_:pageSize:)`` finds what is left to rewrite; a
    /// query with this set is never refused as stale.
    public var outdated: RecordVersions?

    /// A query for every record of `type`.
    public init(type: String, filters: [Filter] = [], afterID: String? = nil, limit: Int? = nil,
                requiredIndexVersion: Int? = nil, outdated: RecordVersions? = nil) {
        self.type = type
        self.filters = filters
        self.afterID = afterID
        self.limit = limit
        self.requiredIndexVersion = requiredIndexVersion
        self.outdated = outdated
    }

    /// Adds the condition `key == value`.
    public func `where`(_ key: String, equals value: String) -> RecordQuery {
        var q = self
        q.filters.append(Filter(key: key, match: .equals(value)))
        return q
    }

    /// Adds the condition `key ∈ values`.
    public func `where`(_ key: String, in values: Set<String>) -> RecordQuery {
        var q = self
        q.filters.append(Filter(key: key, match: .oneOf(values)))
        return q
    }

    /// Adds the condition that multi-valued `key` contains `value`.
    public func `where`(_ key: String, contains value: String) -> RecordQuery {
        var q = self
        q.filters.append(Filter(key: key, match: .contains(value)))
        return q
    }

    /// The page after `id`, of at most `limit` records.
    public func page(after id: String?, limit: Int) -> RecordQuery {
        var q = self
        q.afterID = id
        q.limit = limit
        return q
    }
}

/// The current versions of a record type's index-key definition and payload.
public struct RecordVersions: Hashable, Sendable, Codable {
    /// ``StoredRecord/indexVersion``.
    public var index: Int
    /// ``StoredRecord/schemaVersion``.
    public var payload: Int
    /// Creates the pair.
    public init(index: Int, payload: Int) {
        self.index = index
        self.payload = payload
    }
    /// The versions of `R`.
    public static func of<R: StoredRecord>(_: R.Type) -> RecordVersions {
        RecordVersions(index: R.indexVersion, payload: R.schemaVersion)
    }
    /// Whether an envelope lags these versions.
    public func isOutdated(_ e: RecordEnvelope) -> Bool { e.indexVersion < index || e.version < payload }
}
