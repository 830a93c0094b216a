import DiversityKit
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

@Suite("Refusing files that are not usable survey structures")
struct MalformedStructureTests {
    @Test("a truncated file is refused as not XML, with the parser's line and column")
    func truncated() throws {
        let data = try Fixtures.data("malformed")
        #expect {
            try LimeSurveyImporter().importStructure(data: data)
        } throws: { error in
            guard case LimeSurveyImportError.notXML(let line, let column, let reason) = error else { return false }
            return line > 400 && column >= 1 && !reason.isEmpty && error.localizedDescription.isEmpty == false
        }
    }

    @Test("things that are not XML at all are refused clearly", arguments: [
        "", "   ", "just some text", "{\"json\": true}", "<document><unclosed>",
    ])
    func notXML(_ text: String) {
        #expect {
            try LimeSurveyImporter().importStructure(data: Data(text.utf8))
        } throws: { error in
            guard case LimeSurveyImportError.notXML = error else { return false }
            return "\(error)".contains("not a readable XML document")
        }
    }

    @Test("an archive given to the structure importer says it is an archive and which call reads it")
    func archiveGivenAsStructure() {
        #expect {
            try LimeSurveyImporter().importStructure(data: Data("PK\u{3}\u{4}binary zip archive".utf8))
        } throws: { error in
            guard case LimeSurveyImportError.isAnArchive(let reader) = error else { return false }
            return reader.contains("LimeSurveyArchiveImporter") && "\(error)".contains("ZIP archive")
        }
    }

    @Test("XML that is not a LimeSurvey survey structure is named for what it is", arguments: [
        ("<?xml version=\"1.0\"?><html><body/></html>", "<html> root element"),
        ("<document><LimeSurveyDocType>Question</LimeSurveyDocType></document>", "LimeSurvey 'Question' export"),
        ("<document><LimeSurveyDocType>Group</LimeSurveyDocType></document>", "LimeSurvey 'Group' export"),
        ("<document><rows/></document>", "without <LimeSurveyDocType>"),
    ])
    func notASurvey(xml: String, found: String) {
        #expect {
            try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
        } throws: { error in
            guard case LimeSurveyImportError.notASurveyStructure(let f) = error else { return false }
            return f.contains(found)
        }
    }

    @Test("a question row without a usable qid is a malformed row with its position")
    func malformedRow() {
        let xml = MiniSurvey.xml(type: "S").replacingOccurrences(of: "<qid><![CDATA[1]]></qid><parent_qid>", with: "<qid><![CDATA[x1]]></qid><parent_qid>")
        #expect {
            try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
        } throws: { error in
            guard case LimeSurveyImportError.malformedRow(let table, let line, let column, let reason) = error else { return false }
            return table == "questions" && line >= 1 && column >= 1 && reason.contains("qid")
        }
    }

    @Test("a survey without questions is refused: nothing to import")
    func empty() {
        let xml = "<document><LimeSurveyDocType>Survey</LimeSurveyDocType><surveys><rows><row><sid>1</sid></row></rows></surveys></document>"
        #expect(throws: LimeSurveyImportError.noImportableQuestions([])) {
            try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
        }
    }

    @Test("a question code used twice keeps the first question and reports the second")
    func duplicateCodes() throws {
        let xml = MiniSurvey.xml(type: "S").replacingOccurrences(
            of: "</rows></questions>",
            with: "<row><qid>2</qid><parent_qid>0</parent_qid><gid>1</gid><type>T</type><title>Q1</title><question_order>2</question_order></row></rows></questions>")
        let s = try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
        #expect(s.report.importedItems == ["Q1"])
        #expect(s.report.skipped.map(\.qid) == ["2"])
        #expect(s.report.skipped.first?.reason.contains("already used") == true)
    }

    @Test("seeded truncations and garbling of the fixtures never crash: each imports or throws a LimeSurveyImportError",
          arguments: ["staff_l10ns", "workenv_old"])
    func garbled(_ name: String) throws {
        let original = [UInt8](try Fixtures.data(name))
        var rng = SeededGenerator(seed: 0x11AE_5E77)
        var imported = 0, refused = 0
        for round in 0..<200 {
            var bytes = original
            switch round % 4 {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            case 1:
                for _ in 0..<Int.random(in: 1...20, using: &rng) { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            case 2:
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...400, using: &rng)))
            default:
                let a = Int.random(in: 0..<bytes.count, using: &rng), b = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.insert(contentsOf: bytes[min(a, b)..<max(a, b)].prefix(600), at: Int.random(in: 0..<bytes.count, using: &rng))
            }
            do {
                let s = try LimeSurveyImporter().importStructure(data: Data(bytes))
                try s.questionnaire.validate()
                imported += 1
            } catch is LimeSurveyImportError {
                refused += 1
            }
        }
        #expect(imported + refused == 200)
        #expect(refused > 0)
    }
}
