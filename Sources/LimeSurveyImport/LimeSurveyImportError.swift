import DiversityKit
import SurveyModule

/// Why a LimeSurvey structure file or response export was refused. Messages never contain answers.
///
/// ```swift
/// do { _ = try LimeSurveyImporter().importStructure(from: url) }
/// catch LimeSurveyImportError.strictModeRefused(let questions) { print(questions.map(\.title)) }
/// ```
public enum LimeSurveyImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not well-formed XML (a `.lsa` archive, a truncated file, …); the position is
    /// where the XML parser stopped (1-based).
    case notXML(line: Int, column: Int, reason: String)
    /// Well-formed XML, but not a LimeSurvey survey structure: another root element, or a
    /// question (`.lsq`) or group (`.lsg`) export.
    case notASurveyStructure(found: String)
    /// A row of a table block lacks a field the import needs or has an unusable value.
    case malformedRow(table: String, line: Int, column: Int, reason: String)
    /// Strict mode: the file has questions DiversityKit cannot represent; every one is listed.
    case strictModeRefused([LimeSurveyUnsupportedQuestion])
    /// No question of the survey could be imported; every question is listed with why — the
    /// unsupported ones and those left out on purpose (text display, hidden questions).
    case noImportableQuestions([LimeSurveyUnsupportedQuestion])
    /// A response export of an anonymous survey (`anonymized = Y`) carries a `token` column.
    case tokenInAnonymousSurvey(line: Int, column: Int)
    /// No heading of a response export is a question code of the survey.
    case noQuestionColumns(line: Int)
    /// The mapping names an item the questionnaire does not have: they come from different imports.
    case mappingDoesNotMatch(item: String)
    /// The input crosses one of the ``LimeSurveyLimits``; `location` says where (a field, a column, an entry).
    case boundExceeded(LimeSurveyLimits.Bound, limit: Int, location: String)
    /// A ZIP archive (`.lsa`, `.zip`) was given to a reader of one file; `reader` names the call that reads it.
    case isAnArchive(reader: String)
    /// A ZIP archive that cannot be read: damaged, encrypted, or compressed with a method other than deflate.
    case malformedArchive(reason: String)
    /// An archive entry whose name could write outside a directory (`..`, an absolute path, a drive letter).
    case unsafeEntryName(String)
    /// The archive lacks the entry a reader needs (e.g. the `.lss` of a `.lsa`).
    case missingArchiveEntry(String)
    /// A questionnaire the LimeSurvey exporter cannot write (a code LimeSurvey cannot hold, a character XML cannot carry).
    case notExportable(reason: String)
    /// A `.lsr` response file that is not one: another document type, or no `<responses>` block.
    case notAResponseFile(found: String)

    /// A readable description.
    public var description: String {
        switch self {
        case .notXML(let l, let c, let r):
            return "line \(l), column \(c): not a readable XML document (\(r)); a LimeSurvey structure file (.lss) is XML"
        case .notASurveyStructure(let f):
            return "not a LimeSurvey survey structure (.lss): found \(f)"
        case .malformedRow(let t, let l, let c, let r):
            return "line \(l), column \(c): a row of <\(t)> is malformed: \(r)"
        case .strictModeRefused(let qs):
            return "strict mode: \(qs.count) question(s) cannot be represented: " + qs.map(\.description).joined(separator: "; ")
        case .noImportableQuestions(let qs):
            return "no question could be imported" + (qs.isEmpty ? " (the survey has none)" : ": " + qs.map(\.description).joined(separator: "; "))
        case .tokenInAnonymousSurvey(let l, let c):
            return "line \(l), column \(c): the survey is anonymous (anonymized = Y) but the export has a 'token' column; "
                + "a token links an answer to an invited person, so anonymous responses must not carry one — "
                + "export again without the token column, or import the survey as not anonymous"
        case .noQuestionColumns(let l):
            return "line \(l): no column heading is a question code of the survey; export responses from LimeSurvey "
                + "with 'Question code' headings and 'Answer codes'"
        case .mappingDoesNotMatch(let i):
            return "the LimeSurvey mapping names item \(i), which the questionnaire does not have"
        case .boundExceeded(let bound, let limit, let location):
            return "\(location): over the bound \(bound) = \(limit) (LimeSurveyLimits); raise it if the file is genuine"
        case .isAnArchive(let reader):
            return "this is a ZIP archive (a LimeSurvey survey archive, .lsa), not a single XML file; read it with \(reader)"
        case .malformedArchive(let r):
            return "not a readable ZIP archive: \(r)"
        case .unsafeEntryName(let n):
            return "archive entry '\(n)' has a name that could write outside its directory; refused"
        case .missingArchiveEntry(let n):
            return "the archive has no \(n)"
        case .notExportable(let r):
            return "cannot be written as a LimeSurvey structure (.lss): \(r)"
        case .notAResponseFile(let f):
            return "not a LimeSurvey response file (.lsr): found \(f)"
        }
    }
}

/// A LimeSurvey question that was not imported, and why.
public struct LimeSurveyUnsupportedQuestion: Codable, Hashable, Sendable, CustomStringConvertible {
    /// LimeSurvey's question id (`qid`).
    public var qid: String
    /// The question code (`title`), e.g. `"Q7"`.
    public var title: String
    /// The LimeSurvey type letter, e.g. `"R"` for a ranking.
    public var type: String
    /// Why it cannot be represented.
    public var reason: String

    /// Creates an entry.
    public init(qid: String, title: String, type: String, reason: String) {
        self.qid = qid
        self.title = title
        self.type = type
        self.reason = reason
    }

    /// A readable description.
    public var description: String { "question \(title) (qid \(qid), type '\(type)'): \(reason)" }
}

/// What a structure import did: the items imported, the questions skipped and anything else worth knowing.
public struct LimeSurveyImportReport: Codable, Hashable, Sendable {
    /// The codes of the imported items, in questionnaire order.
    public var importedItems: [String]
    /// Questions that could not be represented (empty in strict mode, which refuses instead).
    public var skipped: [LimeSurveyUnsupportedQuestion]
    /// Everything else: missing languages, text-only questions left out, dropped free-text extras.
    public var warnings: [String]

    /// Creates a report.
    public init(importedItems: [String] = [], skipped: [LimeSurveyUnsupportedQuestion] = [], warnings: [String] = []) {
        self.importedItems = importedItems
        self.skipped = skipped
        self.warnings = warnings
    }
}
