import DiversityKit
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

@Suite("Importing LimeSurvey response exports")
struct ResponseImportTests {
    static let header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp",
                         "KLIMAT[SQ001]", "KLIMAT[SQ002]", "KLIMAT[SQ003]", "ROLL", "ROLL[other]", "KANAL[SQ001]", "KANAL[SQ002]",
                         "KANAL[SQ003]", "KANAL[other]", "ANSTALLD", "KON", "CHEF", "ENHET", "KOMMENTAR", "TIMMAR[arbete]",
                         "TIMMAR[utbildning]", "NOJD", "UTV[SQ001]", "UTV[SQ002]", "interviewtime", "groupTime1"]
    static let complete = ["1", "2026-03-02 10:15:00", "2", "sv", "123", "2026-03-02 10:05:30", "2026-03-02 10:15:00",
                           "AO04", "AO05", "AO03", "-oth-", "Samordnare", "Y", "", "", "Facket", "12.0000000000", "F", "N",
                           "Socialtjänsten", "Bra att\nni frågar; \"tack\"", "38", "2", "4", "3", "5", "600", "300"]
    static let partial = ["2", "", "1", "en", "456", "2026-03-02 11:00:00", "2026-03-02 11:02:00",
                          "AO02", "", "AO01", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""]

    static func csv(_ rows: [[String]], separator: String = ",") -> String {
        rows.map { row in
            row.map { f in f.contains(separator) || f.contains("\"") || f.contains("\n") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f }
                .joined(separator: separator)
        }.joined(separator: "\r\n") + "\r\n"
    }

    static func importer() throws -> LimeSurveyResponseImporter {
        let s = try Fixtures.staff()
        return try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
    }

    @Test("comma, semicolon and tab exports with a BOM and quoted newlines give the same responses", arguments: [",", ";", "\t"])
    func separators(_ separator: String) throws {
        let text = "\u{FEFF}" + Self.csv([Self.header, Self.complete, Self.partial], separator: separator)
        let result = try Self.importer().importAll(try CSVReader(text: text))
        #expect(result.responses.count == 2)
        #expect(result.report.rows == 2 && result.report.imported == 2 && result.report.partial == 1)
        let r = result.responses[0]
        #expect(r.answers["KLIMAT[SQ001]"] == .value(4))
        #expect(r.answers["KLIMAT[SQ002]"] == .value(5))
        #expect(r.answers["ROLL"] == .value(4))
        #expect(r.answers["KANAL"] == .values([1, 4]))
        #expect(r.answers["ANSTALLD"] == .value(12))
        #expect(r.answers["KON"] == .value(1))
        #expect(r.answers["CHEF"] == .value(0))
        #expect(r.answers["KOMMENTAR"] == .text("Bra att\nni frågar; \"tack\""))
        #expect(r.answers["TIMMAR[arbete]"] == .value(38))
        #expect(r.answers["UTV[SQ002]"] == .value(5))
        #expect(!r.isPartial)
        #expect(r.submittedAt == Date(timeIntervalSince1970: 1_772_446_500))
        #expect(r.duration == 570)
        #expect(r.participant == nil && r.questionnaire == Fixtures.staffReference)
    }

    @Test("a row without a submit date is kept as a partial response, required items may be missing")
    func partial() throws {
        let result = try Self.importer().importAll(try CSVReader(text: Self.csv([Self.header, Self.partial])))
        let r = try #require(result.responses.first)
        #expect(r.isPartial && r.submittedAt == nil)
        #expect(r.answers == ["KLIMAT[SQ001]": .value(2), "KLIMAT[SQ003]": .value(1)])
    }

    @Test("a complete response missing a required item is reported at the item's column")
    func required() throws {
        var row = Self.complete
        row[8] = ""
        #expect {
            try Self.importer().importAll(try CSVReader(text: Self.csv([Self.header, row])))
        } throws: { error in
            guard let e = error as? LimeSurveyResponseImportError, let issue = e.issues.first else { return false }
            return e.issues.count == 1 && issue.field == "KLIMAT[SQ002]" && issue.line == 2
                && issue.problem == .response(.missingRequired(item: "KLIMAT[SQ002]"))
        }
    }

    @Test("a token column in an anonymous survey is refused, explaining why")
    func tokenRefused() throws {
        let text = Self.csv([["id", "token", "submitdate", "KLIMAT[SQ001]"], ["1", "", "2026-03-02 10:00:00", "AO01"]])
        #expect(throws: LimeSurveyImportError.tokenInAnonymousSurvey(line: 1, field: 2)) {
            try Self.importer().importAll(try CSVReader(text: text))
        }
        #expect(LimeSurveyImportError.tokenInAnonymousSurvey(line: 1, field: 2).description.contains("anonymous"))
    }

    @Test("a token column in a survey that was not anonymous is skipped with a warning")
    func tokenIdentified() throws {
        let s = try MiniSurvey.structure(type: "S", anonymized: "N")
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        let result = try importer.importAll(try CSVReader(text: "id,token,submitdate,Q1\n1,abc123,2026-01-01 08:00,hej\n"))
        #expect(result.responses.map(\.answers) == [["Q1": .text("hej")]])
        #expect(result.responses.first?.participant == nil)
        #expect(result.report.warnings.contains { $0.contains("token") })
    }

    @Test("unknown columns are skipped with a warning naming their position; no question column at all is an error")
    func unknownColumns() throws {
        let text = "id;submitdate;Q99;KLIMAT[SQ001];KLIMAT[SQ002];KLIMAT[SQ003];refurl\n1;2026-03-02 10:00:00;x;AO02;AO02;AO02;\n"
        let result = try Self.importer().importAll(try CSVReader(text: text))
        #expect(result.responses.first?.answers == ["KLIMAT[SQ001]": .value(2), "KLIMAT[SQ002]": .value(2), "KLIMAT[SQ003]": .value(2)])
        #expect(result.report.warnings == ["line 1, field 3 (Q99): column 'Q99' is not a question of the survey; skipped"])
        #expect(throws: LimeSurveyImportError.noQuestionColumns(line: 1)) {
            try Self.importer().importAll(try CSVReader(text: "Response ID,Date submitted\n1,2026-03-02\n"))
        }
    }

    @Test("every bad value is reported with line and column, and its row is not passed on")
    func badValues() throws {
        let text = """
        id,submitdate,KLIMAT[SQ001],KLIMAT[SQ002],KLIMAT[SQ003],ROLL,KANAL[SQ001],ANSTALLD,TIMMAR[arbete]
        1,2026-03-02 10:00:00,AO09,AO01,AO01,A2,Y,3,1
        2,yesterday,AO01,AO01,AO01,A2,maybe,3.5,x
        3,2026-03-02 10:00:00,AO01,AO01,AO01,A1,,51,2
        4,2026-03-02 10:00:00,AO01,AO01,AO01,A1,Y,7,2

        """
        var passed: [SurveyResponse] = []
        let importer = try Self.importer()
        let report = try importer.read(try CSVReader(text: text)) { passed.append($0) }
        #expect(passed.count == 1 && passed[0].answers["ANSTALLD"] == .value(7))
        #expect(report.rows == 4 && report.imported == 1)
        let found = report.issues.map { "\($0.line):\($0.column) \($0.field ?? "")" }
        #expect(found == ["2:23 KLIMAT[SQ001]", "3:3 submitdate", "3:31 KANAL[SQ001]", "3:37 ANSTALLD", "3:41 TIMMAR[arbete]",
                          "4:42 ANSTALLD"])
        #expect(report.issues.map(\.problem) == [.unknownAnswerCode, .invalidDate, .invalidSelectionFlag, .notAWholeNumber, .notANumber,
                                                 .response(.outOfRange(item: "ANSTALLD", value: 51, allowed: 0...50))])
        #expect(!report.issues.map(\.description).joined().contains("AO09"))
    }

    @Test("numbers: trailing decimal zeros are whole, a number beyond 32 bits is out of range")
    func numbers() throws {
        let s = try MiniSurvey.structure(type: "N")
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        let ok = try importer.importAll(try CSVReader(text: "submitdate,Q1\n2026-01-01 08:00,-7.0000000000\n2026-01-01 08:00,+3\n"))
        #expect(ok.responses.map { $0.answers["Q1"] } == [.value(-7), .value(3)])
        let report = try importer.read(try CSVReader(text: "Q1\n99999999999\n1e5\n.\n")) { _ in }
        #expect(report.issues.map(\.problem) == [.numberOutOfRange, .notANumber, .notANumber])
    }

    @Test("seeded garbling of an export never crashes: rows import or are reported")
    func garbled() throws {
        let original = Array(Self.csv([Self.header, Self.complete, Self.partial, Self.complete], separator: ";").utf8)
        let importer = try Self.importer()
        var rng = SeededGenerator(seed: 0xC5F)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                if Bool.random(using: &rng) { bytes[at] = [UInt8(ascii: ";"), UInt8(ascii: "\""), 10, 0xC3, UInt8(ascii: "Y")].randomElement(using: &rng)! } else { bytes.remove(at: at) }
            }
            do {
                let report = try importer.read(try CSVReader(data: Data(bytes))) { _ in }
                // No row vanishes silently: each is imported or has a reported problem.
                #expect(report.imported <= report.rows)
                #expect(report.imported == report.rows || !report.issues.isEmpty)
            } catch is LimeSurveyImportError {
                continue
            }
        }
    }

    @Test("a row with the wrong number of fields and a broken quote are reported, not crashed on")
    func brokenCSV() throws {
        let text = "id,submitdate,KLIMAT[SQ001]\n1,2026-03-02 10:00:00\n2,2026-03-02 10:00:00,\"AO01\n"
        let report = try Self.importer().read(try CSVReader(text: text)) { _ in }
        #expect(report.issues.map(\.problem) == [.fieldCount(expected: 3, found: 2), .syntax(.unterminatedQuote(line: 3, field: 3, column: 23))])
    }

    @Test("the underscore form of sub-question headings (Q2_SQ001) is read like Q2[SQ001]")
    func underscoreHeadings() throws {
        let result = try Self.importer().importAll(try CSVReader(text: "submitdate,KLIMAT_SQ001,KLIMAT_SQ002,KLIMAT_SQ003,KANAL_SQ002\n2026-03-02 10:00,AO01,AO01,AO05,Y\n"))
        #expect(result.responses.first?.answers == ["KLIMAT[SQ001]": .value(1), "KLIMAT[SQ002]": .value(1), "KLIMAT[SQ003]": .value(5),
                                                   "KANAL": .values([2])])
    }

    @Test("LimeSurvey's 1980-01-01 placeholder date means submitted, time not recorded; a time zone can be given")
    func dates() throws {
        let s = try Fixtures.staff()
        let stockholm = try #require(TimeZone(identifier: "Europe/Stockholm"))
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping, timeZone: stockholm)
        let text = "submitdate,startdate,KLIMAT[SQ001],KLIMAT[SQ002],KLIMAT[SQ003]\n"
            + "1980-01-01 00:00:00,1980-01-01 00:00:00,AO01,AO01,AO01\n2026-03-02 11:15,,AO02,AO02,AO02\n"
        let result = try importer.importAll(try CSVReader(text: text))
        #expect(result.responses[0].submittedAt == nil && !result.responses[0].isPartial && result.responses[0].startedAt == nil)
        #expect(result.responses[1].submittedAt == Date(timeIntervalSince1970: 1_772_446_500))
    }

    @Test("a mapping from another import is refused")
    func mismatchedMapping() throws {
        let s = try Fixtures.staff()
        let other = try MiniSurvey.structure(type: "S")
        #expect(throws: LimeSurveyImportError.mappingDoesNotMatch(item: "Q1")) {
            try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: other.mapping)
        }
    }

    @Test("structure stored, responses imported later: questionnaire and mapping survive a store round trip")
    func storedThenImported() async throws {
        let store = InMemoryStore()
        let s = try Fixtures.staff()
        try await store.insert(s.questionnaire)
        try await store.insert(s.mapping)
        let q = try #require(try await store.fetch(Questionnaire.self, id: s.questionnaire.recordID))
        let mapping = try #require(try await store.fetch(LimeSurveyMapping.self, id: s.mapping.recordID))
        let importer = try LimeSurveyResponseImporter(questionnaire: q, mapping: mapping)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("limesurvey-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(("\u{FEFF}" + Self.csv([Self.header, Self.complete, Self.partial], separator: "\t")).utf8).write(to: url)
        let result = try importer.importAll(from: url)
        #expect(result.responses.count == 2)
        for r in result.responses { try q.validate(r.answers, partial: r.isPartial) }
    }
}

extension Fixtures {
    static let staffReference = QuestionnaireReference(id: "limesurvey-456789", version: 1)
}
