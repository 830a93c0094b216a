import DiversityKit
import Foundation

/// A custom renderer: the steering group's brief (styrgruppsbrev) as one plain-text file, the
/// way a coordinating agency mails a short status to its reference group and the county boards.
///
/// It implements the core `ReportRenderer` protocol and is used alongside the built-in HTML,
/// Markdown and CSV renderers: headings are underlined, paragraphs wrapped, tables set in aligned
/// columns with numbers right-aligned, charts given as their text description, and notes marked
/// by kind. Cells are formatted by the core `ReportFormatter`, so amounts read `5 000 000 kr`.
///
/// ```swift
/// let files = try SteeringBriefRenderer().render(report)   // [styrgruppsbrev.txt]
/// ```
public struct SteeringBriefRenderer: ReportRenderer {
    /// The name of the file it writes.
    public var fileName: String
    /// The width paragraphs are wrapped to.
    public var lineWidth: Int

    /// Creates the renderer.
    public init(fileName: String = "styrgruppsbrev.txt", lineWidth: Int = 78) {
        self.fileName = fileName
        self.lineWidth = lineWidth
    }

    /// Renders `report` as one text file.
    /// - Throws: ``SteeringBriefError/lineWidthTooSmall(_:)`` for a width below 20 characters.
    public func render(_ report: Report) throws -> [RenderedFile] {
        guard lineWidth >= 20 else { throw SteeringBriefError.lineWidthTooSmall(lineWidth) }
        let format = ReportFormatter(language: report.language)
        var lines = [report.title.uppercased()]
        if let subtitle = report.subtitle { lines.append(subtitle) }
        if let date = report.date { lines.append((report.language == .swedish ? "Datum: " : "Date: ") + format.date(date)) }
        for section in report.sections { lines += render(section, depth: 0, format: format) }
        return [RenderedFile(name: fileName, contents: Data((lines.joined(separator: "\n") + "\n").utf8))]
    }

    func render(_ section: ReportSection, depth: Int, format: ReportFormatter) -> [String] {
        var lines = ["", section.title, String(repeating: depth == 0 ? "=" : "-", count: section.title.count)]
        for block in section.blocks {
            switch block {
            case .paragraph(let text): lines += [""] + wrap(text, indent: "")
            case .list(let items): lines += [""] + items.flatMap { wrap($0, indent: "  ", first: "– ") }
            case .table(let table): lines += [""] + render(table, format: format)
            case .chart(let chart): lines += [""] + wrap("\(chart.title): \(chart.description)", indent: "")
            case .note(let note):
                let mark = note.kind == .warning ? "OBS! " : note.kind == .suppression ? "Skyddat: " : "Notera: "
                lines += [""] + wrap(mark + note.text, indent: "")
            }
        }
        for sub in section.subsections { lines += render(sub, depth: depth + 1, format: format) }
        return lines
    }

    /// The table with a caption, columns padded to their widest cell, numbers right-aligned.
    func render(_ table: ReportTable, format: ReportFormatter) -> [String] {
        let header = table.columns.map(\.title)
        let rows = table.rows.map { $0.map { format.cell($0).replacingOccurrences(of: "\u{00A0}", with: " ") } }
        let widths = header.indices.map { c in ([header[c]] + rows.map { c < $0.count ? $0[c] : "" }).map(\.count).max() ?? 0 }
        let numeric = header.indices.map { c in
            table.rows.allSatisfy { row in
                guard c < row.count else { return true }
                switch row[c] {
                case .integer, .decimal, .percent, .money, .empty, .suppressed: return true
                default: return false
                }
            } && !table.rows.isEmpty
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: max(0, widths[c] - cells[c].count))
                return numeric[c] ? pad + cells[c] : cells[c] + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return [table.caption, line(header), line(widths.map { String(repeating: "-", count: $0) })]
            + rows.map { line($0 + Array(repeating: "", count: max(0, header.count - $0.count))) }
            + table.footnotes.map { "  * " + $0 }
    }

    /// Words of `text` in lines no longer than ``lineWidth`` (a longer word stands alone).
    func wrap(_ text: String, indent: String, first: String? = nil) -> [String] {
        var lines: [String] = []
        var current = first ?? indent
        var empty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !empty && current.count + 1 + word.count > lineWidth {
                lines.append(current)
                current = indent
                empty = true
            }
            current += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(current)
        return lines
    }
}

/// Why the steering brief could not be rendered.
public enum SteeringBriefError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line width is too small to wrap text sensibly.
    case lineWidthTooSmall(Int)

    /// A readable description.
    public var description: String { text(.english) }
}

extension SteeringBriefError: LocalizedMessage {
    /// The error in `language`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        switch self {
        case .lineWidthTooSmall(let w):
            return language == .swedish ? "radbredden \(w) är mindre än minimum 20 tecken" : "line width \(w) is below the minimum of 20 characters"
        }
    }
}
