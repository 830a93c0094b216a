import DiversityKit
import SurveyModule

/// One problem in a LimeSurvey response export, with where it is (1-based line and column;
/// `field` is the column heading, e.g. `"Q2[SQ001]"`).
public typealias LimeSurveyResponseIssue = LocatedIssue<LimeSurveyResponseProblem>

/// What is wrong with a cell, row or file of a LimeSurvey response export. Messages never repeat answers.
public enum LimeSurveyResponseProblem: Hashable, Sendable, CustomStringConvertible {
    /// The CSV itself is malformed; reading stopped here.
    case syntax(CSVError)
    /// A row has another number of fields than the heading row.
    case fieldCount(expected: Int, found: Int)
    /// A heading appears twice.
    case duplicateColumn(String)
    /// A value that is not one of the question's answer codes (was the export made with full answers?).
    case unknownAnswerCode
    /// A numeric cell that is not a number.
    case notANumber
    /// A numeric cell with a fraction: DiversityKit numbers are whole.
    case notAWholeNumber
    /// A whole number beyond what a numeric item holds (32 bits).
    case numberOutOfRange
    /// A multiple-choice cell that is not `Y`, `1`, `N`, `0` or empty.
    case invalidSelectionFlag
    /// A date cell that is not `YYYY-MM-DD hh:mm[:ss]`.
    case invalidDate
    /// The answers break the questionnaire's rules.
    case response(ResponseIssue)

    /// A readable description.
    public var description: String { text(.english) }
}

extension LimeSurveyResponseProblem: LocalizedMessage {
    /// The problem in `language`, without its place (the ``/SurveyModule/LocatedIssue`` gives it); never an answer value.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .syntax(let e): return e.reason(language)
        case .fieldCount(let e, let f): return sv ? "\(f) fält, rubrikraden har \(e)" : "\(f) fields, the heading row has \(e)"
        case .duplicateColumn(let c): return sv ? "kolumnen '\(c)' förekommer två gånger" : "column '\(c)' appears twice"
        case .unknownAnswerCode:
            return sv ? "inte en av frågans svarskoder (exportera med 'Svarskoder', inte fullständiga svar)"
                : "not one of the question's answer codes (export with 'Answer codes', not full answers)"
        case .notANumber: return sv ? "inget tal" : "not a number"
        case .notAWholeNumber: return sv ? "inget heltal" : "not a whole number"
        case .numberOutOfRange: return sv ? "ett tal för stort för en sifferfråga" : "a number too large for a numeric item"
        case .invalidSelectionFlag: return sv ? "varken Y, N, 1, 0 eller tomt" : "not Y, N, 1, 0 or empty"
        case .invalidDate: return sv ? "inget datum med tid (ÅÅÅÅ-MM-DD tt:mm:ss)" : "not a date and time (YYYY-MM-DD hh:mm:ss)"
        case .response(let i): return i.text(language, naming: naming)
        }
    }
}

/// A response export with problems; nothing was imported.
public struct LimeSurveyResponseImportError: Error, Hashable, Sendable, LocalizedMessage {
    /// Every problem found (up to the importer's limit), in file order.
    public var issues: [LimeSurveyResponseIssue]
    /// The name of the export file, when the importer read one.
    public var file: String?
    /// Creates the error.
    public init(issues: [LimeSurveyResponseIssue], file: String? = nil) {
        self.issues = issues
        self.file = file
    }

    /// The error in `language`: the file, the number of problems and the first five with their places.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        importErrorText(language, file: file ?? (language == .swedish ? "LimeSurvey-svarsexporten" : "the LimeSurvey response export"),
                        count: issues.count, shown: issues.prefix(5).map { $0.text(language, naming: naming) })
    }

    /// A readable description.
    public var description: String { text(.english) }
}

/// What reading a response export found.
public struct LimeSurveyResponseReport: Hashable, Sendable {
    /// Data rows read.
    public var rows: Int = 0
    /// Responses passed on (rows without problems).
    public var imported: Int = 0
    /// Of those, partial responses (no submit date).
    public var partial: Int = 0
    /// Problems with line and column; rows with problems are not passed on.
    public var issues: [LimeSurveyResponseIssue] = []
    /// Columns ignored and other things worth knowing.
    public var warnings: [String] = []

    /// Creates an empty report.
    public init() {}
}
