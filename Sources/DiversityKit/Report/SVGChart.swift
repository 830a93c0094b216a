import Foundation

/// Draws a ``ReportChart`` as inline SVG for the HTML renderer.
///
/// Every chart gets a `<title>` and a `<desc>` referenced by `aria-labelledby`, text labels
/// on its values, and a legend when it has more than one series; a withheld (`nil`) value
/// draws no bar but the suppression marker. Category labels are never cut: a long label wraps
/// onto as many lines as it needs (class `category`, one `<tspan>` per line) and its row grows.
struct SVGChart {
    /// Width of the drawing in CSS pixels.
    static let defaultWidth = 680.0
    /// Room on the left for category labels.
    static let labelWidth = 205.0
    /// The narrowest chart: the label column and 200 pixels of plot.
    static let minimumWidth = labelWidth + 200
    /// Characters of a category label on one line before it wraps (about 7 px each at 12 px).
    static let labelLineLength = 27
    /// The distance between two lines of a wrapped label.
    static let lineHeight = 14.0

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

    /// The lines a category label wraps onto.
    func labelLines(_ index: Int) -> [String] { Self.wrap(chart.categories[index], width: Self.labelLineLength) }

    /// The height a category's label needs.
    func labelHeight(_ index: Int) -> Double { Double(labelLines(index).count) * Self.lineHeight }

    /// Draws a category label right-aligned in the label column, its lines centred on `y`.
    func categoryLabel(_ canvas: inout SVGCanvas, _ index: Int, centerY y: Double) {
        let lines = labelLines(index)
        let firstY = y + 4 - Double(lines.count - 1) * Self.lineHeight / 2
        canvas.lines(lines, x: Self.labelWidth - 8, y: firstY, lineHeight: Self.lineHeight, anchor: "end", cssClass: "category")
    }

    /// `text` broken at spaces (and after `-`, `–`, `/`) into lines of at most `width` characters;
    /// a word longer than a line is split. Nothing is dropped: the lines joined by spaces give the text back.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var rest = word
            while rest.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(rest.prefix(width)))
                rest = String(rest.dropFirst(width))
            }
            if line.isEmpty {
                line = rest
            } else if line.count + 1 + rest.count <= width {
                line += " " + rest
            } else {
                lines.append(line)
                line = rest
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Draws a value axis under a plot from `x(lo)` to `x(hi)` at `y`: ticks with labels at a
    /// round step and faint grid lines up to `top`; returns the height used.
    func drawAxis(_ canvas: inout SVGCanvas, lo: Double, hi: Double, top: Double, y: Double, x: (Double) -> Double,
                  digits: Int) -> Double {
        let step = Self.tickStep(hi - lo)
        canvas.line(x1: x(lo), y1: y, x2: x(hi), y2: y)
        // Extreme or non-finite ends (values near the ends of Double) get no ticks rather than a
        // loop that never advances: at most a dozen ticks, each one step further.
        guard lo.isFinite, hi.isFinite, (hi - lo).isFinite, (hi - lo) / step <= 12 else { return 22 }
        var tick = (lo / step).rounded(.up) * step
        var drawn = 0
        while tick <= hi + step / 1_000, drawn < 13 {
            drawn += 1
            canvas.gridLine(x: x(tick), y1: top, y2: y)
            canvas.line(x1: x(tick), y1: y, x2: x(tick), y2: y + 4)
            canvas.text(formatter.decimal(tick, digits: step < 1 ? max(digits, 1) : 0), x: x(tick), y: y + 16, anchor: "middle",
                        cssClass: "tick")
            tick += step
        }
        return 22
    }

    /// A round distance between ticks (1, 2 or 5 times a power of ten) giving at most about six ticks over `span`.
    static func tickStep(_ span: Double) -> Double {
        guard span.isFinite, span > 0 else { return 1 }
        let raw = span / 6
        let power = pow(10, (log10(raw)).rounded(.down))
        for multiple in [1.0, 2, 5, 10] where raw <= multiple * power { return multiple * power }
        return 10 * power
    }

    /// Draws a legend of `entries` (name, fill) in rows from `y`; returns the height used.
    func drawLegend(_ canvas: inout SVGCanvas, _ entries: [(name: String, fill: String, stroke: String?)], y: Double) -> Double {
        var x = 8.0, rowY = y
        canvas.body += "<g class=\"legend\" aria-label=\"\(Markup.escape(labels.legend))\">\n"
        for entry in entries {
            let shown = entry.name
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

    /// A faint vertical grid line behind the bars.
    mutating func gridLine(x: Double, y1: Double, y2: Double) {
        body += "<line x1=\"\(Markup.number(x))\" y1=\"\(Markup.number(y1))\" x2=\"\(Markup.number(x))\""
        body += " y2=\"\(Markup.number(y2))\" stroke=\"#D0D0D0\" stroke-width=\"1\"/>\n"
    }

    /// A text of several lines, one `<tspan>` each, the first with its baseline at `y`.
    mutating func lines(_ lines: [String], x: Double, y: Double, lineHeight: Double, anchor: String, cssClass: String) {
        body += "<text class=\"\(cssClass)\" x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" text-anchor=\"\(anchor)\""
        body += " fill=\"\(ChartPalette.ink)\">"
        for (i, line) in lines.enumerated() {
            body += "<tspan x=\"\(Markup.number(x))\" y=\"\(Markup.number(y + Double(i) * lineHeight))\">\(Markup.escape(line))</tspan>"
        }
        body += "</text>\n"
    }

    mutating func text(_ text: String, x: Double, y: Double, anchor: String, fill: String = ChartPalette.ink,
                       bold: Bool = false, tooltip: String? = nil, cssClass: String? = nil) {
        body += "<text"
        if let cssClass { body += " class=\"\(cssClass)\"" }
        body += " x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
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
