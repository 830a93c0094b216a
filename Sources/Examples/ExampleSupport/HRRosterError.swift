import DiversityKit
import SurveyModule

/// Why an HR roster could not be imported. Nothing is registered when one is thrown.
///
/// Lines and fields are 1-based. A field is numbered as a spreadsheet numbers its columns (the
/// third `;`-separated value is field 3), and its heading is named; a quoting error, which
/// sits inside a field, also gives the character from the start of the line. Errors from a
/// roster read from a file come wrapped in ``inFile(_:_:)``, which names it. Messages name the
/// place, never other fields of the row.
public enum HRRosterError: Error, Hashable, Sendable, LocalizedMessage {
    /// Bytes that are not UTF-8 in this field.
    case notUTF8(line: Int, field: Int)
    /// The file has no header line.
    case empty
    /// A required column is missing from the header.
    case missingColumn(String)
    /// A column appears twice in the header; `field` is the second one's number.
    case duplicateColumn(String, field: Int)
    /// A quoted field is never closed; `column` is the character where the quote opens.
    case unterminatedQuote(line: Int, field: Int, column: Int)
    /// A quote inside an unquoted field, or text after a closing quote; `column` is its character.
    case unexpectedQuote(line: Int, field: Int, column: Int)
    /// A row with another number of fields than the header.
    case wrongFieldCount(line: Int, expected: Int, found: Int)
    /// A required field is empty; `name` is its column.
    case emptyField(line: Int, field: Int, name: String)
    /// A role the importer does not know.
    case unknownRole(line: Int, field: Int, value: String)
    /// An organisation that is not registered in the workspace.
    case unknownOrganisation(line: Int, field: Int, value: String)
    /// A unit that is not a unit of the row's organisation.
    case unknownUnit(line: Int, field: Int, value: String)
    /// The same employee reference twice.
    case duplicateEmployee(line: Int, field: Int, firstLine: Int)
    /// The file crosses one of the ``CSVLimits`` it is read under (``HRRoster/defaultLimits``
    /// unless given); the wrapped error names the bound and where.
    case exceedsLimit(CSVError)
    /// The roster file could not be opened or read; the text is its name.
    case unreadable(String)
    /// `error`, found in the roster file named `file`.
    indirect case inFile(String, HRRosterError)

    /// The error without the file it was found in.
    public var withoutFile: HRRosterError {
        if case .inFile(_, let error) = self { return error.withoutFile }
        return self
    }

    /// The error in `language`: `"personal.csv, rad 3, fält 4 (role): okänd roll 'chef?'"`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        let c = HRRoster.columns
        func at(_ line: Int, _ field: Int, _ name: String? = nil, _ column: Int? = nil) -> String {
            SourcePlace(line: line, fieldNumber: field, fieldName: name, column: column).text(language) + ": "
        }
        switch self {
        case .inFile(let file, let error):
            if case .unreadable = error { return error.text(language) }
            return file + (error.isPlaced ? ", " : ": ") + error.text(language)
        case .notUTF8(let l, let f): return at(l, f) + (sv ? "fältet är inte UTF-8-text; spara filen som UTF-8" : "the field is not UTF-8 text; save the file as UTF-8")
        case .empty: return sv ? "personalregistret är tomt (ingen rubrikrad)" : "the roster is empty (no header line)"
        case .missingColumn(let n): return sv ? "rubrikraden saknar kolumnen '\(n)'" : "the header has no column '\(n)'"
        case .duplicateColumn(let n, let f):
            return sv ? "rubrikraden har kolumnen '\(n)' två gånger (igen i fält \(f))" : "the header names column '\(n)' twice (again in field \(f))"
        case .unterminatedQuote(let l, let f, let col):
            return at(l, f, nil, col) + (sv ? "fältet börjar med ett citattecken som aldrig avslutas" : "quoted field is never closed")
        case .unexpectedQuote(let l, let f, let col):
            return at(l, f, nil, col) + (sv ? "oväntat citattecken" : "unexpected quote")
        case .wrongFieldCount(let l, let e, let f):
            return SourcePlace(line: l).text(language) + (sv ? ": \(e) fält väntades, raden har \(f)" : ": expected \(e) fields, found \(f)")
        case .emptyField(let l, let f, let n): return at(l, f, n) + (sv ? "fältet är tomt" : "the field is empty")
        case .unknownRole(let l, let f, let v): return at(l, f, c.role) + (sv ? "okänd roll '\(v)'" : "unknown role '\(v)'")
        case .unknownOrganisation(let l, let f, let v):
            return at(l, f, c.organisation) + (sv ? "organisationen '\(v)' finns inte i arbetsytan" : "unknown organisation '\(v)'")
        case .unknownUnit(let l, let f, let v):
            return at(l, f, c.unit) + (sv ? "'\(v)' är ingen enhet i radens organisation" : "'\(v)' is not a unit of the row's organisation")
        case .duplicateEmployee(let l, let f, let first):
            return at(l, f, c.employeeRef) + (sv ? "anställningsreferensen finns redan på rad \(first)" : "employee reference already on line \(first)")
        case .exceedsLimit(let bound):
            return (sv ? "personalregistret är för stort: " : "the roster is too large: ") + bound.text(language)
        case .unreadable(let name): return sv ? "personalregistret \(name) kan inte läsas" : "cannot read the roster file \(name)"
        }
    }

    /// Whether the text starts with a line (so a file name joins it with a comma).
    private var isPlaced: Bool {
        switch self {
        case .notUTF8, .unterminatedQuote, .unexpectedQuote, .wrongFieldCount, .emptyField, .unknownRole,
             .unknownOrganisation, .unknownUnit, .duplicateEmployee: return true
        case .empty, .missingColumn, .duplicateColumn, .exceedsLimit, .unreadable, .inFile: return false
        }
    }

    /// A readable description.
    public var description: String { text(.english) }

    /// Runs `body`, wrapping a roster error it throws in ``inFile(_:_:)`` with `file`.
    static func within<T>(file: String, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as HRRosterError { throw error.in(file) }
    }

    /// Runs `body`, wrapping a roster error it throws in ``inFile(_:_:)`` with `file`.
    static func within<T>(file: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as HRRosterError { throw error.in(file) }
    }

    private func `in`(_ file: String) -> HRRosterError {
        if case .unreadable = self { return self }
        if case .inFile = self { return self }
        return .inFile(file, self)
    }
}
