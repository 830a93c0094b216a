import DiversityKit

/// How PostgreSQL's SQLSTATE codes become ``/DiversityKit/StoreError/backend(code:message:)`` codes.
///
/// `code` packs the five SQLSTATE characters six bits each, as PostgreSQL's own
/// `MAKE_SQLSTATE` does, so it is one `Int32` that maps back to the text; the message starts
/// with the SQLSTATE text too (`"SQLSTATE 42501: permission denied for table records"`).
public enum PostgresFailure {
    /// SQLSTATE `23505`, a unique violation.
    public static let uniqueViolation = "23505"
    /// SQLSTATE `42501`, a missing privilege.
    public static let insufficientPrivilege = "42501"

    /// The `Int32` code for a five-character SQLSTATE such as `"23505"`.
    ///
    /// ```swift
    /// if case .backend(let code, _) = error, code == PostgresFailure.code(for: "42501") { … }
    /// ```
    public static func code(for sqlstate: String) -> Int32 {
        var code: Int32 = 0
        for (index, byte) in sqlstate.utf8.prefix(5).enumerated() {
            code |= ((Int32(byte) - 48) & 0x3F) << (6 * index)
        }
        return code
    }

    /// The SQLSTATE text for a code made by ``code(for:)``.
    public static func sqlstate(for code: Int32) -> String {
        String(decoding: (0..<5).map { UInt8(((code >> (6 * $0)) & 0x3F) + 48) }, as: UTF8.self)
    }

    /// The store error for a failed statement.
    static func error(sqlstate: String, message: String) -> StoreError {
        .backend(code: code(for: sqlstate), message: "SQLSTATE \(sqlstate): \(message)")
    }

    /// Whether `error` is the server's `sqlstate`.
    static func isSQLState(_ error: Error, _ sqlstate: String) -> Bool {
        if case .backend(let code, _) = error as? StoreError { return code == self.code(for: sqlstate) }
        return false
    }
}
