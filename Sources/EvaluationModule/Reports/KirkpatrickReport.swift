import DiversityKit

extension EvaluationReports {
    /// A section summarising the four Kirkpatrick levels (and Phillips' ROI when present).
    ///
    /// Figures resting on fewer respondents than the threshold are withheld.
    public func kirkpatrickSection(_ summary: KirkpatrickSummary) -> ReportSection {
        let l = labels
        var rows: [[ReportCell]] = []
        func row(_ level: LabelKey, _ figure: String, n: Int?, _ value: ReportCell) {
            let shown = n.map(publishable) ?? true
            rows.append([.text(l[level]), .text(figure), n.map { shown ? .integer($0) : .suppressed(reason: .belowThreshold) } ?? .empty,
                         shown ? value : .suppressed(reason: .groupSuppressed)])
        }
        if let r = summary.reaction { row(.reaction, "\(l[.mean]) (1–5)", n: r.count, .decimal(r.mean, digits: 2)) }
        switch summary.learning {
        case .paired(let c, let w)?:
            row(.learning, l[.meanDifference], n: c.count, .decimal(c.meanDifference, digits: 2))
            row(.learning, "\(l[.pValue]) (t)", n: c.count, .text(formatter.pValue(c.tTest.pValue)))
            row(.learning, "\(l[.pValue]) (Wilcoxon)", n: w.count, .text(formatter.pValue(w.pValue)))
            row(.learning, "\(l[.effectSize]) (\(l[.cohensDz]))", n: c.count, .decimal(c.cohensDz, digits: 2))
        case .unpaired(let w)?:
            row(.learning, l[.meanDifference], n: nil, .decimal(w.meanDifference, digits: 2))
            row(.learning, "\(l[.pValue]) (Welch)", n: nil, .text(formatter.pValue(w.result.pValue)))
        case nil: break
        }
        for (i, item) in summary.behaviourItems.enumerated() {
            row(.behaviour, "\(l[.topTwoBox]) (\(i + 1))", n: item.answered, .percent(item.topTwoBox.value, digits: 0))
        }
        row(.behaviour, l[.measuresDone], n: nil, .text("\(summary.measuresDone)/\(summary.measuresTotal)"))
        let goals = summary.goalStatus.values.reduce(0, +)
        row(.results, l[.goalsReached], n: nil, .text("\(summary.goalStatus[.reached] ?? 0)/\(goals)"))
        if let roi = summary.returnOnInvestment { row(.returnOnInvestment, "ROI", n: nil, .percent(roi.ratio, digits: 0)) }
        let table = ReportTable(id: "kirkpatrick", caption: l[.kirkpatrick],
                                columns: [ReportColumn(l[.level], isRowHeader: true), ReportColumn(l[.figure]),
                                          ReportColumn(l[.respondents]), ReportColumn(l[.value])], rows: rows)
        var blocks: [ReportBlock] = [.table(table)]
        // One plain sentence per statistic, beside the figures, for readers who are not statisticians.
        switch summary.learning {
        case .paired?: blocks.append(.list([l[.tTestExplanation], l[.effectSizeExplanation]]))
        case .unpaired?: blocks.append(.list([l[.tTestExplanation]]))
        case nil: break
        }
        return ReportSection(title: l[.kirkpatrick], blocks: withSuppressionNote(blocks))
    }
}
