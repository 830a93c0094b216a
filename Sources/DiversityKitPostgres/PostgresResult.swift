import CLibPQ
import DiversityKit
import Foundation

/// A query result in binary format, cleared in `deinit`.
///
/// Binary text is the UTF-8 bytes; integers are big-endian; `bytea` is the raw bytes;
/// `json` is its text.
final class PostgresResult {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }
    deinit { PQclear(handle) }

    /// How many rows were returned.
    var rowCount: Int { Int(PQntuples(handle)) }

    /// How many columns each row has.
    var columnCount: Int { Int(PQnfields(handle)) }

    /// How many rows an INSERT, UPDATE or DELETE touched.
    var affectedRows: Int { Int(PostgresConnection.text(PQcmdTuples(handle))) ?? 0 }

    /// Whether the field is SQL NULL.
    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(handle, Int32(row), Int32(column)) == 1 }

    /// The field's bytes (`bytea`, or any binary value).
    func bytes(_ row: Int, _ column: Int) -> Data {
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        guard length > 0, let pointer = PQgetvalue(handle, Int32(row), Int32(column)) else { return Data() }
        return Data(bytes: pointer, count: length)
    }

    /// Calls `body` with the field's bytes in place, without copying them out of the result.
    func withBytes<T>(_ row: Int, _ column: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        guard length > 0, let pointer = PQgetvalue(handle, Int32(row), Int32(column)) else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeRawBufferPointer(start: pointer, count: length))
    }

    /// A binary `bigint` (8 bytes) or `integer` (4 bytes) field read in place; 0 for NULL.
    func int64(_ row: Int, _ column: Int) -> Int64 {
        withBytes(row, column) { raw in
            var value: Int64 = raw.first.map { $0 & 0x80 != 0 ? -1 : 0 } ?? 0
            for byte in raw { value = value << 8 | Int64(byte) }
            return value
        }
    }

    /// The field as text (`text`, `json`), or `nil` for NULL.
    func text(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : String(decoding: bytes(row, column), as: UTF8.self)
    }

    /// The field as an integer (`smallint`, `integer` or `bigint`), or `nil` for NULL.
    /// - Throws: ``StoreError/backend(code:message:)`` when the field is not an integer.
    func integer(_ row: Int, _ column: Int) throws -> Int? {
        guard !isNull(row, column) else { return nil }
        let data = bytes(row, column)
        guard [2, 4, 8].contains(data.count) else {
            throw StoreError.backend(code: 0, message: "column \(column) is not an integer (\(data.count) bytes)")
        }
        var value: Int64 = data.first.map { $0 & 0x80 != 0 ? -1 : 0 } ?? 0 // sign-extend
        for byte in data { value = value << 8 | Int64(byte) }
        return Int(value)
    }
}
