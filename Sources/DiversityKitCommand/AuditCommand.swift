import DiversityKit
import EvaluationModule
import Foundation
import SurveyModule

/// `diversitykit audit`: which cells of a count table are withheld, what an attacker can deduce
/// about each, and whether that is enough.
enum AuditCommand {
    static let command = Command(
        name: "audit",
        summary: "print every withheld cell of a count table, its deducible interval and whether it is protected",
        usage: "diversitykit audit TABLE.csv [--threshold N] [--protection P] [--margins all|rows|columns|none]",
        options: [
            .value("threshold", "N", "smallest count that may be shown (default 5, at least 3)"),
            .value("protection", "P", "how wide a withheld cell's deducible interval must be (default: the threshold)"),
            .value("margins", "LIST", "totals that are published: all (default), none, or a comma list of rows, columns, grand"),
        ],
        details: """
        TABLE.csv holds the true counts (',' ';' or tab separated). A first row or first column that is
        not numbers is read as labels. Mark the cells you withhold with a trailing '*' (e.g. 3*) to audit
        your own pattern; with no cell marked, the tool applies the library's disclosure control at
        --threshold and audits the pattern it chooses. Totals are computed from the counts.
        For each withheld cell it prints the smallest and largest value the published cells and totals
        allow, and whether that interval is at least --protection wide. A cell of 1…N−1 left unmarked is
        reported as published below the threshold.
        Exit status 0 when every withheld cell is protected and no small cell is published, 1 otherwise.
        """,
        examples: [
            "diversitykit audit table.csv --threshold 5",
            "diversitykit audit unit-by-answer.csv --margins rows,columns --format json",
        ],
        run: run)

    /// One withheld cell as audited.
    struct AuditedCell: Encodable, Equatable {
        var row: Int
        var column: Int
        var rowLabel: String
        var columnLabel: String
        var value: Int
        var lower: Int
        var upper: Int?
        var protected: Bool
    }

    /// What `--format json` prints.
    struct Result: Encodable {
        var threshold: Int
        var protection: Int
        var pattern: String
        var withheldEntirely: Bool
        var withheld: [AuditedCell]
        var publishedBelowThreshold: [AuditedCell]
        var protected: Bool
    }

    static func run(_ arguments: ParsedArguments, _ console: Console) async throws -> Int32 {
        let path = try arguments.single(("en tabellfil (CSV)", "a table file (CSV)"))
        let control = try disclosureControl(arguments)
        let margins = try parseMargins(arguments.value("margins") ?? "all")
        let input = try LabelledTable.read(path)
        let table = CountTable(counts: input.counts, margins: margins)
        let configuration = control.configuration

        var withheld = input.marked
        var withheldEntirely = false
        let patternSource: String
        if withheld.isEmpty {
            patternSource = "computed"
            let protected = try control.protect(table)
            withheldEntirely = protected.withheldEntirely
            withheld = Set(protected.suppressedCells)
        } else {
            patternSource = "given"
        }
        // A table withheld entirely publishes nothing: no interval to audit.
        let audit = withheldEntirely ? nil : try auditWithheldCells(table: table, withheld: withheld, control: control)
        func audited(_ cell: CellPosition) -> AuditedCell {
            let found = audit?.cells[cell]
            return AuditedCell(row: cell.row + 1, column: cell.column + 1,
                               rowLabel: input.rowLabels[cell.row], columnLabel: input.columnLabels[cell.column],
                               value: input.counts[cell.row][cell.column], lower: found?.lower ?? 0, upper: found?.upper,
                               protected: withheldEntirely || (found?.isProtected ?? false))
        }
        let cells = withheld.sorted().map(audited)
        let small = input.counts.indices.flatMap { r in input.counts[r].indices.map { CellPosition(row: r, column: $0) } }
            .filter { !withheld.contains($0) && (1..<configuration.threshold).contains(input.counts[$0.row][$0.column]) }
            .map(audited)
        let result = Result(threshold: configuration.threshold, protection: configuration.protection, pattern: patternSource,
                            withheldEntirely: withheldEntirely, withheld: cells, publishedBelowThreshold: small,
                            protected: cells.allSatisfy(\.protected) && small.isEmpty)
        try console.json(result)
        print(result, console)
        return result.protected ? 0 : 1
    }

    /// The adapter to the library's auditor: the integer interval an attacker can deduce for each
    /// withheld cell, and whether it protects the cell (``DisclosureControl/audit(table:pattern:published:content:)``).
    static func auditWithheldCells(table: CountTable, withheld: Set<CellPosition>,
                                   control: DisclosureControl) throws -> DisclosureAudit {
        try control.audit(table: table, pattern: withheld, published: table.margins)
    }

    private static func print(_ result: Result, _ console: Console) {
        let t = console.text
        if result.withheldEntirely {
            console.line(t("Hela tabellen undertrycks: en publicerad summa är under gränsen \(result.threshold), eller summorna avslöjar varje cell.",
                           "The whole table is withheld: a published total is below the threshold \(result.threshold), or the totals give every cell away."))
        }
        let source = result.pattern == "given" ? t("angivet mönster", "given pattern") : t("mönster från röjandekontrollen", "pattern from disclosure control")
        console.line(t("\(result.withheld.count) undertryckta celler (\(source)), gräns \(result.threshold), skydd \(result.protection):",
                       "\(result.withheld.count) withheld cells (\(source)), threshold \(result.threshold), protection \(result.protection):"))
        for cell in result.withheld {
            let upper = cell.upper.map(String.init) ?? "∞"
            let verdict = cell.protected ? t("skyddad", "protected") : t("INTE skyddad", "NOT protected")
            console.line("  \(cell.rowLabel) × \(cell.columnLabel): \(t("värde", "value")) \(cell.value), "
                         + "\(t("intervall", "interval")) [\(cell.lower); \(upper)] — \(verdict)")
        }
        for cell in result.publishedBelowThreshold {
            console.line(t("  \(cell.rowLabel) × \(cell.columnLabel): \(cell.value) är under gränsen men publiceras — INTE skyddad",
                           "  \(cell.rowLabel) × \(cell.columnLabel): \(cell.value) is below the threshold but published — NOT protected"))
        }
        console.line(result.protected ? t("Alla undertryckta celler är skyddade.", "Every withheld cell is protected.")
                                      : t("Tabellen är inte skyddad.", "The table is not protected."))
    }

    static func parseMargins(_ text: String) throws -> CountTable.Margins {
        switch text {
        case "all": return .all
        case "none": return []
        default:
            var margins: CountTable.Margins = []
            for part in text.split(separator: ",") {
                switch part.trimmingCharacters(in: .whitespaces) {
                case "rows": margins.insert(.rowTotals)
                case "columns": margins.insert(.columnTotals)
                case "grand": margins.insert(.grandTotal)
                case let other:
                    throw UsageError("alternativet '--margins': '\(other)' är inte all, none, rows, columns eller grand",
                                     "option '--margins': '\(other)' is not all, none, rows, columns or grand")
                }
            }
            return margins
        }
    }
}

/// A count table read from CSV: labels, counts, and the cells marked withheld (`3*`).
struct LabelledTable {
    var rowLabels: [String]
    var columnLabels: [String]
    var counts: [[Int]]
    var marked: Set<CellPosition>

    static func read(_ path: String) throws -> LabelledTable {
        guard FileManager.default.isReadableFile(atPath: path) else { throw CommandFailure("\(path): filen finns inte", "\(path): no such file") }
        var rows: [(line: Int, fields: [String])] = []
        do {
            let reader = try CSVReader(url: URL(fileURLWithPath: path))
            while let record = try reader.next() {
                rows.append((record.line, record.fields.map { $0.trimmingCharacters(in: .whitespaces) }))
            }
        } catch {
            throw CommandFailure(path, wrapping: error)
        }
        guard !rows.isEmpty else { throw CommandFailure("\(path): tabellen är tom", "\(path): the table is empty") }
        func isCount(_ field: String) -> Bool { Int(field.hasSuffix("*") ? String(field.dropLast()) : field) != nil }
        // A first row with a field that is not a count (beyond the row-label column) is the heading.
        let hasHeader = rows[0].fields.dropFirst().contains { !isCount($0) } || !rows[0].fields.contains(where: isCount)
        let body = hasHeader ? Array(rows.dropFirst()) : rows
        guard !body.isEmpty else {
            throw CommandFailure("\(path): tabellen har en rubrikrad men inga antal", "\(path): the table has a heading row but no counts")
        }
        let hasLabels = body.contains { !isCount($0.fields.first ?? "") }
        let width = (body.first?.fields.count ?? 0) - (hasLabels ? 1 : 0)
        guard width > 0 else { throw CommandFailure("\(path): tabellen har inga kolumner med antal", "\(path): the table has no columns of counts") }
        var counts: [[Int]] = []
        var marked: Set<CellPosition> = []
        var rowLabels: [String] = []
        for (r, row) in body.enumerated() {
            let cells = hasLabels ? Array(row.fields.dropFirst()) : row.fields
            guard cells.count == width else {
                throw CommandFailure("\(path), rad \(row.line): \(cells.count) antal, \(width) väntades som på första raden",
                                     "\(path), line \(row.line): \(cells.count) counts, expected \(width) as in the first row")
            }
            rowLabels.append(hasLabels ? row.fields[0] : String(r + 1))
            var values: [Int] = []
            for (c, field) in cells.enumerated() {
                let isMarked = field.hasSuffix("*")
                guard let value = Int(isMarked ? String(field.dropLast()) : field), value >= 0 else {
                    let number = c + (hasLabels ? 2 : 1)
                    throw CommandFailure("\(path), rad \(row.line), fält \(number): '\(field)' är inget antal (ett heltal ≥ 0, med * om det är undertryckt)",
                                         "\(path), line \(row.line), field \(number): '\(field)' is not a count (a whole number ≥ 0, optionally marked withheld with *)")
                }
                if isMarked { marked.insert(CellPosition(row: r, column: c)) }
                values.append(value)
            }
            counts.append(values)
        }
        var columnLabels = (1...width).map(String.init)
        if hasHeader {
            let heading = rows[0].fields
            let labels = hasLabels || heading.count > width ? Array(heading.dropFirst(heading.count - width)) : heading
            if labels.count == width { columnLabels = labels }
        }
        return LabelledTable(rowLabels: rowLabels, columnLabels: columnLabels, counts: counts, marked: marked)
    }
}
