import Foundation
import Testing
@testable import SurveyModule

@Suite("CSV reading and writing")
struct CSVTests {
    func records(_ text: String, _ separator: CSVSeparator? = nil) throws -> [[String]] {
        let reader = try CSVReader(text: text, separator: separator)
        var out: [[String]] = []
        while let r = try reader.next() { out.append(r.fields) }
        return out
    }

    @Test("quoted fields keep separators, doubled quotes and line breaks")
    func quoting() throws {
        let text = "a,b,c\r\n\"x, y\",\"he said \"\"hej\"\"\",\"two\r\nlines\"\n1,,3\n"
        #expect(try records(text) == [["a", "b", "c"], ["x, y", "he said \"hej\"", "two\r\nlines"], ["1", "", "3"]])
    }

    @Test("the separator is detected from the header: comma, semicolon or tab", arguments: [
        ("a,b;c\n1,2;3\n", CSVSeparator.comma), ("a;b;c\n1;2,5;3\n", .semicolon), ("a\tb\tc\n1\t2,5\t3\n", .tab),
    ])
    func detection(_ text: String, _ expected: CSVSeparator) throws {
        let reader = try CSVReader(text: text)
        #expect(reader.separator == expected)
        #expect(try reader.next()?.fields.count == (expected == .comma ? 2 : 3))
    }

    @Test("a UTF-8 BOM is skipped and Swedish characters survive")
    func bomAndSwedish() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("kod;namn\n1;Åsa Öström\n2;\"Säter; Dalarna\"\n".utf8)
        let reader = try CSVReader(data: data)
        #expect(reader.separator == .semicolon)
        var rows: [[String]] = []
        while let r = try reader.next() { rows.append(r.fields) }
        #expect(rows == [["kod", "namn"], ["1", "Åsa Öström"], ["2", "Säter; Dalarna"]])
    }

    @Test("records report the line and column where each field starts")
    func positions() throws {
        let reader = try CSVReader(text: "h1,h2\nåä,\"x\ny\"\nz,w\n")
        _ = try reader.next()
        let second = try #require(try reader.next())
        #expect(second.line == 2 && second.fieldColumns == [1, 4])
        let third = try #require(try reader.next())
        #expect(third.line == 4 && third.fields == ["z", "w"])
    }

    @Test("malformed CSV is a typed error with line, field and column", arguments: [
        ("a,b\n1,\"open\n", CSVError.unterminatedQuote(line: 2, field: 2, column: 3)),
        ("a,b\n1,x\"y\n", CSVError.unexpectedQuote(line: 2, field: 2, column: 4)),
        ("a,b\n\"q\"x,2\n", CSVError.unexpectedQuote(line: 2, field: 1, column: 4)),
    ])
    func errors(_ text: String, _ expected: CSVError) throws {
        #expect(throws: expected) { _ = try records(text) }
    }

    @Test("bytes that are not UTF-8 are reported at their field")
    func invalidUTF8() throws {
        let reader = try CSVReader(data: Data("a,b\n1,".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8))
        _ = try reader.next()
        #expect(throws: CSVError.invalidUTF8(line: 2, field: 2, column: 3)) { _ = try reader.next() }
    }

    @Test("reading in tiny chunks gives the same records, even with CRLF split across chunks")
    func chunks() throws {
        let text = "a;b\r\n\"x\r\ny\";\"é\"\"\"\r\nÅ;\r\n"
        let data = Data(text.utf8)
        for size in [1, 2, 3, 7] {
            var offset = 0
            let reader = try CSVReader(separator: nil) {
                guard offset < data.count else { return nil }
                defer { offset += size }
                return data[offset..<min(offset + size, data.count)]
            }
            var rows: [[String]] = []
            while let r = try reader.next() { rows.append(r.fields) }
            #expect(rows == [["a", "b"], ["x\r\ny", "é\""], ["Å", ""]])
        }
    }

    @Test("export neutralises spreadsheet formulas but not plain numbers, and import restores them", arguments: [
        "=SUM(A1:A9)", "+1+cmd|' /C calc'!A0", "-2+3", "-cmd|' /C calc'!A0", "@import", "\tx", "'=already", "''=twice",
    ])
    func formulaInjection(_ cell: String) throws {
        let format = CSVFormat(separator: .semicolon)
        let line = format.line(["1", cell, "-3", "2,5"])
        let fields = try #require(try records(line, .semicolon).first)
        #expect(fields[1].hasPrefix("'"))
        #expect(fields[2] == "-3" && fields[3] == "2,5")
        #expect(CSVFormat.restore(fields[1]) == cell)
    }

    @Test("ordinary text is neither quoted nor changed")
    func plain() {
        #expect(CSVFormat().line(["Åsa", "it's", "a-b"]) == "Åsa,it's,a-b\r\n")
        #expect(CSVFormat.restore("it's") == "it's")
        #expect(CSVFormat.neutralise("+46701234567") == "+46701234567" && CSVFormat.neutralise("-0,75") == "-0,75")
        #expect(CSVFormat(separator: .tab, lineEnd: "\n").line(["a b", "c\td"]) == "a b\t\"c\td\"\n")
    }

    @Test("a file writer streams records that the reader reads back")
    func fileRoundTrip() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("t.csv")
        let w = try CSVFileWriter(url: url, format: CSVFormat(separator: .semicolon), byteOrderMark: true)
        let rows = [["kod", "text"], ["1", "rad\nbrytning; och \"citat\""], ["2", "=1+1"]]
        for r in rows { try w.write(r) }
        try w.close()
        let reader = try CSVReader(url: url)
        var back: [[String]] = []
        while let r = try reader.next() { back.append(r.fields.map(CSVFormat.restore)) }
        #expect(back == rows)
        #expect(throws: CSVError.unreadable("missing.csv")) { _ = try CSVReader(url: dir.appendingPathComponent("missing.csv")) }
    }
}
