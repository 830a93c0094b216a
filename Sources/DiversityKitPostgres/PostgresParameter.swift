import CLibPQ
import DiversityKit
import Foundation

/// A value bound to a statement parameter — never spliced into SQL text.
enum PostgresParameter {
    /// UTF-8 text, sent in text format.
    case text(String)
    /// Raw bytes for a `bytea` column, sent in binary format so nothing is escaped.
    case bytes(Data)
    /// An integer, sent as decimal text.
    case integer(Int)
    /// A boolean, sent as `t` or `f`.
    case boolean(Bool)
}

/// The C arrays `PQexecParams` takes, owning copies of every value until ``deallocate()``.
struct BoundParameters {
    private(set) var values: [UnsafePointer<CChar>?] = []
    private(set) var lengths: [Int32] = []
    private(set) var formats: [Int32] = []
    private(set) var types: [Oid] = []
    private var storage: [UnsafeMutableRawPointer] = []

    private static let byteaOID: Oid = 17

    /// - Throws: ``StoreError/invalidArgument(_:)`` when a text value holds a NUL character.
    init(_ parameters: [PostgresParameter]) throws {
        do {
            for (index, parameter) in parameters.enumerated() {
                switch parameter {
                case .text(let string):
                    try PostgresParameter.requireNoNUL(string, what: "parameter $\(index + 1)")
                    append(Array(string.utf8) + [0], format: 0, type: 0)
                case .integer(let value):
                    append(Array(String(value).utf8) + [0], format: 0, type: 0)
                case .boolean(let value):
                    append(Array((value ? "t" : "f").utf8) + [0], format: 0, type: 0)
                case .bytes(let data):
                    append([UInt8](data), format: 1, type: Self.byteaOID)
                }
            }
        } catch {
            deallocate()
            throw error
        }
    }

    private mutating func append(_ bytes: [UInt8], format: Int32, type: Oid) {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        storage.append(buffer)
        values.append(UnsafePointer(buffer.assumingMemoryBound(to: CChar.self)))
        lengths.append(Int32(format == 1 ? bytes.count : bytes.count - 1))
        formats.append(format)
        types.append(type)
    }

    /// Frees the copies.
    func deallocate() { storage.forEach { $0.deallocate() } }
}

extension PostgresParameter {
    /// PostgreSQL text cannot hold NUL, and a C string would silently end there.
    /// - Throws: ``StoreError/invalidArgument(_:)`` naming `what`, never the value.
    static func requireNoNUL(_ string: String, what: String) throws {
        if string.utf8.contains(0) {
            throw StoreError.invalidArgument("\(what) contains a NUL character, which PostgreSQL text cannot hold")
        }
    }
}
