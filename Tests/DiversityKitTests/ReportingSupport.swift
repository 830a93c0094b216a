import DiversityKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed HTML report, for structural checks.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""
    weak var parent: XMLElementNode?

    init(name: String, attributes: [String: String], parent: XMLElementNode?) {
        self.name = name
        self.attributes = attributes
        self.parent = parent
    }

    /// This element and every element below it, in document order.
    var allElements: [XMLElementNode] { [self] + children.flatMap(\.allElements) }

    /// Elements named `name` below (and including) this one.
    func elements(_ name: String) -> [XMLElementNode] { allElements.filter { $0.name == name } }

    /// All text of this element and its descendants.
    var fullText: String { text + children.map(\.fullText).joined() }
}

/// Parses a rendered HTML report with Foundation's `XMLParser`, as the issue asks.
final class HTMLTreeBuilder: NSObject, XMLParserDelegate {
    private(set) var root: XMLElementNode?
    private var current: XMLElementNode?
    private(set) var error: Error?

    /// The root `<html>` element, or the parser's error.
    static func parse(_ html: String) throws -> XMLElementNode {
        let builder = HTMLTreeBuilder()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw builder.error ?? parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let node = XMLElementNode(name: elementName, attributes: attributes, parent: current)
        if let current { current.children.append(node) } else { root = node }
        current = node
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        current = current?.parent
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current?.text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}

/// Payloads that must come out escaped and never become markup.
let injectionPayloads = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "&amp; & &lt;",
    "]]> <![CDATA[ x ]]>",
    "' onmouseover='alert(1)",
    "=HYPERLINK(\"http://evil\")|# *bold* _it_ [link](x)",
    "bell\u{0007}null",
]

/// A report that puts `payload` into every piece of user text it has.
func reportFull(of payload: String, language: ReportLanguage = .english) -> Report {
    let table = ReportTable(id: payload, caption: payload,
                            columns: [ReportColumn(payload, isRowHeader: true), ReportColumn(payload)],
                            rows: [[.text(payload), .text(payload)], [.text("x"), .suppressed(reason: .secondary)]],
                            footnotes: [payload])
    let charts = [ReportChart.Kind.bar, .plannedVersusActual, .divergingStackedBar, .funnel].map { kind in
        ReportChart(id: payload, kind: kind, title: payload, description: payload, categories: [payload, payload],
                    series: [ChartSeries(name: payload, values: [1, 2]), ChartSeries(name: payload, values: [3, nil]),
                             ChartSeries(name: payload, values: [4, 5])], negativeSeriesCount: 1)
    }
    return Report(title: payload, subtitle: payload, language: language, sections: [
        ReportSection(title: payload, blocks: [.paragraph(payload), .list([payload]), .table(table),
                                               .note(ReportNote(.warning, payload))] + charts.map(ReportBlock.chart),
                      subsections: [ReportSection(title: payload, blocks: [.paragraph(payload)])]),
    ])
}
