import DiversityKit
import Foundation

/// Disclosure control (röjandekontroll): the one component every table built from survey
/// answers or participant attributes passes through before it is published.
///
/// 1. **Primary suppression**: a cell counting 1…k−1 respondents is withheld (k = ``Configuration/threshold``,
///    or ``Configuration/commentThreshold`` for free-text comments). Zero cells are published: they name no one.
/// 2. **Secondary suppression and audit**: for each withheld cell the component solves two small linear
///    programmes to find the interval an attacker can deduce — the minimum and maximum of that cell over
///    every non-negative table that agrees with the published cells and totals. While some interval is
///    narrower than ``Configuration/protection``, it withholds one more cell: the smallest published
///    non-zero cell in the offending cell's row or column (then zeros, then anywhere), first by value,
///    then by row, then by column, so results are deterministic.
///
/// "At least two withheld cells in every row and column" is not enough: a withheld cell that is the only
/// link between two groups of withheld cells is still exactly recoverable from the totals, and the audit
/// catches it. The attacker model is the LP relaxation (real-valued cells), the standard in statistical
/// disclosure control; integer intervals are never wider.
///
/// ```swift
/// let control = try DisclosureControl(configuration: .init(threshold: 5))
/// let result = try control.protect(CountTable(counts: [[12, 3, 8], [9, 7, 15]]))
/// result.isSuppressed(row: 0, column: 1)   // true
/// ```
public struct DisclosureControl: Hashable, Sendable {
    /// The rules: thresholds and the protection interval.
    public struct Configuration: Hashable, Sendable, Codable {
        /// The minimum count of respondents a published cell may have (default 5, never below 3).
        public let threshold: Int
        /// The threshold for tables of free-text comments (default 10).
        public let commentThreshold: Int
        /// The minimum width of the interval an attacker can deduce for a withheld cell; defaults to the threshold.
        public let protection: Int

        /// Creates a configuration.
        /// - Throws: ``DisclosureError/thresholdTooLow(_:)`` when either threshold is below 3,
        ///   ``DisclosureError/invalidProtection(_:)`` when protection is below 1.
        public init(threshold: Int = 5, commentThreshold: Int = 10, protection: Int? = nil) throws {
            guard threshold >= 3 else { throw DisclosureError.thresholdTooLow(threshold) }
            guard commentThreshold >= 3 else { throw DisclosureError.thresholdTooLow(commentThreshold) }
            let protection = protection ?? threshold
            guard protection >= 1 else { throw DisclosureError.invalidProtection(protection) }
            self.threshold = threshold
            self.commentThreshold = commentThreshold
            self.protection = protection
        }

        private init(validThreshold: Int, commentThreshold: Int, protection: Int) {
            threshold = validThreshold
            self.commentThreshold = commentThreshold
            self.protection = protection
        }

        /// k = 5, comments 10, protection 5.
        public static let standard = Configuration(validThreshold: 5, commentThreshold: 10, protection: 5)
    }

    /// What the cells of a table count.
    public enum Content: String, Hashable, Sendable, Codable {
        /// Respondents, answers or participants: ``Configuration/threshold`` applies.
        case respondents
        /// Free-text comments: ``Configuration/commentThreshold`` applies.
        case comments
    }

    /// The configuration in force.
    public let configuration: Configuration

    /// Creates the component.
    public init(configuration: Configuration = .standard) { self.configuration = configuration }

    /// Withholds cells of `table` so no person can be singled out and no withheld cell can be recomputed.
    ///
    /// Totals are published, so a table with a non-zero published total below the threshold is withheld
    /// entirely — pool small groups before calling. When even withholding every interior cell leaves some
    /// interval narrower than the protection (a tiny table whose totals alone give it away), the whole table
    /// is withheld too, totals included.
    /// - Throws: ``DisclosureError/negativeCount(row:column:)`` for a negative cell.
    public func protect(_ table: CountTable, content: Content = .respondents) throws -> ProtectedTable {
        try table.validate()
        let k = content == .comments ? configuration.commentThreshold : configuration.threshold
        var status = table.counts.map { row in row.map { $0 > 0 && $0 < k ? CellStatus.suppressed(.belowThreshold) : .published } }
        // A published total is itself a count of respondents: a small one cannot be shown at all.
        if table.publishedTotals.contains(where: { $0 > 0 && $0 < k }) {
            return ProtectedTable(table: table, status: table.counts.map { $0.map { _ in .suppressed(.groupSuppressed) } },
                                  intervals: [:], withheldEntirely: true)
        }
        let auditor = IntervalAuditor(table: table)
        // Withholding one more cell only relaxes the attacker's constraints, so an interval that was wide
        // enough stays wide enough: each cell needs checking until it passes once.
        var verified: Set<CellPosition> = []
        while true {
            let suppressed = positions(status) { $0 != .published }
            guard let target = suppressed.first(where: { cell in
                guard !verified.contains(cell) else { return false }
                let width = auditor.interval(of: cell, suppressed: Set(suppressed)).width
                if width >= Double(configuration.protection) - 1e-7 { verified.insert(cell); return false }
                return true
            }) else {
                let intervals = suppressed.isEmpty ? [:] : auditor.intervals(suppressed: Set(suppressed))
                return ProtectedTable(table: table, status: status, intervals: intervals, withheldEntirely: false)
            }
            guard let next = secondaryCandidate(for: target, in: table, status: status) else {
                let all = table.counts.map { $0.map { _ in CellStatus.suppressed(.groupSuppressed) } }
                return ProtectedTable(table: table, status: all, intervals: [:], withheldEntirely: true)
            }
            status[next.row][next.column] = .suppressed(.secondary)
        }
    }

    private func positions(_ status: [[CellStatus]], where test: (CellStatus) -> Bool) -> [CellPosition] {
        status.indices.flatMap { r in status[r].indices.filter { test(status[r][$0]) }.map { CellPosition(row: r, column: $0) } }
    }

    /// The next cell to withhold for `target`: smallest non-zero in its row or column, then a zero there, then anywhere.
    private func secondaryCandidate(for target: CellPosition, in table: CountTable, status: [[CellStatus]]) -> CellPosition? {
        let open = positions(status) { $0 == .published }
        let line = open.filter { $0.row == target.row || $0.column == target.column }
        let order: (CellPosition, CellPosition) -> Bool = {
            let a = table.counts[$0.row][$0.column], b = table.counts[$1.row][$1.column]
            return (a, $0.row, $0.column) < (b, $1.row, $1.column)
        }
        if let c = line.filter({ table.counts[$0.row][$0.column] > 0 }).min(by: order) { return c }
        if let c = line.min(by: order) { return c }
        if let c = open.filter({ table.counts[$0.row][$0.column] > 0 }).min(by: order) { return c }
        return open.min(by: order)
    }
}

/// Why a table could not be protected.
public enum DisclosureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A threshold below 3 (the smallest group that does not reveal its members to each other).
    case thresholdTooLow(Int)
    /// A protection width below 1.
    case invalidProtection(Int)
    /// A negative count in the table.
    case negativeCount(row: Int, column: Int)
    /// Rows of a table with different numbers of cells.
    case raggedRow(row: Int, expected: Int, got: Int)
    /// A cell position outside the table, e.g. in a suppression pattern given for audit.
    case cellOutsideTable(row: Int, column: Int)

    /// A readable description.
    public var description: String {
        switch self {
        case .thresholdTooLow(let k): return "threshold \(k) is below the minimum of 3"
        case .invalidProtection(let p): return "protection \(p) must be at least 1"
        case .negativeCount(let r, let c): return "cell (\(r), \(c)) is negative"
        case .raggedRow(let r, let e, let g): return "row \(r) has \(g) cells, expected \(e)"
        case .cellOutsideTable(let r, let c): return "cell (\(r), \(c)) is outside the table"
        }
    }
}
