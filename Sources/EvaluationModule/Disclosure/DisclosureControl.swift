import DiversityKit
import Foundation

/// Disclosure control (röjandekontroll): the one component every table built from survey
/// answers or participant attributes passes through before it is published.
///
/// 1. **Primary suppression**: a cell counting 1…k−1 respondents is withheld (k = ``Configuration/threshold``,
///    or ``Configuration/commentThreshold`` for free-text comments). Zero cells are published unless
///    ``Configuration/protectZeros`` is set (a zero says "nobody in this unit answered 1").
/// 2. **Secondary suppression**: more cells are withheld until every withheld cell is protected against an
///    attacker who knows everything published and that counts are non-negative integers
///    (see ``audit(table:pattern:published:content:)``): a primary cell of value v must be able to take every value
///    in [v − P, v + P] ∩ [0, T], and 0 (P = ``Configuration/protection``, τ-Argus' upper and lower protection
///    levels; T the smallest published total the cell is part of, which it can never exceed); a secondary
///    cell must not be exactly recoverable. Cells are chosen along the cheapest
///    path in the table's flow network (cost: the count lost plus one per cell), and the result is compared
///    with the hypercube heuristic's pattern on the same table: whichever withholds fewer cells and no more
///    count is kept, so the loss is never worse than the hypercube's.
///
/// The audit is exact over integers: a table with its totals is a flow network whose constraint matrix is
/// totally unimodular, so each withheld cell's integer interval comes from two maximum flows.
///
/// ```swift
/// let control = try DisclosureControl(configuration: .init(threshold: 5))
/// let result = try control.protect(CountTable(counts: [[12, 3, 8], [9, 7, 15]]))
/// result.isSuppressed(row: 0, column: 1)   // true
/// ```
public struct DisclosureControl: Hashable, Sendable {
    /// The rules: thresholds, the protection level and whether zeros are protected.
    public struct Configuration: Hashable, Sendable, Codable {
        /// The minimum count of respondents a published cell may have (default 5, never below 3).
        public let threshold: Int
        /// The threshold for tables of free-text comments (default 10).
        public let commentThreshold: Int
        /// The protection level P: a withheld primary cell of value v must be able to take every integer value
        /// in [v − P, v + P] ∩ [0, T] (T: the smallest published total it is part of); defaults to the threshold.
        public let protection: Int
        /// Whether zero cells are withheld like small ones (default `false`: a zero names no one, but says that
        /// nobody in the group gave that answer).
        public let protectZeros: Bool

        /// Creates a configuration.
        /// - Throws: ``DisclosureError/thresholdTooLow(_:)`` when either threshold is below 3,
        ///   ``DisclosureError/invalidProtection(_:)`` when protection is below 1.
        public init(threshold: Int = 5, commentThreshold: Int = 10, protection: Int? = nil, protectZeros: Bool = false) throws {
            guard threshold >= 3 else { throw DisclosureError.thresholdTooLow(threshold) }
            guard commentThreshold >= 3 else { throw DisclosureError.thresholdTooLow(commentThreshold) }
            let protection = protection ?? threshold
            guard protection >= 1 else { throw DisclosureError.invalidProtection(protection) }
            self.threshold = threshold
            self.commentThreshold = commentThreshold
            self.protection = protection
            self.protectZeros = protectZeros
        }

        private init(validThreshold: Int, commentThreshold: Int, protection: Int) {
            threshold = validThreshold
            self.commentThreshold = commentThreshold
            self.protection = protection
            protectZeros = false
        }

        /// k = 5, comments 10, protection 5, zeros published.
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
    /// entirely — pool small groups before calling. When even withholding every cell leaves some cell
    /// unprotected (a tiny table whose totals alone give it away), the whole table is withheld too, totals included.
    /// - Throws: ``DisclosureError/negativeCount(row:column:)`` for a negative cell.
    public func protect(_ table: CountTable, content: Content = .respondents) throws -> ProtectedTable {
        try table.validate()
        let k = threshold(content)
        let all = table.counts.map { $0.map { _ in CellStatus.suppressed(.groupSuppressed) } }
        if table.publishedTotals.contains(where: { $0 > 0 && $0 < k }) {
            return ProtectedTable(table: table, status: all, intervals: [:], withheldEntirely: true)
        }
        let network = CountNetwork(table: table)
        let rules = NetworkProtection(network: network, threshold: k, configuration: configuration)
        var best = rules.protect(order: rules.primary.sorted())
        if let cube = rules.hypercube(rows: table.rowCount, columns: table.columnCount, margins: table.margins),
           best == nil || !rules.dominates(best!, cube) {
            best = cube
        }
        guard let withheld = best else { return ProtectedTable(table: table, status: all, intervals: [:], withheldEntirely: true) }
        let columns = table.columnCount
        var status = table.counts.map { $0.map { _ in CellStatus.published } }
        for e in withheld { status[e / columns][e % columns] = .suppressed(rules.primary.contains(e) ? .belowThreshold : .secondary) }
        let audit = rules.audit(withheld: withheld)
        let intervals = Dictionary(uniqueKeysWithValues: audit.map { (CellPosition(row: $0.key / columns, column: $0.key % columns), $0.value.interval) })
        return ProtectedTable(table: table, status: status, intervals: intervals, withheldEntirely: false)
    }

    /// The hypercube heuristic's pattern alone (each primary cell protected by its cheapest rectangle, then completed
    /// until the audit passes): the reference ``protect(_:content:)`` never loses more to. `nil` when it finds none.
    /// - Throws: ``DisclosureError/negativeCount(row:column:)``, ``DisclosureError/raggedRow(row:expected:got:)``.
    public func hypercubeLoss(_ table: CountTable, content: Content = .respondents) throws -> SuppressionLoss? {
        try table.validate()
        let rules = NetworkProtection(network: CountNetwork(table: table), threshold: threshold(content), configuration: configuration)
        return rules.hypercube(rows: table.rowCount, columns: table.columnCount, margins: table.margins).map {
            SuppressionLoss(cells: $0.count, count: rules.loss($0))
        }
    }

    /// Audits a suppression pattern as an attacker would: for each withheld cell, the smallest and largest
    /// value it can take over every table of non-negative integers that agrees with the published cells and
    /// the `published` totals, and whether that interval protects it (see ``CellAudit/isProtected``).
    ///
    /// ```swift
    /// let audit = DisclosureControl().audit(table: t, pattern: [CellPosition(row: 0, column: 1)], published: .all)
    /// audit.cells[CellPosition(row: 0, column: 1)]?.isProtected   // false: the row total gives it away
    /// ```
    /// - Throws: ``DisclosureError/negativeCount(row:column:)``, ``DisclosureError/raggedRow(row:expected:got:)``,
    ///   ``DisclosureError/cellOutOfRange(row:column:)`` for a pattern cell outside the table.
    public func audit(table: CountTable, pattern: Set<CellPosition>, published: CountTable.Margins,
                      content: Content = .respondents) throws -> DisclosureAudit {
        try table.validate()
        for p in pattern where !(0..<table.rowCount).contains(p.row) || !(0..<table.columnCount).contains(p.column) {
            throw DisclosureError.cellOutOfRange(row: p.row, column: p.column)
        }
        let table = CountTable(counts: table.counts, margins: published)
        let rules = NetworkProtection(network: CountNetwork(table: table), threshold: threshold(content), configuration: configuration)
        let columns = table.columnCount
        let audit = rules.audit(withheld: Set(pattern.map { $0.row * columns + $0.column }))
        return DisclosureAudit(cells: Dictionary(uniqueKeysWithValues: audit.map {
            (CellPosition(row: $0.key / columns, column: $0.key % columns), $0.value)
        }))
    }

    func threshold(_ content: Content) -> Int { content == .comments ? configuration.commentThreshold : configuration.threshold }
}

/// What a suppression pattern withholds: how many cells, and how many respondents they count.
public struct SuppressionLoss: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Withheld cells.
    public let cells: Int
    /// The sum of the withheld cells.
    public let count: Int
    /// Creates a loss.
    public init(cells: Int, count: Int) {
        self.cells = cells
        self.count = count
    }
    /// "`cells` cells, `count` counted".
    public var description: String { "\(cells) cells, \(count) counted" }
}

/// What an attacker can deduce about each withheld cell of a pattern.
public struct DisclosureAudit: Hashable, Sendable, Codable {
    /// Per withheld cell, its audit.
    public let cells: [CellPosition: CellAudit]
    /// Whether every withheld cell is protected.
    public var isProtected: Bool { cells.values.allSatisfy(\.isProtected) }
    /// The withheld cells an attacker can work out exactly, row-major.
    public var exactlyRecoverable: [CellPosition] { cells.filter { $0.value.lower == $0.value.upper }.map(\.key).sorted() }
}

/// One withheld cell's integer interval and whether it protects the cell.
public struct CellAudit: Hashable, Sendable, Codable {
    /// The true count.
    public let value: Int
    /// The smallest integer value consistent with everything published.
    public let lower: Int
    /// The largest, or `nil` when nothing published bounds it.
    public let upper: Int?
    /// Whether the cell is a primary one (1…k−1, or a zero when zeros are protected): it must reach 0 and
    /// v + P and cover v − P; any other withheld cell must only not be exactly recoverable.
    public let isPrimary: Bool
    /// Whether the interval meets the cell's requirement.
    public let isProtected: Bool

    /// The interval as reals (`upper` infinite when unbounded).
    public var interval: FeasibleInterval { FeasibleInterval(lower: Double(lower), upper: upper.map(Double.init) ?? .infinity) }
}

/// The secondary-suppression search and the audit over one ``CountNetwork``.
struct NetworkProtection {
    let network: CountNetwork
    let threshold: Int
    let protection: Int
    /// Edges that must be withheld: cells of 1…k−1 (and zeros when they are protected).
    let primary: Set<Int>

    /// Per edge, the smallest fixed total at either of its ends (``CountNetwork/unbounded`` when none).
    let ceiling: [Int]

    init(network: CountNetwork, threshold: Int, configuration: DisclosureControl.Configuration) {
        self.network = network
        self.threshold = threshold
        protection = configuration.protection
        var smallest = Array(repeating: CountNetwork.unbounded, count: network.nodeCount)
        for edge in network.edges where edge.role == .fixed {
            smallest[edge.from] = min(smallest[edge.from], edge.value)
            smallest[edge.to] = min(smallest[edge.to], edge.value)
        }
        ceiling = network.edges.map { min(smallest[$0.from], smallest[$0.to]) }
        primary = Set(network.edges.indices.filter { e in
            let edge = network.edges[e]
            return edge.role == .cell && edge.value < threshold && (edge.value > 0 || configuration.protectZeros)
        })
    }

    /// How far edge `e` must be able to rise and fall; a secondary edge needs 1 either way.
    ///
    /// A primary edge of value v must fall to 0 (to max(0, v − P) for a protected cell of k or more) and rise to
    /// v + P, or to the smallest published total it is part of when that is less: a cell can never exceed it.
    func need(_ e: Int) -> (up: Int, down: Int)? {
        guard primary.contains(e) else { return nil }
        let v = network.edges[e].value
        return (min(protection, ceiling[e] - v), v < threshold ? v : min(v, protection))
    }

    /// Secondary suppression in `order`: a withheld set protecting every primary edge, or `nil` when none exists.
    func protect(order: [Int], start: Set<Int>? = nil) -> Set<Int>? {
        var withheld = start ?? primary
        var graph = ResidualGraph(network: network, unknown: network.unknown(withheld: withheld))
        let candidates = network.edges.map { $0.role == .cell }
        var queue = order + withheld.subtracting(order).sorted()
        var i = 0
        while i < queue.count {
            let e = queue[i]
            i += 1
            let directions: [(up: Bool, amount: Int)]
            if let need = need(e) { directions = [(true, need.up), (false, need.down)] } else { directions = [(true, 1)] }
            for (up, amount) in directions where amount > 0 {
                // A secondary edge that can already fall is not exactly recoverable.
                if need(e) == nil, graph.shift(e, up: false, limit: 1).amount >= 1 { break }
                while true {
                    let flow = graph.shift(e, up: up, limit: amount)
                    if flow.amount >= amount { break }
                    guard let opening = graph.cheapestOpening(for: e, up: up, after: flow, candidates: candidates) else { return nil }
                    for c in opening where !withheld.contains(c) {
                        withheld.insert(c)
                        graph.withhold(c)
                        queue.append(c)
                    }
                }
            }
        }
        return withheld
    }

    /// Whether pattern `a` loses no more than `b`: no more cells and no more count.
    func dominates(_ a: Set<Int>, _ b: Set<Int>) -> Bool {
        a.count <= b.count && loss(a) <= loss(b)
    }

    func loss(_ set: Set<Int>) -> Int { set.reduce(0) { $0 + network.edges[$1].value } }

    /// Each withheld edge's integer interval and whether it meets its requirement.
    func audit(withheld: Set<Int>) -> [Int: CellAudit] {
        let graph = ResidualGraph(network: network, unknown: network.unknown(withheld: withheld))
        var result: [Int: CellAudit] = [:]
        for e in withheld {
            let v = network.edges[e].value
            let up = graph.shift(e, up: true, limit: CountNetwork.unbounded).amount
            let down = graph.shift(e, up: false, limit: CountNetwork.unbounded).amount
            let protected: Bool
            if let need = need(e) { protected = up >= need.up && down >= need.down } else { protected = up + down >= 1 }
            result[e] = CellAudit(value: v, lower: v - down, upper: up >= CountNetwork.unbounded ? nil : v + up,
                                  isPrimary: primary.contains(e), isProtected: protected)
        }
        return result
    }

    /// The hypercube heuristic (Repsilber) on a table network: each primary cell, largest first, is protected by
    /// the cheapest rectangle (or, with row totals only, the cheapest partner in its row) whose cells can absorb
    /// its protection; the pattern is then completed by ``protect(order:start:)`` if the audit finds a gap.
    func hypercube(rows: Int, columns: Int, margins: CountTable.Margins) -> Set<Int>? {
        guard rows * columns > 0 else { return nil }
        var withheld = primary
        let value = { (r: Int, c: Int) in network.edges[r * columns + c].value }
        let cost = { (r: Int, c: Int) in withheld.contains(r * columns + c) ? 0 : value(r, c) + 1 }
        let columnsFixed = margins.contains(.columnTotals)
        for e in primary.sorted(by: { (network.edges[$0].value, $0) > (network.edges[$1].value, $1) }) {
            let r = e / columns, c = e % columns
            guard let need = need(e) else { continue }
            var best: (cost: Int, cells: [Int])?
            if columnsFixed {
                for r2 in 0..<rows where r2 != r {
                    for c2 in 0..<columns where c2 != c {
                        // Rising by P empties the two row/column partners; falling by D empties the diagonal.
                        guard value(r, c2) >= need.up, value(r2, c) >= need.up, value(r2, c2) >= need.down else { continue }
                        let total = cost(r, c2) + cost(r2, c) + cost(r2, c2)
                        if best == nil || total < best!.cost { best = (total, [r * columns + c2, r2 * columns + c, r2 * columns + c2]) }
                    }
                }
            } else {
                for c2 in 0..<columns where c2 != c && value(r, c2) >= need.up {
                    if best == nil || cost(r, c2) < best!.cost { best = (cost(r, c2), [r * columns + c2]) }
                }
            }
            guard let chosen = best else { return nil }
            withheld.formUnion(chosen.cells)
        }
        return protect(order: primary.sorted(), start: withheld)
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
    /// A cell of an audited pattern that is not in the table.
    case cellOutOfRange(row: Int, column: Int)

    /// A readable description.
    public var description: String { text(.english) }
}
