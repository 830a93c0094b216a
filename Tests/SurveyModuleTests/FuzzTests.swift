import DiversityKit
import DiversityKitTesting
import Foundation
import Testing
@testable import SurveyModule

/// Issue 17: fuzz targets for SurveyModule's parsers. A fixed-seed corpus runs in `swift test`;
/// `DIVERSITYKIT_FUZZ_ITERATIONS` and `DIVERSITYKIT_FUZZ_SEED` make a longer run (Docs/Robustness.md).
@Suite("Fuzz: survey parsers")
struct SurveyFuzzTests {
    static let limits = CSVLimits(maximumFieldBytes: 2048, maximumRecordBytes: 8192, maximumColumns: 40, maximumRecords: 500)

    @Test("CSV reader: any bytes end in records within the limits or a typed error")
    func csvReader() {
        let corpus = ["a,b,c\r\n\"x, y\",\"he said \"\"hej\"\"\",\"two\r\nlines\"\n1,,3\n", "\u{FEFF}namn;ålder\nÅsa;41\n",
                      "a\tb\n1\t2\n", "\"unterminated\n", "x\r\ny\rz"].map { Data($0.utf8) }
        var violations: [String] = []
        Fuzzer(corpus: corpus).run { bytes in
            let reader = try CSVReader(data: bytes, limits: Self.limits)
            while let record = try reader.next() {
                if record.fields.count > Self.limits.maximumColumns || record.fields.count != record.fieldColumns.count
                    || record.fields.contains(where: { $0.utf8.count > Self.limits.maximumFieldBytes }) {
                    violations.append("record on line \(record.line) breaks the limits")
                }
            }
        }
        #expect(violations.isEmpty)
    }

    @Test("response CSV: no case traps, and every response passed on is valid for the questionnaire")
    func responseCSV() {
        let q = Fixture.small()
        var r = SurveyResponse(id: "r1", questionnaire: q.reference, answers: Fixture.fullAnswers())
        r.reportingUnit = "viva"
        r.submittedAt = Fixture.t0
        let corpus = [ResponseCSV.text([r], questionnaire: q), ResponseCSV.text([r], questionnaire: q, format: CSVFormat(separator: .semicolon)),
                      "L1,L2\n3,4\n,5\n"].map { Data($0.utf8) }
        var accepted: [SurveyResponse] = []
        Fuzzer(corpus: corpus).run { bytes in
            _ = try ResponseCSVImporter(questionnaire: q, limits: Self.limits).read(try CSVReader(data: bytes, limits: Self.limits)) {
                accepted.append($0)
            }
        }
        #expect(!accepted.isEmpty)
        #expect(accepted.allSatisfy { q.issues(in: $0.answers, partial: $0.isPartial).isEmpty })
    }

    @Test("questionnaire JSON: no case traps, and every questionnaire read validates and round-trips")
    func questionnaireJSON() throws {
        let corpus = try [Fixture.small(), ItemBank.baselineBattery(), ItemBank.courseEvaluation()].map(SurveyJSON.encode)
        var wrong: [String] = []
        Fuzzer(corpus: corpus).run { bytes in
            let q = try SurveyJSON.decodeQuestionnaire(bytes)
            do {
                try q.validate()
                if try SurveyJSON.decodeQuestionnaire(SurveyJSON.encode(q)) != q { wrong.append("\(q.id) does not round-trip") }
            } catch {
                wrong.append("\(q.id): \(error)")
            }
        }
        #expect(wrong.isEmpty)
    }

    @Test("response JSON: no case traps, and every response read is valid")
    func responseJSON() throws {
        let q = Fixture.small()
        let corpus = [try SurveyJSON.encode([SurveyResponse(id: "r1", questionnaire: q.reference, answers: Fixture.fullAnswers())])]
        var accepted: [SurveyResponse] = []
        Fuzzer(corpus: corpus).run { bytes in accepted += try SurveyJSON.decodeResponses(bytes, questionnaire: q) }
        #expect(accepted.allSatisfy { q.issues(in: $0.answers, partial: $0.isPartial).isEmpty })
    }
}
