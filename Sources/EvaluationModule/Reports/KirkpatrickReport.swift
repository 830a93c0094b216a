import DiversityKit

extension EvaluationReports {
    /// A section summarising the four Kirkpatrick levels (and Phillips' ROI when present).
    ///
    /// Figures resting on fewer respondents than the threshold are withheld.
    public func kirkpatrickSection(_ summary: KirkpatrickSummary) -> ReportSection {
        var releases: [SegmentRelease] = []
        return kirkpatrickSection(summary, history: PublicationHistory(), releases: &releases)
    }

    /// The section, with the reaction mean (every rating: ``SegmentRelease/ratingsItem``, all units) and each
    /// behaviour item's share withheld when they are 1…k−1 ratings or answers away from an earlier release.
    /// When `ratings` are the reaction's and share one scale, the reaction mean is withheld where it would pin
    /// a small count of them (``MeanDisclosure``).
    func kirkpatrickSection(_ summary: KirkpatrickSummary, history: PublicationHistory, releases: inout [SegmentRelease],
                            ratings: [Rating] = []) -> ReportSection {
        let l = labels
        var rows: [[ReportCell]] = []
        var earlier = false
        func row(_ level: LabelKey, _ figure: String, n: Int?, _ value: ReportCell, segment: String? = nil) {
            var shown = n.map(publishable) ?? true
            if shown, let n, let segment {
                let release = SegmentRelease(units: [SegmentRelease.everyone], item: segment, count: n)
                if history.conflicts(release, threshold: disclosure.configuration.threshold) {
                    earlier = true
                    shown = false
                } else {
                    releases.append(release)
                }
            }
            rows.append([.text(l[level]), .text(figure), n.map { shown ? .integer($0) : .suppressed(reason: .belowThreshold) } ?? .empty,
                         shown ? value : .suppressed(reason: .groupSuppressed)])
        }
        if let r = summary.reaction {
            var mean = ReportCell.decimal(r.mean, digits: 2)
            if ratings.count == r.count, let scale = ratings.first?.scale, ratings.allSatisfy({ $0.scale == scale }),
               scale.points.count <= 1_000 {
                var counts = Array(repeating: 0, count: scale.points.count)
                for rating in ratings where scale.points.contains(rating.score) { counts[rating.score - scale.minimum] += 1 }
                let rule = MeanDisclosure(threshold: disclosure.configuration.threshold, protection: disclosure.configuration.protection)
                if rule.hasSmallCount(counts) && !rule.meanIsSafe(counts: counts, points: scale.points) { mean = .suppressed(reason: .secondary) }
            }
            row(.reaction, "\(l[.mean]) (1–5)", n: r.count, mean, segment: SegmentRelease.ratingsItem)
        }
        switch summary.learning {
        case .paired(let c, let w)?:
            row(.learning, l[.meanDifference], n: c.count, .decimal(c.meanDifference, digits: 2))
            row(.learning, "\(l[.pValue]) (t)", n: c.count, .text(formatter.pValue(c.tTest.pValue)))
            row(.learning, "\(l[.pValue]) (Wilcoxon)", n: w.count, .text(formatter.pValue(w.pValue)))
            row(.learning, "\(l[.effectSize]) (\(l[.cohensDz]))", n: c.count, .decimal(c.cohensDz, digits: 2))
        case .unpaired(let w)?:
            // Held to k by the smaller sample: a pre group of two would show its mean through the difference.
            row(.learning, l[.meanDifference], n: w.smallerCount, .decimal(w.meanDifference, digits: 2))
            row(.learning, "\(l[.pValue]) (Welch)", n: w.smallerCount, .text(formatter.pValue(w.result.pValue)))
        case nil: break
        }
        let k = disclosure.configuration.threshold
        for (i, item) in summary.behaviourItems.enumerated() {
            // The share times n is a count: of those answering 4–5, and of the rest. Either of 1…k−1 is a small group.
            let top = item.counts.suffix(2).reduce(0, +), rest = item.answered - top
            let small = (top > 0 && top < k) || (rest > 0 && rest < k)
            row(.behaviour, "\(l[.topTwoBox]) (\(i + 1))", n: item.answered,
                small ? .suppressed(reason: .secondary) : .percent(item.topTwoBox.value, digits: 0), segment: "#kirkpatrick:behaviour:\(i + 1)")
        }
        row(.behaviour, l[.measuresDone], n: nil, .text("\(summary.measuresDone)/\(summary.measuresTotal)"))
        let goals = summary.goalStatus.values.reduce(0, +)
        row(.results, l[.goalsReached], n: nil, .text("\(summary.goalStatus[.reached] ?? 0)/\(goals)"))
        if let roi = summary.returnOnInvestment { row(.returnOnInvestment, "ROI", n: nil, .percent(roi.ratio, digits: 0)) }
        let table = ReportTable(id: "kirkpatrick", caption: l[.kirkpatrick],
                                columns: [ReportColumn(l[.level], isRowHeader: true), ReportColumn(l[.figure]),
                                          ReportColumn(l[.respondents]), ReportColumn(l[.value])], rows: rows)
        var blocks: [ReportBlock] = [.table(table)]
        if earlier { blocks.append(earlierReleaseNote(disclosure.configuration.threshold)) }
        // One plain sentence per statistic, beside the figures, for readers who are not statisticians.
        switch summary.learning {
        case .paired?: blocks.append(.list([l[.tTestExplanation], l[.effectSizeExplanation]]))
        case .unpaired?: blocks.append(.list([l[.tTestExplanation]]))
        case nil: break
        }
        return ReportSection(title: l[.kirkpatrick], blocks: withSuppressionNote(blocks))
    }
}
