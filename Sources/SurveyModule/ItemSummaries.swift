import DiversityKit

/// How a ranking item was ranked: per option, how often it took each rank, and its mean rank.
///
/// ```swift
/// let s = RankingSummary(item: q.item("R1")!, responses: responses)!
/// s.options[0].meanRank   // 1.5: ranked first and second equally often
/// ```
/// Counts are raw: pass them through the report's disclosure control before publishing.
public struct RankingSummary: Codable, Hashable, Sendable {
    /// One option's ranks.
    public struct Option: Codable, Hashable, Sendable {
        /// The option's code.
        public var code: Int
        /// `rankCounts[k]`: how many respondents ranked it at rank `k + 1`.
        public var rankCounts: [Int]
        /// How many ranked it at all.
        public var ranked: Int { rankCounts.reduce(0, +) }
        /// The mean of its ranks among those who ranked it (1 = first), `nil` when nobody did.
        public var meanRank: Double? {
            ranked == 0 ? nil : Double(rankCounts.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }) / Double(ranked)
        }
    }

    /// The item's code.
    public var item: String
    /// Respondents who ranked anything.
    public var respondents: Int
    /// Per option, in the item's order.
    public var options: [Option]

    /// The summary of `item`'s answers in `responses`, or `nil` when `item` is not a ranking.
    public init?(item: Item, responses: some Sequence<SurveyResponse>) {
        guard case .ranking(let options, _, _) = item.kind else { return nil }
        let index = Dictionary(options.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        var counts = Array(repeating: Array(repeating: 0, count: options.count), count: options.count)
        var n = 0
        for r in responses {
            guard case .values(let ranked)? = r.answers[item.code], !ranked.isEmpty else { continue }
            n += 1
            for (rank, code) in ranked.enumerated() where rank < options.count {
                if let i = index[code] { counts[i][rank] += 1 }
            }
        }
        self.item = item.code
        respondents = n
        self.options = options.enumerated().map { Option(code: $1.code, rankCounts: counts[$0]) }
    }
}

/// The answered cells of a dual-scale array or numeric matrix: per cell key, count, mean,
/// minimum, maximum and (for dual-scale cells) the count of each option.
///
/// ```swift
/// let s = CellSummary(item: q.item("NM")!, responses: responses)!
/// s.cells["Y1#X1"]?.mean
/// ```
/// Counts are raw: pass them through the report's disclosure control before publishing.
public struct CellSummary: Codable, Hashable, Sendable {
    /// One cell's answers.
    public struct Cell: Codable, Hashable, Sendable {
        /// How many answered it.
        public var count: Int
        /// Their sum.
        public var sum: Int
        /// The lowest and highest value.
        public var minimum: Int, maximum: Int
        /// How often each value was given.
        public var valueCounts: [Int: Int]
        /// The mean value.
        public var mean: Double { Double(sum) / Double(count) }
    }

    /// The item's code.
    public var item: String
    /// Per answered cell key (``DualScale/cellKey(row:scale:)``, ``NumericMatrix/cellKey(row:column:)``).
    public var cells: [String: Cell]

    /// The summary of `item`'s answers in `responses`, or `nil` when `item` has no cells.
    public init?(item: Item, responses: some Sequence<SurveyResponse>) {
        switch item.kind {
        case .dualScale, .numericMatrix: break
        default: return nil
        }
        var cells: [String: Cell] = [:]
        for r in responses {
            guard case .cells(let answered)? = r.answers[item.code] else { continue }
            for (key, v) in answered {
                var c = cells[key] ?? Cell(count: 0, sum: 0, minimum: v, maximum: v, valueCounts: [:])
                c.count += 1
                c.sum = c.sum.addingReportingOverflow(v).partialValue
                c.minimum = min(c.minimum, v)
                c.maximum = max(c.maximum, v)
                c.valueCounts[v, default: 0] += 1
                cells[key] = c
            }
        }
        self.item = item.code
        self.cells = cells
    }
}

/// The dates a date item was answered with: count, earliest, median, latest, and counts per month.
/// Counts are raw: pass them through the report's disclosure control before publishing.
public struct DateSummary: Codable, Hashable, Sendable {
    /// The item's code.
    public var item: String
    /// How many answered.
    public var count: Int
    /// The earliest, median (lower middle) and latest day, `nil` when nobody answered.
    public var earliest: CalendarDate?, median: CalendarDate?, latest: CalendarDate?
    /// Answers per month, keyed `"YYYY-MM"`.
    public var perMonth: [String: Int]

    /// The summary of `item`'s answers in `responses`, or `nil` when `item` is not a date item.
    public init?(item: Item, responses: some Sequence<SurveyResponse>) {
        guard case .date = item.kind else { return nil }
        let days = responses.compactMap { $0.answers[item.code]?.intValue }.sorted()
        self.item = item.code
        count = days.count
        earliest = days.first.map(CalendarDate.init(dayNumber:))
        latest = days.last.map(CalendarDate.init(dayNumber:))
        median = days.isEmpty ? nil : CalendarDate(dayNumber: days[(days.count - 1) / 2])
        var months: [String: Int] = [:]
        for d in days { months[String(CalendarDate(dayNumber: d).description.prefix(7)), default: 0] += 1 }
        perMonth = months
    }
}
