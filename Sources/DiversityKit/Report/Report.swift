import Foundation

/// A neutral report document: sections of paragraphs, tables, charts and notes.
///
/// Evaluation builds one; a ``ReportRenderer`` turns it into Markdown, HTML, CSV, JSON or an
/// embedder's own format. Values in tables stay typed (numbers, money, dates, suppressed
/// cells) so each renderer formats them for the report's ``language``.
///
/// ```swift
/// let report = Report(title: "Uppföljning MDSS", language: .swedish, sections: [
///     ReportSection(title: "Deltagande", blocks: [.paragraph("Cirka 450 deltagare."), .table(table)])
/// ])
/// ```
public struct Report: Codable, Hashable, Sendable {
    /// The report's title.
    public var title: String
    /// A subtitle, e.g. the programme and period.
    public var subtitle: String?
    /// The language of labels and number formats.
    public var language: ReportLanguage
    /// The day the report was made, if stated.
    public var date: CalendarDate?
    /// The sections, in reading order.
    public var sections: [ReportSection]

    /// Creates a report.
    public init(title: String, subtitle: String? = nil, language: ReportLanguage = .swedish,
                date: CalendarDate? = nil, sections: [ReportSection] = []) {
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.date = date
        self.sections = sections
    }

    /// Every table in the report, depth first.
    public var allTables: [ReportTable] { sections.flatMap(\.allTables) }

    /// Every chart in the report, depth first.
    public var allCharts: [ReportChart] { sections.flatMap(\.allCharts) }
}

/// The language of a report's labels and formats.
public enum ReportLanguage: String, Codable, Hashable, Sendable, CaseIterable {
    /// Svenska: decimal comma, space as thousands separator.
    case swedish = "sv"
    /// English: decimal point, comma as thousands separator.
    case english = "en"
}

/// A section with a heading, content blocks and subsections.
///
/// Any depth of nesting is safe to build, compare, hash and drop: subsections live in a
/// copy-on-write list that tears its tree down with a loop, not recursion, so even a section
/// nested 50 000 deep is freed on an ordinary thread's stack. (Rendering is bounded separately,
/// ``Report/defaultMaximumSectionDepth``.)
public struct ReportSection: Codable, Hashable, Sendable {
    /// The heading.
    public var title: String
    /// The content, in order.
    public var blocks: [ReportBlock]
    /// Nested sections.
    public var subsections: [ReportSection] {
        get { children.sections }
        _modify {
            if !isKnownUniquelyReferenced(&children) { children = SectionList(children.sections) }
            yield &children.sections
        }
        set {
            if isKnownUniquelyReferenced(&children) { children.sections = newValue } else { children = SectionList(newValue) }
        }
    }
    /// Whether the section holds details most readers skip (an appendix per organisation, say):
    /// HTML shows its heading and keeps the content in a collapsed `<details>` that opens on
    /// a click and prints in full; other renderers show it as any section.
    public var isCollapsed: Bool
    /// The subsections' storage (copy-on-write).
    var children: SectionList

    /// Creates a section.
    public init(title: String, blocks: [ReportBlock] = [], subsections: [ReportSection] = [], isCollapsed: Bool = false) {
        self.title = title
        self.blocks = blocks
        self.children = SectionList(subsections)
        self.isCollapsed = isCollapsed
    }

    /// Whether two sections have the same title, blocks, flag and subsections, compared with a
    /// loop over the tree (any depth).
    public static func == (a: ReportSection, b: ReportSection) -> Bool {
        var pending = [(a, b)]
        while let (x, y) = pending.popLast() {
            guard x.title == y.title, x.isCollapsed == y.isCollapsed, x.blocks == y.blocks else { return false }
            if x.children === y.children { continue }
            let xs = x.children.sections, ys = y.children.sections
            guard xs.count == ys.count else { return false }
            pending.append(contentsOf: zip(xs, ys))
        }
        return true
    }

    /// Hashes the section and its subsections depth first, with a loop (any depth).
    public func hash(into hasher: inout Hasher) {
        var pending = [self]
        while let section = pending.popLast() {
            hasher.combine(section.title)
            hasher.combine(section.blocks)
            hasher.combine(section.isCollapsed)
            hasher.combine(section.children.sections.count)
            pending.append(contentsOf: section.children.sections.reversed())
        }
    }

    /// Tables of this section and its subsections, depth first.
    public var allTables: [ReportTable] {
        var tables: [ReportTable] = []
        Report.forEachSection(in: [self]) { section, _ in
            for case .table(let t) in section.blocks { tables.append(t) }
        }
        return tables
    }

    /// Charts of this section and its subsections, depth first.
    public var allCharts: [ReportChart] {
        var charts: [ReportChart] = []
        Report.forEachSection(in: [self]) { section, _ in
            for case .chart(let c) in section.blocks { charts.append(c) }
        }
        return charts
    }
}

/// One block of content.
public enum ReportBlock: Codable, Hashable, Sendable {
    /// A paragraph of plain text.
    case paragraph(String)
    /// A bulleted list of plain-text items.
    case list([String])
    /// A table.
    case table(ReportTable)
    /// A chart, which carries its own data table.
    case chart(ReportChart)
    /// A note to the reader (e.g. why cells are suppressed).
    case note(ReportNote)
}

/// A note: information, a warning, or a disclosure-control remark.
public struct ReportNote: Codable, Hashable, Sendable {
    /// What kind of note.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// For information.
        case info
        /// Something the reader should act on.
        case warning
        /// Why cells are suppressed.
        case suppression
    }
    /// What kind.
    public var kind: Kind
    /// The text.
    public var text: String
    /// Creates a note.
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A table with typed cells.
public struct ReportTable: Codable, Hashable, Sendable {
    /// A stable identifier, used e.g. for CSV file names (`"participation"`).
    public var id: String
    /// The caption.
    public var caption: String
    /// Column headings.
    public var columns: [ReportColumn]
    /// Rows of cells; each row has one cell per column.
    public var rows: [[ReportCell]]
    /// Footnotes under the table.
    public var footnotes: [String]

    /// Creates a table.
    public init(id: String, caption: String, columns: [ReportColumn], rows: [[ReportCell]] = [], footnotes: [String] = []) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.footnotes = footnotes
    }

    /// Whether any cell is suppressed.
    public var hasSuppressedCells: Bool {
        rows.contains { $0.contains { if case .suppressed = $0 { return true } else { return false } } }
    }
}

/// A column heading; ``isRowHeader`` marks the column that names each row.
public struct ReportColumn: Codable, Hashable, Sendable {
    /// The heading text.
    public var title: String
    /// Whether this column's cells are row headers.
    public var isRowHeader: Bool
    /// Creates a column.
    public init(_ title: String, isRowHeader: Bool = false) {
        self.title = title
        self.isRowHeader = isRowHeader
    }
}

/// A typed table cell; renderers format it per language.
public enum ReportCell: Codable, Hashable, Sendable {
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A decimal number shown with `digits` decimals.
    case decimal(Double, digits: Int)
    /// A share 0…1 shown as a percentage with `digits` decimals.
    case percent(Double, digits: Int)
    /// An amount of money.
    case money(Money)
    /// A day.
    case date(CalendarDate)
    /// Withheld by disclosure control; the reason is shown in a note.
    case suppressed(reason: SuppressionReason)
    /// Nothing.
    case empty
}

/// Why a cell was withheld.
public enum SuppressionReason: String, Codable, Hashable, Sendable {
    /// Fewer respondents than the threshold.
    case belowThreshold
    /// Withheld so a primary suppression cannot be recomputed from totals.
    case secondary
    /// A statistic of a group that is itself suppressed.
    case groupSuppressed
}

/// A chart with its data: renderers draw it and also show its data table.
public struct ReportChart: Codable, Hashable, Sendable {
    /// What kind of chart.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// Horizontal bars, one series or grouped series per category.
        case bar
        /// Planned against actual per category (two series).
        case plannedVersusActual
        /// Diverging stacked bars for Likert items: disagreement left, agreement right.
        case divergingStackedBar
        /// A funnel of decreasing counts through stages.
        case funnel
    }

    /// A stable identifier.
    public var id: String
    /// What kind.
    public var kind: Kind
    /// The title (required for accessibility).
    public var title: String
    /// A text description of what the chart shows (required for accessibility).
    public var description: String
    /// Category labels (bars, items, stages).
    public var categories: [String]
    /// Data series, each with one value per category (`nil` when suppressed or missing).
    public var series: [ChartSeries]
    /// For diverging bars: how many of the series (from the first) are on the negative side;
    /// a middle series when the count of series is odd is split across zero. Precisely: with
    /// an odd count and `negativeSeriesCount == series.count / 2` the middle series is neutral,
    /// otherwise every series after the negative ones is positive (five-point Likert: `2`).
    public var negativeSeriesCount: Int
    /// For bar charts of a rating or other bounded scale: the scale's ends (e.g. `1...5`), drawn
    /// as the value axis so a bar's length reads against the whole scale; `nil` draws an axis
    /// from zero to the largest value.
    public var valueRange: ClosedRange<Double>?

    /// Creates a chart.
    public init(id: String, kind: Kind, title: String, description: String, categories: [String],
                series: [ChartSeries], negativeSeriesCount: Int = 0, valueRange: ClosedRange<Double>? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.description = description
        self.categories = categories
        self.series = series
        self.negativeSeriesCount = negativeSeriesCount
        self.valueRange = valueRange
    }

    /// The chart's data as a table (categories as rows, series as columns).
    public var dataTable: ReportTable {
        ReportTable(id: "\(id)-data", caption: title,
                    columns: [ReportColumn("", isRowHeader: true)] + series.map { ReportColumn($0.name) },
                    rows: categories.indices.map { i in
                        [.text(categories[i])] + series.map { s in
                            i < s.values.count ? (s.values[i].map { .decimal($0, digits: s.digits) } ?? .suppressed(reason: .belowThreshold)) : .empty
                        }
                    })
    }
}

/// One data series of a chart.
public struct ChartSeries: Codable, Hashable, Sendable {
    /// The series' name, e.g. "Planerat".
    public var name: String
    /// One value per category; `nil` when withheld.
    public var values: [Double?]
    /// Decimals to show in the data table.
    public var digits: Int
    /// Creates a series.
    public init(name: String, values: [Double?], digits: Int = 0) {
        self.name = name
        self.values = values
        self.digits = digits
    }
}

/// Turns a ``Report`` into files: the reporting plug-in point.
///
/// A renderer returns one or more named files (CSV gives one per table). Write your own for
/// an intranet template or an archive format; evaluation code never changes.
///
/// ```swift
/// struct PlainText: ReportRenderer {
///     func render(_ report: Report) throws -> [RenderedFile] {
///         [RenderedFile(name: "report.txt", contents: Data(report.title.utf8))]
///     }
/// }
/// ```
public protocol ReportRenderer: Sendable {
    /// Renders `report` to one or more files.
    func render(_ report: Report) throws -> [RenderedFile]
}

/// One file produced by a renderer.
public struct RenderedFile: Hashable, Sendable {
    /// A file name, e.g. `"report.html"` or `"participation.csv"`.
    public var name: String
    /// The bytes.
    public var contents: Data
    /// Creates a file.
    public init(name: String, contents: Data) {
        self.name = name
        self.contents = contents
    }
}

/// The subsections of one ``ReportSection``: a reference so the section can free its tree
/// without recursion. Mutated only while uniquely referenced (copy-on-write), so sharing it
/// between threads is safe.
final class SectionList: @unchecked Sendable {
    var sections: [ReportSection]

    init(_ sections: [ReportSection]) { self.sections = sections }

    /// Moves every uniquely held grandchild list into a work list before it is released, so
    /// each list is freed with no subsections left in it: the teardown's depth stays constant.
    deinit {
        var pending = sections
        sections = []
        while var section = pending.popLast() {
            section.detachSubsections(into: &pending)
        }
    }
}

extension ReportSection {
    /// Moves this section's subsections into `pending` when no other section shares them.
    fileprivate mutating func detachSubsections(into pending: inout [ReportSection]) {
        guard isKnownUniquelyReferenced(&children) else { return }
        pending.append(contentsOf: children.sections)
        children.sections = []
    }
}
