import DiversityKit
import Foundation
import Testing

/// Issue 17: reports, renderer options and file names a caller can pass.
@Suite("Hostile input: reports and renderers")
struct HostileReportTests {
    /// A report whose sections nest `depth` levels deep, one section per level.
    static func nested(_ depth: Int) -> Report {
        var section = ReportSection(title: "level \(depth)", blocks: [.paragraph("deepest")])
        for level in stride(from: depth - 1, through: 1, by: -1) {
            section = ReportSection(title: "level \(level)", subsections: [section])
        }
        return Report(title: "deep", sections: [section])
    }

    static let renderers: [any ReportRenderer] = [HTMLRenderer(), MarkdownRenderer(), CSVRenderer(), JSONRenderer()]

    /// Runs `body` on a thread of its own with a stack of `megabytes`, and waits for it.
    static func onThread(stackMegabytes: Int, _ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = stackMegabytes << 20
        thread.start()
        done.wait()
    }

    /// What the renderers did with a 50 000-deep report.
    final class Outcome: @unchecked Sendable {  // written by one thread, read after `done.wait()`
        var errors: [ReportRenderingError?] = []
        var sectionDepth = 0, closedSections = 0, markdownEnds = false, tables = -1
        var equalToItself = false, copyDiffers = false, freed = false
    }

    @Test("a report nested 50 000 deep is built, compared, hashed and freed on a 1 MiB stack, and every renderer refuses it with a typed error")
    func deepNestingRefused() throws {
        let outcome = Outcome()
        // Everything runs on a 1 MiB stack, where any recursion per level would overflow long
        // before 50 000 levels: building, rendering, comparing, hashing and freeing the report.
        Self.onThread(stackMegabytes: 1) {
            do {
                let report = Self.nested(50_000)
                outcome.sectionDepth = report.sectionDepth
                for renderer in Self.renderers {
                    do {
                        _ = try renderer.render(report)
                        outcome.errors.append(nil)
                    } catch {
                        outcome.errors.append(error as? ReportRenderingError)
                    }
                }
                // The non-throwing entry points walk sections with a loop, so they cope with any depth.
                outcome.closedSections = HTMLRenderer().html(report).components(separatedBy: "</section>").count - 1
                outcome.markdownEnds = MarkdownRenderer().markdown(report).hasSuffix("deepest\n")
                outcome.tables = report.allTables.count + report.allCharts.count
                var copy = report
                copy.sections[0].subsections[0].title = "changed"
                outcome.equalToItself = report == Self.nested(50_000) && report.hashValue == Self.nested(50_000).hashValue
                outcome.copyDiffers = copy != report && report.sections[0].subsections[0].title == "level 2"
            }
            // Both reports and the copy are freed here, on the 1 MiB stack.
            outcome.freed = true
        }
        #expect(outcome.sectionDepth == 50_000)
        #expect(outcome.errors == Array(repeating: .nestingTooDeep(depth: 50_000, limit: Report.defaultMaximumSectionDepth),
                                        count: Self.renderers.count))
        #expect(outcome.closedSections == 50_000)
        #expect(outcome.markdownEnds)
        #expect(outcome.tables == 0)
        #expect(outcome.equalToItself)
        #expect(outcome.copyDiffers, "a copy shares its subsections until it is changed, and the change stays in the copy")
        #expect(outcome.freed)
    }

    @Test("the nesting bound is configuration: a report at the limit renders, one level more does not")
    func nestingBoundIsConfigurable() throws {
        #expect(try HTMLRenderer(.init(maximumSectionDepth: 3)).render(Self.nested(3)).count == 1)
        #expect(throws: ReportRenderingError.nestingTooDeep(depth: 4, limit: 3)) {
            try MarkdownRenderer(maximumSectionDepth: 3).render(Self.nested(4))
        }
        #expect(try CSVRenderer(maximumSectionDepth: 40).render(Self.nested(40)).isEmpty)
        #expect(try JSONRenderer.decode(try JSONRenderer(maximumSectionDepth: 40).encode(Self.nested(40)), maximumSectionDepth: 40)
            == Self.nested(40))
    }

    @Test("report JSON nested deeper than the bound is refused before it can exhaust the stack", arguments: [33, 200, 50_000])
    func deepJSONRefused(_ depth: Int) throws {
        let open = String(repeating: #"{"title": "x", "blocks": [], "subsections": ["#, count: depth - 1)
        let close = String(repeating: "]}", count: depth - 1)
        let json = open + #"{"title": "x", "blocks": [], "subsections": []}"# + close
        let document = Data((#"{"schemaVersion": 1, "title": "t", "language": "sv", "sections": ["# + json + "]}").utf8)
        #expect {
            try JSONRenderer.decode(document)
        } throws: { error in
            switch error as? ReportRenderingError {
            case .nestingTooDeep(let found, let limit)?: return found == 33 && limit == 32
            // Far too deep: refused by the linear pre-scan, before Foundation's recursive parser runs.
            case .malformedJSON(_, let reason)?: return depth >= 200 && reason.contains("maximumSectionDepth (32)")
            default: return false
            }
        }
    }

    @Test("arrays nested 100 000 deep anywhere in report JSON are refused, not a stack overflow")
    func deepArraysRefused() throws {
        let document = Data((#"{"schemaVersion": 1, "title": "t", "language": "sv", "sections": [], "x": "# +
                             String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}").utf8)
        #expect(throws: ReportRenderingError.self) { try JSONRenderer.decode(document) }
        // Brackets inside strings are text, not nesting.
        let text = String(repeating: "[", count: 100_000)
        let report = Report(title: text, sections: [ReportSection(title: "s", blocks: [.paragraph(text)])])
        #expect(try JSONRenderer.decode(JSONRenderer().encode(report)) == report)
    }

    @Test("chart widths outside 405…10 000 or NaN are refused by render and clamped by html", arguments: [
        1e19, .infinity, -.infinity, .nan, 0, 404, 10_001,
    ])
    func chartWidthBounds(_ width: Double) throws {
        let options = HTMLRenderer.Options(chartWidth: width)
        #expect(throws: ReportRenderingError.self) { try HTMLRenderer(options).render(.sample()) }
        let html = HTMLRenderer(options).html(.sample())
        #expect(try HTMLTreeBuilder.parse(html).elements("svg").allSatisfy { svg in
            guard let w = Double(svg.attributes["width"] ?? "") else { return false }
            return HTMLRenderer.Options.chartWidths.contains(w)
        })
    }

    @Test("chart values at the ends of Double draw finite coordinates", arguments: [
        [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude], [1e308, 1e308], [.infinity, .nan], [-1e300, 0],
    ])
    func extremeChartValues(_ values: [Double]) throws {
        for kind in [ReportChart.Kind.bar, .plannedVersusActual, .divergingStackedBar, .funnel] {
            let chart = ReportChart(id: "c", kind: kind, title: "t", description: "d", categories: ["a", "b"],
                                    series: [ChartSeries(name: "s", values: values), ChartSeries(name: "u", values: values.reversed())])
            let html = HTMLRenderer().html(Report(title: "r", sections: [ReportSection(title: "s", blocks: [.chart(chart)])]))
            let root = try HTMLTreeBuilder.parse(html)
            for element in root.elements("rect") + root.elements("text") + root.elements("line") {
                for name in ["x", "y", "width", "height", "x1", "x2", "y1", "y2"] {
                    guard let text = element.attributes[name] else { continue }
                    #expect(Double(text).map { $0.isFinite && abs($0) <= 1e9 } == true, "\(name)=\(text)")
                }
            }
        }
    }

    /// Scalars that glue onto a neighbouring syntax character into one `Character`.
    static let gluing = ["\u{301}", "\u{200D}", "\u{600}", "\u{FE0F}", "\u{20E3}"]

    @Test("Markdown escapes every syntax scalar even when a combining or prepend character is glued to it", arguments: gluing)
    func markdownGluedSyntax(_ glue: String) {
        let payloads = ["\(glue)<img src=x onerror=alert(1)>", "<\(glue)img src=x onerror=alert(1)>",
                        "\(glue)[click](javascript:alert(1))", "[\(glue)click](javascript:alert(1))",
                        "\(glue)![x](javascript:alert(1))", "a\r\n# heading\(glue)", "\(glue)*x*|\(glue)`y`"]
        for payload in payloads {
            let report = Report(title: payload, subtitle: payload, sections: [ReportSection(title: payload, blocks: [
                .paragraph(payload), .list([payload]), .note(ReportNote(.info, payload)),
                .table(ReportTable(id: "t", caption: payload, columns: [ReportColumn(payload)], rows: [[.text(payload)]])),
            ])])
            let scalars = Array(MarkdownRenderer().markdown(report).unicodeScalars)
            // `>`, `|` and `*` are also the renderer's own quote, table and bold markup; these never are.
            for (i, s) in scalars.enumerated() where "<[]!`&~".unicodeScalars.contains(s) {
                #expect(i > 0 && scalars[i - 1] == "\\", "unescaped \(s) in \(payload.debugDescription)")
            }
            #expect(!String(String.UnicodeScalarView(scalars)).contains("\n# "), "a CRLF in a paragraph starts a heading")
        }
    }

    @Test("CSV formula guard looks at the first scalar, so a glued combining mark does not hide '='", arguments: gluing)
    func csvGluedFormula(_ glue: String) throws {
        for trigger in ["=", "+", "-", "@", "\t", "\r"] {
            let text = trigger + glue + "HYPERLINK(\"http://x\")"
            let table = ReportTable(id: "t", caption: "c", columns: [ReportColumn(text)], rows: [[.text(text)]])
            let csv = CSVRenderer().csv(table, language: .english)
            let records = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            for record in records {
                let field = record.hasPrefix("\"") ? String(record.dropFirst()) : record
                #expect(field.unicodeScalars.first == "'", "\(text.debugDescription) -> \(record.debugDescription)")
            }
        }
    }

    @Test("CSV quoting doubles a quote even when a combining mark is glued to it")
    func csvGluedQuote() {
        let table = ReportTable(id: "t", caption: "c", columns: [ReportColumn("h")], rows: [[.text("\"\u{301}x")]])
        #expect(CSVRenderer().csv(table, language: .english) == "h\r\n\"\"\"\u{301}x\"\r\n")
    }

    @Test("file names are checked as bytes: a glued combining mark does not hide '/' or NUL", arguments: [
        "../\u{301}x.html", "..\\\u{301}x.html", "a/\u{301}b", "x\0\u{301}", "/\u{200D}etc", "", ".", "..",
    ])
    func unsafeFileNames(_ name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)/out")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(throws: ReportRenderingError.unsafeFileName(name)) {
            try RenderedFile(name: name, contents: Data("x".utf8)).write(into: directory)
        }
        #expect(throws: ReportRenderingError.unsafeFileName(name)) {
            try MarkdownRenderer(fileName: name).render(.sample()).write(into: directory)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.deletingLastPathComponent().path + "/\u{301}x.html"))
    }

    @Test("a name that only looks like '..' with a combining mark is a plain name and stays inside")
    func combiningDotsArePlain() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try RenderedFile(name: "..\u{301}", contents: Data("x".utf8)).write(into: directory)
        #expect(url.deletingLastPathComponent().standardizedFileURL.path == directory.standardizedFileURL.path)
    }
}
