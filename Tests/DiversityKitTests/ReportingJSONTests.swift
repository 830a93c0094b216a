import DiversityKit
import Foundation
import Testing

@Suite("Reporting: JSON renderer")
struct ReportingJSONTests {
    @Test("round-trips every report, byte for byte", arguments: ReportLanguage.allCases)
    func roundTrip(language: ReportLanguage) throws {
        let report = Report.sample(language: language)
        let data = try JSONRenderer().encode(report)
        let decoded = try JSONRenderer.decode(data)
        #expect(decoded == report)
        #expect(try JSONRenderer().encode(decoded) == data)
    }

    @Test("round-trips injection payloads", arguments: injectionPayloads)
    func payloads(payload: String) throws {
        let report = reportFull(of: payload)
        #expect(try JSONRenderer.decode(try JSONRenderer(prettyPrinted: false).encode(report)) == report)
    }

    @Test("follows the documented schema")
    func schema() throws {
        let report = Report(title: "T", language: .english, date: try CalendarDate("2012-02-01"), sections: [
            ReportSection(title: "S", blocks: [
                .paragraph("p"), .list(["i"]), .note(ReportNote(.suppression, "n")),
                .table(ReportTable(id: "t", caption: "c", columns: [ReportColumn("k", isRowHeader: true)],
                                   rows: [[.text("x"), .integer(3), .decimal(1.5, digits: 1), .percent(0.25, digits: 0),
                                           .money(Money(minorUnits: 1250)), .date(try CalendarDate("2011-01-02")),
                                           .suppressed(reason: .secondary), .empty]])),
                .chart(ReportChart(id: "c", kind: .divergingStackedBar, title: "ct", description: "cd", categories: ["a"],
                                   series: [ChartSeries(name: "s", values: [nil], digits: 1)], negativeSeriesCount: 0)),
            ]),
        ])
        let json = String(decoding: try JSONRenderer(prettyPrinted: false).encode(report), as: UTF8.self)
        #expect(json.hasPrefix("{\"date\":\"2012-02-01\",\"language\":\"en\",\"schemaVersion\":1,\"sections\":[{\"blocks\":["))
        #expect(json.contains("{\"text\":\"p\",\"type\":\"paragraph\"}"))
        #expect(json.contains("{\"items\":[\"i\"],\"type\":\"list\"}"))
        #expect(json.contains("{\"kind\":\"suppression\",\"text\":\"n\",\"type\":\"note\"}"))
        #expect(json.contains("\"rows\":[[{\"type\":\"text\",\"value\":\"x\"},{\"type\":\"integer\",\"value\":3},"
            + "{\"digits\":1,\"type\":\"decimal\",\"value\":1.5},{\"digits\":0,\"type\":\"percent\",\"value\":0.25},"
            + "{\"minorUnits\":1250,\"type\":\"money\"},{\"type\":\"date\",\"value\":\"2011-01-02\"},"
            + "{\"reason\":\"secondary\",\"type\":\"suppressed\"},{\"type\":\"empty\"}]]"))
        #expect(json.contains("\"columns\":[{\"isRowHeader\":true,\"title\":\"k\"}]"))
        #expect(json.contains("{\"chart\":{\"categories\":[\"a\"],\"description\":\"cd\",\"id\":\"c\",\"kind\":\"divergingStackedBar\","
            + "\"negativeSeriesCount\":0,\"series\":[{\"digits\":1,\"name\":\"s\",\"values\":[null]}],\"title\":\"ct\"},\"type\":\"chart\"}"))
    }

    @Test("refuses another schema version")
    func version() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONRenderer().encode(.sample())) as? [String: Any])
        object["schemaVersion"] = 2
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: ReportRenderingError.unsupportedSchemaVersion(found: 2, supported: 1)) { try JSONRenderer.decode(data) }
    }

    @Test("names where malformed JSON goes wrong",
          arguments: [("{\"title\":\"t\",\"language\":\"sv\",\"sections\":[]}", ""),
                      ("{\"schemaVersion\":1,\"title\":\"t\",\"language\":\"sv\",\"sections\":[{\"title\":\"s\",\"subsections\":[],\"blocks\":[{\"type\":\"video\"}]}]}", "sections[0].blocks[0].type"),
                      ("{\"schemaVersion\":1,\"title\":\"t\",\"language\":\"sv\",\"sections\":[{\"title\":\"s\",\"subsections\":[],\"blocks\":[{\"type\":\"paragraph\"}]}]}", "sections[0].blocks[0]"),
                      ("{\"schemaVersion\":1,\"title\":3,\"language\":\"sv\",\"sections\":[]}", "title"),
                      ("not json", "")])
    func malformed(json: String, path: String) {
        do {
            _ = try JSONRenderer.decode(Data(json.utf8))
            Issue.record("decoded malformed JSON")
        } catch let ReportRenderingError.malformedJSON(found, reason) {
            #expect(found == path)
            #expect(!reason.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("refuses non-finite numbers and says where they are")
    func nonFinite() {
        let report = Report(title: "t", sections: [ReportSection(title: "s", blocks: [
            .chart(ReportChart(id: "c", kind: .bar, title: "t", description: "d", categories: ["a"],
                               series: [ChartSeries(name: "s", values: [.nan])])),
        ])])
        #expect(throws: ReportRenderingError.nonFiniteNumber(path: "sections[0].blocks[0].chart.series[0].values[0]")) {
            try JSONRenderer().render(report)
        }
    }
}
