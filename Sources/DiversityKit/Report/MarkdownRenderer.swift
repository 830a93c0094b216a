import Foundation

/// Renders a ``Report`` as Markdown (CommonMark with GitHub-style pipe tables) for quick
/// reading and for pasting into wikis.
///
/// The title is `#`, sections `##`, subsections `###` and so on (capped at `######`).
/// Report text is escaped so it never turns into markup: `*`, `_`, `|`, `<`, `[` and the
/// like get a backslash, and a line that would start a heading, quote or list is escaped
/// too. Charts appear as their caption, description and data table.
///
/// ```swift
/// let markdown = MarkdownRenderer().markdown(report)
/// ```
public struct MarkdownRenderer: ReportRenderer {
    /// The name of the file produced.
    public var fileName: String
    /// The deepest section nesting ``render(_:)`` accepts (default ``Report/defaultMaximumSectionDepth``).
    public var maximumSectionDepth: Int

    /// Creates a Markdown renderer writing `fileName`.
    public init(fileName: String = "report.md", maximumSectionDepth: Int = Report.defaultMaximumSectionDepth) {
        self.fileName = fileName
        self.maximumSectionDepth = maximumSectionDepth
    }

    /// Renders `report` to a single Markdown file.
    /// - Throws: ``ReportRenderingError/nestingTooDeep(depth:limit:)`` beyond ``maximumSectionDepth``.
    public func render(_ report: Report) throws -> [RenderedFile] {
        try report.checkSectionDepth(limit: maximumSectionDepth)
        return [RenderedFile(name: fileName, contents: Data(markdown(report).utf8))]
    }

    /// The Markdown text of `report`.
    public func markdown(_ report: Report) -> String {
        let formatter = ReportFormatter(language: report.language)
        let labels = ReportLabels(language: report.language)
        var out = "# " + MarkdownText.inline(report.title) + "\n\n"
        if let subtitle = report.subtitle { out += "_" + MarkdownText.inline(subtitle) + "_\n\n" }
        if let date = report.date { out += "**" + MarkdownText.inline(labels.reportDate) + ":** " + formatter.date(date) + "\n\n" }
        // A loop, not recursion: no nesting depth can exhaust the stack.
        Report.forEachSection(in: report.sections) { section, depth in
            out += String(repeating: "#", count: min(depth + 2, 6)) + " " + MarkdownText.inline(section.title) + "\n\n"
            for block in section.blocks { out += self.block(block, formatter: formatter, labels: labels) }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    func block(_ block: ReportBlock, formatter: ReportFormatter, labels: ReportLabels) -> String {
        switch block {
        case .paragraph(let text):
            return MarkdownText.paragraph(text) + "\n\n"
        case .list(let items):
            guard !items.isEmpty else { return "" }
            return items.map { "- " + MarkdownText.inline($0.replacingNewlines()) + "\n" }.joined() + "\n"
        case .table(let table):
            return self.table(table, formatter: formatter, labels: labels)
        case .chart(let chart):
            return "**" + MarkdownText.inline(labels.chart + ": " + chart.title) + "**\n\n"
                + MarkdownText.paragraph(chart.description) + "\n\n" + table(labels.dataTable(of: chart), formatter: formatter, labels: labels)
        case .note(let note):
            return "> **" + MarkdownText.inline(labels.noteLabel(note.kind)) + ":** "
                + MarkdownText.inline(note.text.replacingNewlines()) + "\n\n"
        }
    }

    func table(_ table: ReportTable, formatter: ReportFormatter, labels: ReportLabels) -> String {
        var out = "**" + MarkdownText.inline(table.caption.replacingNewlines()) + "**\n\n"
        let width = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        if width == 0 || table.rows.isEmpty && table.columns.isEmpty {
            return out + MarkdownText.paragraph(labels.noData) + "\n\n"
        }
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        let headings = (0..<width).map { $0 < table.columns.count ? MarkdownText.cell(table.columns[$0].title) : "" }
        out += row(headings)
        out += row((0..<width).map { isNumeric(column: $0, of: table) ? "---:" : "---" })
        for cells in table.rows {
            out += row((0..<width).map { $0 < cells.count ? MarkdownText.cell(formatter.cell(cells[$0])) : "" })
        }
        if table.rows.isEmpty { out += row([MarkdownText.cell(labels.noData)] + Array(repeating: "", count: width - 1)) }
        out += "\n"
        for note in table.footnotes + labels.suppressionFootnotes(for: table.rows) {
            out += MarkdownText.paragraph(note) + "\n\n"
        }
        return out
    }

    /// Whether every filled cell of column `index` is a number, so the column aligns right.
    func isNumeric(column index: Int, of table: ReportTable) -> Bool {
        let cells = table.rows.compactMap { index < $0.count ? $0[index] : nil }
        var sawNumber = false
        for cell in cells {
            switch cell {
            case .integer, .decimal, .percent, .money: sawNumber = true
            case .suppressed, .empty: continue
            case .text, .date: return false
            }
        }
        return sawNumber
    }
}

/// Escaping of report text for Markdown.
///
/// Every check looks at Unicode scalars, never at `Character`s: a combining mark or a prepend
/// character (U+0301, U+200D, U+0600 …) glued to `<` or `[` makes a `Character` that equals
/// no syntax character, while Markdown parsers still see the `<` or `[` code point.
enum MarkdownText {
    /// Characters that start inline markup anywhere in a line.
    private static let inlineSpecials: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "!"]

    /// One line of text: line ends become spaces, inline markup and a line start that would
    /// become a heading, quote, list or rule are escaped.
    static func inline(_ text: String) -> String { escapeLineStart(markup(text.replacingNewlines())) }

    /// Escapes inline markup only: inside a table cell no block structure is recognised.
    private static func markup(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if inlineSpecials.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// A paragraph: each line (ended by LF, CR or CRLF) escaped, leading spaces and tabs dropped
    /// so none becomes a code block.
    static func paragraph(_ text: String) -> String {
        lines(text).map { line in
            inline(String(String.UnicodeScalarView(line.drop { $0 == " " || $0 == "\t" })))
        }.joined(separator: "\n")
    }

    /// The lines of `text`, split at every line end CommonMark knows: LF, CR and CRLF.
    private static func lines(_ text: String) -> [Substring.UnicodeScalarView] {
        var lines: [Substring.UnicodeScalarView] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, i = start
        while i < scalars.endIndex {
            let s = scalars[i]
            guard s == "\n" || s == "\r" else {
                i = scalars.index(after: i)
                continue
            }
            lines.append(scalars[start..<i])
            i = scalars.index(after: i)
            if s == "\r", i < scalars.endIndex, scalars[i] == "\n" { i = scalars.index(after: i) }
            start = i
        }
        lines.append(scalars[start..<scalars.endIndex])
        return lines
    }

    /// A table cell: one line, escaped (including `|`).
    static func cell(_ text: String) -> String { markup(text.replacingNewlines()) }

    /// Escapes a line start that would open a heading, list item, rule or ordered list, looking
    /// past up to three leading spaces as CommonMark does.
    private static func escapeLineStart(_ line: String) -> String {
        let scalars = line.unicodeScalars
        let indent = scalars.prefix { $0 == " " }.count
        guard indent < 4 else { return line }
        let rest = scalars.dropFirst(indent)
        guard let first = rest.first else { return line }
        let lead = String(String.UnicodeScalarView(scalars.prefix(indent)))
        if "#+-=".unicodeScalars.contains(first) { return lead + "\\" + String(String.UnicodeScalarView(rest)) }
        let digits = rest.prefix { ("0"..."9").contains($0) }
        let after = rest.dropFirst(digits.count)
        if !digits.isEmpty, let mark = after.first, mark == "." || mark == ")" {
            return lead + String(String.UnicodeScalarView(digits)) + "\\" + String(String.UnicodeScalarView(after))
        }
        return line
    }
}

extension String {
    /// The text on one line: every CR, LF or CRLF becomes one space (scalars, so a line end
    /// followed by a combining mark is still one).
    func replacingNewlines() -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n", previous == "\r" { continue }
            out.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        return String(out)
    }
}
