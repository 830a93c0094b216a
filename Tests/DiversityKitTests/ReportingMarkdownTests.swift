import DiversityKit
import Foundation
import Testing

@Suite("Reporting: Markdown renderer")
struct ReportingMarkdownTests {
    @Test("renders headings, lists, notes and pipe tables with numbers right-aligned")
    func structure() {
        let markdown = MarkdownRenderer().markdown(.sample(language: .english))
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# Follow-up of Diversity-driven Public Service")
        #expect(lines.contains("## Participation"))
        #expect(lines.contains("### Completion"))
        #expect(lines.contains("- Participation reached 92% of plan."))
        #expect(lines.contains("> **Note:** This is a sample: the figures are invented."))
        #expect(lines.contains("| Organisation | Planned | Actual | Share of plan |"))
        #expect(lines.contains("| --- | ---: | ---: | ---: |"))
        #expect(lines.contains("| Umeå kommun | 200 | 183 | 91.5% |"))
        #expect(lines.contains("| Salaries | SEK 2,900,000 | SEK 2,874,512.50 | SEK -25,487.50 |"))
        #expect(lines.contains("| VIVA | –\\* | –\\* |"))
        #expect(markdown.contains("–\\* Primary suppression: too few respondents"))
        #expect(markdown.hasSuffix(" |\n") && !markdown.hasSuffix("\n\n"))
    }

    @Test("escapes pipes, markup and line starts so text never becomes structure")
    func escaping() {
        let report = Report(title: "# Not a heading", sections: [ReportSection(title: "a|b", blocks: [
            .paragraph("# fake\n> quote\n- item\n1. first\n    code\n*bold* _it_ <b>x</b> [l](u) `c` a|b & ~s~"),
            .table(ReportTable(id: "t", caption: "cap|tion", columns: [ReportColumn("x|y"), ReportColumn("z")],
                               rows: [[.text("1|2"), .text("line\nbreak")]])),
        ])])
        let markdown = MarkdownRenderer().markdown(report)
        #expect(markdown.hasPrefix("# \\# Not a heading\n"))
        #expect(markdown.contains("## a\\|b\n"))
        #expect(markdown.contains("\\# fake\n\\> quote\n\\- item\n1\\. first\ncode\n"))
        #expect(markdown.contains("\\*bold\\* \\_it\\_ \\<b\\>x\\</b\\> \\[l\\](u) \\`c\\` a\\|b \\& \\~s\\~"))
        #expect(markdown.contains("| x\\|y | z |"))
        #expect(markdown.contains("| 1\\|2 | line break |"))
        #expect(markdown.contains("**cap\\|tion**"))
    }

    @Test("keeps every table row on one line for injection payloads", arguments: injectionPayloads)
    func injection(payload: String) {
        let markdown = MarkdownRenderer().markdown(reportFull(of: payload))
        #expect(!markdown.contains("<script>"))
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let pipes = line.filter { $0 == "|" }.count
            let escaped = line.components(separatedBy: "\\|").count - 1
            #expect([3, 5].contains(pipes - escaped), "\(line)")  // 2 columns, or 4 in chart data
        }
    }

    @Test("shows charts as their description and data table, and empty tables as no data")
    func chartsAndEmpties() {
        let chart = ReportChart(id: "c", kind: .funnel, title: "Funnel", description: "Stages", categories: ["a"],
                                series: [ChartSeries(name: "n", values: [nil])])
        let report = Report(title: "r", language: .english, sections: [ReportSection(title: "s", blocks: [
            .chart(chart), .table(ReportTable(id: "e", caption: "Empty", columns: [])),
            .table(ReportTable(id: "h", caption: "Headers only", columns: [ReportColumn("a")])),
        ])])
        let markdown = MarkdownRenderer().markdown(report)
        #expect(markdown.contains("**Chart: Funnel**\n\nStages\n\n**Data for the chart: Funnel**\n\n| Category | n |\n| --- | --- |\n| a | –\\* |"))
        #expect(markdown.contains("**Empty**\n\nNo data to show."))
        #expect(markdown.contains("| a |\n| --- |\n| No data to show. |"))
        #expect(MarkdownRenderer().markdown(Report(title: "")) == "# \n")
    }

    @Test("render returns one UTF-8 file")
    func file() throws {
        let files = try MarkdownRenderer(fileName: "r.md").render(.sample())
        #expect(files.map(\.name) == ["r.md"])
        #expect(String(data: files[0].contents, encoding: .utf8) == MarkdownRenderer().markdown(.sample()))
    }
}
