import DiversityKit
import DiversityKitTesting
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

/// Every case of the LimeSurvey importer's error types has a Swedish and an English text with
/// its place; `key(_:)` switches over every case, so a new case needs a sample here.
@Suite("LimeSurvey messages in Swedish and English")
struct LimeSurveyMessagesTests {
    static let question = LimeSurveyUnsupportedQuestion(qid: "12", title: "Q7", type: "|", reason: "file upload")

    static let importErrors: [MessageSample<LimeSurveyImportError>] = [
        .init(.notXML(line: 1, column: 4, reason: "XMLParser 4"), sv: ["rad 1, tecken 4", "XML"], en: ["line 1, column 4"]),
        .init(.notASurveyStructure(found: "<questions>"), sv: ["<questions>"], en: ["<questions>"]),
        .init(.malformedRow(table: "answers", line: 40, column: 3, reason: "qid"), sv: ["rad 40, tecken 3", "<answers>"], en: ["line 40"]),
        .init(.strictModeRefused([question]), sv: ["strikt läge", "frågan Q7 (qid 12, typ '|')"], en: ["question Q7 (qid 12, type '|')"]),
        .init(.noImportableQuestions([question]), sv: ["ingen fråga", "Q7"], en: ["Q7"]),
        .init(.noImportableQuestions([]), sv: ["enkäten har inga"], en: ["the survey has none"]),
        .init(.tokenInAnonymousSurvey(line: 1, field: 2), sv: ["rad 1, fält 2 (token)", "anonym"], en: ["line 1, field 2 (token)"]),
        .init(.noQuestionColumns(line: 1), sv: ["rad 1", "frågekod"], en: ["line 1"]),
        .init(.mappingDoesNotMatch(item: "KLIMAT[SQ009]"), sv: ["KLIMAT[SQ009]"], en: ["KLIMAT[SQ009]"]),
        .init(.boundExceeded(.columns, limit: 5000, location: "rad 1"), sv: ["maximumColumns = 5000", "gränsen"], en: ["maximumColumns = 5000"]),
        .init(.isAnArchive(reader: "LimeSurveyArchiveImporter"), sv: ["ZIP-arkiv", "LimeSurveyArchiveImporter"], en: ["ZIP archive"]),
        .init(.malformedArchive(reason: "CRC"), sv: ["ZIP-arkiv: CRC"], en: ["ZIP archive: CRC"]),
        .init(.unsafeEntryName("../x.lss"), sv: ["'../x.lss'"], en: ["'../x.lss'"]),
        .init(.missingArchiveEntry(".lss"), sv: ["saknar .lss"], en: ["has no .lss"]),
        .init(.notExportable(reason: "Q 1"), sv: ["kan inte skrivas"], en: ["cannot be written"]),
        .init(.notAResponseFile(found: "<document>"), sv: ["<document>", "svarsfil"], en: ["<document>"]),
    ]
    static func key(_ e: LimeSurveyImportError) -> Int {
        switch e {
        case .notXML: 0
        case .notASurveyStructure: 1
        case .malformedRow: 2
        case .strictModeRefused: 3
        case .noImportableQuestions: 4
        case .tokenInAnonymousSurvey: 5
        case .noQuestionColumns: 6
        case .mappingDoesNotMatch: 7
        case .boundExceeded: 8
        case .isAnArchive: 9
        case .malformedArchive: 10
        case .unsafeEntryName: 11
        case .missingArchiveEntry: 12
        case .notExportable: 13
        case .notAResponseFile: 14
        }
    }

    static func issue(_ field: Int, _ name: String, _ problem: LimeSurveyResponseProblem) -> LimeSurveyResponseIssue {
        LimeSurveyResponseIssue(line: 3, column: 40, fieldNumber: field, field: name, problem: problem)
    }
    static let responseIssues: [MessageSample<LimeSurveyResponseIssue>] = [
        .init(LimeSurveyResponseIssue(.unterminatedQuote(line: 3, field: 21, column: 90), problem: .syntax(.unterminatedQuote(line: 3, field: 21, column: 90))),
              sv: ["rad 3, fält 21", "citattecken"], en: ["line 3, field 21"]),
        .init(LimeSurveyResponseIssue(line: 4, column: 1, problem: .fieldCount(expected: 28, found: 27)), sv: ["rad 4", "27 fält"], en: ["line 4"]),
        .init(issue(9, "KLIMAT[SQ002]", .duplicateColumn("KLIMAT[SQ002]")), sv: ["rad 3, fält 9 (KLIMAT[SQ002])"], en: ["line 3, field 9 (KLIMAT[SQ002])"]),
        .init(issue(8, "KLIMAT[SQ001]", .unknownAnswerCode), sv: ["fält 8 (KLIMAT[SQ001])", "svarskoder"], en: ["field 8"]),
        .init(issue(17, "ANSTALLD", .notANumber), sv: ["fält 17 (ANSTALLD): inget tal"], en: ["field 17 (ANSTALLD): not a number"]),
        .init(issue(17, "ANSTALLD", .notAWholeNumber), sv: ["inget heltal"], en: ["not a whole number"]),
        .init(issue(17, "ANSTALLD", .numberOutOfRange), sv: ["för stort"], en: ["too large"]),
        .init(issue(13, "KANAL[SQ001]", .invalidSelectionFlag), sv: ["fält 13 (KANAL[SQ001])"], en: ["field 13"]),
        .init(issue(6, "startdate", .invalidDate), sv: ["fält 6 (startdate)", "ÅÅÅÅ-MM-DD"], en: ["field 6 (startdate)"]),
        .init(issue(8, "KLIMAT[SQ001]", .response(.missingRequired(item: "KLIMAT[SQ001]"))), sv: ["måste besvaras"], en: ["is required"]),
    ]
    static func key(_ e: LimeSurveyResponseProblem) -> Int {
        switch e {
        case .syntax: 0
        case .fieldCount: 1
        case .duplicateColumn: 2
        case .unknownAnswerCode: 3
        case .notANumber: 4
        case .notAWholeNumber: 5
        case .numberOutOfRange: 6
        case .invalidSelectionFlag: 7
        case .invalidDate: 8
        case .response: 9
        }
    }

    @Test("every structure and archive error reads in Swedish and English, naming its place", arguments: importErrors)
    func importError(_ sample: MessageSample<LimeSurveyImportError>) { #expect(sample.problems == []) }

    @Test("every response problem reads in Swedish and English with its line, field number and heading", arguments: responseIssues)
    func responseIssue(_ sample: MessageSample<LimeSurveyResponseIssue>) { #expect(sample.problems == []) }

    @Test("the samples cover every case of every error type")
    func everyCase() {
        #expect(Set(Self.importErrors.map { Self.key($0.message) }) == Set(0...14))
        #expect(Set(Self.responseIssues.map { Self.key($0.message.problem) }) == Set(0...9))
    }

    @Test("a bad cell after a quoted comment with the separator and a line break is placed by line, field number and heading, with either separator",
          arguments: [",", ";"])
    func placeAfterQuotedField(_ separator: String) throws {
        var row = ResponseImportTests.complete
        row[21] = "x"   // TIMMAR[arbete], field 22, after KOMMENTAR (field 21) holds "Bra att\nni frågar; \"tack\""
        let text = "\u{FEFF}" + ResponseImportTests.csv([ResponseImportTests.header, row], separator: separator)
        let report = try ResponseImportTests.importer().read(try CSVReader(text: text)) { _ in }
        let issue = try #require(report.issues.first)
        #expect(issue.line == 3 && issue.fieldNumber == 22 && issue.field == "TIMMAR[arbete]")
        #expect(issue.text(.swedish) == "rad 3, fält 22 (TIMMAR[arbete]): inget tal")
        #expect(issue.text(.english) == "line 3, field 22 (TIMMAR[arbete]): not a number")
    }

    @Test("a response export read from a file names the file in its error")
    func namesFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lime-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var row = ResponseImportTests.complete
        row[7] = "ZZ"
        let url = dir.appendingPathComponent("results-survey123456.csv")
        try Data(ResponseImportTests.csv([ResponseImportTests.header, row], separator: ";").utf8).write(to: url)
        let error = try #require(throws: LimeSurveyResponseImportError.self) { try ResponseImportTests.importer().importAll(from: url) }
        #expect(error.file == "results-survey123456.csv")
        #expect(error.text(.swedish).hasPrefix("results-survey123456.csv: 1 problem, ingenting importerades: rad 2, fält 8 (KLIMAT[SQ001])"))
        #expect(error.text(.english).hasPrefix("results-survey123456.csv: 1 import problem, nothing was imported: line 2, field 8 (KLIMAT[SQ001])"))
    }
}
