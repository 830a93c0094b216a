import DiversityKit
import Foundation

/// A two-dimensional table of counts and which of its totals will be published.
///
/// A one-dimensional distribution (e.g. answers per scale point) is a single row with only
/// ``Margins/rowTotals``: its "column totals" would be the cells themselves.
public struct CountTable: Hashable, Sendable, Codable {
    /// Which totals are published beside the cells.
    public struct Margins: OptionSet, Hashable, Sendable, Codable {
        /// The raw bits.
        public let rawValue: Int
        /// Creates margins from raw bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// One total per row.
        public static let rowTotals = Margins(rawValue: 1)
        /// One total per column.
        public static let columnTotals = Margins(rawValue: 2)
        /// The grand total.
        public static let grandTotal = Margins(rawValue: 4)
        /// Every total.
        public static let all: Margins = [.rowTotals, .columnTotals, .grandTotal]
    }

    /// The counts, row by row.
    public let counts: [[Int]]
    /// The published totals.
    public let margins: Margins

    /// Creates a table.
    public init(counts: [[Int]], margins: Margins = .all) {
        self.counts = counts
        self.margins = margins
    }

    /// A one-row table of a distribution whose total is published.
    public init(distribution: [Int]) { self.init(counts: [distribution], margins: [.rowTotals, .grandTotal]) }

    /// The number of rows.
    public var rowCount: Int { counts.count }
    /// The number of columns.
    public var columnCount: Int { counts.first?.count ?? 0 }
    /// Row totals.
    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    /// Column totals.
    public var columnTotals: [Int] { (0..<columnCount).map { c in counts.reduce(0) { $0 + $1[c] } } }
    /// The grand total.
    public var grandTotal: Int { rowTotals.reduce(0, +) }

    /// Every total that will be published.
    var publishedTotals: [Int] {
        (margins.contains(.rowTotals) ? rowTotals : []) + (margins.contains(.columnTotals) ? columnTotals : [])
            + (margins.contains(.grandTotal) ? [grandTotal] : [])
    }

    func validate() throws {
        for (r, row) in counts.enumerated() {
            guard row.count == columnCount else { throw DisclosureError.raggedRow(row: r, expected: columnCount, got: row.count) }
            if let c = row.firstIndex(where: { $0 < 0 }) { throw DisclosureError.negativeCount(row: r, column: c) }
        }
    }
}

/// A cell's row and column.
public struct CellPosition: Hashable, Sendable, Codable, Comparable {
    /// The row index.
    public let row: Int
    /// The column index.
    public let column: Int
    /// Creates a position.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
    /// Row-major order.
    public static func < (a: CellPosition, b: CellPosition) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// Whether a cell is published or withheld, and why.
public enum CellStatus: Hashable, Sendable, Codable {
    /// Shown.
    case published
    /// Withheld for the reason given.
    case suppressed(SuppressionReason)
}

/// The interval an attacker can deduce for a withheld cell.
public struct FeasibleInterval: Hashable, Sendable, Codable {
    /// The smallest value consistent with what is published.
    public let lower: Double
    /// The largest value consistent with what is published (`.infinity` if unbounded).
    public let upper: Double
    /// upper − lower.
    public var width: Double { upper - lower }
}

/// The result of disclosure control: each cell's status, and the audited interval of each withheld cell.
public struct ProtectedTable: Hashable, Sendable, Codable {
    /// The input table.
    public let table: CountTable
    /// The status of each cell, in the table's shape.
    public let status: [[CellStatus]]
    /// The deduced interval per withheld cell (empty when the table is withheld entirely).
    public let intervals: [CellPosition: FeasibleInterval]
    /// Whether the whole table, totals included, must be withheld.
    public let withheldEntirely: Bool

    /// What the pattern withholds: the withheld cells and their sum.
    public var loss: SuppressionLoss {
        SuppressionLoss(cells: suppressedCells.count, count: suppressedCells.reduce(0) { $0 + table.counts[$1.row][$1.column] })
    }

    /// Whether the cell is withheld.
    public func isSuppressed(row: Int, column: Int) -> Bool { status[row][column] != .published }

    /// The positions of withheld cells, row-major.
    public var suppressedCells: [CellPosition] {
        status.indices.flatMap { r in status[r].indices.filter { status[r][$0] != .published }.map { CellPosition(row: r, column: $0) } }
    }

    /// The count of a cell, or `nil` when withheld.
    public func publishedCount(row: Int, column: Int) -> Int? {
        isSuppressed(row: row, column: column) ? nil : table.counts[row][column]
    }

    /// The cell as a report cell: its count, or `.suppressed` with the reason.
    public func reportCell(row: Int, column: Int) -> ReportCell {
        if case .suppressed(let reason) = status[row][column] { return .suppressed(reason: reason) }
        return .integer(table.counts[row][column])
    }

    /// A row total as a report cell: withheld when the whole table is, or when row totals are not published.
    public func rowTotalCell(_ row: Int) -> ReportCell {
        withheldEntirely || !table.margins.contains(.rowTotals) ? .suppressed(reason: .groupSuppressed) : .integer(table.rowTotals[row])
    }

    /// A column total as a report cell.
    public func columnTotalCell(_ column: Int) -> ReportCell {
        withheldEntirely || !table.margins.contains(.columnTotals) ? .suppressed(reason: .groupSuppressed) : .integer(table.columnTotals[column])
    }

    /// The grand total as a report cell.
    public var grandTotalCell: ReportCell {
        withheldEntirely || !table.margins.contains(.grandTotal) ? .suppressed(reason: .groupSuppressed) : .integer(table.grandTotal)
    }
}
