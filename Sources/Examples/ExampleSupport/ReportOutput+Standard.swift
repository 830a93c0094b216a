import DiversityKit

extension ReportOutput {
    /// The renderers every example writes with: self-contained HTML, Markdown, and one CSV per
    /// table (`;`-separated with a byte-order mark, as Swedish spreadsheets expect).
    public static var standardRenderers: [any ReportRenderer] {
        [HTMLRenderer(), MarkdownRenderer(), CSVRenderer(separator: .semicolon, includeBOM: true)]
    }
}
