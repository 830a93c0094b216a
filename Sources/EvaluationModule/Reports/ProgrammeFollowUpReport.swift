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
        try programmeFollowUp(records, asOf: date, funnelEndingAt: funnelEndingAt, kirkpatrick: kirkpatrick, history: PublicationHistory()).report
    }

    /// The programme follow-up audited against everything already released about the same participants and
    /// ratings: a funder statistic (gender, age band, education; ``SegmentRelease/funderItem(_:)``) whose
    /// participants differ by 1…k−1 from an earlier release is withheld, since the two tables' difference
    /// would give the newcomers' (or the erased') categories away; so is the Kirkpatrick reaction mean
    /// (``SegmentRelease/ratingsItem``, every rating) against earlier rating releases. Record
    /// ``ReportPublication/releases`` with ``PublicationMemory``.
    ///
    /// ```swift
    /// let followUp = try await memory.release(from: "programme:mdss", title: "Uppföljning", at: now) { history in
    ///     let followUp = try reports.programmeFollowUp(records, asOf: date, history: history)
    ///     return (followUp, followUp.releases)
    /// }
    /// ```
    /// - Throws: ``FollowUpError`` for a broken prerequisite chain, ``DisclosureError`` from disclosure control.
    public func programmeFollowUp(_ records: ProgrammeRecords, asOf date: CalendarDate, funnelEndingAt: ID<Intervention>? = nil,
                                  kirkpatrick: KirkpatrickSummary? = nil, history: PublicationHistory) throws -> ReportPublication {
        let l = labels
        var releases: [SegmentRelease] = []
        var sections = [participationSection(records)]
        if let funnel = try funnelSection(records, endingAt: funnelEndingAt) { sections.append(funnel) }
        sections.append(sessionsSection(records, asOf: date))
        // A programme with neither budget lines nor funding has nothing to follow up; a table of zeros would mislead.
        if !records.programme.budget.isEmpty || !records.programme.funding.isEmpty {
            sections.append(budgetSection(records.programme))
        }
        if !records.programme.milestones.isEmpty { sections.append(milestoneSection(records.programme, asOf: date)) }
        sections.append(try funderSection(records, history: history, releases: &releases))
        if let kirkpatrick {
            sections.append(kirkpatrickSection(kirkpatrick, history: history, releases: &releases, ratings: records.ratings))
        }
        return ReportPublication(report: Report(title: "\(l[.programmeFollowUp]): \(records.programme.name)",
                                                subtitle: records.programme.period.description, language: language, date: date, sections: sections),
                                 releases: releases)
    }

    func participationSection(_ records: ProgrammeRecords) -> ReportSection {
        let l = labels, p = FollowUp.participation(programme: records.programme, attendances: records.attendances)
        let optional = { (v: Int?) in v.map(ReportCell.integer) ?? .empty }
        // One lookup table, as `records.name(of:)` searches the list: quadratic in the number of organisations.
        let names = Dictionary(records.organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let name = { (id: ID<Organisation>) in names[id] ?? id.rawValue }
        let ordered = ReportCollation(language: language).sorted(p.rows) { name($0.organisation) }
        let rows = ordered.map { [.text(name($0.organisation)), optional($0.planned), .integer($0.actual), optional($0.difference)] }
        // Without any plan, a planned total of 0 and a "difference" equal to the outcome would mislead.
        let hasPlan = p.rows.contains { $0.planned != nil }
        let table = ReportTable(id: "participation", caption: l[.participation],
                                columns: [ReportColumn(l[.organisation], isRowHeader: true), ReportColumn(l[.planned]),
                                          ReportColumn(l[.actual]), ReportColumn(l[.difference])],
                                rows: rows + [[.text(l[.total]), hasPlan ? .integer(p.totalPlanned) : .empty, .integer(p.totalActual),
                                               hasPlan ? .integer(p.totalActual - p.totalPlanned) : .empty]])
        guard hasPlan else {
            return ReportSection(title: l[.participation], blocks: [.paragraph(l[.noParticipationPlan]), .table(table)])
        }
        // The chart compares plan with outcome, so it shows only organisations with a plan; a missing
        // plan drawn as an empty bar would read as a withheld value. The table lists them all.
        let planned = ordered.filter { $0.planned != nil }
        let chart = ReportChart(id: "participation-chart", kind: .plannedVersusActual, title: l[.participation],
                                description: "\(l[.planned]) \(l.integer(p.totalPlanned)), \(l[.actual].lowercased()) \(l.integer(p.totalActual)).",
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
        // A stage for a narrower target group (a leader forum for managers) is named with its group,
        // so that its smaller count does not read as drop-out.
        let narrower = { (i: Int) -> Bool in
            let roles = chain[i].targetRoles, first = chain[0].targetRoles
            return i > 0 && !roles.isEmpty && (first.isEmpty || !roles.isSuperset(of: first))
        }
        let stageName = { (i: Int) -> String in
            guard narrower(i) else { return stages[i].name }
            let roles = ReportCollation(language: self.language).sorted(chain[i].targetRoles.map { $0.text(self.language, plural: true) })
            return "\(stages[i].name) (\(l[.onlyFor]) \(roles.joined(separator: l[.and])))"
        }
        let names = stages.indices.map(stageName)
        let table = ReportTable(id: "funnel", caption: l[.funnel],
                                columns: [ReportColumn(l[.stage], isRowHeader: true), ReportColumn(l[.completed])],
                                rows: stages.indices.map { [.text(names[$0]), .integer(stages[$0].completed)] })
        let chart = ReportChart(id: "funnel-chart", kind: .funnel, title: l[.funnel],
                                description: stages.indices.map { "\(names[$0]): \(l.integer(stages[$0].completed))" }.joined(separator: " → "),
                                categories: names, series: [ChartSeries(name: l[.completed], values: stages.map { Double($0.completed) })])
        var blocks: [ReportBlock] = [.table(table), .chart(chart)]
        if stages.indices.contains(where: narrower) { blocks.append(.note(ReportNote(.info, l[.narrowerStageNote]))) }
        return ReportSection(title: l[.funnel], blocks: blocks)
    }

    func sessionsSection(_ records: ProgrammeRecords, asOf date: CalendarDate) -> ReportSection {
        // An intervention with neither a plan nor sessions (a survey, say) has no row: it would be empty.
        // Rows by intervention name, in the report language's alphabetical order.
        let l = labels
        let delivery = ReportCollation(language: language).sorted(
            FollowUp.sessionsAgainstPlan(interventions: records.interventions, sessions: records.sessions, asOf: date)
                .filter { $0.planned != nil || $0.held > 0 || $0.scheduled > 0 }, by: \.name)
        let optional = { (v: Int?) in v.map(ReportCell.integer) ?? .empty }
        let table = ReportTable(id: "sessions", caption: l[.sessions],
                                columns: [ReportColumn(l[.intervention], isRowHeader: true), ReportColumn(l[.planned]),
                                          ReportColumn(l[.held]), ReportColumn(l[.scheduled]), ReportColumn(l[.difference])],
                                rows: delivery.map { [.text($0.name), optional($0.planned), .integer($0.held), .integer($0.scheduled), optional($0.difference)] })
        // As for participation: only interventions with a planned number of sessions are charted.
        let planned = delivery.filter { $0.planned != nil }
        let chart = ReportChart(id: "sessions-chart", kind: .plannedVersusActual, title: l[.sessions],
                                description: planned.map { "\($0.name): \(l.integer($0.held)) \(l[.ofPlanned]) \($0.planned.map(l.integer) ?? "–")" }
                                    .joined(separator: "; "),
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

    /// The funder statistics: each distribution protected on its own, and withheld whole when its participants
    /// differ from an earlier release of it by 1…k−1; each shown table is added to `releases`.
    func funderSection(_ records: ProgrammeRecords, history: PublicationHistory = PublicationHistory(),
                       releases: inout [SegmentRelease]) throws -> ReportSection {
        let l = labels, stats = try FollowUp.funderStatistics(participants: records.participants, disclosure: disclosure)
        let k = disclosure.configuration.threshold
        var blocks: [ReportBlock] = []
        for (key, id, caption, distribution) in [("gender", "funder-gender", l[.gender], stats.gender),
                                                  ("ageBand", "funder-age", l[.ageBand], stats.ageBand),
                                                  ("education", "funder-education", l[.education], stats.education)] {
            let release = SegmentRelease(units: [SegmentRelease.everyone], item: SegmentRelease.funderItem(key), count: stats.participants)
            if !distribution.table.withheldEntirely && history.conflicts(release, threshold: k) {
                blocks.append(.note(ReportNote(.suppression, caption + ": " + l[.earlierReleaseNote].replacingOccurrences(of: "%d", with: "\(k)"))))
                continue
            }
            blocks.append(distributionTable(id: id, caption: caption, heading: caption, categories: distribution.categories.map(l.category),
                                            table: distribution.table))
            if !distribution.table.withheldEntirely { releases.append(release) }
        }
        return ReportSection(title: l[.funderStatistics], blocks: withSuppressionNote(blocks))
    }
}
