import Foundation

/// Renders a ``Report`` as one self-contained, printable HTML file with inline SVG charts.
///
/// The output needs no JavaScript, no network and no other files. It is well-formed XML
/// (XHTML-compatible), so it can be parsed with `XMLParser`; every piece of report text is
/// escaped. Headings run h1 (title) → h2 (sections) → h3 (subsections) and so on without
/// skipping (sections deeper than five levels all use h6). Tables have a caption and `scope`
/// on header cells; each chart is a `<figure>` with an SVG that has a title and description,
/// a caption, and the chart's data table.
///
/// ```swift
/// let files = try HTMLRenderer().render(report)   // [report.html]
/// let page = HTMLRenderer().html(report)          // the same page as a String
/// ```
public struct HTMLRenderer: ReportRenderer {
    /// Settings of the HTML output.
    public struct Options: Hashable, Sendable {
        /// The name of the file produced.
        public var fileName: String
        /// The width of charts in CSS pixels, within ``chartWidths``; charts shrink to fit
        /// narrow screens. ``HTMLRenderer/render(_:)`` refuses a width outside it (and NaN);
        /// ``HTMLRenderer/html(_:)`` draws at the nearest width inside it.
        public var chartWidth: Double

        /// The chart widths accepted: 405 (the label column and a plot) to 10 000 CSS pixels.
        public static let chartWidths = SVGChart.minimumWidth...10_000
        /// Whether a chart's data table sits in a collapsed `<details>` element; when `false`
        /// (the default) it is shown under the chart, which also prints.
        public var collapsesChartData: Bool

        /// The deepest section nesting ``HTMLRenderer/render(_:)`` accepts (default
        /// ``Report/defaultMaximumSectionDepth``).
        public var maximumSectionDepth: Int

        /// Creates options.
        public init(fileName: String = "report.html", chartWidth: Double = 680, collapsesChartData: Bool = false,
                    maximumSectionDepth: Int = Report.defaultMaximumSectionDepth) {
            self.fileName = fileName
            self.chartWidth = chartWidth
            self.collapsesChartData = collapsesChartData
            self.maximumSectionDepth = maximumSectionDepth
        }
    }

    /// The settings in use.
    public var options: Options

    /// Creates an HTML renderer.
    public init(_ options: Options = Options()) { self.options = options }

    /// Renders `report` to a single HTML file named ``Options/fileName``.
    /// - Throws: ``ReportRenderingError/optionOutOfRange(name:value:allowed:)`` for a
    ///   ``Options/chartWidth`` outside ``Options/chartWidths``;
    ///   ``ReportRenderingError/nestingTooDeep(depth:limit:)`` beyond ``Options/maximumSectionDepth``.
    public func render(_ report: Report) throws -> [RenderedFile] {
        try report.checkSectionDepth(limit: options.maximumSectionDepth)
        guard Options.chartWidths.contains(options.chartWidth) else {
            throw ReportRenderingError.optionOutOfRange(name: "chartWidth", value: options.chartWidth.description,
                                                        allowed: "\(Options.chartWidths.lowerBound)…\(Options.chartWidths.upperBound)")
        }
        return [RenderedFile(name: options.fileName, contents: Data(html(report).utf8))]
    }

    /// The HTML page for `report`.
    public func html(_ report: Report) -> String {
        var writer = HTMLWriter(language: report.language, options: options)
        return writer.document(report)
    }
}

/// Builds one HTML document; holds the identifiers already used so anchors stay unique.
struct HTMLWriter {
    /// Tables with at least this many columns use the compact `wide` style.
    static let wideTableColumns = 7

    let language: ReportLanguage
    let options: HTMLRenderer.Options
    let formatter: ReportFormatter
    let labels: ReportLabels
    var usedIDs = Set<String>()
    var out = ""

    init(language: ReportLanguage, options: HTMLRenderer.Options) {
        self.language = language
        self.options = options
        formatter = ReportFormatter(language: language)
        labels = ReportLabels(language: language)
    }

    mutating func document(_ report: Report) -> String {
        let lang = language.rawValue
        out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(lang)\" xml:lang=\"\(lang)\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(Markup.escape(report.title))</title>\n<style>\(HTMLStyle.css)</style>\n</head>\n<body>\n<header>\n"
        out += "<h1>\(Markup.escape(report.title))</h1>\n"
        if let subtitle = report.subtitle { out += "<p class=\"subtitle\">\(Markup.escape(subtitle))</p>\n" }
        if let date = report.date {
            let day = formatter.date(date)
            out += "<p class=\"date\">\(Markup.escape(labels.reportDate)): <time datetime=\"\(day)\">\(day)</time></p>\n"
        }
        out += "</header>\n<main>\n"
        // A loop, not recursion: no nesting depth can exhaust the stack.
        Report.forEachSection(in: report.sections) { section, depth in open(section, depth: depth) } exit: { section, _ in
            if section.isCollapsed { out += "</details>\n" }
            out += "</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// Opens `section` and writes its heading and blocks; the walk in ``document(_:)`` writes
    /// its subsections, then closes it.
    mutating func open(_ section: ReportSection, depth: Int) {
        let level = min(depth + 2, 6)
        let id = Markup.identifier("section", section.title, used: &usedIDs)
        let heading = "<h\(level) id=\"\(id)\">\(Markup.escape(section.title))</h\(level)>"
        out += "<section aria-labelledby=\"\(id)\">\n"
        out += section.isCollapsed ? "<details class=\"appendix\">\n<summary>\(heading)</summary>\n" : heading + "\n"
        for block in section.blocks { write(block) }
    }

    mutating func write(_ block: ReportBlock) {
        switch block {
        case .paragraph(let text):
            out += "<p>\(Markup.escape(text))</p>\n"
        case .list(let items):
            guard !items.isEmpty else { return }
            out += "<ul>\n" + items.map { "<li>\(Markup.escape($0))</li>\n" }.joined() + "</ul>\n"
        case .table(let table):
            write(table, cssClass: nil)
        case .chart(let chart):
            write(chart)
        case .note(let note):
            out += "<aside class=\"note note-\(note.kind.rawValue)\" role=\"note\"><p><strong>"
            out += Markup.escape(labels.noteLabel(note.kind)) + ":</strong> " + Markup.escape(note.text) + "</p></aside>\n"
        }
    }

    mutating func write(_ chart: ReportChart) {
        let id = Markup.identifier("chart", chart.id, used: &usedIDs)
        let svg = SVGChart(chart: chart, id: id, language: language, width: options.chartWidth).render()
        out += "<figure id=\"\(id)\" class=\"chart-figure\">\n\(svg)\n<figcaption><strong>"
        out += Markup.escape(labels.chart + ": " + chart.title) + "</strong> " + Markup.escape(chart.description) + "</figcaption>\n"
        let data = labels.dataTable(of: chart)
        if options.collapsesChartData {
            out += "<details>\n<summary>\(Markup.escape(labels.chartData))</summary>\n"
            write(data, cssClass: "chart-data")
            out += "</details>\n"
        } else {
            write(data, cssClass: "chart-data")
        }
        out += "</figure>\n"
    }

    mutating func write(_ table: ReportTable, cssClass: String?) {
        let id = Markup.identifier("table", table.id, used: &usedIDs)
        // Many columns get the compact style so the table fits the page width.
        let classes = [cssClass, table.columns.count >= Self.wideTableColumns ? "wide" : nil].compactMap { $0 }
        out += "<table id=\"\(id)\"" + (classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"") + ">\n"
        out += "<caption>\(Markup.escape(table.caption))</caption>\n"
        if !table.columns.isEmpty {
            out += "<thead><tr>" + table.columns.map { "<th scope=\"col\">\(Markup.escape(Markup.hyphenated($0.title)))</th>" }.joined() + "</tr></thead>\n"
        }
        out += "<tbody>\n"
        if table.rows.isEmpty {
            out += "<tr><td colspan=\"\(max(table.columns.count, 1))\">\(Markup.escape(labels.noData))</td></tr>\n"
        }
        for row in table.rows {
            let width = max(row.count, table.columns.count)
            out += "<tr>"
            for i in 0..<width {
                let cell = i < row.count ? row[i] : .empty
                let isHeader = i < table.columns.count && table.columns[i].isRowHeader
                out += self.cell(cell, isHeader: isHeader)
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        let notes = table.footnotes + labels.suppressionFootnotes(for: table.rows)
        if !notes.isEmpty {
            out += "<div class=\"footnotes\">" + notes.map { "<p>\(Markup.escape($0))</p>" }.joined() + "</div>\n"
        }
    }

    func cell(_ cell: ReportCell, isHeader: Bool) -> String {
        let tag = isHeader ? "th" : "td"
        let scope = isHeader ? " scope=\"row\"" : ""
        let text = Markup.escape(formatter.cell(cell))
        switch cell {
        case .integer, .decimal, .percent, .money:
            return "<\(tag)\(scope) class=\"num\">\(text)</\(tag)>"
        case .suppressed(let reason):
            let why = Markup.escape(labels.suppressionReason(reason))
            return "<\(tag)\(scope) class=\"num suppressed\"><abbr title=\"\(why)\">\(text)</abbr></\(tag)>"
        case .date:
            return "<\(tag)\(scope) class=\"date\"><time datetime=\"\(text)\">\(text)</time></\(tag)>"
        case .text, .empty:
            return "<\(tag)\(scope)>\(text)</\(tag)>"
        }
    }
}
