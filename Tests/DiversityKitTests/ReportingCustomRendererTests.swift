import DiversityKit
import Foundation
import Testing

// The example of Docs/Reporting.md ("Writing your own renderer"), verbatim: if the doc's code
// stops compiling or working, these tests fail.

/// Renders a report as plain text for an intranet's notice board.
struct PlainTextRenderer: ReportRenderer {
    var fileName = "report.txt"

    func render(_ report: Report) throws -> [RenderedFile] {
        let format = ReportFormatter(language: report.language)
        let labels = ReportLabels(language: report.language)
        var lines = [report.title.uppercased(), ""]
        func add(_ section: ReportSection, depth: Int) {
            lines += [String(repeating: "  ", count: depth) + section.title, ""]
            for block in section.blocks {
                switch block {
                case .paragraph(let text): lines += [text, ""]
                case .list(let items): lines += items.map { "* " + $0 } + [""]
                case .note(let note): lines += [labels.noteLabel(note.kind) + ": " + note.text, ""]
                case .table(let table): lines += rows(of: table, format) + [""]
                case .chart(let chart): lines += rows(of: chart.dataTable, format) + [""]
                }
            }
            for subsection in section.subsections { add(subsection, depth: depth + 1) }
        }
        for section in report.sections { add(section, depth: 0) }
        return [RenderedFile(name: fileName, contents: Data(lines.joined(separator: "\n").utf8))]
    }

    private func rows(of table: ReportTable, _ format: ReportFormatter) -> [String] {
        [table.caption] + table.rows.map { $0.map(format.cell).joined(separator: "\t") }
    }
}

@Suite("Reporting: writing your own renderer")
struct ReportingCustomRendererTests {
    @Test("the documented plain-text renderer works like the built-in ones")
    func plainText() throws {
        let renderers: [any ReportRenderer] = [PlainTextRenderer(), HTMLRenderer(), MarkdownRenderer(), JSONRenderer(), CSVRenderer()]
        let files = try renderers.flatMap { try $0.render(.sample(language: .swedish)) }
        let text = String(decoding: try #require(files.first).contents, as: UTF8.self)
        #expect(text.hasPrefix("UPPFÖLJNING AV MÅNGFALDSDRIVEN SAMHÄLLSERVICE\n\nSammanfattning\n"))
        #expect(text.contains("Löner\t2\u{00A0}900\u{00A0}000\u{00A0}kr\t2\u{00A0}874\u{00A0}512,50\u{00A0}kr"))
        #expect(text.contains("  Genomströmning\n"))
        #expect(text.contains("Röjandeskydd: Uppgifter för grupper"))
        #expect(Set(files.map(\.name)).count == files.count)
    }

    @Test("writes rendered files into a directory, creating it")
    func writeFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reporting-\(UUID().uuidString)", isDirectory: true)
            .appendingPathComponent("out", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let files = try CSVRenderer().render(.sample()) + (try PlainTextRenderer().render(.sample()))
        let urls = try files.write(into: directory)
        #expect(urls.map(\.lastPathComponent) == files.map(\.name))
        for (url, file) in zip(urls, files) { #expect(try Data(contentsOf: url) == file.contents) }
    }

    @Test("refuses file names that would leave the directory, writing nothing",
          arguments: ["", ".", "..", "../escape.txt", "a/b.txt", "a\\b.txt", "nul\0.txt"])
    func unsafeNames(name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reporting-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = [RenderedFile(name: "ok.txt", contents: Data("ok".utf8)), RenderedFile(name: name, contents: Data())]
        #expect(throws: ReportRenderingError.unsafeFileName(name)) { try files.write(into: directory) }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("ok.txt").path))
    }

    @Test("reports a failed write with the path")
    func writeFailure() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("reporting-\(UUID().uuidString)")
        try Data("a file, not a directory".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        do {
            try RenderedFile(name: "x.txt", contents: Data()).write(into: blocker)
            Issue.record("wrote into a file")
        } catch let ReportRenderingError.writeFailed(path, reason) {
            #expect(path.hasSuffix("x.txt"))
            #expect(!reason.isEmpty)
        }
    }
}
