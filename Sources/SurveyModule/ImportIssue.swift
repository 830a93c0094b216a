import DiversityKit

/// One problem found while importing, with where it is: the 1-based line, the field's number
/// (as a spreadsheet numbers its columns) and its heading, and the character column where the
/// field starts; `Problem` says what is wrong. Shared by every importer so their issues read
/// and sort alike.
public struct LocatedIssue<Problem: Hashable & Sendable & LocalizedMessage>: Error, Hashable, Sendable,
    LocalizedMessage
{
    /// The line.
    public var line: Int
    /// The column (character) where the field starts; 0 when unknown.
    public var column: Int
    /// The field's number in its row (1-based), when the problem is in one field.
    public var fieldNumber: Int?
    /// The column's header name, when known.
    public var field: String?
    /// What is wrong.
    public var problem: Problem

    /// Creates an issue.
    public init(line: Int, column: Int, fieldNumber: Int? = nil, field: String? = nil, problem: Problem) {
        self.line = line
        self.column = column
        self.fieldNumber = fieldNumber
        self.field = field
        self.problem = problem
    }

    /// The issue of a malformed CSV file, at the error's line, field and character.
    public init(_ error: CSVError, problem: Problem) {
        let at = error.position ?? (0, 0, 0)
        self.init(line: at.line, column: at.column, fieldNumber: error.isInsideField ? at.field : nil, problem: problem)
    }

    /// Where the issue is, as its text names it: line, field number and heading; the character
    /// only when no field number is known (a JSON document's line and column).
    public var place: SourcePlace {
        SourcePlace(line: line, fieldNumber: fieldNumber, fieldName: field, column: fieldNumber == nil && column > 0 ? column : nil)
    }

    /// The issue in `language`: `"rad 3, fält 5 (q2): inget heltal"` / `"line 3, field 5 (q2): not a whole number"`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        place.text(language) + ": " + problem.text(language, naming: naming)
    }

    /// A readable description.
    public var description: String { text(.english) }
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
    public var description: String { text(.english) }
}

extension ImportProblem: LocalizedMessage {
    /// The problem in `language`, without its place (the ``LocatedIssue`` gives it); never an answer value.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .syntax(let e): return e.reason(language)
        case .unknownColumn(let c): return sv ? "okänd kolumn eller fråga '\(c)'" : "unknown column or item '\(c)'"
        case .duplicateColumn(let c): return sv ? "kolumnen '\(c)' förekommer två gånger" : "column '\(c)' appears twice"
        case .fieldCount(let e, let f): return sv ? "\(f) fält, rubrikraden har \(e)" : "\(f) fields, the header has \(e)"
        case .notAnInteger: return sv ? "inget heltal" : "not a whole number"
        case .invalidTime: return sv ? "ingen tid enligt ISO 8601" : "not an ISO 8601 time"
        case .invalidFlag: return sv ? "varken 0, 1, true eller false" : "not 0, 1, true or false"
        case .wrongQuestionnaire(let e, let f): return sv ? "enkäten '\(f)', väntad '\(e)'" : "questionnaire '\(f)', expected '\(e)'"
        case .wrongVersion(let e, let f): return sv ? "versionen '\(f)', väntad \(e)" : "version '\(f)', expected \(e)"
        case .duplicateResponseID: return sv ? "svars-id:t förekommer två gånger" : "response id appears twice"
        case .response(let i): return i.text(language, naming: naming)
        case .malformedJSON(let m): return sv ? "felaktig JSON: \(m)" : "malformed JSON: \(m)"
        }
    }
}

/// An import that found problems; nothing was imported.
public struct SurveyImportError: Error, Hashable, Sendable, LocalizedMessage {
    /// Every problem found (up to the importer's limit), in file order.
    public var issues: [ImportIssue]
    /// The name of the file imported, when the importer read one.
    public var file: String?
    /// Creates the error.
    public init(issues: [ImportIssue], file: String? = nil) {
        self.issues = issues
        self.file = file
    }

    /// The error in `language`: the file, the number of problems and the first five with their places.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        importErrorText(language, file: file, count: issues.count, shown: issues.prefix(5).map { $0.text(language, naming: naming) })
    }

    /// A readable description.
    public var description: String { text(.english) }
}

/// `"svar.csv: 2 problem, ingenting importerades: …; …"`, shared by the importers' errors.
package func importErrorText(_ language: ReportLanguage, file: String?, count: Int, shown: [String]) -> String {
    let sv = language == .swedish
    let head = sv ? "\(count) problem, ingenting importerades" : "\(count) import problem\(count == 1 ? "" : "s"), nothing was imported"
    return (file.map { $0 + ": " } ?? "") + head + ": " + shown.joined(separator: "; ") + (count > shown.count ? " …" : "")
}
