/// One problem found while importing, with where it is (1-based line and column); `Problem`
/// says what is wrong. Shared by every importer so their issues read and sort alike.
public struct LocatedIssue<Problem: Hashable & Sendable & CustomStringConvertible>: Error, Hashable, Sendable,
    CustomStringConvertible
{
    /// The line.
    public var line: Int
    /// The column (character) where the field starts.
    public var column: Int
    /// The column's header name, when known.
    public var field: String?
    /// What is wrong.
    public var problem: Problem

    /// Creates an issue.
    public init(line: Int, column: Int, field: String? = nil, problem: Problem) {
        self.line = line
        self.column = column
        self.field = field
        self.problem = problem
    }

    /// A readable description.
    public var description: String {
        "line \(line), column \(column)" + (field.map { " (\($0))" } ?? "") + ": \(problem)"
    }
}

/// A problem found importing survey responses (CSV or JSON).
public typealias ImportIssue = LocatedIssue<ImportProblem>

/// What is wrong with an imported cell, row or file. Messages never repeat answer values.
public enum ImportProblem: Hashable, Sendable, CustomStringConvertible {
    /// The CSV itself is malformed; reading stopped here.
    case syntax(CSVError)
    /// A header names a column that is neither fixed nor an item code (an unknown item).
    case unknownColumn(String)
    /// A header names a column twice.
    case duplicateColumn(String)
    /// A row has another number of fields than the header.
    case fieldCount(expected: Int, found: Int)
    /// A code cell is not a whole number (or `|`-joined whole numbers).
    case notAnInteger
    /// A time cell is not ISO 8601.
    case invalidTime
    /// A partial cell is not `0`, `1`, `true` or `false`.
    case invalidFlag
    /// The row names another questionnaire.
    case wrongQuestionnaire(expected: String, found: String)
    /// The row names another version.
    case wrongVersion(expected: Int, found: String)
    /// A response id seen before in the file.
    case duplicateResponseID
    /// The answers break the questionnaire's rules.
    case response(ResponseIssue)
    /// A JSON document that does not decode.
    case malformedJSON(String)

    /// A readable description.
    public var description: String {
        switch self {
        case .syntax(let e): return e.description
        case .unknownColumn(let c): return "unknown column or item '\(c)'"
        case .duplicateColumn(let c): return "column '\(c)' appears twice"
        case .fieldCount(let e, let f): return "\(f) fields, the header has \(e)"
        case .notAnInteger: return "not a whole number"
        case .invalidTime: return "not an ISO 8601 time"
        case .invalidFlag: return "not 0, 1, true or false"
        case .wrongQuestionnaire(let e, let f): return "questionnaire '\(f)', expected '\(e)'"
        case .wrongVersion(let e, let f): return "version '\(f)', expected \(e)"
        case .duplicateResponseID: return "response id appears twice"
        case .response(let i): return i.description
        case .malformedJSON(let m): return "malformed JSON: \(m)"
        }
    }
}

/// An import that found problems; nothing was imported.
public struct SurveyImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every problem found (up to the importer's limit), in file order.
    public var issues: [ImportIssue]
    /// Creates the error.
    public init(issues: [ImportIssue]) { self.issues = issues }
    /// A readable description.
    public var description: String {
        "\(issues.count) import problem(s): " + issues.prefix(5).map(\.description).joined(separator: "; ")
    }
}
