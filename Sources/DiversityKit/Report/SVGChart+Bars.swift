extension SVGChart {
    /// Horizontal grouped bars, one per series and category, from a zero line; for planned
    /// against actual the first (planned) series is hatched and each actual value also shows
    /// its share of the plan. A value axis with ticks runs under the bars, over
    /// ``ReportChart/valueRange`` when given (a rating scale), else from zero to the largest value.
    func drawBars(_ canvas: inout SVGCanvas, hatchFirstSeries: Bool) {
        let barHeight = 16.0, barGap = 3.0, groupGap = 14.0, top = 8.0
        let rightMargin = hatchFirstSeries ? 120.0 : 72.0
        let plotX = Self.labelWidth, plotWidth = width - Self.labelWidth - rightMargin
        let values = chart.series.flatMap { s in chart.categories.indices.compactMap { value(s, $0) } }
        var lo = min(0, values.min() ?? 0)
        var hi = max(0, values.max() ?? 0)
        if let range = chart.valueRange, range.lowerBound.isFinite, range.upperBound.isFinite {
            lo = min(range.lowerBound, values.min() ?? range.lowerBound)
            hi = max(range.upperBound, values.max() ?? range.upperBound)
        } else {
            hi = hi > 0 ? (hi / Self.tickStep(hi - lo)).rounded(.up) * Self.tickStep(hi - lo) : hi
        }
        if hi == lo { hi = lo + 1 }
        // Bars grow from zero, or from the scale's lower end when zero is not on the scale.
        let base = lo > 0 ? lo : min(0, hi)
        func x(_ v: Double) -> Double { plotX + (v - lo) / (hi - lo) * plotWidth }

        let fills = chart.series.indices.map { i -> (fill: String, stroke: String?) in
            if hatchFirstSeries && i == 0 {
                canvas.hatch("\(id)-hatch", color: ChartPalette.categorical(0))
                return ("url(#\(id)-hatch)", ChartPalette.categorical(0))
            }
            return (ChartPalette.categorical(i), nil)
        }
        let n = Double(chart.series.count)
        let groupHeight = n * barHeight + (n - 1) * barGap
        var y = top
        for c in chart.categories.indices {
            let rowHeight = max(groupHeight, labelHeight(c))
            categoryLabel(&canvas, c, centerY: y + rowHeight / 2)
            for (i, series) in chart.series.enumerated() {
                let barY = y + (rowHeight - groupHeight) / 2 + Double(i) * (barHeight + barGap)
                guard let v = value(series, c) else {
                    canvas.text(labels.suppressedMarker, x: x(base) + 4, y: barY + 12, anchor: "start")
                    continue
                }
                let start = min(x(base), x(v)), end = max(x(base), x(v))
                canvas.rect(x: start, y: barY, width: end - start, height: barHeight, fill: fills[i].fill, stroke: fills[i].stroke)
                var label = formatted(v, series)
                if hatchFirstSeries, i == 1, let planned = value(chart.series[0], c), planned > 0 {
                    label += " (" + formatter.percent(v / planned, digits: 0) + ")"
                }
                canvas.text(label, x: v < base ? start - 4 : end + 4, y: barY + 12, anchor: v < base ? "end" : "start")
            }
            y += rowHeight + groupGap
        }
        canvas.line(x1: x(base), y1: top - 4, x2: x(base), y2: y - groupGap + 4)
        y += drawAxis(&canvas, lo: lo, hi: hi, top: top - 4, y: y - groupGap + 4, x: x,
                      digits: chart.series.map(\.digits).max() ?? 0)
        y += 4
        if chart.series.count > 1 || hatchFirstSeries {
            let entries = chart.series.enumerated().map { (name: $1.name, fill: fills[$0].fill, stroke: fills[$0].stroke) }
            y += drawLegend(&canvas, entries, y: y)
        }
        canvas.height = y + 4
    }

    /// A funnel: one centred bar per stage, as wide as its count, with the count and its share
    /// of the first stage. Only the first series is drawn; the data table shows every series.
    func drawFunnel(_ canvas: inout SVGCanvas) {
        let barHeight = 26.0, gap = 6.0, top = 8.0, rightMargin = 190.0
        let series = chart.series[0]
        let plotX = Self.labelWidth, plotWidth = width - Self.labelWidth - rightMargin
        let maxValue = chart.categories.indices.compactMap { value(series, $0) }.map { max($0, 0) }.max() ?? 0
        let first = value(series, 0)
        let centre = plotX + plotWidth / 2
        var y = top
        for c in chart.categories.indices {
            let rowHeight = max(barHeight, labelHeight(c))
            categoryLabel(&canvas, c, centerY: y + rowHeight / 2)
            y += (rowHeight - barHeight) / 2
            defer { y += (rowHeight - barHeight) / 2 }
            guard let v = value(series, c) else {
                canvas.text(labels.suppressedMarker, x: centre, y: y + barHeight / 2 + 4, anchor: "middle")
                y += barHeight + gap
                continue
            }
            let barWidth = maxValue > 0 ? max(v, 0) / maxValue * plotWidth : 0
            let fill = ChartPalette.categorical(0)
            canvas.rect(x: centre - barWidth / 2, y: y, width: barWidth, height: barHeight, fill: fill)
            var label = formatted(v, series)
            if let first, first > 0, c > 0 {
                label += " (" + formatter.percent(v / first, digits: 0) + " " + labels.ofFirstStage + ")"
            }
            canvas.text(label, x: centre + max(barWidth, 2) / 2 + 6, y: y + barHeight / 2 + 4, anchor: "start")
            y += barHeight + gap
        }
        canvas.height = y + 4
    }
}
