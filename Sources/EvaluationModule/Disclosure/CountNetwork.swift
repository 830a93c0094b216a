import Foundation

/// Counts that are published together, as a flow network: every count is an edge, and every published
/// equation "a total is the sum of its parts" is a node where inflow equals outflow.
///
/// A table with row, column and grand totals is the network source → row → column → sink → source:
/// the edge source → row carries the row total, row → column the cell, column → sink the column total and
/// sink → source the grand total. The same shape holds one item's answers per unit *and* the item's overall
/// distribution (its column totals), so both are audited as one system.
///
/// Such constraint matrices are totally unimodular, so the integer interval of a withheld count equals its
/// LP interval, and both come from maximum flows: a withheld edge u → v can rise by δ exactly when δ units
/// can flow from v back to u through the other unknown edges (each can rise without limit, or fall to zero),
/// and can fall by δ when δ units can flow from u to v. Every figure the library derives from a row with a
/// withheld count (its mean, SD, shares) is withheld, so nothing else constrains the counts.
struct CountNetwork: Sendable {
    /// What publishing does with an edge.
    enum Role: Hashable, Sendable {
        /// Always published (a total shown whatever its size).
        case fixed
        /// A count subject to disclosure control: published unless suppression withholds it.
        case cell
        /// Never published, and needing no protection of its own (e.g. a total the table does not show).
        case hidden
    }

    struct Edge: Hashable, Sendable {
        var from: Int
        var to: Int
        var value: Int
        var role: Role
    }

    var nodeCount: Int
    var edges: [Edge]

    /// An unbounded shift.
    static let unbounded = Int.max / 4

    /// The network of a table: nodes 0 = source, 1 = sink, then rows, then columns; edges in row-major
    /// cell order first (edge `r * columns + c` is cell (r, c)), then row totals, column totals, grand total.
    init(table: CountTable) {
        let rows = table.rowCount, columns = table.columnCount
        nodeCount = 2 + rows + columns
        var edges: [Edge] = []
        edges.reserveCapacity(rows * columns + rows + columns + 1)
        for r in 0..<rows {
            for c in 0..<columns { edges.append(Edge(from: 2 + r, to: 2 + rows + c, value: table.counts[r][c], role: .cell)) }
        }
        let role = { (m: CountTable.Margins) -> Role in table.margins.contains(m) ? .fixed : .hidden }
        for (r, t) in table.rowTotals.enumerated() { edges.append(Edge(from: 0, to: 2 + r, value: t, role: role(.rowTotals))) }
        for (c, t) in table.columnTotals.enumerated() { edges.append(Edge(from: 2 + rows + c, to: 1, value: t, role: role(.columnTotals))) }
        edges.append(Edge(from: 1, to: 0, value: table.grandTotal, role: role(.grandTotal)))
        self.edges = edges
    }

    init(nodeCount: Int, edges: [Edge]) {
        self.nodeCount = nodeCount
        self.edges = edges
    }

    /// The unknown edges given the withheld cells: withheld cells and hidden edges.
    func unknown(withheld: Set<Int>) -> [Bool] {
        edges.indices.map { edges[$0].role == .hidden || withheld.contains($0) }
    }
}

/// Maximum-flow searches over the residual graph of a network's unknown edges.
///
/// Arc 2e is edge e's forward arc (its count may rise: capacity unbounded), arc 2e + 1 its backward arc
/// (its count may fall to zero: capacity its value). Capacities are copied per search, so one residual
/// graph serves many audits.
struct ResidualGraph {
    let network: CountNetwork
    private(set) var unknown: [Bool]
    /// Per node, the arcs leaving it.
    private var outgoing: [[Int]]
    /// Per node, the arcs published edges would have once withheld (edges withheld since are skipped).
    private let closed: [[Int]]
    /// The flow of the latest search, reused so a search costs what it touches, not the whole graph.
    private let scratch: FlowScratch

    init(network: CountNetwork, unknown: [Bool]) {
        self.network = network
        self.unknown = unknown
        outgoing = Array(repeating: [], count: network.nodeCount)
        var closed = Array(repeating: [Int](), count: network.nodeCount)
        for e in network.edges.indices {
            if unknown[e] {
                outgoing[network.edges[e].from].append(2 * e)
                outgoing[network.edges[e].to].append(2 * e + 1)
            } else {
                closed[network.edges[e].from].append(2 * e)
                closed[network.edges[e].to].append(2 * e + 1)
            }
        }
        self.closed = closed
        scratch = FlowScratch(arcs: 2 * network.edges.count)
    }

    private mutating func link(_ e: Int) {
        let edge = network.edges[e]
        outgoing[edge.from].append(2 * e)
        outgoing[edge.to].append(2 * e + 1)
    }

    /// Makes edge `e` unknown (withheld).
    mutating func withhold(_ e: Int) {
        guard !unknown[e] else { return }
        unknown[e] = true
        link(e)
    }

    func head(_ arc: Int) -> Int { arc & 1 == 0 ? network.edges[arc >> 1].to : network.edges[arc >> 1].from }
    func capacity(_ arc: Int) -> Int { arc & 1 == 0 ? CountNetwork.unbounded : network.edges[arc >> 1].value }

    /// How far edge `e` can rise (`up`) or fall, up to `limit` (``CountNetwork/unbounded`` for no limit), as
    /// the maximum flow between its ends through the other unknown edges.
    func shift(_ e: Int, up: Bool, limit: Int) -> Flow {
        let edge = network.edges[e]
        let limit = up ? limit : min(limit, edge.value)
        return maxFlow(from: up ? edge.to : edge.from, to: up ? edge.from : edge.to, excluding: e, limit: limit)
    }

    /// Units pushed per arc by the latest search, and which arcs it touched.
    final class FlowScratch {
        var pushed: [Int]
        var touched: [Int] = []
        init(arcs: Int) { pushed = Array(repeating: 0, count: arcs) }
        func reset() {
            for arc in touched { pushed[arc] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        func push(_ amount: Int, along arc: Int) {
            if pushed[arc] == 0 { touched.append(arc) }
            pushed[arc] += amount
        }
    }

    /// A flow found by ``maxFlow(from:to:excluding:limit:)``: its amount; what it pushed along each arc is in the
    /// graph's scratch until the next search.
    struct Flow {
        var amount: Int
    }

    /// The capacity left on `arc` after the latest search.
    func residual(_ arc: Int, after flow: Flow) -> Int {
        let c = capacity(arc)
        return c >= CountNetwork.unbounded ? CountNetwork.unbounded : c - scratch.pushed[arc] + scratch.pushed[arc ^ 1]
    }

    /// Edmonds–Karp: shortest augmenting paths until `limit` units flow or no path is left.
    func maxFlow(from s: Int, to t: Int, excluding excluded: Int, limit: Int) -> Flow {
        scratch.reset()
        var flow = Flow(amount: 0)
        func residual(_ arc: Int) -> Int { self.residual(arc, after: flow) }
        var total = 0
        var parent = Array(repeating: -1, count: network.nodeCount)
        var seen = Array(repeating: false, count: network.nodeCount)
        while total < limit {
            for i in seen.indices { seen[i] = false; parent[i] = -1 }
            seen[s] = true
            var queue = [s], head = 0
            search: while head < queue.count {
                let node = queue[head]
                head += 1
                for arc in outgoing[node] where arc >> 1 != excluded {
                    let next = self.head(arc)
                    if seen[next] || residual(arc) <= 0 { continue }
                    seen[next] = true
                    parent[next] = arc
                    if next == t { break search }
                    queue.append(next)
                }
            }
            guard seen[t] else { flow.amount = total; return flow }
            var bottleneck = limit - total, node = t
            while node != s {
                let arc = parent[node]
                bottleneck = min(bottleneck, residual(arc))
                node = network.edges[arc >> 1].from == node ? network.edges[arc >> 1].to : network.edges[arc >> 1].from
            }
            if bottleneck >= CountNetwork.unbounded { return Flow(amount: CountNetwork.unbounded) }
            node = t
            while node != s {
                let arc = parent[node]
                scratch.push(bottleneck, along: arc)
                node = network.edges[arc >> 1].from == node ? network.edges[arc >> 1].to : network.edges[arc >> 1].from
            }
            total += bottleneck
        }
        flow.amount = total
        return flow
    }

    /// The cheapest set of published cells whose withholding opens an augmenting path for `e`'s shift after
    /// `flow` (the latest search): Dijkstra where unknown arcs with residual capacity cost 0 and a published candidate cell costs
    /// its value plus one (withholding it loses the count and one cell). Returns the cells on that path, never
    /// empty (`flow` is maximal), or `nil` when no withholding can help.
    func cheapestOpening(for e: Int, up: Bool, after flow: Flow, candidates: [Bool]) -> [Int]? {
        let edge = network.edges[e]
        let s = up ? edge.to : edge.from, t = up ? edge.from : edge.to
        var distance = Array(repeating: Int.max, count: network.nodeCount)
        var via = Array(repeating: -1, count: network.nodeCount)   // arc index over all edges (2e / 2e+1)
        var heap = MinHeap()
        distance[s] = 0
        heap.push((0, s))
        func relax(_ arc: Int, to distanceThere: Int) {
            let next = head(arc)
            if distanceThere < distance[next] {
                distance[next] = distanceThere
                via[next] = arc
                heap.push((distanceThere, next))
            }
        }
        while let (d, node) = heap.pop() {
            if d > distance[node] { continue }
            if node == t { break }
            for arc in outgoing[node] where arc >> 1 != e && residual(arc, after: flow) > 0 { relax(arc, to: d) }
            for arc in closed[node] where arc >> 1 != e && candidates[arc >> 1] && !unknown[arc >> 1] {
                let cell = network.edges[arc >> 1]
                if arc & 1 == 1 && cell.value == 0 { continue }
                relax(arc, to: d + cell.value + 1)
            }
        }
        guard distance[t] != Int.max else { return nil }
        var cells: [Int] = [], node = t
        while node != s {
            let arc = via[node]
            if !unknown[arc >> 1] { cells.append(arc >> 1) }
            node = arc & 1 == 0 ? network.edges[arc >> 1].from : network.edges[arc >> 1].to
        }
        return cells
    }
}

/// A binary min-heap of (priority, node).
struct MinHeap {
    private var items: [(Int, Int)] = []

    mutating func push(_ item: (Int, Int)) {
        items.append(item)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if items[p].0 <= items[i].0 { break }
            items.swapAt(p, i)
            i = p
        }
    }

    mutating func pop() -> (Int, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l].0 < items[m].0 { m = l }
                if r < items.count && items[r].0 < items[m].0 { m = r }
                if m == i { break }
                items.swapAt(m, i)
                i = m
            }
        }
        return top
    }
}
