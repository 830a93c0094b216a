import SurveyModule

/// Why an HR roster could not be imported. Nothing is registered when one is thrown.
///
/// Lines and columns are 1-based; a column counts characters from the start of the line.
/// Messages name the place and the column, never other fields of the row.
public enum HRRosterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not valid UTF-8.
    case notUTF8
    /// The file has no header line.
    case empty
    /// A required column is missing from the header.
    case missingColumn(String)
    /// A column appears twice in the header.
    case duplicateColumn(String, column: Int)
    /// A quoted field is never closed.
    case unterminatedQuote(line: Int, column: Int)
    /// A quote inside an unquoted field, or text after a closing quote.
    case unexpectedQuote(line: Int, column: Int)
    /// A row with another number of fields than the header.
    case wrongFieldCount(line: Int, expected: Int, found: Int)
    /// A required field is empty.
    case emptyField(line: Int, column: Int, name: String)
    /// A role the importer does not know.
    case unknownRole(line: Int, column: Int, value: String)
    /// An organisation that is not registered in the workspace.
    case unknownOrganisation(line: Int, column: Int, value: String)
    /// A unit that is not a unit of the row's organisation.
    case unknownUnit(line: Int, column: Int, value: String)
    /// The same employee reference twice.
    case duplicateEmployee(line: Int, column: Int, firstLine: Int)
    /// The file crosses one of the ``CSVLimits`` it is read under (``HRRoster/defaultLimits``
    /// unless given); the wrapped error names the bound and where.
    case exceedsLimit(CSVError)
    /// The roster file could not be opened or read.
    case unreadable(String)

    /// A readable description.
    public var description: String {
        switch self {
        case .notUTF8: return "the roster is not valid UTF-8"
        case .empty: return "the roster is empty (no header line)"
        case .missingColumn(let c): return "the header has no column '\(c)'"
        case .duplicateColumn(let c, let col): return "the header names column '\(c)' twice (again at column \(col))"
        case .unterminatedQuote(let l, let c): return "line \(l), column \(c): quoted field is never closed"
        case .unexpectedQuote(let l, let c): return "line \(l), column \(c): unexpected quote"
        case .wrongFieldCount(let l, let e, let f): return "line \(l): expected \(e) fields, found \(f)"
        case .emptyField(let l, let c, let n): return "line \(l), column \(c): \(n) is empty"
        case .unknownRole(let l, let c, let v): return "line \(l), column \(c): unknown role '\(v)'"
        case .unknownOrganisation(let l, let c, let v): return "line \(l), column \(c): unknown organisation '\(v)'"
        case .unknownUnit(let l, let c, let v): return "line \(l), column \(c): '\(v)' is not a unit of the row's organisation"
        case .duplicateEmployee(let l, let c, let first): return "line \(l), column \(c): employee reference already on line \(first)"
        case .exceedsLimit(let bound): return "the roster is too large: \(bound)"
        case .unreadable(let name): return "cannot read the roster file \(name)"
        }
    }
}
