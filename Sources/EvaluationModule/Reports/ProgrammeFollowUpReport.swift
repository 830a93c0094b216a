import DiversityKit

extension EvaluationReports {
    /// The programme follow-up: participation against plan, completion funnel, sessions held,
    /// budget and funding, milestones and funder participant statistics.
    ///
    /// - Parameters:
    ///   - records: the programme and its records (``ProgrammeRecords/load(programme:from:)``).
    ///   - date: the follow-up date: sessions after it count as scheduled, not held.
    ///   - funnelEndingAt: the last intervention of the prerequisite chain; by default the intervention with the longest chain.
    ///   - kirkpatrick: a summary by Kirkpatrick level to include (see ``FollowUp/kirkpatrick(ratings:knowledge:behaviourItems:behaviourScale:plans:goals:monetisedBenefits:fullyLoadedCosts:)``).
    /// - Throws: ``FollowUpError`` for a broken prerequisite chain, ``DisclosureError`` from disclosure control.
    public func programmeFollowUp(_ records: ProgrammeRecords, asOf date: CalendarDate,
                                  funnelEndingAt: ID<Intervention>? = nil, kirkpatrick: KirkpatrickSummary? = nil) throws -> Report {
        let l = labels
        var sections = [participationSection(records)]
        if let funnel = try funnelSection(records, endingAt: funnelEndingAt) { sections.append(funnel) }
        sections.append(sessionsSection(records, asOf: date))
        // A programme with neither budget lines nor funding has nothing to follow up; a table of zeros would mislead.
        if !records.programme.budget.isEmpty || !records.programme.funding.isEmpty {
            sections.append(budgetSection(records.programme))
        }
        if !records.programme.milestones.isEmpty { sections.append(milestoneSection(records.programme, asOf: date)) }
        sections.append(try funderSection(records))
        if let kirkpatrick { sections.append(kirkpatrickSection(kirkpatrick)) }
        return Report(title: "\(l[.programmeFollowUp]): \(records.programme.name)",
                      subtitle: records.programme.period.description, language: language, date: date, sections: sections)
    }

    func participationSection(_ records: ProgrammeRecords) -> ReportSection {
        let l = labels, p = FollowUp.participation(programme: records.programme, attendances: records.attendances)
        let optional = { (v: Int?) in v.map(ReportCell.integer) ?? .empty }
        // One lookup table, as `records.name(of:)` searches the list: quadratic in the number of organisations.
        let names = Dictionary(records.organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let name = { (id: ID<Organisation>) in names[id] ?? id.rawValue }
        let rows = p.rows.map { [.text(name($0.organisation)), optional($0.planned), .integer($0.actual), optional($0.difference)] }
        let table = ReportTable(id: "participation", caption: l[.participation],
                                columns: [ReportColumn(l[.organisation], isRowHeader: true), ReportColumn(l[.planned]),
                                          ReportColumn(l[.actual]), ReportColumn(l[.difference])],
                                rows: rows + [[.text(l[.total]), .integer(p.totalPlanned), .integer(p.totalActual),
                                               .integer(p.totalActual - p.totalPlanned)]])
        // The chart compares plan with outcome, so it shows only organisations with a plan; a missing
        // plan drawn as an empty bar would read as a withheld value. The table lists them all.
        let planned = p.rows.filter { $0.planned != nil }
        let chart = ReportChart(id: "participation-chart", kind: .plannedVersusActual, title: l[.participation],
                                description: "\(l[.planned]) \(p.totalPlanned), \(l[.actual].lowercased()) \(p.totalActual).",
                                categories: planned.map { name($0.organisation) },
                                series: [ChartSeries(name: l[.planned], values: planned.map { $0.planned.map(Double.init) }),
                                         ChartSeries(name: l[.actual], values: planned.map { Double($0.actual) })])
        return ReportSection(title: l[.participation], blocks: [.table(table), .chart(chart)])
    }

    func funnelSection(_ records: ProgrammeRecords, endingAt: ID<Intervention>?) throws -> ReportSection? {
        let l = labels
        let chain: [Intervention]
        if let endingAt {
            chain = try FollowUp.prerequisiteChain(endingAt: endingAt, in: records.interventions)
        } else {
            let chains = try records.interventions.map { try FollowUp.prerequisiteChain(endingAt: $0.id, in: records.interventions) }
            chain = chains.max { $0.count < $1.count } ?? []
        }
        guard chain.count > 1 else { return nil }
        let stages = FollowUp.completionFunnel(chain: chain, attendances: records.attendances)
        let table = ReportTable(id: "funnel", caption: l[.funnel],
                                columns: [ReportColumn(l[.stage], isRowHeader: true), ReportColumn(l[.completed])],
                                rows: stages.map { [.text($0.name), .integer($0.completed)] })
        let chart = ReportChart(id: "funnel-chart", kind: .funnel, title: l[.funnel],
                                description: stages.map { "\($0.name): \($0.completed)" }.joined(separator: " → "),
                                categories: stages.map(\.name), series: [ChartSeries(name: l[.completed], values: stages.map { Double($0.completed) })])
        return ReportSection(title: l[.funnel], blocks: [.table(table), .chart(chart)])
    }

    func sessionsSection(_ records: ProgrammeRecords, asOf date: CalendarDate) -> ReportSection {
        let l = labels, delivery = FollowUp.sessionsAgainstPlan(interventions: records.interventions, sessions: records.sessions, asOf: date)
        let optional = { (v: Int?) in v.map(ReportCell.integer) ?? .empty }
        let table = ReportTable(id: "sessions", caption: l[.sessions],
                                columns: [ReportColumn(l[.intervention], isRowHeader: true), ReportColumn(l[.planned]),
                                          ReportColumn(l[.held]), ReportColumn(l[.scheduled]), ReportColumn(l[.difference])],
                                rows: delivery.map { [.text($0.name), optional($0.planned), .integer($0.held), .integer($0.scheduled), optional($0.difference)] })
        // As for participation: only interventions with a planned number of sessions are charted.
        let planned = delivery.filter { $0.planned != nil }
        let chart = ReportChart(id: "sessions-chart", kind: .plannedVersusActual, title: l[.sessions],
                                description: planned.map { "\($0.name): \($0.held)/\($0.planned.map(String.init) ?? "–")" }.joined(separator: "; "),
                                categories: planned.map(\.name),
                                series: [ChartSeries(name: l[.planned], values: planned.map { $0.planned.map(Double.init) }),
                                         ChartSeries(name: l[.held], values: planned.map { Double($0.held) })])
        return ReportSection(title: l[.sessions], blocks: [.table(table), .chart(chart)])
    }

    func budgetSection(_ programme: Programme) -> ReportSection {
        let l = labels, b = FollowUp.budget(programme)
        let money = { (m: Money?) in m.map(ReportCell.money) ?? .empty }
        let categories = ReportTable(
            id: "budget", caption: l[.budget],
            columns: [ReportColumn(l[.costCategory], isRowHeader: true), ReportColumn(l[.planned]), ReportColumn(l[.outcome]), ReportColumn(l[.unspent])],
            rows: b.categories.map { [.text(l.name($0.category)), .money($0.planned), money($0.outcome), money($0.unspent)] }
                + [[.text(l[.total]), .money(b.totalPlanned), money(b.totalOutcome), money(b.totalOutcome.map { b.totalPlanned - $0 })]])
        let funding = ReportTable(
            id: "funding", caption: l[.funding],
            columns: [ReportColumn(l[.source], isRowHeader: true), ReportColumn(l[.amount]), ReportColumn(l[.share]), ReportColumn(l[.outcome])],
            rows: b.funding.map { [.text($0.name.isEmpty ? l.name($0.kind) : "\(l.name($0.kind)): \($0.name)"), .money($0.amount),
                                   .percent($0.share, digits: 1), money($0.proRataOutcome)] }
                + [[.text(l[.total]), .money(b.totalFunding), .percent(b.funding.isEmpty ? 0 : 1, digits: 1), money(b.totalOutcome)]],
            footnotes: [l[.proRataNote]])
        var blocks: [ReportBlock] = [.table(categories), .table(funding)]
        if let unspent = b.unspentFunding {
            blocks.append(.paragraph("\(l[.unspent]): \(ReportFormatter(language: language).money(unspent))"))
        }
        return ReportSection(title: l[.budget], blocks: blocks)
    }

    func milestoneSection(_ programme: Programme, asOf date: CalendarDate) -> ReportSection {
        let l = labels, ms = FollowUp.milestones(programme, asOf: date)
        let table = ReportTable(
            id: "milestones", caption: l[.milestones],
            columns: [ReportColumn(l[.milestone], isRowHeader: true), ReportColumn(l[.plannedDate]), ReportColumn(l[.actualDate]),
                      ReportColumn(l[.slippageDays]), ReportColumn(l[.status])],
            rows: ms.map { [.text($0.name), .date($0.planned), $0.actual.map(ReportCell.date) ?? .empty, .integer($0.slippageDays), .text(l.name($0.state))] })
        return ReportSection(title: l[.milestones], blocks: [.table(table)])
    }

    func funderSection(_ records: ProgrammeRecords) throws -> ReportSection {
        let l = labels, stats = try FollowUp.funderStatistics(participants: records.participants, disclosure: disclosure)
        let blocks: [ReportBlock] = [
            distributionTable(id: "funder-gender", caption: l[.gender], heading: l[.gender],
                              categories: stats.gender.categories.map(l.category), table: stats.gender.table),
            distributionTable(id: "funder-age", caption: l[.ageBand], heading: l[.ageBand],
                              categories: stats.ageBand.categories.map(l.category), table: stats.ageBand.table),
            distributionTable(id: "funder-education", caption: l[.education], heading: l[.education],
                              categories: stats.education.categories.map(l.category), table: stats.education.table),
        ]
        return ReportSection(title: l[.funderStatistics], blocks: withSuppressionNote(blocks))
    }
}
