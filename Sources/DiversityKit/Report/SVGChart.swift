/// Draws a ``ReportChart`` as inline SVG for the HTML renderer.
///
/// Every chart gets a `<title>` and a `<desc>` referenced by `aria-labelledby`, text labels
/// on its values, and a legend when it has more than one series; a withheld (`nil`) value
/// draws no bar but the suppression marker.
struct SVGChart {
    /// Width of the drawing in CSS pixels.
    static let defaultWidth = 680.0
    /// Room on the left for category labels.
    static let labelWidth = 205.0
    /// The narrowest chart: the label column and 200 pixels of plot.
    static let minimumWidth = labelWidth + 200
    /// Characters of a category label drawn before it is cut (the data table has it whole).
    static let labelLimit = 26

    let chart: ReportChart
    /// A document-unique identifier for the chart's elements.
    let id: String
    let width: Double
    let formatter: ReportFormatter
    let labels: ReportLabels

    init(chart: ReportChart, id: String, language: ReportLanguage, width: Double = SVGChart.defaultWidth) {
        self.chart = chart
        self.id = id
        self.width = HTMLRenderer.Options.chartWidths.clamp(width)
        self.formatter = ReportFormatter(language: language)
        self.labels = ReportLabels(language: language)
    }

    /// The `<svg>` element.
    func render() -> String {
        var canvas = SVGCanvas()
        let hasData = !chart.categories.isEmpty && !chart.series.isEmpty
        if hasData {
            switch chart.kind {
            case .bar: drawBars(&canvas, hatchFirstSeries: false)
            case .plannedVersusActual: drawBars(&canvas, hatchFirstSeries: true)
            case .divergingStackedBar: drawDiverging(&canvas)
            case .funnel: drawFunnel(&canvas)
            }
        } else {
            canvas.text(labels.noData, x: 8, y: 24, anchor: "start")
            canvas.height = 40
        }
        let h = Markup.number(canvas.height), w = Markup.number(width)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\""
        svg += " aria-labelledby=\"\(id)-title \(id)-desc\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\">\n"
        svg += "<title id=\"\(id)-title\">\(Markup.escape(chart.title))</title>\n"
        svg += "<desc id=\"\(id)-desc\">\(Markup.escape(chart.description))</desc>\n"
        if !canvas.defs.isEmpty { svg += "<defs>\(canvas.defs)</defs>\n" }
        svg += canvas.body
        svg += "</svg>"
        return svg
    }

    /// The value of `series` at `index`, or `nil` when withheld or missing.
    func value(_ series: ChartSeries, _ index: Int) -> Double? {
        guard index < series.values.count, let v = series.values[index], v.isFinite else { return nil }
        return v
    }

    /// A series value formatted with the series' decimals.
    func formatted(_ value: Double, _ series: ChartSeries) -> String {
        formatter.decimal(value, digits: series.digits)
    }

    /// Draws a category label right-aligned in the label column, centred on `y`.
    func categoryLabel(_ canvas: inout SVGCanvas, _ index: Int, centerY y: Double) {
        let label = chart.categories[index]
        canvas.text(Markup.truncated(label, limit: Self.labelLimit), x: Self.labelWidth - 8, y: y + 4,
                    anchor: "end", tooltip: label.count > Self.labelLimit ? label : nil)
    }

    /// Draws a legend of `entries` (name, fill) in rows from `y`; returns the height used.
    func drawLegend(_ canvas: inout SVGCanvas, _ entries: [(name: String, fill: String, stroke: String?)], y: Double) -> Double {
        var x = 8.0, rowY = y
        canvas.body += "<g class=\"legend\" aria-label=\"\(Markup.escape(labels.legend))\">\n"
        for entry in entries {
            let shown = Markup.truncated(entry.name, limit: 32)
            let itemWidth = 22 + Double(shown.count) * 7 + 16
            if x + itemWidth > width, x > 8 {
                x = 8
                rowY += 20
            }
            canvas.rect(x: x, y: rowY, width: 14, height: 14, fill: entry.fill, stroke: entry.stroke)
            canvas.text(shown, x: x + 20, y: rowY + 11, anchor: "start")
            x += itemWidth
        }
        canvas.body += "</g>\n"
        return rowY + 20 - y
    }
}

/// Accumulates SVG elements; every piece of text passes through ``Markup/escape(_:)``.
struct SVGCanvas {
    var defs = ""
    var body = ""
    var height = 0.0

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        body += "<rect x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" width=\"\(Markup.number(max(width, 0)))\""
        body += " height=\"\(Markup.number(height))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"1.5\"" }
        body += "/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, dashed: Bool = false) {
        body += "<line x1=\"\(Markup.number(x1))\" y1=\"\(Markup.number(y1))\" x2=\"\(Markup.number(x2))\""
        body += " y2=\"\(Markup.number(y2))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1\""
        body += dashed ? " stroke-dasharray=\"3 3\"/>\n" : "/>\n"
    }

    mutating func text(_ text: String, x: Double, y: Double, anchor: String, fill: String = ChartPalette.ink,
                       bold: Bool = false, tooltip: String? = nil) {
        body += "<text x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if bold { body += " font-weight=\"bold\"" }
        body += ">"
        if let tooltip { body += "<title>\(Markup.escape(tooltip))</title>" }
        body += Markup.escape(text) + "</text>\n"
    }

    /// Adds a diagonal hatch pattern named `name` in `color` on white.
    mutating func hatch(_ name: String, color: String) {
        defs += "<pattern id=\"\(name)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        defs += "<rect width=\"6\" height=\"6\" fill=\"#FFFFFF\"/><rect width=\"3\" height=\"6\" fill=\"\(color)\"/></pattern>"
    }
}
