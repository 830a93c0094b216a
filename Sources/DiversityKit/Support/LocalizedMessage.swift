import Foundation

/// A message for the people who use a program — an error, a problem found in a file — in
/// Swedish or English: one API for every error type of every DiversityKit module.
///
/// `description` stays the short English text for logs and developers; ``text(_:naming:)`` is
/// what a report, a user interface or a command line shows. Where an error carries a place (a
/// file, a line, a field) the text names it in both languages.
///
/// ```swift
/// do { try await workspace.add(programme) } catch let error as any LocalizedMessage {
///     print(error.text(.swedish))   // "posten p1 finns redan"
/// }
/// // Any error at all, with a fallback for the system's own errors:
/// ReportLanguage.swedish.message(for: CocoaError(.fileReadNoSuchFile)) // "filen finns inte"
/// ```
public protocol LocalizedMessage: CustomStringConvertible {
    /// The message as a sentence in `language`; `naming` turns a record key into the name a
    /// reader knows (an intervention's name rather than its identifier).
    func text(_ language: ReportLanguage, naming: (RecordKey) -> String) -> String
}

extension LocalizedMessage {
    /// The message in `language`, naming records by their identifiers.
    public func text(_ language: ReportLanguage) -> String { text(language, naming: { $0.id }) }
}

extension ReportLanguage {
    /// The message of any error in this language: the ``LocalizedMessage`` text where the error
    /// has one; for the file errors Foundation throws (no such file, permission denied, file
    /// exists) a sentence naming the file; otherwise the error's own description.
    public func message(for error: any Error, naming: (RecordKey) -> String = { $0.id }) -> String {
        if let message = error as? any LocalizedMessage { return message.text(self, naming: naming) }
        let sv = self == .swedish
        if let cocoa = error as? CocoaError {
            let path = (cocoa.userInfo[NSFilePathErrorKey] as? String) ?? cocoa.url?.path
            let file = path.map { sv ? "filen \($0)" : "the file \($0)" } ?? (sv ? "filen" : "the file")
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return sv ? "\(file) finns inte" : "\(file) does not exist"
            case .fileReadNoPermission, .fileWriteNoPermission:
                return sv ? "\(file) får inte läsas eller skrivas (behörighet saknas)" : "\(file) may not be read or written (permission denied)"
            case .fileWriteFileExists: return sv ? "\(file) finns redan" : "\(file) already exists"
            case .fileWriteOutOfSpace: return sv ? "disken är full: \(file) kunde inte skrivas" : "the disk is full: \(file) could not be written"
            case .fileReadCorruptFile, .fileReadUnknownStringEncoding, .fileReadInapplicableStringEncoding:
                return sv ? "\(file) kan inte läsas som text" : "\(file) cannot be read as text"
            default: break
            }
        }
        if let posix = error as? POSIXError, let code = POSIXErrorCode(rawValue: posix.code.rawValue) {
            switch code {
            case .ENOENT: return sv ? "filen eller mappen finns inte" : "no such file or directory"
            case .EACCES, .EPERM: return sv ? "behörighet saknas" : "permission denied"
            case .ENOSPC: return sv ? "disken är full" : "no space left on the disk"
            default: break
            }
        }
        return String(describing: error)
    }
}

extension ValidationProblem: LocalizedMessage {}
extension ValidationError: LocalizedMessage {}

extension StoreError: LocalizedMessage {
    /// The error in `language`, records named by `naming`; like ``description``, never a payload value.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .duplicate(let k): return sv ? "posten \(naming(k)) finns redan" : "record \(naming(k)) already exists"
        case .notFound(let k): return sv ? "posten \(naming(k)) finns inte" : "record \(naming(k)) does not exist"
        case .typeMismatch(let e, let f):
            return sv ? "en post av typen \(e) väntades, men typen var \(f)" : "expected a record of type \(e), found \(f)"
        case .corruptRecord(let k, let r):
            return sv ? "posten \(naming(k)) kan inte avkodas: \(r)" : "record \(naming(k)) could not be decoded: \(r)"
        case .unsupportedRecordVersion(let t, let f, let s):
            return sv ? "posttypen \(t) har version \(f), men den här programversionen läser högst version \(s); uppdatera programmet"
                : "record type \(t) has payload version \(f); this code reads up to \(s)"
        case .schemaTooNew(let f, let s):
            return sv ? "lagrets schemaversion \(f) är nyare än den här programversionen kan läsa (\(s)); lagret öppnades inte"
                : "store schema version \(f) is newer than this code supports (\(s))"
        case .notADiversityKitStore(let w):
            return sv ? "inte ett DiversityKit-lager, och det lämnades orört: \(w)" : "not a DiversityKit store: \(w)"
        case .backend(let c, let m): return sv ? "databasfel \(c): \(m)" : "database error \(c): \(m)"
        case .connectionLost(let m): return sv ? "förbindelsen med databasen bröts: \(m)" : "connection lost: \(m)"
        case .invalidArgument(let m): return sv ? "ogiltigt argument: \(m)" : "invalid argument: \(m)"
        case .conflict(let k):
            return sv ? "posten \(naming(k)) ändrades medan skrivningen förbereddes; ingenting skrevs, försök igen"
                : "record \(naming(k)) changed while this write was prepared; nothing was written"
        case .staleIndex(let t, let s, let r):
            return sv ? "poster av typen \(t) är indexerade med version \(s), programmet behöver \(r); indexera om dem först"
                : "records of type \(t) are indexed at version \(s), the code needs \(r); re-index them first"
        }
    }
}

extension ValueError: LocalizedMessage {
    /// The error in `language`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .invalidDate(let t): return sv ? "'\(t)' är inget datum på formen ÅÅÅÅ-MM-DD" : "'\(t)' is not a date of the form YYYY-MM-DD"
        case .invalidTime(let t): return sv ? "'\(t)' är ingen tid på formen TT:MM" : "'\(t)' is not a time of the form HH:MM"
        case .periodEndsBeforeStart(let s, let e):
            return sv ? "perioden slutar \(e), före sin början \(s)" : "period ends \(e) before it starts \(s)"
        case .invalidOrganisationNumber(let n):
            return sv ? "'\(n)' är inget giltigt svenskt organisationsnummer" : "'\(n)' is not a valid Swedish organisation number"
        case .invalidScale(let lo, let hi):
            return sv ? "skalan \(lo)–\(hi) måste ha sitt minsta värde under sitt största, båda inom 32 bitar"
                : "scale \(lo)–\(hi) must have its minimum below its maximum, both within 32 bits"
        }
    }
}

extension ReportRenderingError: LocalizedMessage {
    /// The error in `language`; option and property names stay as the code spells them.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .nonFiniteNumber(let path):
            return sv ? "talet vid \(path) är inte ändligt och kan inte skrivas som JSON"
                : "the number at \(path) is not finite and cannot be written as JSON"
        case .unsupportedSchemaVersion(let found, let supported):
            return sv ? "rapportens JSON har schemaVersion \(found); biblioteket läser version \(supported)"
                : "the report JSON has schemaVersion \(found); this library reads version \(supported)"
        case .malformedJSON(let path, let reason):
            let at = path.isEmpty ? (sv ? "på översta nivån" : "the top level") : path
            return sv ? "rapportens JSON är felaktig \(path.isEmpty ? at : "vid " + at): \(reason)"
                : "the report JSON is malformed at \(at): \(reason)"
        case .unsafeFileName(let name):
            return sv ? "filnamnet \"\(name)\" är tomt eller inget vanligt filnamn" : "the file name \"\(name)\" is empty or not a plain file name"
        case .writeFailed(let path, let reason): return sv ? "kunde inte skriva \(path): \(reason)" : "could not write \(path): \(reason)"
        case .nestingTooDeep(let depth, let limit):
            return sv ? "avsnitten är nästlade \(depth) nivåer djupt, fler än maximumSectionDepth (\(limit))"
                : "sections nest \(depth) levels deep, more than maximumSectionDepth (\(limit))"
        case .optionOutOfRange(let name, let value, let allowed):
            return sv ? "inställningen \(name) är \(value), utanför \(allowed)" : "the option \(name) is \(value), outside \(allowed)"
        }
    }
}

/// Where in an input file something is, as messages name it: the file, the 1-based line, the
/// field's number as a spreadsheet numbers its columns, the column's heading, and the
/// character within the line for problems that sit inside a field. Every part but the line is
/// optional and left out of the text when unknown.
///
/// ```swift
/// SourcePlace(file: "personal.csv", line: 3, fieldNumber: 4, fieldName: "role").text(.swedish)
/// // "personal.csv, rad 3, fält 4 (role)"
/// ```
public struct SourcePlace: Hashable, Sendable, Codable, LocalizedMessage {
    /// The file's name, when known.
    public var file: String?
    /// The line (1-based; 0 when the problem concerns the whole file).
    public var line: Int
    /// The field's number in its record (1-based), when known.
    public var fieldNumber: Int?
    /// The column's heading, when the file has one.
    public var fieldName: String?
    /// The character within the line (1-based), for problems inside a field.
    public var column: Int?

    /// Creates a place.
    public init(file: String? = nil, line: Int, fieldNumber: Int? = nil, fieldName: String? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.fieldNumber = fieldNumber
        self.fieldName = fieldName
        self.column = column
    }

    /// `"personal.csv, rad 3, fält 4 (role), tecken 12"` / `"personal.csv, line 3, field 4 (role), character 12"`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        var parts: [String] = []
        if let file { parts.append(file) }
        if line > 0 { parts.append((sv ? "rad " : "line ") + String(line)) }
        if let fieldNumber {
            parts.append((sv ? "fält " : "field ") + String(fieldNumber) + (fieldName.map { " (\($0))" } ?? ""))
        } else if let fieldName {
            parts.append((sv ? "kolumnen " : "column ") + fieldName)
        }
        if let column { parts.append((sv ? "tecken " : "character ") + String(column)) }
        return parts.isEmpty ? (sv ? "filen" : "the file") : parts.joined(separator: ", ")
    }

    /// The place in English.
    public var description: String { text(.english) }
}
