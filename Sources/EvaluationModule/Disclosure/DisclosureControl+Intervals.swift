import Foundation

extension DisclosureControl {
    /// The interval an attacker can deduce for each cell of `withheld` when every other cell of
    /// `table` and its totals (per ``CountTable/margins``) are published: how to audit a
    /// suppression pattern chosen elsewhere, e.g. by hand in a spreadsheet.
    ///
    /// A cell is protected under this component's rule when its interval is at least
    /// ``Configuration/protection`` wide.
    ///
    /// ```swift
    /// let table = CountTable(counts: [[12, 3, 8], [9, 7, 15]])
    /// let intervals = try DisclosureControl().intervals(of: table, withheld: [CellPosition(row: 0, column: 1)])
    /// intervals[CellPosition(row: 0, column: 1)]   // lower 3, upper 3: the row total gives it away
    /// ```
    /// - Throws: ``DisclosureError/negativeCount(row:column:)`` for a negative cell,
    ///   ``DisclosureError/raggedRow(row:expected:got:)`` for rows of different lengths,
    ///   ``DisclosureError/cellOutsideTable(row:column:)`` for a position outside the table.
    public func intervals(of table: CountTable, withheld: Set<CellPosition>) throws -> [CellPosition: FeasibleInterval] {
        try table.validate()
        if let outside = withheld.sorted().first(where: { $0.row >= table.rowCount || $0.column >= table.columnCount || $0.row < 0 || $0.column < 0 }) {
            throw DisclosureError.cellOutsideTable(row: outside.row, column: outside.column)
        }
        return withheld.isEmpty ? [:] : IntervalAuditor(table: table).intervals(suppressed: withheld)
    }
}
