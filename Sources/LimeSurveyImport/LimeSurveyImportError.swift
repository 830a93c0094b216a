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
    /// `field` is the token column's number in the heading row.
    case tokenInAnonymousSurvey(line: Int, field: Int)
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
    public var description: String { text(.english) }
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
    public var description: String { text(.english) }
}

extension LimeSurveyUnsupportedQuestion: LocalizedMessage {
    /// The question in `language`: its code, qid, type and why; the reason stays as the importer wrote it.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        language == .swedish ? "frågan \(title) (qid \(qid), typ '\(type)'): \(reason)" : "question \(title) (qid \(qid), type '\(type)'): \(reason)"
    }
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

extension LimeSurveyImportError: LocalizedMessage {
    /// The error in `language`. The reasons the XML parser or the archive reader give and a
    /// bound's location are quoted as they come; bounds are named as their ``LimeSurveyLimits`` property.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        func questions(_ qs: [LimeSurveyUnsupportedQuestion]) -> String { qs.map { $0.text(language) }.joined(separator: "; ") }
        switch self {
        case .notXML(let l, let c, let r):
            return sv ? "rad \(l), tecken \(c): inget läsbart XML-dokument (\(r)); en LimeSurvey-strukturfil (.lss) är XML"
                : "line \(l), column \(c): not a readable XML document (\(r)); a LimeSurvey structure file (.lss) is XML"
        case .notASurveyStructure(let f):
            return sv ? "ingen LimeSurvey-enkätstruktur (.lss): hittade \(f)" : "not a LimeSurvey survey structure (.lss): found \(f)"
        case .malformedRow(let t, let l, let c, let r):
            return sv ? "rad \(l), tecken \(c): en rad i <\(t)> är felaktig: \(r)" : "line \(l), column \(c): a row of <\(t)> is malformed: \(r)"
        case .strictModeRefused(let qs):
            return sv ? "strikt läge: \(qs.count) fråga/frågor kan inte återges: " + questions(qs)
                : "strict mode: \(qs.count) question(s) cannot be represented: " + questions(qs)
        case .noImportableQuestions(let qs):
            if sv { return "ingen fråga kunde importeras" + (qs.isEmpty ? " (enkäten har inga)" : ": " + questions(qs)) }
            return "no question could be imported" + (qs.isEmpty ? " (the survey has none)" : ": " + questions(qs))
        case .tokenInAnonymousSurvey(let l, let f):
            let place = SourcePlace(line: l, fieldNumber: f, fieldName: "token").text(language)
            return sv ? "\(place): enkäten är anonym (anonymized = Y) men exporten har en kolumn 'token'; "
                + "en kod kopplar ett svar till en inbjuden person, så anonyma svar får inte ha någon — "
                + "exportera igen utan kodkolumnen, eller importera enkäten som icke-anonym"
                : "\(place): the survey is anonymous (anonymized = Y) but the export has a 'token' column; "
                + "a token links an answer to an invited person, so anonymous responses must not carry one — "
                + "export again without the token column, or import the survey as not anonymous"
        case .noQuestionColumns(let l):
            return sv ? "rad \(l): ingen kolumnrubrik är en frågekod i enkäten; exportera svaren från LimeSurvey "
                + "med rubrikerna 'Frågekod' och 'Svarskoder'"
                : "line \(l): no column heading is a question code of the survey; export responses from LimeSurvey "
                + "with 'Question code' headings and 'Answer codes'"
        case .mappingDoesNotMatch(let i):
            return sv ? "LimeSurvey-kopplingen anger frågan \(i), som enkäten inte har" : "the LimeSurvey mapping names item \(i), which the questionnaire does not have"
        case .boundExceeded(let bound, let limit, let location):
            return sv ? "\(location): över gränsen \(bound) = \(limit) (LimeSurveyLimits); höj den om filen är äkta"
                : "\(location): over the bound \(bound) = \(limit) (LimeSurveyLimits); raise it if the file is genuine"
        case .isAnArchive(let reader):
            return sv ? "det här är ett ZIP-arkiv (ett LimeSurvey-enkätarkiv, .lsa), inte en enskild XML-fil; läs det med \(reader)"
                : "this is a ZIP archive (a LimeSurvey survey archive, .lsa), not a single XML file; read it with \(reader)"
        case .malformedArchive(let r): return sv ? "inget läsbart ZIP-arkiv: \(r)" : "not a readable ZIP archive: \(r)"
        case .unsafeEntryName(let n):
            return sv ? "arkivposten '\(n)' har ett namn som kan skriva utanför sin mapp; avvisad"
                : "archive entry '\(n)' has a name that could write outside its directory; refused"
        case .missingArchiveEntry(let n): return sv ? "arkivet saknar \(n)" : "the archive has no \(n)"
        case .notExportable(let r):
            return sv ? "kan inte skrivas som LimeSurvey-struktur (.lss): \(r)" : "cannot be written as a LimeSurvey structure (.lss): \(r)"
        case .notAResponseFile(let f):
            return sv ? "ingen LimeSurvey-svarsfil (.lsr): hittade \(f)" : "not a LimeSurvey response file (.lsr): found \(f)"
        }
    }
}
