import DiversityKit
import Foundation
import Testing
@testable import SurveyModule

@Suite("Import and export of responses")
struct ImportExportTests {
    let q = Fixture.small()

    var responses: [SurveyResponse] {
        [
            SurveyResponse(id: "r1", questionnaire: q.reference, distribution: "d1", reportingUnit: "Socialtjänsten", linkageCode: "MA0714",
                           startedAt: Fixture.t0, submittedAt: Fixture.t0 + 95.5, answers: Fixture.fullAnswers()),
            SurveyResponse(id: "r2", questionnaire: q.reference, isPartial: true,
                           answers: ["L3": .value(1), "T1": .text("=HYPERLINK(\"x\")"), "M1": .values([2])]),
            SurveyResponse(id: "r3", questionnaire: q.reference, answers: ["L1": .value(2), "L2": .value(3), "T1": .text("två\nrader, åäö")]),
        ]
    }

    @Test("responses round-trip through CSV with either separator", arguments: [CSVSeparator.comma, .semicolon, .tab])
    func csvRoundTrip(_ separator: CSVSeparator) throws {
        let text = ResponseCSV.text(responses, questionnaire: q, format: CSVFormat(separator: separator))
        #expect(text.contains("'=HYPERLINK"))
        let back = try ResponseCSVImporter(questionnaire: q).importAll(try CSVReader(text: text))
        #expect(back == responses)
    }

    @Test("a CSV file with a BOM round-trips through the file exporter")
    func fileRoundTrip() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("svar.csv")
        try ResponseCSV.export(responses, questionnaire: q, to: url, format: CSVFormat(separator: .semicolon))
        #expect(try Data(contentsOf: url).starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try ResponseCSVImporter(questionnaire: q).importAll(from: url) == responses)
    }

    @Test("the service exports every response of a version to CSV")
    func serviceExport() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        for t in tokens.prefix(3) {
            try await service.submit(ResponseSubmission(token: t.token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        }
        try await service.close(d.id) // releases the mix
        #expect(try await service.responses(of: d.id).count == 3)
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("export.csv")
        try await service.exportCSV(d.questionnaire, to: url)
        let back = try ResponseCSVImporter(questionnaire: q).importAll(from: url)
        #expect(Set(back) == Set(try await service.responses(of: d.id)))
    }

    @Test("import reports every problem with its line, column and field")
    func importErrors() throws {
        let text = """
        response_id;version;L1;L2;L3;XX;K1;N1;partial;started_at
        a;1;4;4;;9;2;3;0;
        b;2;4;4;;;2;3;0;
        c;1;;4;;;2;3;0;
        d;1;4;4;x;;2;3;0;
        e;1;4;4;;;3;99;0;
        a;1;4;4;;;2;3;0;
        f;1;4;4;;;2;3;maybe;yesterday
        g;1;4

        """
        let issues = try ResponseCSVImporter(questionnaire: q).read(try CSVReader(text: text)) { _ in }
        let summary = issues.map { "\($0.line):\($0.column):\($0.field ?? "-"):\($0.problem)" }
        #expect(summary == [
            "1:30:XX:unknown column or item 'XX'",
            "3:3:version:version '2', expected 1",
            "4:5:L1:item L1 is required",
            "5:9:L3:not a whole number",
            "6:11:K1:item K1 has a code that is not one of its options",
            "6:13:N1:item N1 is outside 0…50",
            "7:1:response_id:response id appears twice",
            "8:15:partial:not 0, 1, true or false",
            "8:21:started_at:not an ISO 8601 time",
            "9:1:-:3 fields, the header has 10",
        ])
        #expect(throws: SurveyImportError.self) { _ = try ResponseCSVImporter(questionnaire: q).importAll(try CSVReader(text: text)) }
    }

    @Test("a CSV syntax error stops the import and is reported with its position")
    func syntaxError() throws {
        let issues = try ResponseCSVImporter(questionnaire: q).read(try CSVReader(text: "L1,L2\n1,2\n3,\"4\n")) { _ in }
        #expect(issues == [ImportIssue(line: 3, column: 3, fieldNumber: 2, problem: .syntax(.unterminatedQuote(line: 3, field: 2, column: 3)))])
    }

    @Test("the codebook lists every item with its value codes, as CSV and JSON")
    func codebook() throws {
        let book = Codebook(questionnaire: ItemBank.baselineBattery())
        #expect(book.variables.count == ItemBank.allItems.count)
        let likert = try #require(book.variables.first { $0.code == "B03" })
        #expect(likert.kind == "likert" && likert.isReverseCoded && likert.range == 1...5 && likert.values.count == 5)
        #expect(book.variables.first { $0.code == "K01" }?.correct == 3)
        #expect(book.variables.first { $0.code == "E01" }?.isSensitive == true)
        let csv = book.csv(format: CSVFormat(separator: .semicolon))
        let reader = try CSVReader(text: csv)
        #expect(try reader.next()?.fields == Codebook.csvHeader)
        var rows = 0
        while let r = try reader.next() {
            #expect(r.fields.count == Codebook.csvHeader.count)
            rows += 1
        }
        #expect(rows == book.variables.reduce(0) { $0 + max(1, $1.values.count) })
        let back = try JSONDecoder().decode(Codebook.self, from: try book.json())
        #expect(back == book)
    }

    @Test("questionnaires and responses round-trip through JSON")
    func jsonRoundTrip() throws {
        let battery = ItemBank.baselineBattery()
        #expect(try SurveyJSON.decodeQuestionnaire(try SurveyJSON.encode(battery)) == battery)
        let data = try SurveyJSON.encode(responses)
        #expect(try SurveyJSON.decodeResponses(data, questionnaire: q) == responses)
        #expect(String(decoding: data, as: UTF8.self).contains("\"L1\" : 4"))
    }

    @Test("JSON import reports malformed documents with line and column, and invalid answers per response")
    func jsonErrors() throws {
        do {
            _ = try SurveyJSON.decodeQuestionnaire(Data("{\n  \"id\": \"x\",\n  oops\n}".utf8))
            Issue.record("no error thrown")
        } catch let e as SurveyImportError {
            #expect(e.issues.count == 1 && e.issues[0].line == 3 && e.issues[0].column == 3)
        }
        do {
            _ = try SurveyJSON.decodeQuestionnaire(Data("{\"id\": 5}".utf8))
            Issue.record("no error thrown")
        } catch let e as SurveyImportError {
            #expect(e.issues.count == 1 && e.issues[0].line == 0)
            #expect(e.issues[0].description.contains("id"))
        }
        var bad = responses
        bad[1].answers["L3"] = .value(8)
        bad[2].questionnaire.version = 2
        do {
            _ = try SurveyJSON.decodeResponses(try SurveyJSON.encode(bad), questionnaire: q)
            Issue.record("no error thrown")
        } catch let e as SurveyImportError {
            #expect(e.issues.map(\.line) == [2, 3])
            #expect(e.issues[0].problem == .response(.outOfRange(item: "L3", value: 8, allowed: 1...5)))
        }
        #expect(throws: QuestionnaireError.duplicateItemCode("L1")) {
            var q2 = q
            q2.sections[1].items[0].code = "L1"
            _ = try SurveyJSON.decodeQuestionnaire(try SurveyJSON.encode(q2))
        }
    }

    @Test("a large generated file streams into a response matrix", .timeLimit(.minutes(5)))
    func largeFile() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("large.csv")
        let rows = 200_000
        let w = try CSVFileWriter(url: url, format: CSVFormat(separator: .semicolon), byteOrderMark: true)
        try w.write(["response_id", "unit", "L1", "L2", "L3", "L4", "L5", "K1", "T1"])
        var expectedL1Sum = 0
        for i in 0..<rows {
            let l1 = 1 + i % 5
            expectedL1Sum += l1
            try w.write(["r\(i)", "enhet \(i % 7)", String(l1), String(1 + (i / 5) % 5), "3", "", "2", String(1 + i % 2),
                         i % 1000 == 0 ? "å; \"b\"\nc" : ""])
        }
        try w.close()
        let (m, issues) = try ResponseCSVImporter(questionnaire: q).matrix(from: url)
        #expect(issues.isEmpty)
        #expect(m.rowCount == rows && m.unitNames.count == 7)
        #expect(m.column("L1")!.reduce(0) { $0 + Int($1) } == expectedL1Sum)
        #expect(m.column("L4")!.allSatisfy { $0 == ResponseMatrix.missing })
        #expect(m.topicKnowledge() == [TopicKnowledge(topic: .grounds, correct: rows / 2, items: rows)])
    }
}
