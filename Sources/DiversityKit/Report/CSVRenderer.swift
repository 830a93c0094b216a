import Foundation

/// Renders every table of a ``Report`` as its own CSV file (RFC 4180), for spreadsheets.
///
/// - One file per table, in reading order, named after the table's ``ReportTable/id``
///   (`participation.csv`); a chart contributes its data table (`<chart id>-data.csv`).
///   Identifiers are reduced to `a-z`, `0-9` and `-`, and repeats get `-2`, `-3`…
/// - UTF-8, optionally with a byte-order mark (Excel needs it to read å, ä, ö); records end
///   in CRLF; a field is quoted when it holds the separator, a quote, CR or LF.
/// - Numbers are plain, without thousands separators. The decimal mark is `,` only for a
///   Swedish report with the `;` separator (the Swedish spreadsheet convention), else `.`.
///   Percentages carry a `%` (`45.2%`) so spreadsheets read them as percentages; money is
///   kronor, with öre only when non-zero; dates are ISO 8601; a suppressed value is the word
///   `undertryckt` / `suppressed`.
/// - Formula injection is neutralised: text (and headings) starting with `=`, `+`, `-`, `@`,
///   tab or CR gets a leading `'`, unless the whole text is a plain number such as `-5`.
///   Number cells are written by the renderer and are never prefixed.
///
/// ```swift
/// let files = try CSVRenderer(separator: .semicolon, includeBOM: true).render(report)
/// ```
public struct CSVRenderer: ReportRenderer {
    /// The field separator.
    public enum Separator: String, Codable, Hashable, Sendable, CaseIterable {
        /// `,` — RFC 4180 and English spreadsheets.
        case comma = ","
        /// `;` — Swedish spreadsheets, where `,` is the decimal mark.
        case semicolon = ";"
    }

    /// The field separator.
    public var separator: Separator
    /// Whether each file starts with the UTF-8 byte-order mark (EF BB BF).
    public var includeBOM: Bool
    /// The deepest section nesting ``render(_:)`` accepts (default ``Report/defaultMaximumSectionDepth``).
    public var maximumSectionDepth: Int

    /// Creates a CSV renderer.
    public init(separator: Separator = .comma, includeBOM: Bool = false,
                maximumSectionDepth: Int = Report.defaultMaximumSectionDepth) {
        self.separator = separator
        self.includeBOM = includeBOM
        self.maximumSectionDepth = maximumSectionDepth
    }

    /// Renders one CSV file per table and per chart data table; a report without tables
    /// gives no files.
    /// - Throws: ``ReportRenderingError/nestingTooDeep(depth:limit:)`` beyond ``maximumSectionDepth``.
    public func render(_ report: Report) throws -> [RenderedFile] {
        try report.checkSectionDepth(limit: maximumSectionDepth)
        var used = Set<String>()
        let labels = ReportLabels(language: report.language)
        return report.tablesInReadingOrder(labels).map { table in
            let slug = Markup.slug(table.id)
            let name = Markup.unique(slug.isEmpty ? "table" : slug, used: &used)
            var data = Data(includeBOM ? [0xEF, 0xBB, 0xBF] : [])
            data.append(contentsOf: csv(table, language: report.language).utf8)
            return RenderedFile(name: name + ".csv", contents: data)
        }
    }

    /// The CSV text (without byte-order mark) of `table`: a heading record, then one record per row.
    public func csv(_ table: ReportTable, language: ReportLanguage) -> String {
        var out = record(table.columns.map { neutralised($0.title) })
        for row in table.rows {
            out += record(row.map { field($0, language: language) })
        }
        return out
    }

    /// The text of one cell in CSV.
    public func field(_ cell: ReportCell, language: ReportLanguage) -> String {
        let mark = language == .swedish && separator == .semicolon ? "," : "."
        func number(_ value: Double, _ digits: Int) -> String {
            guard value.isFinite else { return "" }
            let parts = ReportFormatter.split(value, digits: digits)
            return parts.sign + parts.whole + (parts.fraction.isEmpty ? "" : mark + parts.fraction)
        }
        switch cell {
        case .text(let text): return neutralised(text)
        case .integer(let value): return String(value)
        case .decimal(let value, let digits): return number(value, digits)
        case .percent(let value, let digits): return value.isFinite ? number(value * 100, digits) + "%" : ""
        case .money(let amount):
            let sign = amount.minorUnits < 0 ? "-" : ""
            let magnitude = amount.minorUnits.magnitude, ore = magnitude % 100
            return sign + String(magnitude / 100) + (ore == 0 ? "" : mark + (ore < 10 ? "0" : "") + String(ore))
        case .date(let day): return day.description
        case .suppressed: return ReportLabels(language: language).suppressedWord
        case .empty: return ""
        }
    }

    /// `text` made safe from spreadsheet formula evaluation (decided on Unicode scalars).
    func neutralised(_ text: String) -> String {
        SpreadsheetFormula.isFormulaLike(text) ? "'" + text : text
    }

    /// One record: fields quoted where needed, joined by the separator, ended by CRLF.
    func record(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: separator.rawValue) + "\r\n"
    }

    /// `field`, in double quotes with inner quotes doubled when it holds the separator, a quote, CR or LF.
    func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { scalar in
            scalar == "\"" || scalar == "\r" || scalar == "\n" || String(scalar) == separator.rawValue
        }
        return needsQuotes ? "\"" + field.doublingQuotes + "\"" : field
    }
}

extension Report {
    /// Tables and chart data tables (as `labels` heads them) of every section, in reading order.
    func tablesInReadingOrder(_ labels: ReportLabels) -> [ReportTable] {
        var tables: [ReportTable] = []
        Report.forEachSection(in: sections) { section, _ in
            for block in section.blocks {
                switch block {
                case .table(let table): tables.append(table)
                case .chart(let chart): tables.append(labels.dataTable(of: chart))
                case .paragraph, .list, .note: continue
                }
            }
        }
        return tables
    }
}
