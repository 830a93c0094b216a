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
        sections.append(commentSection(input.comments))
        return Report(title: "\(l[.surveyResults]): \(input.title)", language: language, date: date, sections: sections)
    }

    /// An item's text as the report shows it: reverse-worded items are marked.
    private func label(_ item: SurveyResultsInput.Item) -> String {
        item.reverseCoded ? "\(item.label) (\(labels[.reverseWorded]))" : item.label
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
            distributionRows.append([.text(label(item))] + (0..<input.points.count).map { protected.reportCell(row: 0, column: $0) }
                                    + [protected.withheldEntirely ? .suppressed(reason: .belowThreshold) : .integer(n)])
            for p in 0..<input.points.count {
                shares[p].append(protected.publishedCount(row: 0, column: p).map { Double($0) / Double(n) * 100 })
            }
            if n > 0 {
                let s = try ScaleItemSummary(answers: item.answers, points: input.points)
                summaryRows.append([.text(label(item))] + groupCells(n: n, [
                    .decimal(s.descriptives.mean, digits: 2), s.descriptives.standardDeviation.map { .decimal($0, digits: 2) } ?? .empty,
                    .percent(s.topTwoBox.value, digits: 0)]))
            } else {
                summaryRows.append([.text(label(item)), .integer(0), .empty, .empty, .empty])
            }
        }
        let summary = ReportTable(id: "items", caption: l[.surveyResults],
                                  columns: [ReportColumn(l[.item], isRowHeader: true), ReportColumn(l[.answered]), ReportColumn(l[.mean]),
                                            ReportColumn(l[.standardDeviation]), ReportColumn(l[.topTwoBox])], rows: summaryRows)
        let distribution = ReportTable(id: "distribution", caption: l[.distribution],
                                       columns: [ReportColumn(l[.item], isRowHeader: true)] + pointNames.map { ReportColumn($0) }
                                           + [ReportColumn(l[.answered])], rows: distributionRows)
        let chart = ReportChart(id: "distribution-chart", kind: .divergingStackedBar, title: l[.distribution],
                                description: "\(l[.distribution]) (%): \(l.itemList(input.items.map(label)))",
                                categories: input.items.map(label),
                                series: pointNames.indices.map { ChartSeries(name: pointNames[$0], values: shares[$0], digits: 0) },
                                negativeSeriesCount: input.points.count / 2)
        var blocks: [ReportBlock] = [.table(summary), .table(distribution), .chart(chart)]
        if input.items.contains(where: \.reverseCoded) { blocks.append(.note(ReportNote(.info, l[.reverseWordedNote]))) }
        return ReportSection(title: l[.surveyResults], blocks: withSuppressionNote(blocks))
    }

    private func groupSection(_ input: SurveyResultsInput, groups: [String?], pointNames: [String]) throws -> ReportSection {
        let l = labels
        var subsections: [ReportSection] = []
        for item in input.items {
            guard item.answers.count == groups.count else {
                throw SurveyResultsError.groupCountMismatch(item: item.code, respondents: item.answers.count, groups: groups.count)
            }
            let keys = ReportCollation(language: language).sorted(Array(Set(groups.compactMap { $0 })))
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
                subsections.append(ReportSection(title: label(item), blocks: [.note(ReportNote(.suppression, l[.withheldTableNote]))]))
                continue
            }
            let cells: [[ReportCell]] = rows.indices.map { r in
                let mean = try? Descriptives(rows[r].answers.compactMap { $0 })
                return [.text(rows[r].name)] + pointNames.indices.map { protected.reportCell(row: r, column: $0) }
                    + [protected.rowTotalCell(r), mean.map { .decimal($0.mean, digits: 2) } ?? .empty]
            }
            let totals: [ReportCell] = [.text(l[.total])] + pointNames.indices.map { protected.columnTotalCell($0) } + [protected.grandTotalCell, .empty]
            let grid = ReportTable(id: "group-\(item.code)", caption: label(item),
                                   columns: [ReportColumn(l[.group], isRowHeader: true)] + pointNames.map { ReportColumn($0) }
                                       + [ReportColumn(l[.answered]), ReportColumn(l[.mean])], rows: cells + [totals])
            subsections.append(ReportSection(title: label(item), blocks: withSuppressionNote([.table(grid)])))
        }
        return ReportSection(title: l[.group], subsections: subsections)
    }

    private func reliabilitySection(_ input: SurveyResultsInput) throws -> ReportSection {
        let l = labels
        var blocks: [ReportBlock] = [.paragraph(l[.alphaExplanation])]
        for scale in input.scales {
            let items = try scale.itemCodes.map { code in
                guard let item = input.items.first(where: { $0.code == code }) else {
                    throw SurveyResultsError.unknownItem(scale: scale.name, item: code)
                }
                return item
            }
            let r: ScaleReliability
            do {
                // Reverse-worded items count the other way round, as the scale is scored.
                r = try ScaleReliability(items: items.map { item in
                    item.reverseCoded ? item.answers.map { $0.map { input.points.lowerBound + input.points.upperBound - $0 } } : item.answers
                })
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
                rows: items.indices.map { [.text(label(items[$0])), cell(r.alphaIfItemDeleted[$0]), cell(r.correctedItemTotalCorrelations[$0])] })))
        }
        return ReportSection(title: l[.reliability], blocks: withSuppressionNote(blocks))
    }

    private func commentSection(_ comments: [String]) -> ReportSection {
        let l = labels, k = disclosure.configuration.commentThreshold
        if comments.isEmpty { return ReportSection(title: l[.comments], blocks: [.paragraph(l[.none])]) }
        guard comments.count >= k else {
            return ReportSection(title: l[.comments], blocks: [.note(ReportNote(.suppression, l[.commentsWithheld].replacingOccurrences(of: "%d", with: "\(k)")))])
        }
        // Sorted so the order cannot be matched to the order of respondents.
        return ReportSection(title: l[.comments], blocks: [.list(ReportCollation(language: language).sorted(comments))])
    }
}
