import DiversityKit

/// A report together with the segments it releases, for ``PublicationMemory``: record ``releases`` once the
/// report is published, and pass the history to the next report of the same people.
public struct ReportPublication: Hashable, Sendable {
    /// The report.
    public let report: Report
    /// Every group of answers (or ratings, or participants) it shows, per item.
    public let releases: [SegmentRelease]

    /// Creates a publication.
    public init(report: Report, releases: [SegmentRelease]) {
        self.report = report
        self.releases = releases
    }
}

/// A survey report with its releases (``ReportPublication``).
public typealias SurveyPublication = ReportPublication

extension EvaluationReports {
    /// Survey results from answers in memory: ``SurveyResultsInput/counts()``, then ``surveyResults(_:date:history:)``.
    /// - Throws: ``SurveyResultsError``, ``StatisticsError`` for answers outside the scale, ``LikertTallyError``.
    public func surveyResults(_ input: SurveyResultsInput, date: CalendarDate? = nil) throws -> Report {
        try surveyResults(try input.counts(), date: date).report
    }

    /// Survey results: per item the distribution over scale points, n, mean, SD and top-two-box; the same
    /// answers per reporting unit; scale reliability; and free-text comments — all disclosure-controlled.
    ///
    /// Per item, the unit × point counts and the item's overall distribution (their column totals) are one
    /// system and are protected together (``DisclosureControl``): units smaller than the threshold are pooled
    /// into one "other groups" row, and a row's mean, SD and top-two-box are withheld (as secondary
    /// suppressions) whenever any of its counts is, so every published figure is a count, a total or a
    /// function of published counts only. Segments whose counts differ from something in `history` by fewer
    /// than k answers are pooled or withheld (``PublicationHistory/conflicts(_:alongside:threshold:)``), and so
    /// are rankings and the comment list; ``ReportPublication/releases`` lists every segment shown, to record.
    /// - Throws: ``LikertTallyError`` for an inconsistent tally.
    public func surveyResults(_ counts: SurveyCounts, date: CalendarDate? = nil,
                              history: PublicationHistory = PublicationHistory()) throws -> ReportPublication {
        let l = labels
        // Reverse-worded items are marked wherever their text is shown.
        var counts = counts
        let reversed = Set(counts.tally.layout.scales.flatMap { scale in zip(scale.items, scale.reversed).filter(\.1).map(\.0) })
        for i in counts.items.indices where reversed.contains(i) { counts.items[i].label += " (\(l[.reverseWorded]))" }
        let points = counts.tally.layout.points
        let pointNames = counts.pointLabels.isEmpty ? points.map(String.init) : counts.pointLabels
        var plans: [SurveyItemPlan] = []
        for (i, item) in counts.items.enumerated() {
            plans.append(try SurveyItemPlan(item: item, index: i, counts: counts, history: history, control: disclosure,
                                            otherName: l[.otherGroups], collation: ReportCollation(language: language)))
        }
        var sections = [try overviewSection(counts, plans: plans, pointNames: pointNames)]
        if counts.unitNames != nil { sections.append(groupSection(plans, pointNames: pointNames)) }
        if !counts.tally.layout.scales.isEmpty { sections.append(try reliabilitySection(counts, plans: plans)) }
        var releases = plans.flatMap(\.releases)
        if !counts.rankings.isEmpty { sections.append(try rankingSection(counts.rankings, history: history, releases: &releases)) }
        sections.append(commentSection(counts.comments, history: history, releases: &releases))
        return ReportPublication(report: Report(title: "\(l[.surveyResults]): \(counts.title)", language: language, date: date, sections: sections),
                                 releases: releases)
    }

    private func overviewSection(_ counts: SurveyCounts, plans: [SurveyItemPlan], pointNames: [String]) throws -> ReportSection {
        let l = labels
        var distributionRows: [[ReportCell]] = [], summaryRows: [[ReportCell]] = []
        var shares: [[Double?]] = Array(repeating: [], count: pointNames.count)
        for plan in plans {
            let n = plan.total
            let cells = pointNames.indices.map { plan.overallCell($0) }
            distributionRows.append([.text(plan.item.label)] + cells + [plan.withheld ? .suppressed(reason: .belowThreshold) : .integer(n)])
            for p in pointNames.indices {
                shares[p].append(plan.withheld || plan.overallWithheld(p) ? nil : Double(plan.overall[p]) / Double(max(1, n)) * 100)
            }
            if plan.withheld {
                summaryRows.append([.text(plan.item.label), .suppressed(reason: .belowThreshold)] + Array(repeating: .suppressed(reason: .groupSuppressed), count: 3))
            } else if n == 0 {
                summaryRows.append([.text(plan.item.label), .integer(0), .empty, .empty, .empty])
            } else if pointNames.indices.contains(where: plan.overallWithheld) {
                // The mean, SD and top-two-box with n would pin the withheld counts: withheld with them.
                summaryRows.append([.text(plan.item.label), .integer(n)] + Array(repeating: .suppressed(reason: .secondary), count: 3))
            } else {
                let s = try counts.tally.itemSummary(plan.index)
                summaryRows.append([.text(plan.item.label), .integer(n), .decimal(s.descriptives.mean, digits: 2),
                                    s.descriptives.standardDeviation.map { .decimal($0, digits: 2) } ?? .empty, .percent(s.topTwoBox.value, digits: 0)])
            }
        }
        let summary = ReportTable(id: "items", caption: l[.surveyResults],
                                  columns: [ReportColumn(l[.item], isRowHeader: true), ReportColumn(l[.answered]), ReportColumn(l[.mean]),
                                            ReportColumn(l[.standardDeviation]), ReportColumn(l[.topTwoBox])], rows: summaryRows)
        let distribution = ReportTable(id: "distribution", caption: l[.distribution],
                                       columns: [ReportColumn(l[.item], isRowHeader: true)] + pointNames.map { ReportColumn($0) }
                                           + [ReportColumn(l[.answered])], rows: distributionRows)
        let chart = ReportChart(id: "distribution-chart", kind: .divergingStackedBar, title: l[.distribution],
                                description: "\(l[.distribution]) (%): \(l.itemList(plans.map(\.item.label)))",
                                categories: plans.map(\.item.label),
                                series: pointNames.indices.map { ChartSeries(name: pointNames[$0], values: shares[$0], digits: 0) },
                                negativeSeriesCount: pointNames.count / 2)
        var blocks: [ReportBlock] = [.table(summary), .table(distribution), .chart(chart)]
        if plans.contains(where: { $0.item.label.hasSuffix("(\(l[.reverseWorded]))") }) { blocks.append(.note(ReportNote(.info, l[.reverseWordedNote]))) }
        return ReportSection(title: l[.surveyResults], blocks: withSuppressionNote(blocks))
    }

    private func groupSection(_ plans: [SurveyItemPlan], pointNames: [String]) -> ReportSection {
        let l = labels
        var subsections: [ReportSection] = []
        for plan in plans {
            guard !plan.withheld, plan.rows.count >= 2 else {
                subsections.append(ReportSection(title: plan.item.label, blocks: [.note(ReportNote(.suppression, l[.withheldTableNote]))]))
                continue
            }
            let points = pointNames.indices
            let cells: [[ReportCell]] = plan.rows.indices.map { r in
                let row = plan.rows[r]
                let mean: ReportCell
                if points.contains(where: { plan.cellWithheld(row: r, column: $0) }) {
                    mean = .suppressed(reason: .secondary)
                } else if let d = try? Descriptives(counts: row.counts, points: plan.points) {
                    mean = .decimal(d.mean, digits: 2)
                } else {
                    mean = .empty
                }
                return [.text(row.name)] + points.map { plan.cell(row: r, column: $0) } + [.integer(row.counts.reduce(0, +)), mean]
            }
            let totals: [ReportCell] = [.text(l[.total])] + points.map { plan.overallCell($0) } + [.integer(plan.total), .empty]
            let grid = ReportTable(id: "group-\(plan.item.code)", caption: plan.item.label,
                                   columns: [ReportColumn(l[.group], isRowHeader: true)] + pointNames.map { ReportColumn($0) }
                                       + [ReportColumn(l[.answered]), ReportColumn(l[.mean])], rows: cells + [totals])
            subsections.append(ReportSection(title: plan.item.label, blocks: withSuppressionNote([.table(grid)])))
        }
        return ReportSection(title: l[.group], subsections: subsections)
    }

    /// Reliability per scale, from at least k complete cases; a scale with an item withheld by the overlap
    /// rule (too close to an earlier release) is withheld with it.
    private func reliabilitySection(_ counts: SurveyCounts, plans: [SurveyItemPlan]) throws -> ReportSection {
        let l = labels
        var blocks: [ReportBlock] = [.paragraph(l[.alphaExplanation])]
        for (index, scale) in counts.tally.layout.scales.enumerated() {
            let labels = scale.items.map { counts.items.indices.contains($0) ? counts.items[$0].label : "\($0)" }
            if scale.items.contains(where: { plans.indices.contains($0) && plans[$0].withheld && plans[$0].total >= disclosure.configuration.threshold }) {
                blocks.append(.note(ReportNote(.suppression, "\(scale.name): " + l[.earlierReleaseNote]
                    .replacingOccurrences(of: "%d", with: "\(disclosure.configuration.threshold)"))))
                continue
            }
            let r: ScaleReliability
            do {
                r = try counts.tally.reliability(ofScale: index)
            } catch is StatisticsError {
                // A degenerate scale (too few complete answers, no variance) must not sink the whole report.
                blocks.append(.note(ReportNote(.info, "\(scale.name): \(l[.alpha]) – (\(l[.alphaNotComputed]))")))
                continue
            }
            let shown = publishable(r.completeCases)
            let cell = { (v: Double?) -> ReportCell in shown ? v.map { .decimal($0, digits: 2) } ?? .empty : .suppressed(reason: .groupSuppressed) }
            blocks.append(.table(ReportTable(
                id: "reliability-\(scale.name)", caption: "\(scale.name): \(l[.alpha]) = " + (shown ? l.number(r.alpha, digits: 2) : "–")
                    + ", n = " + (shown ? l.integer(r.completeCases) : "< \(l.integer(disclosure.configuration.threshold))"),
                columns: [ReportColumn(l[.item], isRowHeader: true), ReportColumn(l[.alphaIfDeleted]), ReportColumn(l[.itemTotal])],
                rows: labels.indices.map { [.text(labels[$0]), cell(r.alphaIfItemDeleted[$0]), cell(r.correctedItemTotalCorrelations[$0])] })))
        }
        return ReportSection(title: l[.reliability], blocks: withSuppressionNote(blocks))
    }

    /// Per ranking: how many put each option at each rank, how many ranked it, and its mean rank.
    /// The option × rank table is protected as a whole; a mean rank is shown only for an option
    /// whose every rank count is published (with its total it would give a withheld count away).
    /// A ranking whose respondents differ from an earlier release of it by 1…k−1 is withheld (the overlap
    /// rule); a shown ranking is added to `releases`.
    private func rankingSection(_ rankings: [SurveyResultsInput.Ranking], history: PublicationHistory,
                                releases: inout [SegmentRelease]) throws -> ReportSection {
        let l = labels
        var subsections: [ReportSection] = []
        for ranking in rankings {
            let answered = ranking.answers.filter { !$0.isEmpty }
            let ranks = min(ranking.options.count, answered.map(\.count).max() ?? 0)
            let whole = SegmentRelease(units: [SegmentRelease.everyone], item: ranking.code, count: answered.count)
            guard publishable(answered.count), ranks > 0 else {
                subsections.append(ReportSection(title: ranking.label, blocks: [.note(ReportNote(.suppression, l[.withheldTableNote]))]))
                continue
            }
            guard !history.conflicts(whole, threshold: disclosure.configuration.threshold) else {
                subsections.append(ReportSection(title: ranking.label, blocks: [earlierReleaseNote(disclosure.configuration.threshold)]))
                continue
            }
            var counts = Array(repeating: Array(repeating: 0, count: ranks), count: ranking.options.count)
            for answer in answered {
                for (rank, option) in answer.enumerated() where rank < ranks && ranking.options.indices.contains(option) { counts[option][rank] += 1 }
            }
            let protected = try disclosure.protect(CountTable(counts: counts))
            guard !protected.withheldEntirely else {
                subsections.append(ReportSection(title: ranking.label, blocks: [.note(ReportNote(.suppression, l[.withheldTableNote]))]))
                continue
            }
            let rows: [[ReportCell]] = ranking.options.indices.map { o in
                let cells = (0..<ranks).map { protected.reportCell(row: o, column: $0) }
                let total = counts[o].reduce(0, +)
                let whole = (0..<ranks).allSatisfy { !protected.isSuppressed(row: o, column: $0) }
                let mean: ReportCell = total == 0 ? .empty : whole
                    ? .decimal(Double(counts[o].enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }) / Double(total), digits: 2)
                    : .suppressed(reason: .secondary)
                return [.text(ranking.options[o])] + cells + [protected.rowTotalCell(o), mean]
            }
            let table = ReportTable(id: "ranking-\(ranking.code)", caption: ranking.label,
                                    columns: [ReportColumn(l[.option], isRowHeader: true)]
                                        + (1...ranks).map { ReportColumn(l[.rank].replacingOccurrences(of: "%d", with: "\($0)")) }
                                        + [ReportColumn(l[.rankedBy]), ReportColumn(l[.meanRank])],
                                    rows: rows)
            subsections.append(ReportSection(title: ranking.label, blocks: withSuppressionNote([
                .paragraph(l[.rankingRespondents].replacingOccurrences(of: "%d", with: "\(answered.count)")), .table(table)])))
            releases.append(whole)
        }
        return ReportSection(title: l[.rankings], subsections: subsections)
    }

    /// The comments, sorted, when there are at least the comment threshold of them and they differ from an
    /// earlier release by none or at least that many (one more comment next to the earlier list would be
    /// the newcomer's); a shown list is added to `releases`.
    private func commentSection(_ comments: [String], history: PublicationHistory, releases: inout [SegmentRelease]) -> ReportSection {
        let l = labels, k = disclosure.configuration.commentThreshold
        if comments.isEmpty { return ReportSection(title: l[.comments], blocks: [.paragraph(l[.none])]) }
        let whole = SegmentRelease(units: [SegmentRelease.everyone], item: SegmentRelease.commentsItem, count: comments.count)
        guard comments.count >= k else {
            return ReportSection(title: l[.comments], blocks: [.note(ReportNote(.suppression, l[.commentsWithheld].replacingOccurrences(of: "%d", with: "\(k)")))])
        }
        guard !history.conflicts(whole, threshold: k) else { return ReportSection(title: l[.comments], blocks: [earlierReleaseNote(k)]) }
        releases.append(whole)
        // Sorted so the order cannot be matched to the order of respondents.
        return ReportSection(title: l[.comments], blocks: [.list(ReportCollation(language: language).sorted(comments))])
    }
}

/// One item's published system: the rows shown (units, then pooled "other groups"), the overall distribution,
/// and which counts disclosure control withholds.
struct SurveyItemPlan {
    struct Row {
        var name: String
        var units: Set<String>
        var counts: [Int]
    }

    let item: SurveyCounts.Item
    let index: Int
    let points: ClosedRange<Int>
    let overall: [Int]
    /// The unit rows shown, then the pooled row; empty when results are not broken down.
    private(set) var rows: [Row] = []
    /// The whole item is withheld (too few answers, or too close to an earlier release).
    private(set) var withheld = false
    /// Withheld edges of the item's network and which of them are primary.
    private var suppressed: Set<Int> = [], primary: Set<Int> = []

    var total: Int { overall.reduce(0, +) }

    init(item: SurveyCounts.Item, index: Int, counts: SurveyCounts, history: PublicationHistory, control: DisclosureControl,
         otherName: String, collation: ReportCollation) throws {
        self.item = item
        self.index = index
        points = counts.tally.layout.points
        overall = try counts.tally.itemCounts(index)
        let k = control.configuration.threshold
        let n = overall.reduce(0, +)
        let whole = SegmentRelease(units: [SegmentRelease.everyone], item: item.code, count: n)
        if (n > 0 && n < k) || history.conflicts(whole, threshold: k) {
            withheld = true
            return
        }
        if let names = counts.unitNames {
            rows = try Self.rows(names: names, unitCounts: counts.tally.unitCounts(ofItem: index), overall: overall, item: item.code,
                                 history: history, threshold: k, otherName: otherName, collation: collation)
        }
        let network: CountNetwork
        if rows.count >= 2 {
            var table = CountNetwork(table: CountTable(counts: rows.map(\.counts)))
            // The column totals are the item's overall distribution: counts to protect like the cells.
            let first = rows.count * points.count + rows.count
            for c in 0..<points.count { table.edges[first + c].role = .cell }
            network = table
        } else {
            rows = []
            network = CountNetwork(table: CountTable(distribution: overall))
        }
        let rules = NetworkProtection(network: network, threshold: k, configuration: control.configuration)
        guard let pattern = rules.protect(order: rules.primary.sorted()) else {
            withheld = true
            return
        }
        suppressed = pattern
        primary = rules.primary
    }

    /// Units of `threshold` answers or more get a row unless they are too close to an earlier release; the rest,
    /// with answers of no unit, are pooled into one row, grown with the smallest units until it is not small.
    /// The unit rows are in the report language's alphabetical order (`collation`), the pooled row last.
    /// Which units are pooled never depends on that order: a Swedish and an English report of the same
    /// answers pool the same units, so that neither can be subtracted from the other.
    private static func rows(names: [String], unitCounts: [[Int]], overall: [Int], item: String, history: PublicationHistory,
                             threshold k: Int, otherName: String, collation: ReportCollation) -> [Row] {
        var shown: [Row] = [], pooled = Row(name: otherName, units: [], counts: overall)
        for (u, counts) in unitCounts.enumerated() {
            let row = Row(name: names[u], units: [names[u]], counts: counts)
            if counts.reduce(0, +) >= k { shown.append(row) } else { pooled.units.insert(names[u]) }
        }
        let answered = unitCounts.reduce(0) { $0 + $1.reduce(0, +) }
        if overall.reduce(0, +) > answered { pooled.units.insert(SegmentRelease.noUnit) }
        func pooledRow() -> Row {
            var row = pooled
            row.counts = shown.reduce(overall) { acc, r in zip(acc, r.counts).map { $0 - $1 } }
            return row
        }
        func release(_ row: Row) -> SegmentRelease { SegmentRelease(units: row.units, item: item, count: row.counts.reduce(0, +)) }
        while true {
            let other = pooledRow()
            let rows = shown + (other.counts.reduce(0, +) > 0 ? [other] : [])
            let releases = rows.map(release)
            let n = other.counts.reduce(0, +)
            // One report's rows are disjoint and fill the item: with nothing released before, nothing conflicts.
            let conflicting = history.releases.isEmpty ? [] : rows.indices.filter { r in
                history.conflicts(releases[r], alongside: releases.enumerated().filter { $0.offset != r }.map(\.element), threshold: k)
            }
            if (n == 0 || n >= k) && conflicting.isEmpty { return collation.sorted(shown, by: \.name) + rows.dropFirst(shown.count) }
            // Pool a conflicting unit, else the smallest shown unit.
            let victim = conflicting.first { $0 < shown.count } ?? shown.indices.min { shown[$0].counts.reduce(0, +) < shown[$1].counts.reduce(0, +) }
            guard let victim else { return [] }
            pooled.units.formUnion(shown[victim].units)
            shown.remove(at: victim)
        }
    }

    /// The segments this item publishes.
    var releases: [SegmentRelease] {
        guard !withheld else { return [] }
        return [SegmentRelease(units: [SegmentRelease.everyone], item: item.code, count: total)]
            + rows.map { SegmentRelease(units: $0.units, item: item.code, count: $0.counts.reduce(0, +)) }
    }

    private func edgeOfOverall(_ c: Int) -> Int { rows.isEmpty ? c : rows.count * points.count + rows.count + c }

    private func reportCell(edge: Int, value: Int) -> ReportCell {
        guard suppressed.contains(edge) else { return .integer(value) }
        return .suppressed(reason: primary.contains(edge) ? .belowThreshold : .secondary)
    }

    func overallWithheld(_ c: Int) -> Bool { withheld || suppressed.contains(edgeOfOverall(c)) }
    func overallCell(_ c: Int) -> ReportCell { withheld ? .suppressed(reason: .groupSuppressed) : reportCell(edge: edgeOfOverall(c), value: overall[c]) }
    func cellWithheld(row r: Int, column c: Int) -> Bool { suppressed.contains(r * points.count + c) }
    func cell(row r: Int, column c: Int) -> ReportCell { reportCell(edge: r * points.count + c, value: rows[r].counts[c]) }
}
