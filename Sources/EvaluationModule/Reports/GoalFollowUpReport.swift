import DiversityKit

extension EvaluationReports {
    /// The goal follow-up: attainment per goal, the goal–measure audit and active-measures coverage.
    ///
    /// - Parameters:
    ///   - goals: the goals to follow up.
    ///   - plans: the action plans whose measures are audited against the goals.
    ///   - date: the follow-up date: measures past their deadline by then are overdue.
    ///   - organisationNames: display names of owners; identifiers are shown otherwise.
    public func goalFollowUp(goals: [Goal], plans: [ActionPlan], asOf date: CalendarDate,
                             organisationNames: [ID<Organisation>: String] = [:]) -> Report {
        let l = labels
        let attainment = FollowUp.goalAttainment(goals)
        let optional = { (v: Double?) in v.map { ReportCell.decimal($0, digits: 1) } ?? .empty }
        let table = ReportTable(
            id: "goals", caption: l[.goals],
            columns: [ReportColumn(l[.goal], isRowHeader: true), ReportColumn(l[.baseline]), ReportColumn(l[.latest]),
                      ReportColumn(l[.target]), ReportColumn(l[.progress]), ReportColumn(l[.status])],
            rows: attainment.map { [.text($0.title), optional($0.baseline), optional($0.latest?.value), optional($0.target),
                                    $0.progress.map { .percent($0, digits: 0) } ?? .empty, .text(l.name($0.status))] })
        var goalBlocks: [ReportBlock] = [.table(table)]
        let titles = Dictionary(goals.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let audit = FollowUp.auditGoalsAndMeasures(goals: goals, plans: plans, asOf: date)
        if !audit.goalsWithoutBaseline.isEmpty {
            goalBlocks.append(.note(ReportNote(.warning, l[.noBaselineWarning] + " "
                + audit.goalsWithoutBaseline.map { titles[$0] ?? $0.rawValue }.joined(separator: "; "))))
        }
        let list = { (items: [String]) -> ReportBlock in items.isEmpty ? .paragraph(l[.none]) : .list(items) }
        let measureText = { (m: MeasureReference) in
            "\(organisationNames[m.owner] ?? m.owner.rawValue): \(m.title)" + (m.deadline.map { " (\($0))" } ?? "")
        }
        let auditSection = ReportSection(title: l[.audit], subsections: [
            ReportSection(title: l[.goalsWithoutMeasures], blocks: [list(audit.goalsWithoutMeasures.map { titles[$0] ?? $0.rawValue })]),
            ReportSection(title: l[.measuresWithoutGoal], blocks: [list(audit.measuresWithoutGoal.map(measureText))]),
            ReportSection(title: l[.overdueMeasures], blocks: [list(audit.overdueMeasures.map(measureText))]),
        ])
        let coverage = FollowUp.activeMeasuresCoverage(plans: plans).map { c in
            let name = organisationNames[c.organisation] ?? c.organisation.rawValue
            let grid = ReportTable(
                id: "coverage-\(c.organisation.rawValue)", caption: "\(l[.coverage]): \(name)",
                columns: [ReportColumn(l[.area], isRowHeader: true)] + ActiveMeasuresStep.allCases.map { ReportColumn(l.name($0)) },
                rows: ActiveMeasuresArea.allCases.map { a in [.text(l.name(a))] + ActiveMeasuresStep.allCases.map { .integer(c.count(a, $0)) } })
            let missing = c.missing.map { "\(l.name($0.area)) – \(l.name($0.step))" }
            return ReportSection(title: name, blocks: [.table(grid), .paragraph("\(l[.missing]):"), list(missing)])
        }
        return Report(title: l[.goalFollowUp], language: language, date: date, sections: [
            ReportSection(title: l[.goals], blocks: goalBlocks), auditSection,
            ReportSection(title: l[.coverage], subsections: coverage),
        ])
    }
}
