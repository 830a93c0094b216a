import Foundation

/// A set of compact rows: the storage path for high-volume, fixed-shape data such as survey
/// responses (svar), kept apart from the record envelopes.
///
/// A row set is named by a ``type`` (a module's stable name, e.g. `"survey.response"`) and a
/// ``partition`` within it (e.g. one questionnaire version, `"baseline@1"`): rows of one partition
/// share a shape, so a store can keep them as one table or one column family. Stores never look
/// inside ``CompactRow/cells`` or ``CompactRow/extra``.
public struct RowSetKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The module's stable name for the kind of row.
    public var type: String
    /// The partition within the type (rows of one partition share a shape).
    public var partition: String
    /// Creates a key.
    public init(type: String, partition: String) {
        self.type = type
        self.partition = partition
    }
    /// The record key under which conditions and errors name the set: type `rows:<type>`, id the partition.
    public var recordKey: RecordKey { RecordKey(type: "rows:" + type, id: partition) }
    /// `"type/partition"`.
    public var description: String { "\(type)/\(partition)" }
}

/// One compact row: a store-assigned id, two grouping columns, fixed-width cells and opaque extras.
///
/// For a survey response: ``scope`` is the distribution, ``group`` the reporting unit, ``cells``
/// one code per closed item (0 = no answer) and ``extra`` everything else (free text, numbers),
/// encoded by the module. Empty strings mean "none".
///
/// **Ids carry no order.** A store assigns ``id`` when the row is appended (the value passed in is
/// ignored); ids are unique within the row set and may reveal at most which append batch a row came
/// in, never the order of rows within a batch. Writers that need unlinkability shuffle a batch
/// before appending it.
public struct CompactRow: Hashable, Sendable {
    /// The store-assigned id (0 before the row is stored).
    public var id: Int64
    /// The first grouping column (e.g. the distribution); `""` for none.
    public var scope: String
    /// The second grouping column (e.g. the reporting unit); `""` for none.
    public var group: String
    /// Fixed-width codes, one byte each.
    public var cells: [UInt8]
    /// Everything else, opaque to the store.
    public var extra: Data

    /// Creates a row.
    public init(id: Int64 = 0, scope: String = "", group: String = "", cells: [UInt8], extra: Data = Data()) {
        self.id = id
        self.scope = scope
        self.group = group
        self.cells = cells
        self.extra = extra
    }
}

/// A query for the rows of one set, optionally narrowed to a scope and a group, paged by id.
public struct RowQuery: Hashable, Sendable {
    /// The row set.
    public var set: RowSetKey
    /// Only rows with this scope.
    public var scope: String?
    /// Only rows with this group.
    public var group: String?
    /// Only rows whose id is greater than this (the previous page's ``RowPage/lastID``).
    public var afterID: Int64?
    /// At most this many rows (paging); `nil` for all.
    public var limit: Int?
    /// Whether to read ``CompactRow/extra`` too (counting needs only the cells).
    public var includeExtra: Bool

    /// Creates a query.
    public init(set: RowSetKey, scope: String? = nil, group: String? = nil, afterID: Int64? = nil,
                limit: Int? = nil, includeExtra: Bool = false) {
        self.set = set
        self.scope = scope
        self.group = group
        self.afterID = afterID
        self.limit = limit
        self.includeExtra = includeExtra
    }

    /// Whether `row` satisfies the scope and group conditions (not paging), comparing UTF-8 bytes as
    /// every store does: an NFD group is not its NFC twin.
    public func admits(_ row: CompactRow) -> Bool {
        (scope.map { $0.utf8.elementsEqual(row.scope.utf8) } ?? true) && (group.map { $0.utf8.elementsEqual(row.group.utf8) } ?? true)
    }
}

/// A page of rows in columns: no struct per row, cells in one contiguous buffer.
///
/// Row `r`'s cells are `cells[cellOffsets[r] ..< cellOffsets[r + 1]]`; its scope is
/// `scopes[scopeIndex[r]]` and its group `groups[groupIndex[r]]`.
public struct RowPage: Hashable, Sendable {
    /// The rows' ids, ascending.
    public var ids: [Int64] = []
    /// Each row's index into ``scopes``.
    public var scopeIndex: [Int32] = []
    /// The distinct scopes of the page.
    public var scopes: [String] = []
    /// Each row's index into ``groups``.
    public var groupIndex: [Int32] = []
    /// The distinct groups of the page.
    public var groups: [String] = []
    /// Where each row's cells start in ``cells``, plus one final end offset (`count + 1` entries).
    public var cellOffsets: [Int] = [0]
    /// Every row's cells, back to back.
    public var cells: [UInt8] = []
    /// Each row's extra bytes when the query asked for them; empty otherwise.
    public var extras: [Data] = []

    // Found by `String` hash, confirmed by bytes: a `String` key alone would merge NFC and NFD twins.
    private var scopeLookup: [String: [Int32]] = [:]
    private var groupLookup: [String: [Int32]] = [:]

    /// An empty page.
    public init() {}

    /// How many rows the page holds.
    public var count: Int { ids.count }
    /// The last row's id: pass it as ``RowQuery/afterID`` for the next page.
    public var lastID: Int64? { ids.last }

    /// Row `r` as a struct (for tests and small reads; bulk readers use the columns).
    public func row(_ r: Int) -> CompactRow {
        CompactRow(id: ids[r], scope: scopes[Int(scopeIndex[r])], group: groups[Int(groupIndex[r])],
                   cells: Array(cells[cellOffsets[r]..<cellOffsets[r + 1]]), extra: extras.isEmpty ? Data() : extras[r])
    }

    /// Appends one row's columns (how stores build a page).
    public mutating func append(id: Int64, scope: String, group: String, cells rowCells: some Collection<UInt8>, extra: Data?) {
        ids.append(id)
        scopeIndex.append(Self.intern(scope, in: &scopes, &scopeLookup))
        groupIndex.append(Self.intern(group, in: &groups, &groupLookup))
        cells.append(contentsOf: rowCells)
        cellOffsets.append(cells.count)
        if let extra { extras.append(extra) }
    }

    private static func intern(_ s: String, in values: inout [String], _ lookup: inout [String: [Int32]]) -> Int32 {
        if let i = lookup[s]?.first(where: { values[Int($0)].utf8.elementsEqual(s.utf8) }) { return i }
        let i = Int32(values.count)
        values.append(s)
        lookup[s, default: []].append(i)
        return i
    }

    /// Equality of the visible columns.
    public static func == (a: RowPage, b: RowPage) -> Bool {
        a.ids == b.ids && a.scopeIndex == b.scopeIndex && a.scopes == b.scopes && a.groupIndex == b.groupIndex
            && a.groups == b.groups && a.cellOffsets == b.cellOffsets && a.cells == b.cells && a.extras == b.extras
    }

    /// Hashes the visible columns.
    public func hash(into h: inout Hasher) {
        h.combine(ids)
        h.combine(cells)
    }
}

// MARK: Rows kept as records, for stores without a native row path

/// How a store with no native row path keeps compact rows: as records of type `rows:<type>`, one
/// per row, with ids `"<partition>\u{1F}<20-digit id>"` so that paging by record id pages by row id,
/// and random 63-bit row ids (which carry no order at all).
///
/// An embedder's store calls ``WriteBatch/loweringRows()`` at the top of its `write(_:)` and keeps the
/// protocol's default ``Store/rows(_:)`` and ``Store/countRows(_:)``.
public enum RowRecords {
    /// The record type that holds rows of `type`.
    public static func recordType(_ type: String) -> String { "rows:" + type }

    /// The record id of row `id` in `partition`.
    public static func recordID(partition: String, id: Int64) -> String {
        let digits = String(id)
        return partition + indexValueSeparator + String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }

    /// The envelope that holds `row` (whose id is set) in `set`.
    public static func envelope(_ row: CompactRow, in set: RowSetKey) -> RecordEnvelope {
        var payload = Data()
        withUnsafeBytes(of: UInt32(row.cells.count).littleEndian) { payload.append(contentsOf: $0) }
        payload.append(contentsOf: row.cells)
        payload.append(row.extra)
        return RecordEnvelope(type: recordType(set.type), id: recordID(partition: set.partition, id: row.id), version: 1,
                              keys: ["partition": set.partition, "scope": row.scope, "group": row.group], payload: payload)
    }

    /// The row an envelope written by ``envelope(_:in:)`` holds.
    /// - Throws: ``StoreError/corruptRecord(_:reason:)`` for a damaged payload.
    public static func row(from e: RecordEnvelope) throws -> CompactRow {
        let bytes = [UInt8](e.payload)
        guard bytes.count >= 4, let sep = e.id.utf8.lastIndex(of: 0x1F),
              let id = Int64(String(decoding: e.id.utf8[e.id.utf8.index(after: sep)...], as: UTF8.self)) else {
            throw StoreError.corruptRecord(e.key, reason: "not a compact row")
        }
        let n = Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        guard 4 + n <= bytes.count else { throw StoreError.corruptRecord(e.key, reason: "truncated compact row") }
        return CompactRow(id: id, scope: e.keys["scope"] ?? "", group: e.keys["group"] ?? "",
                          cells: Array(bytes[4..<4 + n]), extra: Data(bytes[(4 + n)...]))
    }

    static func query(_ q: RowQuery) -> RecordQuery {
        var r = RecordQuery(type: recordType(q.set.type)).where("partition", equals: q.set.partition)
        if let s = q.scope { r = r.where("scope", equals: s) }
        if let g = q.group { r = r.where("group", equals: g) }
        r.afterID = q.afterID.map { recordID(partition: q.set.partition, id: $0) }
        r.limit = q.limit
        return r
    }
}

extension WriteBatch {
    /// The batch with every row operation rewritten as record operations (see ``RowRecords``):
    /// how a store with no native row path supports rows. Appended rows get random ids.
    public func loweringRows() -> WriteBatch {
        var rng = SystemRandomNumberGenerator()
        var out: [WriteOperation] = []
        out.reserveCapacity(operations.count)
        for op in operations {
            switch op {
            case .appendRows(let set, let rows):
                for var row in rows {
                    row.id = Int64(rng.next(upperBound: UInt64(Int64.max - 1))) + 1
                    out.append(.insert(RowRecords.envelope(row, in: set)))
                }
            case .replaceRows(let set, let rows):
                for row in rows { out.append(.update(RowRecords.envelope(row, in: set))) }
            case .deleteRows(let set, let ids):
                for id in ids {
                    out.append(.delete(RecordKey(type: RowRecords.recordType(set.type), id: RowRecords.recordID(partition: set.partition, id: id))))
                }
            default:
                out.append(op)
            }
        }
        return WriteBatch(out)
    }
}
