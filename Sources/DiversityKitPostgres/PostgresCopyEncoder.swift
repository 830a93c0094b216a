import DiversityKit
import Foundation

/// Writes rows in PostgreSQL's binary `COPY` format, handing off full chunks as it goes.
///
/// Binary format needs no escaping: every field is a 32-bit length and its bytes, so payloads
/// with zero bytes and text with quotes or tabs pass through untouched.
struct PostgresCopyEncoder {
    /// Bytes gathered before a chunk is sent to the server.
    static let chunkSize = 256 * 1024

    private let columns: Int
    private let send: (Data) throws -> Void
    private var buffer = Data()

    init(columns: Int, send: @escaping (Data) throws -> Void) {
        self.columns = columns
        self.send = send
        // Signature, flags (no OIDs), header extension length.
        buffer.append(contentsOf: Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00])
        appendInteger(Int32(0))
        appendInteger(Int32(0))
    }

    /// One field of a row.
    enum Field {
        case text(String)
        case integer(Int32)
        case boolean(Bool)
        case bytes(Data)
    }

    /// Appends one row with exactly as many fields as the `COPY` names columns.
    /// - Throws: ``StoreError/invalidArgument(_:)`` for text holding NUL; a send failure.
    mutating func row(_ fields: [Field]) throws {
        precondition(fields.count == columns, "COPY row has \(fields.count) fields, expected \(columns)")
        appendInteger(Int16(fields.count))
        for field in fields {
            switch field {
            case .text(let string):
                try PostgresParameter.requireNoNUL(string, what: "a bulk-inserted text value")
                appendField(Data(string.utf8))
            case .integer(let value):
                appendInteger(Int32(4))
                appendInteger(value)
            case .boolean(let value):
                appendField(Data([value ? 1 : 0]))
            case .bytes(let data):
                appendField(data)
            }
        }
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Appends one `rows` tuple — `bigint`, three `integer`s, two `bytea` — without building a
    /// field array or a `Data` per value: the append path for a million responses.
    mutating func row(id: Int64, set: Int32, scope: Int32, group: Int32, cells: [UInt8], extra: Data) throws {
        precondition(columns == 6, "COPY of rows has 6 columns")
        appendInteger(Int16(6))
        appendInteger(Int32(8))
        appendInteger(id)
        appendInteger(Int32(4))
        appendInteger(set)
        appendInteger(Int32(4))
        appendInteger(scope)
        appendInteger(Int32(4))
        appendInteger(group)
        appendInteger(Int32(cells.count))
        buffer.append(contentsOf: cells)
        appendInteger(Int32(extra.count))
        buffer.append(extra)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Writes the trailer and sends what is left.
    mutating func finish() throws {
        appendInteger(Int16(-1))
        try flush()
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try send(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func appendField(_ data: Data) {
        appendInteger(Int32(data.count))
        buffer.append(data)
    }

    private mutating func appendInteger<I: FixedWidthInteger>(_ value: I) {
        withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
    }
}
