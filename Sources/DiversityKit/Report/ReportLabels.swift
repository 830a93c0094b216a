/// The fixed words renderers put around a report's own text, in Swedish and English.
///
/// ```swift
/// ReportLabels(language: .swedish).suppressionReason(.belowThreshold)
/// // "Primär undertryckning: för få svarande, uppgiften redovisas inte för att skydda enskilda"
/// ```
public struct ReportLabels: Hashable, Sendable {
    /// The language of the labels.
    public var language: ReportLanguage

    /// Creates the labels of `language`.
    public init(language: ReportLanguage) { self.language = language }

    private var sv: Bool { language == .swedish }

    /// The marker shown in place of a value withheld because too few answered (primär
    /// undertryckning): a dash and the footnote symbol `*` that points to the note under the table.
    public var suppressedMarker: String { suppressedMarker(for: .belowThreshold) }

    /// The marker of a value withheld for `reason`, different per reason so a reader can tell
    /// primary from secondary suppression: `"–*"` too few answered, `"–**"` secondary (hidden so
    /// a withheld value cannot be worked out from totals), `"–†"` a statistic of a withheld group.
    public func suppressedMarker(for reason: SuppressionReason) -> String {
        "–" + footnoteSymbol(reason)
    }

    /// The footnote symbol of `reason`: `*`, `**` or `†`.
    public func footnoteSymbol(_ reason: SuppressionReason) -> String {
        switch reason {
        case .belowThreshold: "*"
        case .secondary: "**"
        case .groupSuppressed: "†"
        }
    }

    /// The word a CSV file writes for a suppressed value (`"undertryckt"` / `"suppressed"`).
    public var suppressedWord: String { sv ? "undertryckt" : "suppressed" }

    /// Why a value is withheld, in words.
    public func suppressionReason(_ reason: SuppressionReason) -> String {
        switch reason {
        case .belowThreshold:
            sv ? "Primär undertryckning: för få svarande, uppgiften redovisas inte för att skydda enskilda"
               : "Primary suppression: too few respondents, the figure is withheld to protect individuals"
        case .secondary:
            sv ? "Sekundär undertryckning: uppgiften bygger på tillräckligt många svar men döljs så att en undertryckt uppgift inte kan räknas fram ur summorna"
               : "Secondary suppression: the figure rests on enough answers but is withheld so that a suppressed figure cannot be worked out from the totals"
        case .groupSuppressed:
            sv ? "Gruppen är för liten, så inte heller dess medelvärden och andelar redovisas"
               : "The group is too small, so its means and shares are not shown either"
        }
    }

    /// The footnote for one reason, led by its marker: `"–* Primär undertryckning: för få svarande, …"`.
    public func suppressionFootnote(_ reason: SuppressionReason) -> String {
        suppressedMarker(for: reason) + " " + suppressionReason(reason) + "."
    }

    /// The footnotes for every suppression reason among `cells`, in a fixed order.
    public func suppressionFootnotes(for rows: [[ReportCell]]) -> [String] {
        var reasons = Set<SuppressionReason>()
        for row in rows {
            for case .suppressed(let reason) in row { reasons.insert(reason) }
        }
        return [SuppressionReason.belowThreshold, .secondary, .groupSuppressed]
            .filter(reasons.contains).map(suppressionFootnote)
    }

    /// The heading word of a note of `kind`.
    public func noteLabel(_ kind: ReportNote.Kind) -> String {
        switch kind {
        case .info: sv ? "Obs" : "Note"
        case .warning: sv ? "Varning" : "Warning"
        case .suppression: sv ? "Röjandeskydd" : "Disclosure control"
        }
    }

    /// `"Diagram"` / `"Chart"`.
    public var chart: String { sv ? "Diagram" : "Chart" }

    /// The caption of a chart's data table: `"Data för diagrammet"` / `"Data for the chart"`.
    public var chartData: String { sv ? "Data för diagrammet" : "Data for the chart" }

    /// `"Kategori"` / `"Category"`: the heading of a chart data table's first column.
    public var category: String { sv ? "Kategori" : "Category" }

    /// A chart's data table as renderers show it: captioned `"Data för diagrammet: <title>"`,
    /// its unnamed first column headed ``category``.
    public func dataTable(of chart: ReportChart) -> ReportTable {
        var table = chart.dataTable
        table.caption = chartData + ": " + chart.title
        if let first = table.columns.first, first.title.isEmpty { table.columns[0].title = category }
        return table
    }

    /// Shown when a chart or table has nothing to show.
    public var noData: String { sv ? "Inga uppgifter att visa." : "No data to show." }

    /// `"Rapportdatum"` / `"Report date"`.
    public var reportDate: String { sv ? "Rapportdatum" : "Report date" }

    /// `"Förklaring"` / `"Legend"`.
    public var legend: String { sv ? "Förklaring" : "Legend" }

    /// `"av första steget"` / `"of the first stage"`, after a funnel stage's share.
    public var ofFirstStage: String { sv ? "av första steget" : "of the first stage" }
}
