import DiversityKit
import Foundation
import Testing

@Suite("Reporting: HTML renderer")
struct ReportingHTMLTests {
    static let languages = ReportLanguage.allCases

    @Test("renders the sample as well-formed XHTML with the language declared", arguments: languages)
    func wellFormed(language: ReportLanguage) throws {
        let html = HTMLRenderer().html(.sample(language: language))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        let root = try HTMLTreeBuilder.parse(html)
        #expect(root.name == "html")
        #expect(root.attributes["lang"] == language.rawValue)
        #expect(root.elements("meta").contains { $0.attributes["charset"] == "utf-8" })
        #expect(root.elements("title").first?.fullText == Report.sample(language: language).title)
    }

    @Test("headings start at h1 and never skip a level, even for deep sections")
    func headingOrder() throws {
        func nested(_ depth: Int) -> ReportSection {
            ReportSection(title: "Level \(depth)", blocks: [.paragraph("p")], subsections: depth < 7 ? [nested(depth + 1)] : [])
        }
        var report = Report.sample()
        report.sections.append(nested(0))
        let root = try HTMLTreeBuilder.parse(HTMLRenderer().html(report))
        let levels = root.allElements.compactMap { e -> Int? in
            guard e.name.count == 2, e.name.hasPrefix("h"), let n = Int(e.name.dropFirst()) else { return nil }
            return n
        }
        #expect(levels.first == 1)
        #expect(levels.filter { $0 == 1 }.count == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "h\(previous) is followed by h\(next)")
        }
        #expect(levels.contains(6))
    }

    @Test("tables have captions and every header cell a scope")
    func tableHeaders() throws {
        let report = Report.sample()
        let root = try HTMLTreeBuilder.parse(HTMLRenderer().html(report))
        let tables = root.elements("table")
        #expect(tables.count == report.allTables.count + report.allCharts.count)
        for table in tables {
            #expect(table.children.first?.name == "caption")
            #expect(!(table.children.first?.fullText.isEmpty ?? true))
        }
        let headers = root.elements("th")
        #expect(!headers.isEmpty)
        for th in headers {
            let inHead = th.parent?.parent?.name == "thead"
            #expect(th.attributes["scope"] == (inHead ? "col" : "row"))
        }
    }

    @Test("every chart is a figure with a titled, described SVG, a caption and its data table")
    func chartsAccessible() throws {
        let report = Report.sample()
        let root = try HTMLTreeBuilder.parse(HTMLRenderer().html(report))
        let figures = root.elements("figure")
        #expect(figures.count == report.allCharts.count)
        let ids = Set(root.allElements.compactMap { $0.attributes["id"] })
        for (figure, chart) in zip(figures, report.allCharts) {
            let svg = try #require(figure.elements("svg").first)
            #expect(svg.attributes["role"] == "img")
            let titleElement = try #require(svg.children.first { $0.name == "title" })
            let desc = try #require(svg.children.first { $0.name == "desc" })
            #expect(titleElement.fullText == chart.title)
            #expect(desc.fullText == chart.description)
            let labelled = (svg.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
            #expect(labelled == [titleElement.attributes["id"], desc.attributes["id"]].compactMap { $0 })
            #expect(labelled.allSatisfy(ids.contains))
            #expect(figure.elements("figcaption").count == 1)
            let data = try #require(figure.elements("table").first)
            #expect(data.elements("tbody").first?.elements("tr").count == chart.categories.count)
        }
    }

    @Test("uses no script, no event handlers and no external resources")
    func selfContained() throws {
        let html = HTMLRenderer().html(.sample())
        let root = try HTMLTreeBuilder.parse(html)
        #expect(root.elements("script").isEmpty)
        #expect(root.elements("link").isEmpty && root.elements("img").isEmpty)
        for element in root.allElements {
            #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(element.name)")
            #expect(element.attributes["src"] == nil)
        }
        #expect(root.elements("style").count == 1)
        #expect(html.contains("@media print"))
    }

    @Test("escapes injection payloads everywhere and still parses", arguments: injectionPayloads)
    func injection(payload: String) throws {
        let html = HTMLRenderer().html(reportFull(of: payload))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        let root = try HTMLTreeBuilder.parse(html)
        #expect(root.elements("script").isEmpty)
        #expect(root.elements("img").isEmpty)
        let shown = String(String.UnicodeScalarView(payload.unicodeScalars.map {
            $0.value < 0x20 && $0 != "\n" && $0 != "\t" ? "\u{FFFD}" : $0
        }))
        #expect(root.elements("h1").first?.fullText == shown)
        #expect(root.elements("h2").first?.fullText == shown)
        #expect(root.elements("caption").first?.fullText == shown)
        #expect(root.elements("td").first?.fullText == shown)
        #expect(root.elements("svg").allSatisfy { $0.children.first { $0.name == "title" }?.fullText == shown })
        let ids = root.allElements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count, "identifiers stay unique")
    }

    @Test("empty reports, tables and charts render without crashing")
    func empties() throws {
        let empty = try HTMLTreeBuilder.parse(HTMLRenderer().html(Report(title: "")))
        #expect(empty.elements("h1").count == 1)
        let charts = [ReportChart.Kind.bar, .plannedVersusActual, .divergingStackedBar, .funnel].map {
            ReportBlock.chart(ReportChart(id: "", kind: $0, title: "t", description: "d", categories: [], series: []))
        }
        let report = Report(title: "x", sections: [ReportSection(title: "s", blocks: charts + [
            .table(ReportTable(id: "", caption: "c", columns: [])),
            .table(ReportTable(id: "", caption: "c", columns: [ReportColumn("a")], rows: [[], [.integer(1), .integer(2)]])),
            .list([]),
            .chart(ReportChart(id: "n", kind: .divergingStackedBar, title: "t", description: "d", categories: ["a"],
                               series: [ChartSeries(name: "x", values: [0]), ChartSeries(name: "y", values: [])])),
            .chart(ReportChart(id: "nan", kind: .bar, title: "t", description: "d", categories: ["a", "b"],
                               series: [ChartSeries(name: "x", values: [.nan, -.infinity])])),
        ])])
        let root = try HTMLTreeBuilder.parse(HTMLRenderer().html(report))
        #expect(root.elements("figure").count == 6)
        let svgs = root.elements("svg")
        #expect(svgs.prefix(4).allSatisfy { $0.elements("text").map(\.fullText) == ["Inga uppgifter att visa."] })
        #expect(svgs.allSatisfy { $0.children.contains { $0.name == "title" } && $0.children.contains { $0.name == "desc" } })
    }

    @Test("withheld chart values draw no bar but the suppression marker", arguments: [ReportChart.Kind.bar, .plannedVersusActual, .funnel])
    func suppressedValues(kind: ReportChart.Kind) throws {
        let chart = ReportChart(id: "c", kind: kind, title: "t", description: "d", categories: ["a", "b"],
                                series: [ChartSeries(name: "x", values: [3, nil]), ChartSeries(name: "y", values: [4, 5])])
        let root = try HTMLTreeBuilder.parse(HTMLRenderer().html(Report(title: "r", sections: [ReportSection(title: "s", blocks: [.chart(chart)])])))
        let svg = try #require(root.elements("svg").first)
        #expect(svg.elements("text").contains { $0.fullText == "–*" })
        let bars = svg.elements("rect").filter { $0.parent?.name == "svg" }
        #expect(bars.count == (kind == .funnel ? 1 : 3))
    }

    @Test("suppressed cells show the marker and the reason in words")
    func suppressedCells() throws {
        let html = HTMLRenderer().html(.sample(language: .swedish))
        let root = try HTMLTreeBuilder.parse(html)
        let primary = root.elements("abbr").filter { $0.fullText == "–*" }
        let secondary = root.elements("abbr").filter { $0.fullText == "–**" }
        #expect(primary.count + secondary.count == 9 && !primary.isEmpty && !secondary.isEmpty)
        #expect(primary.allSatisfy { $0.attributes["title"]?.hasPrefix("Primär undertryckning: för få svarande") == true })
        #expect(secondary.allSatisfy { $0.attributes["title"]?.hasPrefix("Sekundär undertryckning") == true })
        #expect(html.contains("–** Sekundär undertryckning"))
    }

    @Test("collapsed chart data sits in details, still as a table")
    func collapsedData() throws {
        let root = try HTMLTreeBuilder.parse(HTMLRenderer(.init(collapsesChartData: true)).html(.sample()))
        for figure in root.elements("figure") {
            #expect(figure.elements("details").first?.elements("table").count == 1)
        }
    }

    @Test("diverging bars put disagreement left of zero, agreement right, and split the neutral middle",
          arguments: [(5, 2), (4, 2), (3, 1), (2, 0)])
    func divergingGeometry(seriesCount: Int, negative: Int) throws {
        let chart = ReportChart(id: "likert", kind: .divergingStackedBar, title: "t", description: "d", categories: ["a", "b"],
                                series: (0..<seriesCount).map { ChartSeries(name: "s\($0)", values: [Double($0 + 1), 10]) },
                                negativeSeriesCount: negative)
        let html = HTMLRenderer().html(Report(title: "r", sections: [ReportSection(title: "s", blocks: [.chart(chart)])]))
        let svg = try #require(try HTMLTreeBuilder.parse(html).elements("svg").first)
        let zeroLine = try #require(svg.elements("line").first)
        let zero = try #require(Double(zeroLine.attributes["x1"] ?? ""))
        let bars = svg.children.filter { $0.name == "rect" }.compactMap { rect -> (start: Double, end: Double)? in
            guard let x = Double(rect.attributes["x"] ?? ""), let w = Double(rect.attributes["width"] ?? "") else { return nil }
            return (x, x + w)
        }
        try #require(bars.count == 2 * seriesCount)
        let hasNeutral = seriesCount % 2 == 1
        for (i, bar) in bars.enumerated() {
            let series = i % seriesCount
            if series < negative {
                #expect(bar.end <= zero + 0.2, "series \(series) ends left of zero")
            } else if hasNeutral && series == negative {
                #expect(bar.start < zero && bar.end > zero, "neutral straddles zero")
                #expect(abs((zero - bar.start) - (bar.end - zero)) <= 0.2, "neutral is split in half")
            } else {
                #expect(bar.start >= zero - 0.2, "series \(series) starts right of zero")
            }
        }
    }

    @Test("formats numbers in cells and charts per language")
    func numbersPerLanguage() throws {
        let nb = "\u{00A0}"
        let sv = try HTMLTreeBuilder.parse(HTMLRenderer().html(.sample(language: .swedish)))
        let en = try HTMLTreeBuilder.parse(HTMLRenderer().html(.sample(language: .english)))
        #expect(sv.elements("td").contains { $0.fullText == "2\(nb)874\(nb)512,50\(nb)kr" })
        #expect(en.elements("td").contains { $0.fullText == "SEK 2,874,512.50" })
        #expect(sv.elements("td").contains { $0.fullText == "91,5\(nb)%" })
        #expect(en.elements("td").contains { $0.fullText == "91.5%" })
        #expect(sv.elements("text").contains { $0.fullText == "183 (92\(nb)%)" })
        #expect(en.elements("text").contains { $0.fullText == "2,874,512 (99%)" })
        #expect(sv.elements("time").first?.attributes["datetime"] == "2013-02-01")
    }

    @Test("render returns one file named by the options")
    func file() throws {
        let files = try HTMLRenderer(.init(fileName: "uppfoljning.html")).render(.sample())
        #expect(files.map(\.name) == ["uppfoljning.html"])
        #expect(String(decoding: files[0].contents, as: UTF8.self) == HTMLRenderer().html(.sample()))
    }
}
