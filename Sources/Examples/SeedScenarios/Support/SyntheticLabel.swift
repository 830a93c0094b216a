import DiversityKit
import EvaluationModule

extension Report {
    /// The report with a note at its start saying its figures are synthetic, in the report's
    /// language: every example report carries it, so no one mistakes a demonstration for a
    /// programme's real follow-up.
    public var labelledSynthetic: Report {
        var report = self
        let note = ReportBlock.note(ReportNote(.info, Labels(language)[.syntheticData]))
        if report.sections.isEmpty {
            report.sections = [ReportSection(title: report.title, blocks: [note])]
        } else {
            report.sections[0].blocks.insert(note, at: 0)
        }
        return report
    }
}
