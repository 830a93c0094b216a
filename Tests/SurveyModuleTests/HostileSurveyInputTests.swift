import DiversityKit
import Foundation
import Testing
@testable import SurveyModule

/// Issue 17: CSV, JSON and questionnaires a caller can pass.
@Suite("Hostile input: survey files and questionnaires")
struct HostileSurveyInputTests {
    /// A source of `total` bytes made by repeating `pattern` after `prefix`, in 64 KiB chunks,
    /// counting how many bytes the reader pulled.
    final class CountingSource: @unchecked Sendable {  // used by one reader on one thread
        let first: [UInt8], rest: [UInt8]
        let total: Int
        private(set) var pulled = 0

        init(prefix: String, pattern: String, total: Int) {
            let p = Array(pattern.utf8)
            var chunk: [UInt8] = []
            while chunk.count < 1 << 16 { chunk += p }
            rest = Array(chunk.prefix(1 << 16))
            first = Array((Array(prefix.utf8) + rest).prefix(1 << 16))
            self.total = total
        }

        func next() -> Data? {
            guard pulled < total else { return nil }
            let n = min(1 << 16, total - pulled)
            defer { pulled += n }
            return Data((pulled == 0 ? first : rest).prefix(n))
        }
    }

    @Test("a 32 MB unterminated quote on line 1 is refused after a bounded read, naming maximumFieldBytes")
    func unterminatedQuoteIsBounded() throws {
        let source = CountingSource(prefix: "\"", pattern: "x", total: 32 << 20)
        let limits = CSVLimits(maximumFieldBytes: 1 << 20, maximumRecordBytes: 2 << 20)
        let reader = try CSVReader(separator: nil, limits: limits) { source.next() }
        #expect(throws: CSVError.fieldTooLarge(line: 1, field: 1, column: 1, limit: 1 << 20)) { try reader.next() }
        // Detection reads at most one record's worth; the old reader pulled all 32 MB, scanning it quadratically.
        #expect(source.pulled <= (2 << 20) + (1 << 16))
        #expect(CSVError.fieldTooLarge(line: 1, field: 1, column: 1, limit: 1 << 20).description.contains("maximumFieldBytes"))
    }

    @Test("each bound is configuration and crossing it is a typed error naming it", arguments: [
        ("a,b,c\n", CSVLimits(maximumColumns: 2), CSVError.tooManyColumns(line: 1, limit: 2), "maximumColumns"),
        ("abcd\n", CSVLimits(maximumFieldBytes: 3), .fieldTooLarge(line: 1, field: 1, column: 1, limit: 3), "maximumFieldBytes"),
        ("ab,cd\n", CSVLimits(maximumRecordBytes: 3), .recordTooLarge(line: 1, limit: 3), "maximumRecordBytes"),
        ("a\nb\nc\n", CSVLimits(maximumRecords: 2), .tooManyRecords(line: 3, limit: 2), "maximumRecords"),
        ("\"ab\"\"cd\"\n", CSVLimits(maximumFieldBytes: 4), .fieldTooLarge(line: 1, field: 1, column: 1, limit: 4), "maximumFieldBytes"),
    ])
    func boundsAreTypedErrors(_ text: String, _ limits: CSVLimits, _ expected: CSVError, _ name: String) throws {
        let reader = try CSVReader(text: text, limits: limits)
        #expect(throws: expected) { while try reader.next() != nil {} }
        #expect(expected.description.contains(name))
        #expect(expected.position?.line == (expected == .tooManyRecords(line: 3, limit: 2) ? 3 : 1))
    }

    @Test("exactly at each bound a file still reads")
    func atTheBounds() throws {
        let reader = try CSVReader(text: "abc,de\nf,g\n", limits: CSVLimits(maximumFieldBytes: 3, maximumRecordBytes: 5,
                                                                             maximumColumns: 2, maximumRecords: 2))
        #expect(try reader.next()?.fields == ["abc", "de"])
        #expect(try reader.next()?.fields == ["f", "g"])
        #expect(try reader.next() == nil)
    }

    @Test("a line of separators stops at maximumColumns, after a bounded read")
    func manyColumns() throws {
        let source = CountingSource(prefix: "", pattern: ";", total: 1 << 20)
        let reader = try CSVReader(separator: nil, limits: CSVLimits(maximumRecordBytes: 1 << 18)) { source.next() }
        #expect(reader.separator == .semicolon)
        #expect(throws: CSVError.tooManyColumns(line: 1, limit: 10_000)) { try reader.next() }
        #expect(source.pulled <= (1 << 18) + (1 << 16))
    }

    @Test("the response importer reports a crossed bound as a syntax issue at its position")
    func importerBounds() throws {
        let q = Fixture.small()
        let importer = ResponseCSVImporter(questionnaire: q, limits: CSVLimits(maximumRecords: 2))
        let text = ResponseCSV.text([], questionnaire: q) + String(repeating: ",", count: ResponseCSV.header(for: q).count - 1) + "\n"
            + String(repeating: ",", count: ResponseCSV.header(for: q).count - 1) + "\n"
        let issues = try importer.read(try CSVReader(text: text, limits: importer.limits)) { _ in }
        #expect(issues.last == ImportIssue(line: 3, column: 1, problem: .syntax(.tooManyRecords(line: 3, limit: 2))))
    }

    @Test("CSV written with glued quotes, CRLF and formula triggers reads back to the same fields", arguments: [
        "\"\u{301}x", "a\r\nb", "=\u{301}1+1", "'=\u{301}1", "\r\n\u{301}", ";\u{200D}\"",
    ])
    func writerRoundTrip(_ cell: String) throws {
        for format in [CSVFormat(), CSVFormat(separator: .semicolon)] {
            let reader = try CSVReader(text: format.line(["a", cell, "b"]), separator: format.separator)
            let fields = try #require(try reader.next()).fields.map(CSVFormat.restore)
            #expect(fields == ["a", cell, "b"])
            #expect(CSVFormat.neutralise(cell).unicodeScalars.first != "=")
        }
    }

    static func likert(minimum: Int, points: Int) -> Questionnaire {
        let scale = LikertScale(name: "hostile", minimum: minimum,
                                labels: (0..<points).map { LocalizedText(sv: "\($0)", en: "\($0)") })
        return Questionnaire(id: "q", title: LocalizedText(sv: "q", en: "q"), sections: [
            Section(code: "S", title: LocalizedText(sv: "s", en: "s"), items: [
                Item(code: "L1", prompt: LocalizedText(sv: "p", en: "p"), kind: .likert(scale: scale, reverseCoded: true)),
            ]),
        ])
    }

    @Test("a Likert scale starting near Int.max neither traps nor validates", arguments: [Int.max, Int.max - 1, Int.min, Int(Int32.min)])
    func likertOverflow(_ minimum: Int) throws {
        let q = Self.likert(minimum: minimum, points: 5)
        #expect(q.items[0].validCodes != nil)   // used to trap in LikertScale.maximum
        #expect(throws: QuestionnaireError.self) { try q.validate() }
        // Without validation, answer checks and CSV import still do not trap.
        _ = q.issues(in: ["L1": .value(minimum)], partial: false)
        _ = try ResponseCSVImporter(questionnaire: q).read(try CSVReader(text: "L1\n\(minimum)\n")) { _ in }
        if case .likert(let scale, _) = q.items[0].kind { _ = scale.reversed(minimum) }
    }

    @Test("Int32.min cannot be a Likert point, so it never reads back as missing")
    func int32MinIsNotAnAnswer() throws {
        #expect(throws: QuestionnaireError.self) { try Self.likert(minimum: Int(Int32.min), points: 5).validate() }
        try Self.likert(minimum: Int(Int32.min) + 1, points: 5).validate()
        try Self.likert(minimum: Int(Int32.max) - 4, points: 5).validate()
        #expect(throws: QuestionnaireError.self) { try Self.likert(minimum: Int(Int32.max) - 3, points: 5).validate() }
        // Even an unvalidated value never lands on the matrix's missing code.
        for v in [Int.min, Int(Int32.min), Int(Int32.min) - 1] { #expect(ResponseMatrix.code(of: .value(v)) != ResponseMatrix.missing) }
        #expect(ResponseMatrix.code(of: .value(Int(Int32.min) + 1)) == Int32.min + 1)
    }

    @Test("a Likert scale without labels never makes an inverted range")
    func emptyScale() throws {
        let q = Self.likert(minimum: 3, points: 0)
        #expect(q.items[0].validCodes == nil)
        #expect(q.issues(in: ["L1": .value(3)], partial: false).count == 1)
        #expect(throws: QuestionnaireError.self) { try q.validate() }
    }

    @Test("questionnaire and response JSON nested 100 000 deep is refused before parsing, naming maximumNesting")
    func deepSurveyJSON() throws {
        let deep = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        for decode in [{ _ = try SurveyJSON.decodeQuestionnaire(deep) },
                       { _ = try SurveyJSON.decodeResponses(deep, questionnaire: Fixture.small()) }] {
            #expect {
                try decode()
            } throws: { error in
                (error as? SurveyImportError)?.description.contains("maximumNesting (64)") == true
            }
        }
        // A real questionnaire is far shallower than the bound.
        #expect(try SurveyJSON.decodeQuestionnaire(try SurveyJSON.encode(Fixture.small())) == Fixture.small())
    }
}
