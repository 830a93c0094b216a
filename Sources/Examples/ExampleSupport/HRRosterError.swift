/// Why an HR roster could not be imported. Nothing is registered when one is thrown.
///
/// Lines and fields are 1-based. A field is numbered as a spreadsheet numbers its columns
/// (the third `;`-separated value is field 3); only a quoting error, which sits inside a field,
/// gives the character position from the start of the line. Messages name the place, never
/// other fields of the row.
public enum HRRosterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be read (it does not exist, or is not readable).
    case unreadable(path: String, reason: String)
    /// The file is not valid UTF-8.
    case notUTF8
    /// The file has no header line.
    case empty
    /// A required column is missing from the header.
    case missingColumn(String)
    /// A column appears twice in the header; `field` is the second one's number.
    case duplicateColumn(String, field: Int)
    /// A quoted field is never closed; `column` is the character where the quote opens.
    case unterminatedQuote(line: Int, column: Int)
    /// A quote inside an unquoted field, or text after a closing quote; `column` is its character.
    case unexpectedQuote(line: Int, column: Int)
    /// A row with another number of fields than the header.
    case wrongFieldCount(line: Int, expected: Int, found: Int)
    /// A required field is empty.
    case emptyField(line: Int, field: Int, name: String)
    /// A role the importer does not know.
    case unknownRole(line: Int, field: Int, value: String)
    /// An organisation that is not registered in the workspace.
    case unknownOrganisation(line: Int, field: Int, value: String)
    /// A unit that is not a unit of the row's organisation.
    case unknownUnit(line: Int, field: Int, value: String)
    /// The same employee reference twice.
    case duplicateEmployee(line: Int, field: Int, firstLine: Int)

    /// A readable description.
    public var description: String {
        switch self {
        case .unreadable(let p, let r): return "cannot read the roster \(p): \(r)"
        case .notUTF8: return "the roster is not valid UTF-8"
        case .empty: return "the roster is empty (no header line)"
        case .missingColumn(let c): return "the header has no column '\(c)'"
        case .duplicateColumn(let c, let f): return "the header names column '\(c)' twice (again in field \(f))"
        case .unterminatedQuote(let l, let c): return "line \(l), character \(c): quoted field is never closed"
        case .unexpectedQuote(let l, let c): return "line \(l), character \(c): unexpected quote"
        case .wrongFieldCount(let l, let e, let f): return "line \(l): expected \(e) fields, found \(f)"
        case .emptyField(let l, let f, let n): return "line \(l), field \(f): \(n) is empty"
        case .unknownRole(let l, let f, let v): return "line \(l), field \(f): unknown role '\(v)'"
        case .unknownOrganisation(let l, let f, let v): return "line \(l), field \(f): unknown organisation '\(v)'"
        case .unknownUnit(let l, let f, let v): return "line \(l), field \(f): '\(v)' is not a unit of the row's organisation"
        case .duplicateEmployee(let l, let f, let first): return "line \(l), field \(f): employee reference already on line \(first)"
        }
    }
}
