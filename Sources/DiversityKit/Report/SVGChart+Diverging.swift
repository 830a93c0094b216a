extension SVGChart {
    /// How the series of a diverging chart split: the first `negative` series disagree, an
    /// optional neutral middle straddles zero, the rest agree.
    struct DivergingLayout: Equatable {
        var negative: Int
        var hasNeutral: Bool
        var positive: Int

        /// Reads ``ReportChart/negativeSeriesCount``: with an odd number of series and
        /// `negativeSeriesCount == count / 2`, the middle series is neutral.
        init(seriesCount: Int, negativeSeriesCount: Int) {
            negative = min(max(negativeSeriesCount, 0), seriesCount)
            hasNeutral = seriesCount % 2 == 1 && negative == seriesCount / 2
            positive = seriesCount - negative - (hasNeutral ? 1 : 0)
        }
    }

    /// Diverging stacked bars for Likert items: each item's answers as shares of its
    /// answers, disagreement stacked left of the zero line, agreement right, a neutral middle
    /// split across zero. An item with a withheld value is not drawn but marked.
    func drawDiverging(_ canvas: inout SVGCanvas) {
        let barHeight = 22.0, gap = 10.0, top = 24.0, rightMargin = 16.0
        let layout = DivergingLayout(seriesCount: chart.series.count, negativeSeriesCount: chart.negativeSeriesCount)
        let colours = ChartPalette.diverging(negativeCount: layout.negative, hasNeutral: layout.hasNeutral,
                                             positiveCount: layout.positive)
        let neutralIndex = layout.hasNeutral ? layout.negative : nil

        // Shares per item; nil when any answer count is withheld, since shares would mislead.
        let shares: [[Double]?] = chart.categories.indices.map { c in
            let row = chart.series.map { value($0, c) }
            guard row.allSatisfy({ $0 != nil }) else { return nil }
            let values = row.map { max($0 ?? 0, 0) }
            let total = values.reduce(0, +)
            return total > 0 ? values.map { $0 / total } : nil
        }
        func extent(_ row: [Double]) -> (left: Double, right: Double) {
            let half = neutralIndex.map { row[$0] / 2 } ?? 0
            let left = row.prefix(layout.negative).reduce(0, +) + half
            let right = row.suffix(layout.positive).reduce(0, +) + half
            return (left, right)
        }
        let extents = shares.compactMap { $0.map(extent) }
        let maxLeft = max(extents.map(\.left).max() ?? 0.5, 0.05)
        let maxRight = max(extents.map(\.right).max() ?? 0.5, 0.05)
        let plotX = Self.labelWidth, plotWidth = width - Self.labelWidth - rightMargin
        let scale = plotWidth / (maxLeft + maxRight)
        let zero = plotX + maxLeft * scale

        canvas.text("← " + (chart.series.first?.name ?? ""), x: plotX, y: 14, anchor: "start")
        canvas.text((chart.series.last?.name ?? "") + " →", x: plotX + plotWidth, y: 14, anchor: "end")
        var y = top
        for c in chart.categories.indices {
            let rowHeight = max(barHeight, labelHeight(c))
            categoryLabel(&canvas, c, centerY: y + rowHeight / 2)
            y += (rowHeight - barHeight) / 2
            defer { y += (rowHeight - barHeight) / 2 }
            guard let row = shares[c] else {
                canvas.text(labels.suppressedMarker, x: zero + 4, y: y + barHeight / 2 + 4, anchor: "start")
                y += barHeight + gap
                continue
            }
            var x = zero - extent(row).left * scale
            for (i, share) in row.enumerated() {
                let w = share * scale
                canvas.rect(x: x, y: y, width: w, height: barHeight, fill: colours[i])
                if w >= 30 {
                    canvas.text(formatter.percent(share, digits: 0), x: x + w / 2, y: y + barHeight / 2 + 4,
                                anchor: "middle", fill: ChartPalette.textColor(on: colours[i]))
                }
                x += w
            }
            y += barHeight + gap
        }
        canvas.line(x1: zero, y1: top - 4, x2: zero, y2: y - gap + 4)
        y += 4
        let entries = chart.series.enumerated().map { (name: $1.name, fill: colours[$0], stroke: String?.none) }
        y += drawLegend(&canvas, entries, y: y)
        canvas.height = y + 4
    }
}
