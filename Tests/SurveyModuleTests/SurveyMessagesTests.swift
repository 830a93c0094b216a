import DiversityKit
import DiversityKitCrypto
import DiversityKitTesting
import Foundation
import Testing
@testable import SurveyModule

/// Every case of SurveyModule's error types has a Swedish and an English text naming the line,
/// field and item it carries; `key(_:)` switches over every case, so a new case does not compile
/// until it has a sample here.
@Suite("Survey messages in Swedish and English")
struct SurveyMessagesTests {
    static let ref = QuestionnaireReference(id: "klimat", version: 2)

    static let csvErrors: [MessageSample<CSVError>] = [
        .init(.unterminatedQuote(line: 3, field: 2, column: 7), sv: ["rad 3, fält 2, tecken 7", "citattecken"], en: ["line 3, field 2, character 7"]),
        .init(.unexpectedQuote(line: 4, field: 5, column: 9), sv: ["rad 4, fält 5, tecken 9"], en: ["line 4, field 5, character 9"]),
        .init(.invalidUTF8(line: 2, field: 1, column: 1), sv: ["rad 2, fält 1", "UTF-8"], en: ["line 2, field 1"]),
        .init(.unreadable("svar.csv"), sv: ["svar.csv", "kan inte läsas"], en: ["svar.csv"]),
        .init(.fieldTooLarge(line: 1, field: 3, column: 5, limit: 4096), sv: ["rad 1, fält 3", "maximumFieldBytes", "4\u{A0}096"],
              en: ["line 1, field 3", "maximumFieldBytes"]),
        .init(.recordTooLarge(line: 6, limit: 10), sv: ["rad 6", "maximumRecordBytes"], en: ["line 6", "maximumRecordBytes"]),
        .init(.tooManyColumns(line: 1, limit: 2), sv: ["rad 1, fält 3", "maximumColumns"], en: ["line 1, field 3", "maximumColumns"]),
        .init(.tooManyRecords(line: 3, limit: 2), sv: ["rad 3", "maximumRecords"], en: ["line 3", "maximumRecords"]),
    ]
    static func key(_ e: CSVError) -> Int {
        switch e {
        case .unterminatedQuote: 0
        case .unexpectedQuote: 1
        case .invalidUTF8: 2
        case .unreadable: 3
        case .fieldTooLarge: 4
        case .recordTooLarge: 5
        case .tooManyColumns: 6
        case .tooManyRecords: 7
        }
    }

    static let surveyErrors: [MessageSample<SurveyError>] = [
        .init(.unknownQuestionnaire(ref), sv: ["klimat#2"], en: ["klimat#2"]),
        .init(.questionnaireAlreadyPublished(ref), sv: ["klimat#2", "ny version"], en: ["klimat#2"]),
        .init(.versionNotNext(ref, latest: 4), sv: ["klimat#2", "4"], en: ["4"]),
        .init(.unknownDistribution("d1"), sv: ["utskick d1"], en: ["distribution d1"]),
        .init(.unknownToken), .init(.tokenAlreadyUsed),
        .init(.surveyNotOpen("d1", opens: Date(timeIntervalSince1970: 1_700_000_000)), sv: ["d1", "2023-11-14T22:13:20Z"], en: ["d1"]),
        .init(.surveyClosed("d1"), sv: ["d1", "stängt"], en: ["d1"]),
        .init(.wrongQuestionnaireVersion(expected: ref, found: QuestionnaireReference(id: "klimat", version: 1)),
              sv: ["klimat#1", "klimat#2"], en: ["klimat#1"]),
        .init(.sensitiveItemsNeedAnonymity(items: ["HALSA"]), sv: ["HALSA", "anonymt"], en: ["HALSA"]),
        .init(.invalidDistribution(reason: "0 < 1"), sv: ["ogiltigt utskick"], en: ["invalid distribution"]),
        .init(.invalidResponse([.missingRequired(item: "L1"), .unknownItem("Q9")]), sv: ["L1", "Q9"], en: ["L1", "Q9"]),
        .init(.invalidSubmission(reason: "startedAt > submittedAt"), sv: ["ogiltig inlämning"], en: ["invalid submission"]),
        .init(.invalidSecret(reason: "Base64"), sv: ["kodhemlighet"], en: ["token secret"]),
        .init(.undecryptablePending(count: 3), sv: ["3 väntande svar"], en: ["3 pending"]),
    ]
    static func key(_ e: SurveyError) -> Int {
        switch e {
        case .unknownQuestionnaire: 0
        case .questionnaireAlreadyPublished: 1
        case .versionNotNext: 2
        case .unknownDistribution: 3
        case .unknownToken: 4
        case .tokenAlreadyUsed: 5
        case .surveyNotOpen: 6
        case .surveyClosed: 7
        case .wrongQuestionnaireVersion: 8
        case .sensitiveItemsNeedAnonymity: 9
        case .invalidDistribution: 10
        case .invalidResponse: 11
        case .invalidSubmission: 12
        case .invalidSecret: 13
        case .undecryptablePending: 14
        }
    }

    static let responseIssues: [MessageSample<ResponseIssue>] = [
        .init(.missingRequired(item: "L1"), sv: ["frågan L1"], en: ["item L1"]),
        .init(.outOfRange(item: "L2", value: 9, allowed: 1...5), sv: ["L2", "1…5"], en: ["L2", "1…5"]),
        .init(.notAnOption(item: "M1", value: 7), sv: ["M1"], en: ["M1"]),
        .init(.unknownItem("Q9"), sv: ["Q9"], en: ["Q9"]),
        .init(.textTooLong(item: "T1", length: 30, maximum: 20), sv: ["T1", "30", "20"], en: ["T1", "30"]),
        .init(.invalidSelection(item: "M1", reason: "3 > 2"), sv: ["M1", "ogiltigt val"], en: ["M1"]),
        .init(.wrongAnswerKind(item: "L1", expected: "Likert"), sv: ["L1", "Likert"], en: ["L1"]),
    ]
    static func key(_ e: ResponseIssue) -> Int {
        switch e {
        case .missingRequired: 0
        case .outOfRange: 1
        case .notAnOption: 2
        case .unknownItem: 3
        case .textTooLong: 4
        case .invalidSelection: 5
        case .wrongAnswerKind: 6
        }
    }

    /// Import problems inside issues, so the place is checked too.
    static let importIssues: [MessageSample<ImportIssue>] = [
        .init(ImportIssue(.unterminatedQuote(line: 3, field: 2, column: 3), problem: .syntax(.unterminatedQuote(line: 3, field: 2, column: 3))),
              sv: ["rad 3, fält 2: fältet börjar med ett citattecken"], en: ["line 3, field 2: quoted field is never closed"]),
        .init(ImportIssue(line: 1, column: 7, fieldNumber: 3, field: "Q9", problem: .unknownColumn("Q9")), sv: ["rad 1, fält 3 (Q9)"], en: ["line 1, field 3 (Q9)"]),
        .init(ImportIssue(line: 1, column: 9, fieldNumber: 4, field: "L1", problem: .duplicateColumn("L1")), sv: ["rad 1, fält 4 (L1)"], en: ["line 1, field 4 (L1)"]),
        .init(ImportIssue(line: 5, column: 1, problem: .fieldCount(expected: 4, found: 3)), sv: ["rad 5", "3 fält"], en: ["line 5", "3 fields"]),
        .init(ImportIssue(line: 2, column: 11, fieldNumber: 10, field: "L2", problem: .notAnInteger), sv: ["rad 2, fält 10 (L2): inget heltal"],
              en: ["line 2, field 10 (L2)"]),
        .init(ImportIssue(line: 2, column: 5, fieldNumber: 8, field: "started_at", problem: .invalidTime), sv: ["fält 8 (started_at)", "ISO 8601"],
              en: ["field 8 (started_at)"]),
        .init(ImportIssue(line: 2, column: 5, fieldNumber: 10, field: "partial", problem: .invalidFlag), sv: ["fält 10 (partial)"], en: ["field 10"]),
        .init(ImportIssue(line: 2, column: 3, fieldNumber: 2, field: "questionnaire", problem: .wrongQuestionnaire(expected: "a", found: "b")),
              sv: ["fält 2 (questionnaire)", "'b'"], en: ["field 2 (questionnaire)"]),
        .init(ImportIssue(line: 2, column: 5, fieldNumber: 3, field: "version", problem: .wrongVersion(expected: 1, found: "2")),
              sv: ["fält 3 (version)"], en: ["field 3 (version)"]),
        .init(ImportIssue(line: 4, column: 1, fieldNumber: 1, field: "response_id", problem: .duplicateResponseID), sv: ["rad 4, fält 1 (response_id)"],
              en: ["line 4, field 1 (response_id)"]),
        .init(ImportIssue(line: 2, column: 11, fieldNumber: 11, field: "L1", problem: .response(.outOfRange(item: "L1", value: 9, allowed: 1...5))),
              sv: ["rad 2, fält 11 (L1): frågan L1"], en: ["line 2, field 11 (L1): item L1"]),
        .init(ImportIssue(line: 3, column: 14, problem: .malformedJSON("'id' saknas")), sv: ["rad 3, tecken 14", "felaktig JSON"], en: ["line 3, character 14"]),
    ]
    static func key(_ e: ImportProblem) -> Int {
        switch e {
        case .syntax: 0
        case .unknownColumn: 1
        case .duplicateColumn: 2
        case .fieldCount: 3
        case .notAnInteger: 4
        case .invalidTime: 5
        case .invalidFlag: 6
        case .wrongQuestionnaire: 7
        case .wrongVersion: 8
        case .duplicateResponseID: 9
        case .response: 10
        case .malformedJSON: 11
        }
    }

    static let questionnaireErrors: [MessageSample<QuestionnaireError>] = [
        .init(.invalidVersion(0), sv: ["0"], en: ["0"]),
        .init(.invalidLanguageTag("svenska"), sv: ["'svenska'", "BCP 47"], en: ["'svenska'"]),
        .init(.invalidItemCode("a;b"), sv: ["'a;b'"], en: ["'a;b'"]),
        .init(.duplicateItemCode("L1"), sv: ["L1"], en: ["L1"]),
        .init(.invalidItem("L1", reason: "0…0"), sv: ["frågan L1"], en: ["item L1"]),
        .init(.duplicateScaleCode("GRID"), sv: ["GRID"], en: ["GRID"]),
        .init(.invalidScale("GRID", reason: "3 > 2"), sv: ["skalan GRID"], en: ["scale GRID"]),
        .init(.scaleNamesUnknownItem(scale: "GRID", item: "Q9"), sv: ["GRID", "Q9"], en: ["Q9"]),
        .init(.scaleItemNotLikert(scale: "GRID", item: "T1"), sv: ["GRID", "T1", "Likertfråga"], en: ["T1"]),
    ]
    static func key(_ e: QuestionnaireError) -> Int {
        switch e {
        case .invalidVersion: 0
        case .invalidLanguageTag: 1
        case .invalidItemCode: 2
        case .duplicateItemCode: 3
        case .invalidItem: 4
        case .duplicateScaleCode: 5
        case .invalidScale: 6
        case .scaleNamesUnknownItem: 7
        case .scaleItemNotLikert: 8
        }
    }

    static let tailoringErrors: [MessageSample<TailoringError>] = [
        .init(.invalidLength(total: 100, granularity: 15), sv: ["100 min", "15 min"], en: ["100"]),
        .init(.invalidRule(.harassment), sv: ["Trakasserier och sexuella trakasserier"], en: ["harassment"]),
        .init(.duplicateRule(.grounds), sv: ["Diskrimineringsgrunderna"], en: ["grounds"]),
        .init(.minimumsExceedLength(minimums: 200, total: 180), sv: ["200 min", "180 min"], en: ["200"]),
    ]
    static func key(_ e: TailoringError) -> Int {
        switch e {
        case .invalidLength: 0
        case .invalidRule: 1
        case .duplicateRule: 2
        case .minimumsExceedLength: 3
        }
    }

    static let decodingErrors: [MessageSample<ResponseBinaryCoding.DecodingError>] = [
        .init(.truncated(offset: 12), sv: ["byte 12"], en: ["byte 12"]),
        .init(.unknownTag(0xF9, offset: 3), sv: ["249", "byte 3"], en: ["249"]),
        .init(.malformedVarint(offset: 7), sv: ["byte 7"], en: ["byte 7"]),
    ]
    static func key(_ e: ResponseBinaryCoding.DecodingError) -> Int {
        switch e {
        case .truncated: 0
        case .unknownTag: 1
        case .malformedVarint: 2
        }
    }

    static let cryptoErrors: [MessageSample<CryptoError>] = [
        .init(.invalidKeyLength(expected: 32, found: 16), sv: ["16 byte", "32"], en: ["16 bytes"]),
        .init(.authenticationFailed), .init(.libraryFailure("EVP_EncryptInit_ex"), sv: ["EVP_EncryptInit_ex"], en: ["EVP_EncryptInit_ex"]),
    ]
    static func key(_ e: CryptoError) -> Int {
        switch e {
        case .invalidKeyLength: 0
        case .authenticationFailed: 1
        case .libraryFailure: 2
        }
    }

    @Test("every CSV error reads in Swedish and English, naming line, field and character", arguments: csvErrors)
    func csv(_ sample: MessageSample<CSVError>) { #expect(sample.problems == []) }

    @Test("every survey error reads in Swedish and English", arguments: surveyErrors)
    func survey(_ sample: MessageSample<SurveyError>) { #expect(sample.problems == []) }

    @Test("every response issue reads in Swedish and English, naming the item", arguments: responseIssues)
    func response(_ sample: MessageSample<ResponseIssue>) { #expect(sample.problems == []) }

    @Test("every import problem reads in Swedish and English with its line, field number and heading", arguments: importIssues)
    func importIssue(_ sample: MessageSample<ImportIssue>) { #expect(sample.problems == []) }

    @Test("every questionnaire error reads in Swedish and English", arguments: questionnaireErrors)
    func questionnaire(_ sample: MessageSample<QuestionnaireError>) { #expect(sample.problems == []) }

    @Test("every tailoring error reads in Swedish and English, topics by their Swedish names", arguments: tailoringErrors)
    func tailoring(_ sample: MessageSample<TailoringError>) { #expect(sample.problems == []) }

    @Test("every payload decoding error reads in Swedish and English", arguments: decodingErrors)
    func decoding(_ sample: MessageSample<ResponseBinaryCoding.DecodingError>) { #expect(sample.problems == []) }

    @Test("every crypto error reads in Swedish and English", arguments: cryptoErrors)
    func crypto(_ sample: MessageSample<CryptoError>) { #expect(sample.problems == []) }

    @Test("a row-length error and an import error read in both languages; the import error names its file")
    func structErrors() {
        #expect(MessageSample(ResponseMatrix.RowLengthError(expected: 5, found: 4), sv: ["5 koder", "4"], en: ["5 codes"]).problems == [])
        let error = SurveyImportError(issues: [ImportIssue(line: 2, column: 3, fieldNumber: 2, field: "L1", problem: .notAnInteger)], file: "svar.csv")
        #expect(MessageSample(error, sv: ["svar.csv: 1 problem, ingenting importerades: rad 2, fält 2 (L1): inget heltal"],
                              en: ["svar.csv: 1 import problem, nothing was imported: line 2, field 2 (L1): not a whole number"]).problems == [])
    }

    @Test("the samples cover every case of every error type")
    func everyCase() {
        #expect(Set(Self.csvErrors.map { Self.key($0.message) }) == Set(0...7))
        #expect(Set(Self.surveyErrors.map { Self.key($0.message) }) == Set(0...14))
        #expect(Set(Self.responseIssues.map { Self.key($0.message) }) == Set(0...6))
        #expect(Set(Self.importIssues.map { Self.key($0.message.problem) }) == Set(0...11))
        #expect(Set(Self.questionnaireErrors.map { Self.key($0.message) }) == Set(0...8))
        #expect(Set(Self.tailoringErrors.map { Self.key($0.message) }) == Set(0...3))
        #expect(Set(Self.decodingErrors.map { Self.key($0.message) }) == Set(0...2))
        #expect(Set(Self.cryptoErrors.map { Self.key($0.message) }) == Set(0...2))
    }
}

/// Where the CSV reader and the response importer put a problem: the line, the field's number
/// (its index + 1, whatever the characters before it) and the heading.
@Suite("CSV positions: line, field number and heading")
struct CSVPositionTests {
    static let q = Fixture.small()

    @Test("the field number counts fields, not characters, after quoted fields with separators, quotes and line breaks, with either separator and a BOM",
          arguments: [CSVSeparator.comma, .semicolon])
    func fieldNumberAfterQuotedFields(_ separator: CSVSeparator) throws {
        let s = String(UnicodeScalar(separator.rawValue))
        // Line 2 holds a quoted field with the separator, a doubled quote and a line break, so
        // the bad field starts on line 3; it is the third field whatever its character column.
        let text = "\u{FEFF}a\(s)b\(s)c\n1\(s)\"x\(s)\"\"y\"\"\nz\"\(s)q\"r\n"
        let reader = try CSVReader(text: text)
        #expect(reader.separator == separator)
        _ = try reader.next()
        #expect(throws: CSVError.unexpectedQuote(line: 3, field: 3, column: 5)) { try reader.next() }
    }

    @Test("an unterminated quote names the field it opens, on the line it opens", arguments: [CSVSeparator.comma, .semicolon])
    func unterminated(_ separator: CSVSeparator) throws {
        let s = String(UnicodeScalar(separator.rawValue))
        let reader = try CSVReader(text: "a\(s)b\(s)c\n\"1\(s)1\"\(s)2\(s)\"open\nmore\n")
        _ = try reader.next()
        let error = try #require(throws: CSVError.self) { try reader.next() }
        #expect(error == .unterminatedQuote(line: 2, field: 3, column: 9))
        #expect(error.text(.swedish) == "rad 2, fält 3, tecken 9: fältet börjar med ett citattecken som aldrig avslutas")
    }

    @Test("a response import names line, field number and heading of a bad cell, after quoted fields with line breaks",
          arguments: [CSVSeparator.comma, .semicolon])
    func importerPlaces(_ separator: CSVSeparator) throws {
        let s = String(UnicodeScalar(separator.rawValue))
        let header = ["response_id", "unit", "L1", "L2", "T1"].joined(separator: s)
        // r1's free text holds the separator and a line break; r2's L2 is not a number.
        let text = "\u{FEFF}" + header + "\nr1\(s)viva\(s)3\(s)4\(s)\"två\(s) rader\nhär\"\nr2\(s)\"so\(s)c\"\(s)3\(s)x\(s)\n"
        let issues = try ResponseCSVImporter(questionnaire: Self.q).read(try CSVReader(text: text)) { _ in }
        let issue = try #require(issues.first { $0.problem == .notAnInteger })
        #expect(issue.line == 4 && issue.fieldNumber == 4 && issue.field == "L2")
        #expect(issue.text(.swedish) == "rad 4, fält 4 (L2): inget heltal")
        #expect(issue.text(.english) == "line 4, field 4 (L2): not a whole number")
    }

    @Test("an import from a file names the file in its error")
    func importerNamesFile() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("svar.csv")
        try Data("\u{FEFF}response_id;L1;L2\nr1;9;3\n".utf8).write(to: url)
        let error = try #require(throws: SurveyImportError.self) { try ResponseCSVImporter(questionnaire: Self.q).importAll(from: url) }
        #expect(error.file == "svar.csv")
        #expect(error.text(.swedish).hasPrefix("svar.csv: "))
        #expect(error.text(.swedish).contains("rad 2, fält 2 (L1): frågan L1 har ett värde utanför 1…5"))
    }
}
