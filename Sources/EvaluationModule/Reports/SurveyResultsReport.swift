import DiversityKit

extension EvaluationReports {
    /// Survey results: per item the distribution over scale points, mean and top-two-box; a
    /// breakdown by group; scale reliability; and free-text comments — all disclosure-controlled.
    ///
    /// Each item's distribution is protected as one row with its total. In the group breakdown, groups
    /// whose size is withheld by disclosure control are pooled into one "other groups" row, so neither their
    /// answers nor their means can be recovered; the group × point table is then protected as a whole.
    /// - Throws: ``SurveyResultsError``, ``StatisticsError`` for answers outside the scale, ``DisclosureError``.
    public func surveyResults(_ input: SurveyResultsInput, date: CalendarDate? = nil) throws -> Report {
        let l = labels
        let pointNames = input.pointLabels.isEmpty ? input.points.map(String.init) : input.pointLabels
        guard pointNames.count == input.points.count else {
            throw SurveyResultsError.pointLabelCount(expected: input.points.count, got: pointNames.count)
        }
        var sections = [try overviewSection(input, pointNames: pointNames)]
        if let groups = input.groups { sections.append(try groupSection(input, groups: groups, pointNames: pointNames)) }
        if !input.scales.isEmpty { sections.append(try reliabilitySection(input)) }
        if !input.rankings.isEmpty { sections.append(try rankingSection(input.rankings)) }
        sections.append(commentSection(input.comments))
        return Report(title: "\(l[.surveyResults]): \(input.title)", language: language, date: date, sections: sections)
    }

    private func counts(_ answers: [Int?], _ points: ClosedRange<Int>) throws -> [Int] {
        try ScaleItemSummary.counts(answers, points: points)
    }

    private func overviewSection(_ input: SurveyResultsInput, pointNames: [String]) throws -> ReportSection {
        let l = labels
        var distributionRows: [[ReportCell]] = [], summaryRows: [[ReportCell]] = []
        var shares: [[Double?]] = Array(repeating: [], count: input.points.count)
        for item in input.items {
            let protected = try disclosure.protect(CountTable(distribution: try counts(item.answers, input.points)))
            let n = protected.table.grandTotal
            distributionRows.append([.text(item.label)] + (0..<input.points.count).map { protected.reportCell(row: 0, column: $0) }
                                    + [protected.withheldEntirely ? .suppressed(reason: .belowThreshold) : .integer(n)])
            for p in 0..<input.points.count {
                shares[p].append(protected.publishedCount(row: 0, column: p).map { Double($0) / Double(n) * 100 })
            }
            if n > 0 {
                let s = try ScaleItemSummary(answers: item.answers, points: input.points)
                summaryRows.append([.text(item.label)] + groupCells(n: n, [
                    .decimal(s.descriptives.mean, digits: 2), s.descriptives.standardDeviation.map { .decimal($0, digits: 2) } ?? .empty,
                    .percent(s.topTwoBox.value, digits: 0)]))
            } else {
                summaryRows.append([.text(item.label), .integer(0), .empty, .empty, .empty])
            }
        }
        let summary = ReportTable(id: "items", caption: l[.surveyResults],
                                  columns: [ReportColumn(l[.item], isRowHeader: true), ReportColumn(l[.answered]), ReportColumn(l[.mean]),
                                            ReportColumn(l[.standardDeviation]), ReportColumn(l[.topTwoBox])], rows: summaryRows)
        let distribution = ReportTable(id: "distribution", caption: l[.distribution],
                                       columns: [ReportColumn(l[.item], isRowHeader: true)] + pointNames.map { ReportColumn($0) }
                                           + [ReportColumn(l[.answered])], rows: distributionRows)
        let chart = ReportChart(id: "distribution-chart", kind: .divergingStackedBar, title: l[.distribution],
                                description: "\(l[.distribution]) (%): \(input.items.map(\.label).joined(separator: "; "))",
                                categories: input.items.map(\.label),
                                series: pointNames.indices.map { ChartSeries(name: pointNames[$0], values: shares[$0], digits: 0) },
                                negativeSeriesCount: input.points.count / 2)
        return ReportSection(title: l[.surveyResults], blocks: withSuppressionNote([.table(summary), .table(distribution), .chart(chart)]))
    }

    private func groupSection(_ input: SurveyResultsInput, groups: [String?], pointNames: [String]) throws -> ReportSection {
        let l = labels
        var subsections: [ReportSection] = []
        for item in input.items {
            guard item.answers.count == groups.count else {
                throw SurveyResultsError.groupCountMismatch(item: item.code, respondents: item.answers.count, groups: groups.count)
            }
            let keys = Set(groups.compactMap { $0 }).sorted()
            var answersByGroup = Dictionary(uniqueKeysWithValues: keys.map { ($0, [Int?]()) })
            var ungrouped: [Int?] = []
            for (a, g) in zip(item.answers, groups) where a != nil {
                if let g { answersByGroup[g]!.append(a) } else { ungrouped.append(a) }
            }
            // Withhold small groups (and any needed to hide them) by pooling them, with respondents of no
            // group, into one row; the column totals then equal the item's overall distribution.
            let sizes = try disclosure.protect(CountTable(distribution: keys.map { answersByGroup[$0]!.count } + [ungrouped.count]))
            var rows: [(name: String, answers: [Int?])] = []
            var pooled = ungrouped
            for (i, key) in keys.enumerated() {
                if sizes.isSuppressed(row: 0, column: i) { pooled += answersByGroup[key]! } else { rows.append((key, answersByGroup[key]!)) }
            }
            if !pooled.isEmpty { rows.append((l[.otherGroups], pooled)) }
            let table = try rows.map { try counts($0.answers, input.points) }
            let protected = try disclosure.protect(CountTable(counts: table))
            guard !protected.withheldEntirely, rows.allSatisfy({ publishable($0.answers.count) }) else {
                subsections.append(ReportSection(title: item.label, blocks: [.note(ReportNote(.suppression, l[.withheldTableNote]))]))
                continue
            }
            let cells: [[ReportCell]] = rows.indices.map { r in
                let mean = try? Descriptives(rows[r].answers.compactMap { $0 })
                return [.text(rows[r].name)] + pointNames.indices.map { protected.reportCell(row: r, column: $0) }
                    + [protected.rowTotalCell(r), mean.map { .decimal($0.mean, digits: 2) } ?? .empty]
            }
            let totals: [ReportCell] = [.text(l[.total])] + pointNames.indices.map { protected.columnTotalCell($0) } + [protected.grandTotalCell, .empty]
            let grid = ReportTable(id: "group-\(item.code)", caption: item.label,
                                   columns: [ReportColumn(l[.group], isRowHeader: true)] + pointNames.map { ReportColumn($0) }
                                       + [ReportColumn(l[.answered]), ReportColumn(l[.mean])], rows: cells + [totals])
            subsections.append(ReportSection(title: item.label, blocks: withSuppressionNote([.table(grid)])))
        }
        return ReportSection(title: l[.group], subsections: subsections)
    }

    private func reliabilitySection(_ input: SurveyResultsInput) throws -> ReportSection {
        let l = labels
        var blocks: [ReportBlock] = []
        for scale in input.scales {
            let items = try scale.itemCodes.map { code in
                guard let item = input.items.first(where: { $0.code == code }) else {
                    throw SurveyResultsError.unknownItem(scale: scale.name, item: code)
                }
                return item
            }
            let r: ScaleReliability
            do {
                r = try ScaleReliability(items: items.map(\.answers))
            } catch let error as StatisticsError {
                // A degenerate scale (too few complete answers, no variance) must not sink the whole report.
                blocks.append(.note(ReportNote(.info, "\(scale.name): \(l[.alpha]) – (\(error))")))
                continue
            }
            let shown = publishable(r.completeCases)
            let cell = { (v: Double?) -> ReportCell in shown ? v.map { .decimal($0, digits: 2) } ?? .empty : .suppressed(reason: .groupSuppressed) }
            blocks.append(.table(ReportTable(
                id: "reliability-\(scale.name)", caption: "\(scale.name): \(l[.alpha]) = " + (shown ? l.number(r.alpha, digits: 2) : "–")
                    + ", n = " + (shown ? "\(r.completeCases)" : "< \(disclosure.configuration.threshold)"),
                columns: [ReportColumn(l[.item], isRowHeader: true), ReportColumn(l[.alphaIfDeleted]), ReportColumn(l[.itemTotal])],
                rows: items.indices.map { [.text(items[$0].label), cell(r.alphaIfItemDeleted[$0]), cell(r.correctedItemTotalCorrelations[$0])] })))
        }
        return ReportSection(title: l[.reliability], blocks: withSuppressionNote(blocks))
    }

    /// Per ranking: how many put each option at each rank, how many ranked it, and its mean rank.
    /// The option × rank table is protected as a whole; a mean rank is shown only for an option
    /// whose every rank count is published (with its total it would give a withheld count away).
    private func rankingSection(_ rankings: [SurveyResultsInput.Ranking]) throws -> ReportSection {
        let l = labels
        var subsections: [ReportSection] = []
        for ranking in rankings {
            let answered = ranking.answers.filter { !$0.isEmpty }
            let ranks = min(ranking.options.count, answered.map(\.count).max() ?? 0)
            guard publishable(answered.count), ranks > 0 else {
                subsections.append(ReportSection(title: ranking.label, blocks: [.note(ReportNote(.suppression, l[.withheldTableNote]))]))
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
        }
        return ReportSection(title: l[.rankings], subsections: subsections)
    }

    private func commentSection(_ comments: [String]) -> ReportSection {
        let l = labels, k = disclosure.configuration.commentThreshold
        if comments.isEmpty { return ReportSection(title: l[.comments], blocks: [.paragraph(l[.none])]) }
        guard comments.count >= k else {
            return ReportSection(title: l[.comments], blocks: [.note(ReportNote(.suppression, l[.commentsWithheld].replacingOccurrences(of: "%d", with: "\(k)")))])
        }
        // Sorted so the order cannot be matched to the order of respondents.
        return ReportSection(title: l[.comments], blocks: [.list(comments.sorted())])
    }
}
