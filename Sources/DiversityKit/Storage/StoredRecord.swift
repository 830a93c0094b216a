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
    /// No index keys unless a record says otherwise.
    public var indexKeys: [String: String] { [:] }

    /// The record wrapped for a store.
    public func envelope() throws -> RecordEnvelope {
        try RecordEnvelope(type: Self.recordType, id: recordID, version: Self.schemaVersion,
                           keys: indexKeys, payload: encodePayload())
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

/// A record as a store sees it: type, id, payload version, index keys and opaque payload bytes.
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

    /// Creates an envelope.
    public init(type: String, id: String, version: Int, keys: [String: String], payload: Data) {
        self.type = type
        self.id = id
        self.version = version
        self.keys = keys
        self.payload = payload
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
        for filter in query.filters {
            guard let value = keys[filter.key] else { return false }
            switch filter.match {
            case .equals(let v): if value != v { return false }
            case .oneOf(let vs): if !vs.contains(value) { return false }
            case .contains(let v):
                if !value.split(separator: Character(indexValueSeparator), omittingEmptySubsequences: true)
                    .contains(where: { $0 == v }) { return false }
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
