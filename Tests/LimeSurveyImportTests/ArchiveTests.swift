import DiversityKit
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

/// The fixtures are written by `Fixtures/make_archives.py` (ours, not LimeSurvey's files).
@Suite("LimeSurvey archives, response files and the new question kinds")
struct ArchiveTests {
    static func kinds() throws -> LimeSurveyStructure {
        try LimeSurveyImporter().importStructure(data: try Fixtures.data("kinds"))
    }

    @Test("a ranking, a date, a dual-scale array and an array of numbers become their item kinds, in every language")
    func kindsImport() throws {
        let s = try Self.kinds()
        #expect(s.report.importedItems == ["L1", "R1", "D1", "DS", "NM"])
        #expect(s.report.skipped.isEmpty)
        let q = s.questionnaire
        guard case .ranking(let options, 0, nil)? = q.item("R1")?.kind else { Issue.record("R1 is not a ranking"); return }
        #expect(options.map(\.label.en) == ["Mentoring", "Training", "Networks"])
        #expect(q.item("D1")?.kind == .date(range: try CalendarDate("2000-01-01")...CalendarDate("2030-12-31")))
        guard case .dualScale(let d)? = q.item("DS")?.kind else { Issue.record("DS is not dual-scale"); return }
        #expect(d.rows.map(\.code) == ["SQ1", "SQ2"])
        #expect(d.scales.map(\.header.sv) == ["Vikt", "Nöjdhet"])
        #expect(d.scales[1].options.map(\.label["ar"]) == ["غير راض", "راض"])
        guard case .numericMatrix(let m)? = q.item("NM")?.kind else { Issue.record("NM is not a numeric matrix"); return }
        #expect(m.range == 0...40 && m.columns.map(\.code) == ["X1", "X2"])
        #expect(q.languages == ["ar", "en", "sv"])
        #expect(q.item("L1")?.prompt["ar"] == "كيف وصلت إلى هنا؟")
        #expect(q.item("L1")?.prompt.text(for: "sv-x-lattlast") == "Hur kom du hit?")
        try q.validate()
    }

    @Test("a response file (.lsr) is read through its <sid>X<gid>X<qid> field names, fractions of seconds and 1980-01-01 included")
    func responseFile() throws {
        let s = try Self.kinds()
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        let result = try importer.importResponseFile(data: try Fixtures.data("kinds_responses", "lsr"))
        #expect(result.responses.count == 2 && result.report.partial == 1)
        let done = result.responses[0]
        #expect(done.answers["L1"] == .value(2))
        #expect(done.answers["R1"] == .values([3, 1, 2]))
        #expect(done.answers["D1"] == .date(try CalendarDate("2019-08-15")))
        #expect(done.answers["NM"] == .cells(["Y1#X1": 12, "Y1#X2": 8]))
        #expect(done.answers["DS"] == .cells(["SQ1#0": 2, "SQ1#1": 1, "SQ2#0": 1, "SQ2#1": 2]))
        let submitted = try #require(done.submittedAt)
        #expect(abs(submitted.timeIntervalSince1970 - 1_707_035_191.140133) < 0.001)
        let partial = result.responses[1]
        #expect(partial.isPartial && partial.startedAt == nil)
        #expect(partial.answers["R1"] == .values([1]))
        #expect(partial.answers["DS"] == .cells(["SQ1#0": 1]))
        #expect(partial.answers["NM"] == .cells(["Y1#X2": 3]))
    }

    @Test("an identified survey's archive gives structure, responses and participant counts, and no personal data")
    func identifiedArchive() throws {
        let a = try LimeSurveyArchiveImporter().importArchive(data: try Fixtures.data("kinds_identified", "lsa"))
        #expect(a.structure.mode == .identified)
        #expect(a.responses?.responses.count == 2)
        #expect(a.participants == LimeSurveyParticipants(invited: 3, completed: 1))
        #expect(!"\(a)".contains("Anna") && !"\(a)".contains("example.org") && !"\(a)".contains("tok1"))
        #expect(a.warnings.contains { $0.contains("timings") })
    }

    @Test("an anonymous survey's archive never opens its participant table")
    func anonymousArchive() throws {
        let a = try LimeSurveyArchiveImporter().importArchive(data: try Fixtures.data("kinds_anonymous", "lsa"))
        #expect(a.structure.mode == .anonymous)
        #expect(a.participants == nil)
        #expect(a.responses?.responses.allSatisfy { $0.participant == nil } == true)
        #expect(a.warnings.contains { $0.contains("not read: the survey is anonymous") })
    }

    @Test("hostile archives are refused: path traversal, a zip bomb, an entry larger than announced, not a ZIP", arguments: [
        ("traversal", "unsafe"), ("bomb", "ratio"), ("liar", "malformed"),
    ])
    func hostileArchive(name: String, expected: String) throws {
        let data = try Fixtures.data(name, "lsa")
        #expect {
            try LimeSurveyArchiveImporter().importArchive(data: data)
        } throws: { error in
            switch (error as? LimeSurveyImportError, expected) {
            case (.unsafeEntryName(let n)?, "unsafe"): return n == "../../evil.lss"
            case (.boundExceeded(.compressionRatio, 1_000, _)?, "ratio"): return true
            case (.malformedArchive?, "malformed"): return true
            default: return false
            }
        }
    }

    @Test("an archive without a structure, or bytes that are not a ZIP, are refused with the reason")
    func notAnArchive() throws {
        #expect(throws: LimeSurveyImportError.malformedArchive(reason: "no end of central directory record")) {
            try LimeSurveyArchiveImporter().importArchive(data: Data("not a zip".utf8))
        }
        var tight = LimeSurveyLimits()
        tight.maximumArchiveEntries = 2
        #expect {
            try LimeSurveyArchiveImporter(structureImporter: LimeSurveyImporter(limits: tight)).importArchive(data: try Fixtures.data("kinds_identified", "lsa"))
        } throws: { error in
            guard case LimeSurveyImportError.boundExceeded(.archiveEntries, 2, let at) = error else { return false }
            return at.contains("4 entries")
        }
    }

    @Test("a full-question-text heading reads its question when it names one unambiguously")
    func fullTextHeadings() throws {
        let s = try Self.kinds()
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        let text = "id,submitdate,How did you get here?,Timmar per termin [Utbildning]\r\n1,2024-02-04 08:26:31,A1,5\r\n"
        let r = try importer.importAll(try CSVReader(text: text))
        #expect(r.responses.first?.answers["L1"] == .value(1))
        #expect(r.report.warnings.contains { $0.contains("'How did you get here?' read as L1") })
        #expect(r.report.warnings.contains { $0.contains("'Timmar per termin [Utbildning]' is not a question") })
    }

    @Test("a dual-scale array is read from Q[row#0] and Q[row#1]; a ranking from Q[1], Q[2], …")
    func dualScaleAndRankingCSV() throws {
        let s = try Self.kinds()
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        let text = "id,submitdate,DS[SQ1#0],DS[SQ1#1],DS[SQ2#1],R1[1],R1[2]\r\n1,2024-02-04 08:26:31,2,1,2,M2,M3\r\n"
        let r = try #require(try importer.importAll(try CSVReader(text: text)).responses.first)
        #expect(r.answers["DS"] == .cells(["SQ1#0": 2, "SQ1#1": 1, "SQ2#1": 2]))
        #expect(r.answers["R1"] == .values([2, 3]))
        let twice = "id,submitdate,R1[1],R1[2]\r\n1,2024-02-04 08:26:31,M2,M2\r\n"
        #expect(throws: LimeSurveyResponseImportError.self) { try importer.importAll(try CSVReader(text: twice)) }
    }
}

/// Issue 17's LimeSurvey reproducers, each a named regression test.
@Suite("LimeSurvey hostile input (issue 17)")
struct LimeSurveyHostileInputTests {
    @Test("regression: 200 kB of repeated '<a' is stripped in one pass and kept as text")
    func repeatedOpenTags() {
        let text = String(repeating: "<a", count: 100_000)
        #expect(LimeSurveyTexts.plain(text) == text)
        #expect(LimeSurveyTexts.plain("<b>x</b>" + text) == "x " + text)
    }

    @Test("regression: one internal entity referenced 100 000 times is refused as an entity expansion")
    func entityExpansion() throws {
        let value = String(repeating: "x", count: 100_000)
        let refs = String(repeating: "&big;", count: 100_000)
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE document [<!ENTITY big \"\(value)\">]><document><LimeSurveyDocType>Survey</LimeSurveyDocType>"
            + "<questions><rows><row><question>\(refs)</question></row></rows></questions></document>"
        #expect {
            try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
        } throws: { error in
            guard case LimeSurveyImportError.boundExceeded(.textExpansion, 16, let at) = error else { return false }
            return at.contains("entity 'big': 100000 references")
        }
    }

    @Test("entities nested in entities (billion laughs) are refused before the parser expands them")
    func nestedEntities() throws {
        var dtd = "<!ENTITY e0 \"lol\">"
        for i in 1...9 { dtd += "<!ENTITY e\(i) \"" + String(repeating: "&e\(i - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE document [\(dtd)]><document><LimeSurveyDocType>&e9;</LimeSurveyDocType></document>"
        #expect {
            try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
        } throws: { error in
            guard case LimeSurveyImportError.boundExceeded(.textExpansion, _, _) = error else { return false }
            return true
        }
    }

    @Test("regression: a field over the field-length bound names the field and the bound")
    func fieldTooLong() throws {
        var limits = LimeSurveyLimits()
        limits.maximumFieldLength = 1_000
        let xml = "<document><LimeSurveyDocType>Survey</LimeSurveyDocType><questions><rows><row><question>"
            + String(repeating: "y", count: 5_000) + "</question></row></rows></questions></document>"
        #expect {
            try LimeSurveyImporter(limits: limits).importStructure(data: Data(xml.utf8))
        } throws: { error in
            guard case LimeSurveyImportError.boundExceeded(.fieldLength, 1_000, let at) = error else { return false }
            return at.contains("questions/rows/row/question") && "\(error)".contains("maximumFieldLength")
        }
    }

    @Test("regression: a response export with more columns than the bound is refused at its header")
    func tooManyColumns() throws {
        let s = try MiniSurvey.structure(type: "S")
        var limits = LimeSurveyLimits()
        limits.maximumColumns = 100
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping, limits: limits)
        let header = (["Q1"] + (1...1_000).map { "c\($0)" }).joined(separator: ",")
        #expect(throws: LimeSurveyImportError.boundExceeded(.columns, limit: 100, location: "line 1: a header of 1001 columns")) {
            try importer.importAll(try CSVReader(text: header + "\r\n"))
        }
        // A header of 10⁵ columns is held back too, before any row or column is matched: by the CSV
        // reader's own column bound (10 000 by default) or by this one, whichever is lower.
        let wide = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        let huge = (["Q1"] + (1...100_000).map { "c\($0)" }).joined(separator: ",")
        #expect {
            try wide.importAll(try CSVReader(text: huge + "\r\n"))
        } throws: { error in
            "\(error)".contains("maximumColumns")
        }
    }

    @Test("regression: a year or hour near Int.max is refused, not wrapped into another date", arguments: [
        "9223372036854775807-01-01 00:00:00", "2024-01-01 9223372036854775807:00:00", "2024-01-01 24:00:00",
        "20240-01-01 00:00:00", "2024-01-01 00:00:00.", "2024-02-30 00:00:00", "2024-01-01 00:60:00",
    ])
    func hugeDateParts(_ cell: String) throws {
        let s = try MiniSurvey.structure(type: "S")
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        #expect {
            try importer.importAll(try CSVReader(text: "submitdate,Q1\r\n\(cell),x\r\n"))
        } throws: { error in
            guard let e = error as? LimeSurveyResponseImportError else { return false }
            return e.issues.map(\.problem) == [.invalidDate]
        }
    }

    @Test("fractional seconds and the anonymised 1980-01-01 are accepted")
    func acceptedDates() throws {
        let s = try MiniSurvey.structure(type: "S")
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        let r = try importer.importAll(try CSVReader(text: "startdate,submitdate,Q1\r\n1980-01-01 00:00:00,2024-02-04 08:26:31.140133,x\r\n"))
        #expect(r.responses.first?.startedAt == nil)
        #expect(r.responses.first?.submittedAt.map { abs($0.timeIntervalSince1970 - 1_707_035_191.140133) < 0.001 } == true)
    }

    @Test("a non-numeric gid and an unknown parent_qid become warnings with their location, not silent drops")
    func unresolvedIDs() throws {
        var xml = MiniSurvey.xml(type: "S")
        xml = xml.replacingOccurrences(of: "<questions><rows>", with: "<questions><rows><row><qid><![CDATA[7]]></qid><parent_qid><![CDATA[0]]></parent_qid>"
            + "<gid><![CDATA[abc]]></gid><type><![CDATA[S]]></type><title><![CDATA[Q7]]></title></row>")
        xml = xml.replacingOccurrences(of: "<subquestions><rows>", with: "<subquestions><rows><row><qid><![CDATA[8]]></qid><parent_qid><![CDATA[99]]></parent_qid>"
            + "<gid><![CDATA[1]]></gid><type><![CDATA[T]]></type><title><![CDATA[SQ9]]></title></row>")
        let s = try LimeSurveyImporter().importStructure(data: Data(xml.utf8))
        #expect(s.report.warnings.contains { $0.hasPrefix("line ") && $0.contains("gid 'abc', not a whole number") })
        #expect(s.report.warnings.contains { $0.hasPrefix("line ") && $0.contains("sub-question SQ9 (qid 8) names parent_qid 99") })
    }
}

/// A fixed-seed corpus of damaged archives and response files: every one imports or is refused
/// with a typed error, and none traps, hangs or inflates past the bounds.
@Suite("Damaged LimeSurvey archives and response files (seeded)")
struct ArchiveFuzzTests {
    static func mutations(of data: Data, count: Int, seed: UInt64) -> [Data] {
        var rng = SeededGenerator(seed: seed)
        let bytes = [UInt8](data)
        return (0..<count).map { _ in
            var b = bytes
            switch rng.next() % 4 {
            case 0: b = Array(b.prefix(Int(rng.next() % UInt64(b.count))))
            case 1:
                for _ in 0..<(1 + rng.next() % 8) { b[Int(rng.next() % UInt64(b.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            case 2:
                // The central directory and end record sit at the end: damage the last 200 bytes.
                for _ in 0..<(1 + rng.next() % 4) { b[b.count - 1 - Int(rng.next() % 200)] = UInt8(truncatingIfNeeded: rng.next()) }
            default:
                let at = Int(rng.next() % UInt64(b.count))
                b.insert(contentsOf: (0..<(rng.next() % 16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
            }
            return Data(b)
        }
    }

    static func typed(_ error: Error) -> Bool { error is LimeSurveyImportError || error is LimeSurveyResponseImportError }

    @Test("600 damaged archives import or are refused with a typed error")
    func damagedArchives() throws {
        let original = try Fixtures.data("kinds_identified", "lsa")
        var refused = 0
        for data in Self.mutations(of: original, count: 600, seed: 0x15A_0001) {
            do { _ = try LimeSurveyArchiveImporter().importArchive(data: data) } catch {
                #expect(Self.typed(error), "\(error)")
                refused += 1
            }
        }
        #expect(refused > 0)
    }

    @Test("300 damaged response files import or are refused with a typed error")
    func damagedResponseFiles() throws {
        let s = try ArchiveTests.kinds()
        let importer = try LimeSurveyResponseImporter(questionnaire: s.questionnaire, mapping: s.mapping)
        let original = try Fixtures.data("kinds_responses", "lsr")
        var refused = 0
        for data in Self.mutations(of: original, count: 300, seed: 0x15A_0002) {
            do { _ = try importer.importResponseFile(data: data) } catch {
                #expect(Self.typed(error), "\(error)")
                refused += 1
            }
        }
        #expect(refused > 0)
    }
}
