import DiversityKit
import Foundation

/// A table read back from a rendered file: its caption (when the format has one), heading and rows as text.
struct ReadTable {
    var caption: String
    var header: [String]
    var rows: [[String]]
}

/// Reads the tables of a rendered survey report back, the way someone holding only the file would.
enum RenderedReportReader {
    /// The tables of a Markdown rendering: each `| … |` block, captioned by the `**…**` line before it.
    static func markdown(_ text: String) -> [ReadTable] {
        var tables: [ReadTable] = [], caption = "", current: ReadTable?
        func cells(_ line: String) -> [String] {
            var s = line.trimmingCharacters(in: .whitespaces)
            s.removeFirst()
            if s.hasSuffix("|") { s.removeLast() }
            // Split on pipes that are not escaped.
            var out: [String] = [], field = "", escaped = false
            for ch in s {
                if escaped { field.append(ch); escaped = false; continue }
                if ch == "\\" { escaped = true; continue }
                if ch == "|" { out.append(field.trimmingCharacters(in: .whitespaces)); field = ""; continue }
                field.append(ch)
            }
            out.append(field.trimmingCharacters(in: .whitespaces))
            return out
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("|") {
                let row = cells(line)
                if current == nil { current = ReadTable(caption: caption, header: row, rows: []) }
                else if !row.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { current!.rows.append(row) }
            } else {
                if let t = current { tables.append(t); current = nil }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("**") && trimmed.hasSuffix("**") && trimmed.count > 4 {
                    caption = String(trimmed.dropFirst(2).dropLast(2))
                }
            }
        }
        if let t = current { tables.append(t) }
        return tables
    }

    /// The tables of a CSV rendering (one file per table, in report order); captions are the file names.
    static func csv(_ files: [RenderedFile]) -> [ReadTable] {
        files.filter { $0.name.hasSuffix(".csv") }.map { file in
            var text = String(decoding: file.contents, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let separator: Character = text.prefix(while: { $0 != "\n" }).contains(";") ? ";" : ","
            let records = parseCSV(text, separator: separator)
            return ReadTable(caption: file.name, header: records.first ?? [], rows: Array(records.dropFirst()))
        }
    }

    private static func parseCSV(_ text: String, separator: Character) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false, wasQuoted = false
        var chars = Array(text)[...]
        while let ch = chars.popFirst() {
            if quoted {
                if ch == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(ch) }
            } else if ch == "\"" && field.isEmpty {
                quoted = true
                wasQuoted = true
            } else if ch == separator {
                record.append(field); field = ""; wasQuoted = false
            } else if ch == "\n" || ch == "\r\n" {
                record.append(field); field = ""; wasQuoted = false
                records.append(record); record = []
            } else if ch != "\r" {
                field.append(ch)
            }
        }
        if !field.isEmpty || wasQuoted || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// The tables of a report decoded from its JSON rendering, cells written as plain text.
    static func json(_ data: Data) throws -> [ReadTable] {
        let report = try JSONRenderer.decode(data)
        func text(_ cell: ReportCell) -> String {
            switch cell {
            case .text(let t): return t
            case .integer(let v): return String(v)
            case .decimal(let v, _): return String(v)
            case .percent(let v, _): return String(v * 100) + "%"
            case .suppressed: return "–*"
            case .empty: return ""
            default: return "?"
            }
        }
        var tables = report.allTables.map { t in ReadTable(caption: t.caption, header: t.columns.map(\.title), rows: t.rows.map { $0.map(text) }) }
        for chart in report.allCharts {
            tables.append(ReadTable(caption: "chart:" + chart.title, header: ["Kategori"] + chart.series.map(\.name),
                                    rows: chart.categories.indices.map { i in
                                        [chart.categories[i]] + chart.series.map { s in s.values[i].map { String($0) } ?? "" }
                                    }))
        }
        return tables
    }

    /// A number as printed (`3,61`, `58 %`, `1 234`), or `nil` for a withheld or empty field.
    static func number(_ field: String) -> Double? {
        var s = field.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "−", with: "-")
        s = s.replacingOccurrences(of: ",", with: ".")
        return Double(s)
    }

    /// The survey items of a report's tables, by structure: the items summary (n, mean, SD, top-two-box), the
    /// distribution, the chart's data (shares) and each item's breakdown by group, matched by label.
    static func items(_ tables: [ReadTable], points: Int) -> [PublishedItem] {
        // The distribution: label, one column per point, n.
        guard let distribution = tables.first(where: { $0.header.count == points + 2 && !$0.rows.isEmpty
            && $0.rows.allSatisfy { $0.count == points + 2 } && $0.header.last != $0.header.first && !isGroup($0) }) else { return [] }
        var items = distribution.rows.map { row in
            PublishedItem(label: row[0], cells: row[1...points].map { number($0).map { Int($0) } }, n: number(row[points + 1]).map { Int($0) })
        }
        if let summary = tables.first(where: { $0.header.count == 5 && $0.rows.count == items.count && $0.rows.map(\.first) == items.map(\.label) }) {
            for (i, row) in summary.rows.enumerated() {
                items[i].mean = number(row[2])
                items[i].standardDeviation = number(row[3])
                // The JSON text writes shares as fractions × 100 already; every format gives a percentage here.
                items[i].topTwoBox = number(row[4])
            }
        }
        if let chart = tables.first(where: { $0.header.count == points + 1 && $0.rows.map(\.first) == items.map(\.label) }) {
            for (i, row) in chart.rows.enumerated() { items[i].shares = row[1...points].map(number) }
        }
        let groups = tables.filter(isGroup)
        for (g, table) in groups.enumerated() {
            // Markdown and JSON caption the breakdown with the item's label; CSV files come in item order.
            let index = items.firstIndex { $0.label == table.caption } ?? (g < items.count ? g : nil)
            guard let index else { continue }
            for row in table.rows {
                let cells = row[1...points].map { number($0).map { Int($0) } }
                if row == table.rows.last! {
                    items[index].totals = cells
                } else {
                    items[index].groups.append(.init(name: row[0], cells: cells, n: number(row[points + 1]).map { Int($0) }, mean: number(row[points + 2])))
                }
            }
        }
        return items
    }

    private static func isGroup(_ t: ReadTable) -> Bool { t.header.first == "Grupp" || t.header.first == "Group" }
}
