import DiversityKit

extension EvaluationReports {
    /// From this many goal owners on, the goal follow-up keeps the details per owner collapsed.
    public static let collapsedFromOwners = 5

    /// The goal follow-up: attainment per goal, the goal–measure audit and active-measures coverage.
    ///
    /// With one goal owner the report lists goals, audit and coverage directly. With several
    /// owners it opens with an overview table — one row per owner, grouped by county when
    /// `organisations` carry one — followed by each owner's goals, audit and coverage; from
    /// ``collapsedFromOwners`` owners on (a project of 51 authorities) those details sit in a
    /// collapsed section per county (``/DiversityKit/ReportSection/isCollapsed``). Every goal and
    /// measure is named by its title and every owner by its name; names sort in the language's
    /// alphabetical order (``/DiversityKit/ReportCollation``).
    ///
    /// - Parameters:
    ///   - goals: the goals to follow up.
    ///   - plans: the action plans whose measures are audited against the goals.
    ///   - date: the follow-up date: measures past their deadline by then are overdue.
    ///   - organisationNames: display names of owners; identifiers are shown otherwise.
    ///   - programme: the programme followed up; its name and period go into the title.
    ///   - organisations: the owners' records, for their names and counties.
    public func goalFollowUp(goals: [Goal], plans: [ActionPlan], asOf date: CalendarDate,
                             organisationNames: [ID<Organisation>: String] = [:], programme: Programme? = nil,
                             organisations: [Organisation] = []) -> Report {
        let l = labels
        var names = organisationNames
        for o in organisations where names[o.id] == nil { names[o.id] = o.name }
        let name = { (id: ID<Organisation>) in names[id] ?? id.rawValue }
        let counties = Dictionary(organisations.compactMap { o in o.county.map { (o.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let owners = ReportCollation(language: language).sorted(Array(Set(goals.map(\.owner)).union(plans.map(\.owner))), by: name)
        let title = programme.map { "\(l[.goalFollowUp]): \($0.name)" } ?? l[.goalFollowUp]
        let subtitle = programme.map { "\($0.period)" }
        guard owners.count > 1 else {
            let sections = ownerSections(goals: goals, plans: plans, asOf: date, name: name)
            return Report(title: title, subtitle: subtitle, language: language, date: date, sections: sections)
        }

        let collation = ReportCollation(language: language)
        let goalsBy = Dictionary(grouping: goals, by: \.owner), plansBy = Dictionary(grouping: plans, by: \.owner)
        let countyOf = { (o: ID<Organisation>) in counties[o] ?? "" }
        let countyNames = collation.sorted(Array(Set(owners.map(countyOf))))
        let cellCount = ActiveMeasuresArea.allCases.count * ActiveMeasuresStep.allCases.count
        var overviewRows: [[ReportCell]] = []
        var appendix: [ReportSection] = []
        for county in countyNames {
            let members = owners.filter { countyOf($0) == county }
            var memberSections: [ReportSection] = []
            for owner in members {
                let ownGoals = goalsBy[owner] ?? [], ownPlans = plansBy[owner] ?? []
                let attainment = FollowUp.goalAttainment(ownGoals)
                let audit = FollowUp.auditGoalsAndMeasures(goals: ownGoals, plans: ownPlans, asOf: date)
                let coverage = FollowUp.activeMeasuresCoverage(plans: ownPlans).first
                var row: [ReportCell] = counties.isEmpty ? [] : [.text(county)]
                row += [.text(name(owner)), .integer(ownGoals.count), .integer(attainment.filter { $0.status == .reached }.count),
                        .integer(audit.goalsWithoutBaseline.count), .integer(audit.goalsWithoutMeasures.count),
                        .integer(audit.overdueMeasures.count),
                        coverage.map { .integer(cellCount - $0.missing.count) } ?? .integer(0)]
                overviewRows.append(row)
                memberSections.append(ReportSection(title: name(owner),
                                                    subsections: ownerSections(goals: ownGoals, plans: ownPlans, asOf: date, name: name)))
            }
            let collapsed = owners.count >= Self.collapsedFromOwners
            if counties.isEmpty {
                appendix += memberSections.map { ReportSection(title: $0.title, subsections: $0.subsections, isCollapsed: collapsed) }
            } else {
                appendix.append(ReportSection(title: county.isEmpty ? l[.missing] : county, subsections: memberSections, isCollapsed: collapsed))
            }
        }
        var columns = counties.isEmpty ? [] : [ReportColumn(l[.county], isRowHeader: true)]
        columns += [ReportColumn(l[.organisation], isRowHeader: counties.isEmpty), ReportColumn(l[.goalCount]), ReportColumn(l[.goalsReached]),
                    ReportColumn(l[.noBaselineShort]), ReportColumn(l[.goalsWithoutMeasures]), ReportColumn(l[.overdueMeasures]),
                    ReportColumn(l[.coverageShort].replacingOccurrences(of: "%d", with: "\(cellCount)"))]
        let totals = FollowUp.auditGoalsAndMeasures(goals: goals, plans: plans, asOf: date)
        let overview = ReportSection(title: l[.overview], blocks: [
            .paragraph(l[owners.count >= Self.collapsedFromOwners ? .goalOverviewText : .goalOverviewShortText].replacingOccurrences(of: "%goals", with: formatter.integer(goals.count))
                .replacingOccurrences(of: "%owners", with: formatter.integer(owners.count))
                .replacingOccurrences(of: "%nobaseline", with: formatter.integer(totals.goalsWithoutBaseline.count))
                .replacingOccurrences(of: "%nomeasures", with: formatter.integer(totals.goalsWithoutMeasures.count))),
            .table(ReportTable(id: "goal-overview", caption: l[.overview], columns: columns, rows: overviewRows)),
        ])
        let details = owners.count >= Self.collapsedFromOwners ? l[.detailsPerOrganisation] : l[.perOrganisation]
        return Report(title: title, subtitle: subtitle, language: language, date: date,
                      sections: [overview, ReportSection(title: details, subsections: appendix)])
    }

    /// One owner's (or a single-owner programme's) goals, audit and coverage sections. Goals are
    /// listed by level (vision, overall, measurable), then by title; measures and organisations by
    /// name — in the report language's alphabetical order.
    private func ownerSections(goals: [Goal], plans: [ActionPlan], asOf date: CalendarDate,
                               name: (ID<Organisation>) -> String) -> [ReportSection] {
        let l = labels, collation = ReportCollation(language: language)
        let levels = GoalLevel.allCases
        let goals = goals.sorted { a, b in
            let la = levels.firstIndex(of: a.level) ?? levels.count, lb = levels.firstIndex(of: b.level) ?? levels.count
            if la != lb { return la < lb }
            if a.title != b.title { return collation.areInIncreasingOrder(a.title, b.title) }
            return a.id < b.id
        }
        let attainment = FollowUp.goalAttainment(goals)
        let units = Dictionary(goals.map { ($0.id, $0.indicator?.unit ?? "") }, uniquingKeysWith: { a, _ in a })
        let table = ReportTable(
            id: "goals", caption: l[.goals],
            columns: [ReportColumn(l[.goal], isRowHeader: true), ReportColumn(l[.baseline]), ReportColumn(l[.latest]),
                      ReportColumn(l[.target]), ReportColumn(l[.progress]), ReportColumn(l[.status])],
            rows: attainment.map { a in
                let value = { (v: Double?) in v.map { self.indicatorCell($0, unit: units[a.goal] ?? "") } ?? .empty }
                return [.text(a.title), value(a.baseline), value(a.latest?.value), value(a.target),
                        a.progress.map { .percent($0, digits: 0) } ?? .empty, .text(l.name(a.status))]
            })
        var goalBlocks: [ReportBlock] = goals.isEmpty ? [.paragraph(l[.none])] : [.table(table)]
        let titles = Dictionary(goals.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let goalTitle = { (id: ID<Goal>) in titles[id] ?? l[.unnamedGoal] }
        let audit = FollowUp.auditGoalsAndMeasures(goals: goals, plans: plans, asOf: date)
        if !audit.goalsWithoutBaseline.isEmpty {
            goalBlocks.append(.note(ReportNote(.warning, l[.noBaselineWarning] + " " + audit.goalsWithoutBaseline.map(goalTitle).joined(separator: "; ") + ".")))
        }
        let list = { (items: [String]) -> ReportBlock in items.isEmpty ? .paragraph(l[.none]) : .list(items) }
        let measureList = { (items: [String]) -> ReportBlock in list(collation.sorted(items)) }
        let measureText = { (m: MeasureReference) in "\(name(m.owner)): \(m.title)" + (m.deadline.map { " (\($0))" } ?? "") }
        let auditSection = ReportSection(title: l[.audit], subsections: [
            ReportSection(title: l[.goalsWithoutMeasures], blocks: [list(audit.goalsWithoutMeasures.map(goalTitle))]),
            ReportSection(title: l[.measuresWithoutGoal], blocks: [measureList(audit.measuresWithoutGoal.map(measureText))]),
            ReportSection(title: l[.overdueMeasures], blocks: [measureList(audit.overdueMeasures.map(measureText))]),
        ])
        let coverage = collation.sorted(FollowUp.activeMeasuresCoverage(plans: plans)) { name($0.organisation) }.map { c in
            let all = ActiveMeasuresArea.allCases.count * ActiveMeasuresStep.allCases.count
            guard c.missing.count < all else {
                return ReportSection(title: name(c.organisation), blocks: [.paragraph(l[.noActiveMeasures])])
            }
            let grid = ReportTable(
                id: "coverage-\(c.organisation.rawValue)", caption: "\(l[.coverage]): \(name(c.organisation))",
                columns: [ReportColumn(l[.area], isRowHeader: true)] + ActiveMeasuresStep.allCases.map { ReportColumn(l.name($0)) },
                rows: ActiveMeasuresArea.allCases.map { a in [.text(l.name(a))] + ActiveMeasuresStep.allCases.map { .integer(c.count(a, $0)) } })
            // The gaps as one sentence per area rather than one line per cell.
            let gaps = ActiveMeasuresArea.allCases.compactMap { area -> String? in
                let steps = c.missing.filter { $0.area == area }.map { l.name($0.step).lowercased() }
                return steps.isEmpty ? nil : "\(l.name(area)): \(steps.joined(separator: ", "))"
            }
            return ReportSection(title: name(c.organisation), blocks: [.table(grid)] + (gaps.isEmpty ? [] : [.paragraph("\(l[.missing]): " + gaps.joined(separator: "; ") + ".")]))
        }
        var sections = [ReportSection(title: l[.goals], blocks: goalBlocks), auditSection]
        if !coverage.isEmpty { sections.append(ReportSection(title: l[.coverage], subsections: coverage)) }
        return sections
    }

    /// An indicator value: a percentage when the indicator's unit is `%`, otherwise a number with
    /// one decimal, or none when whole (a count prints `13`, never `13,0`).
    func indicatorCell(_ value: Double, unit: String) -> ReportCell {
        if unit == "%" { return .percent(value / 100, digits: value == value.rounded() ? 0 : 1) }
        return .decimal(value, digits: value == value.rounded() ? 0 : 1)
    }

    /// The formatter for ``language``.
    var formatter: ReportFormatter { ReportFormatter(language: language) }
}
