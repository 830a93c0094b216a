import DiversityKit

/// Builds the neutral ``/DiversityKit/Report`` documents of evaluation — programme follow-up, course evaluation,
/// goal follow-up and survey results — in Swedish or English, with disclosure control applied.
///
/// ```swift
/// let reports = EvaluationReports(language: .english)
/// let records = try await ProgrammeRecords.load(programme: "mdss", from: store)
/// let report = try reports.programmeFollowUp(records, asOf: try CalendarDate("2026-06-30"))
/// ```
public struct EvaluationReports: Sendable {
    /// The language of labels.
    public var language: ReportLanguage
    /// The disclosure-control component every table of answers or participant attributes passes through.
    public var disclosure: DisclosureControl
    /// Labels in another language, supplied by the embedder; `language` is then the fallback and number format.
    public var translations: LabelTranslations?

    /// Creates a builder.
    public init(language: ReportLanguage = .swedish, disclosure: DisclosureControl = DisclosureControl(),
                translations: LabelTranslations? = nil) {
        self.language = language
        self.disclosure = disclosure
        self.translations = translations
    }

    /// The label table for ``language``, or the embedder's ``translations``.
    public var labels: Labels { translations.map { Labels($0, fallback: language) } ?? Labels(language) }

    /// The note placed under tables with withheld cells.
    var suppressionNote: ReportBlock {
        .note(ReportNote(.suppression, labels[.suppressionNote].replacingOccurrences(of: "%d", with: "\(disclosure.configuration.threshold)")))
    }

    /// The note placed where a figure is withheld because fewer than `threshold` answers separate it from an
    /// earlier release of the same people (publication memory).
    func earlierReleaseNote(_ threshold: Int) -> ReportBlock {
        .note(ReportNote(.suppression, labels[.earlierReleaseNote].replacingOccurrences(of: "%d", with: "\(threshold)")))
    }

    /// The suppression note if any table among `blocks` has withheld cells.
    func withSuppressionNote(_ blocks: [ReportBlock]) -> [ReportBlock] {
        let suppressed = blocks.contains {
            if case .table(let t) = $0 { return t.hasSuppressedCells }
            if case .chart(let c) = $0 { return c.series.contains { $0.values.contains(nil) } }
            return false
        }
        return suppressed ? blocks + [suppressionNote] : blocks
    }

    /// Whether a group of `n` respondents may show statistics on its own.
    func publishable(_ n: Int) -> Bool { n >= disclosure.configuration.threshold }

    /// Cells for a group's n and statistics: withheld together when the group is below the threshold.
    func groupCells(n: Int, _ statistics: [ReportCell]) -> [ReportCell] {
        publishable(n) ? [.integer(n)] + statistics
            : [.suppressed(reason: .belowThreshold)] + statistics.map { _ in .suppressed(reason: .groupSuppressed) }
    }

    /// A one-row-per-category table of a protected distribution of participants, with a total row.
    func distributionTable(id: String, caption: String, heading: String, categories: [String],
                           table: ProtectedTable) -> ReportBlock {
        if table.withheldEntirely { return .note(ReportNote(.suppression, caption + ": " + labels[.withheldTableNote])) }
        let rows = categories.indices.map { [ReportCell.text(categories[$0]), table.reportCell(row: 0, column: $0)] }
        return .table(ReportTable(id: id, caption: caption, columns: [ReportColumn(heading, isRowHeader: true), ReportColumn(labels[.participants])],
                                  rows: rows + [[.text(labels[.total]), table.rowTotalCell(0)]]))
    }
}
