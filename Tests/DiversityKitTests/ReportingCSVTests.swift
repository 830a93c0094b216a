import DiversityKit
import Foundation
import Testing

@Suite("Reporting: CSV renderer")
struct ReportingCSVTests {
    func text(_ file: RenderedFile) -> String { String(decoding: file.contents, as: UTF8.self) }

    @Test("writes one file per table and chart, in reading order, with unique safe names")
    func files() throws {
        let files = try CSVRenderer().render(.sample())
        #expect(files.map(\.name) == ["participation-data.csv", "participation.csv", "funnel-data.csv", "likert-data.csv",
                                      "agreement.csv", "budget-data.csv", "budget.csv"])
        let likert = try #require(try CSVRenderer().render(.sample(language: .english)).first { $0.name == "likert-data.csv" })
        #expect(text(likert).hasPrefix("Category,Strongly disagree,Disagree,Neutral,Agree,Strongly agree\r\n"
            + "I can raise discrimination at my workplace,12,31,40,88,61\r\n"))
        let odd = Report(title: "r", sections: [ReportSection(title: "s", blocks: [
            .table(ReportTable(id: "../Etc/Passwd", caption: "", columns: [])),
            .table(ReportTable(id: "etc passwd", caption: "", columns: [])),
            .table(ReportTable(id: "åäö", caption: "", columns: [])),
        ])])
        #expect(try CSVRenderer().render(odd).map(\.name) == ["etc-passwd.csv", "etc-passwd-2.csv", "table.csv"])
        #expect(try CSVRenderer().render(Report(title: "empty")).isEmpty)
    }

    @Test("quotes fields per RFC 4180 and ends records with CRLF")
    func quoting() {
        let table = ReportTable(id: "t", caption: "c", columns: [ReportColumn("a,b"), ReportColumn("say \"hi\"")],
                                rows: [[.text("line\nbreak"), .text("plain")], [.text("semi;colon"), .text("cr\rhere")]])
        #expect(CSVRenderer().csv(table, language: .english)
            == "\"a,b\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",plain\r\nsemi;colon,\"cr\rhere\"\r\n")
        #expect(CSVRenderer(separator: .semicolon).csv(table, language: .english)
            == "a,b;\"say \"\"hi\"\"\"\r\n\"line\nbreak\";plain\r\n\"semi;colon\";\"cr\rhere\"\r\n")
    }

    @Test("writes numbers plainly, with a decimal comma only for Swedish with semicolons")
    func numbers() throws {
        let row: [ReportCell] = [.integer(-1_234_567), .decimal(1234.56, digits: 1), .percent(0.452, digits: 1),
                                 .money(Money(minorUnits: 425_163_150)), .money(Money(kronor: -5)), .date(try CalendarDate("2012-02-01")),
                                 .suppressed(reason: .belowThreshold), .empty]
        let table = ReportTable(id: "n", caption: "", columns: row.indices.map { ReportColumn("c\($0)") }, rows: [row])
        func body(_ renderer: CSVRenderer, _ language: ReportLanguage) -> String {
            String(renderer.csv(table, language: language).split(separator: "\r\n")[1])
        }
        #expect(body(CSVRenderer(separator: .semicolon), .swedish) == "-1234567;1234,6;45,2%;4251631,50;-5;2012-02-01;undertryckt;")
        #expect(body(CSVRenderer(separator: .comma), .swedish) == "-1234567,1234.6,45.2%,4251631.50,-5,2012-02-01,undertryckt,")
        #expect(body(CSVRenderer(separator: .semicolon), .english) == "-1234567;1234.6;45.2%;4251631.50;-5;2012-02-01;suppressed;")
        #expect(body(CSVRenderer(), .english) == "-1234567,1234.6,45.2%,4251631.50,-5,2012-02-01,suppressed,")
    }

    @Test("neutralises formula injection in text but leaves plain numbers alone",
          arguments: [("=1+1", "'=1+1"), ("+46 90 16 10 00", "'+46 90 16 10 00"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
                      ("\tx", "'\tx"), ("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""),
                      ("-5", "-5"), ("+1.5", "+1.5"), ("-", "'-"), ("Umeå", "Umeå"), ("a=b", "a=b")])
    func formulas(input: String, expected: String) {
        let table = ReportTable(id: "f", caption: "", columns: [ReportColumn(input)], rows: [[.text(input)]])
        let lines = CSVRenderer().csv(table, language: .english).components(separatedBy: "\r\n")
        #expect(lines[0] == expected)
        #expect(lines[1] == expected)
    }

    @Test("\"\\rcmd\" gets its apostrophe and its quotes")
    func carriageReturnStart() {
        let table = ReportTable(id: "f", caption: "", columns: [ReportColumn("h")], rows: [[.text("\rcmd")]])
        #expect(CSVRenderer().csv(table, language: .english) == "h\r\n\"'\rcmd\"\r\n")
    }

    @Test("adds the UTF-8 byte-order mark only when asked")
    func byteOrderMark() throws {
        let with = try #require(try CSVRenderer(includeBOM: true).render(.sample()).first)
        let without = try #require(try CSVRenderer().render(.sample()).first)
        #expect(Array(with.contents.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(with.contents.dropFirst(3) == without.contents)
        #expect(Array(without.contents.prefix(3)) != [0xEF, 0xBB, 0xBF])
    }

    @Test("keeps the shape of every table for injection payloads", arguments: injectionPayloads)
    func injection(payload: String) throws {
        for file in try CSVRenderer(separator: .semicolon).render(reportFull(of: payload)) {
            let csv = text(file)
            #expect(csv.hasSuffix("\r\n"))
            #expect(!csv.contains("\n=") && !csv.hasPrefix("="), "no record starts a formula")
        }
    }
}
