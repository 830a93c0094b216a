import Foundation

/// An entity that can be persisted through any ``Store``.
///
/// The core's entities conform, and so can a module's or an embedder's own types: a store
/// never needs to know them. A record names itself with a stable ``recordType`` string,
/// declares the ``schemaVersion`` of its payload, and lists the ``indexKeys`` that queries
/// filter on (e.g. `"organisation"` for participants).
///
/// ```swift
/// struct PaySurveyRow: StoredRecord, Codable {
///     static let recordType = "acme.pay-survey-row"
///     var id: String
///     var unit: String
///     var recordID: String { id }
///     var indexKeys: [String: String] { ["unit": unit] }
/// }
/// try await store.insert(PaySurveyRow(id: "1", unit: "hr"))
/// ```
///
/// The default encoding is JSON; a high-volume record (a survey response) can override
/// ``encodePayload()`` and ``decodePayload(_:version:)`` with a compact form.
public protocol StoredRecord: Sendable {
    /// A stable name for the type, never changed once data exists (e.g. `"participant"`).
    static var recordType: String { get }
    /// The version of the payload's shape; bump it when the encoding changes incompatibly.
    static var schemaVersion: Int { get }
    /// The version of ``indexKeys``' definition; bump it when the keys a type declares change, so that
    /// rows stored before lag and are re-indexed (``Store/reindex(_:pageSize:)``) instead of silently
    /// missed by queries on the new keys.
    static var indexVersion: Int { get }
    /// The record's identifier, unique within its type.
    var recordID: String { get }
    /// The values queries filter on, by key. Multi-valued keys join values with ``indexValueSeparator``.
    var indexKeys: [String: String] { get }
    /// Encodes the record's payload.
    func encodePayload() throws -> Data
    /// Decodes a payload written by ``encodePayload()`` at `version`.
    static func decodePayload(_ data: Data, version: Int) throws -> Self
}

/// Separator for a multi-valued index key (e.g. a measure's linked goals): `"\u{1F}"`.
public let indexValueSeparator = "\u{1F}"

extension StoredRecord {
    /// Version 1 unless a record says otherwise.
    public static var schemaVersion: Int { 1 }
    /// Version 1 unless a record says otherwise.
    public static var indexVersion: Int { 1 }
    /// No index keys unless a record says otherwise.
    public var indexKeys: [String: String] { [:] }

    /// The record wrapped for a store.
    public func envelope() throws -> RecordEnvelope {
        try RecordEnvelope(type: Self.recordType, id: recordID, version: Self.schemaVersion,
                           keys: indexKeys, payload: encodePayload(), indexVersion: Self.indexVersion)
    }
}

extension StoredRecord where Self: Codable {
    /// JSON with sorted keys, so equal records give equal bytes.
    public func encodePayload() throws -> Data { try RecordCoding.encoder.encode(self) }
    /// JSON decoding; override to migrate older versions.
    public static func decodePayload(_ data: Data, version: Int) throws -> Self {
        guard version <= schemaVersion else {
            throw StoreError.unsupportedRecordVersion(type: recordType, found: version, supported: schemaVersion)
        }
        return try RecordCoding.decoder.decode(Self.self, from: data)
    }
}

/// Shared JSON coders for record payloads.
package enum RecordCoding {
    package static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
    package static var decoder: JSONDecoder { JSONDecoder() }
}

/// A record as a store sees it: type, id, payload version, index keys, opaque payload bytes, and
/// the store-assigned ``revision``.
///
/// Ids are compared as **bytes** (their UTF-8 encoding) everywhere: `"é"` written as NFC and as NFD
/// are two different records in every store, never merged, and order and paging follow the bytes.
public struct RecordEnvelope: Hashable, Sendable {
    /// The record type name.
    public var type: String
    /// The identifier, unique within `type`.
    public var id: String
    /// The payload's schema version.
    public var version: Int
    /// Index keys and their values.
    public var keys: [String: String]
    /// The encoded record.
    public var payload: Data
    /// The version of the index-key definition the keys were computed with (``StoredRecord/indexVersion``).
    public var indexVersion: Int
    /// The store-assigned revision: 1 after the insert, one more after every update or upsert.
    ///
    /// Assigned by the store, never by the writer: a store ignores the value an envelope carries into
    /// a write and returns the stored one from ``Store/fetch(_:)`` and ``Store/query(_:)``. It counts
    /// changes to **this** record only, so it reveals nothing about the order of writes to others.
    /// Make a write conditional on it with ``WriteOperation/check(_:_:)``. 0 means "not read from a store".
    public var revision: Int

    /// Creates an envelope.
    public init(type: String, id: String, version: Int, keys: [String: String], payload: Data,
                indexVersion: Int = 1, revision: Int = 0) {
        self.type = type
        self.id = id
        self.version = version
        self.keys = keys
        self.payload = payload
        self.indexVersion = indexVersion
        self.revision = revision
    }

    /// The same envelope with its store-assigned ``revision`` cleared: what a writer wrote.
    public var contents: RecordEnvelope {
        var e = self
        e.revision = 0
        return e
    }

    /// The envelope's address.
    public var key: RecordKey { RecordKey(type: type, id: id) }

    /// Decodes the payload as `R`.
    /// - Throws: ``StoreError/typeMismatch(expected:found:)`` when the envelope holds another type.
    public func decode<R: StoredRecord>(_: R.Type) throws -> R {
        guard type == R.recordType else { throw StoreError.typeMismatch(expected: R.recordType, found: type) }
        do { return try R.decodePayload(payload, version: version) } catch let e as StoreError { throw e } catch {
            throw StoreError.corruptRecord(key, reason: String(describing: error))
        }
    }

    /// Whether the envelope satisfies every filter of `query` (type, key filters; not paging).
    public func matches(_ query: RecordQuery) -> Bool {
        guard type == query.type else { return false }
        if let outdated = query.outdated, !outdated.isOutdated(self) { return false }
        for filter in query.filters {
            guard let value = keys[filter.key] else { return false }
            // Values, like ids, compare as UTF-8 bytes (never by canonical equivalence).
            switch filter.match {
            case .equals(let v): if !value.utf8.elementsEqual(v.utf8) { return false }
            case .oneOf(let vs): if !vs.contains(where: { $0.utf8.elementsEqual(value.utf8) }) { return false }
            case .contains(let v):
                if !value.utf8.split(separator: 0x1F, omittingEmptySubsequences: true)
                    .contains(where: { $0.elementsEqual(v.utf8) }) { return false }
            }
        }
        return true
    }
}

/// The address of a record: its type and id.
public struct RecordKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The record type name.
    public var type: String
    /// The identifier.
    public var id: String
    /// Creates a key.
    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }
    /// The key of record `id` of type `R`.
    public static func of<R: StoredRecord>(_: R.Type, _ id: String) -> RecordKey {
        RecordKey(type: R.recordType, id: id)
    }
    /// `"type/id"`.
    public var description: String { "\(type)/\(id)" }
}
