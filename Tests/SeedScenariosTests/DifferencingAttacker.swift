import Foundation

/// A differencing attacker written for the tests, independent of the library: it holds two rendered
/// Markdown reports of the same people (before and after a few more answers, or a group and a group a few
/// people smaller) and subtracts every figure the two both print. Whatever a difference of 1…k−1 people
/// pins down — a count, a rank, a rating, a comment, a category — it has learnt about that small group.
enum DifferencingAttacker {
    static let threshold = 5

    /// One table as printed: caption, heading and rows of text.
    typealias Table = ReadTable

    static func tables(_ markdown: String) -> [Table] { RenderedReportReader.markdown(markdown) }

    static func integer(_ field: String) -> Int? { RenderedReportReader.number(field).flatMap { $0 == $0.rounded() ? Int($0) : nil } }

    /// The ranking tables (first heading "Alternativ"/"Option"), by caption: option → (rank counts, ranked by).
    static func rankings(_ markdown: String) -> [String: [String: (ranks: [Int?], rankedBy: Int?)]] {
        var result: [String: [String: (ranks: [Int?], rankedBy: Int?)]] = [:]
        for t in tables(markdown) where t.header.first == "Alternativ" || t.header.first == "Option" {
            let rankColumns = t.header.indices.filter { t.header[$0].hasPrefix("Plats") || t.header[$0].hasPrefix("Rank ") }
            let rankedBy = t.header.firstIndex { $0 == "Rangordnad av" || $0 == "Ranked by" }
            var rows: [String: (ranks: [Int?], rankedBy: Int?)] = [:]
            for row in t.rows { rows[row[0]] = (rankColumns.map { integer(row[$0]) }, rankedBy.flatMap { integer(row[$0]) }) }
            result[t.caption] = rows
        }
        return result
    }

    /// "31 svarande rangordnade alternativen": respondents per ranking paragraph, in order.
    static func rankingRespondents(_ markdown: String) -> [Int] {
        markdown.split(separator: "\n").compactMap { line in
            guard line.contains("svarande rangordnade") || line.contains("respondents ranked") else { return nil }
            return Int(line.prefix { $0.isNumber || $0 == " " || $0 == "\u{00A0}" }.filter(\.isNumber))
        }
    }

    /// What two renderings of a ranking give away about the people in one but not the other: per ranking,
    /// option and rank, the difference of two printed counts, when 1…k−1 people separate the reports.
    static func rankingDifferences(_ a: String, _ b: String) -> [String] {
        let (ra, rb) = (rankings(a), rankings(b))
        let (na, nb) = (rankingRespondents(a), rankingRespondents(b))
        var learnt: [String] = []
        for (caption, rowsA) in ra {
            guard let rowsB = rb[caption] else { continue }
            // How many people separate the two reports: the printed respondents, else the ranked-by totals.
            let d: Int? = na.count == 1 && nb.count == 1 ? abs(na[0] - nb[0]) : nil
            for (option, x) in rowsA {
                guard let y = rowsB[option] else { continue }
                for r in x.ranks.indices where r < y.ranks.count {
                    guard let p = x.ranks[r], let q = y.ranks[r], p != q else { continue }
                    if let d, d >= threshold { continue }
                    learnt.append("\(caption): \(abs(p - q)) of the \(d.map(String.init) ?? "few") put \(option) at rank \(r + 1)")
                }
                if let p = x.rankedBy, let q = y.rankedBy, p != q, abs(p - q) < threshold {
                    learnt.append("\(caption): \(abs(p - q)) more ranked \(option)")
                }
            }
        }
        return learnt.sorted()
    }

    /// The comments a rendering lists (the bullets after the "Kommentarer"/"Comments" heading).
    static func comments(_ markdown: String) -> [String] {
        var inComments = false, found: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { inComments = line.hasSuffix(" Kommentarer") || line.hasSuffix(" Comments"); continue }
            if inComments && line.hasPrefix("- ") { found.append(String(line.dropFirst(2))) }
        }
        return found
    }

    /// The comments one rendering lists beyond the other's, when they are fewer than the comment threshold:
    /// those few people wrote them.
    static func commentDifferences(_ a: String, _ b: String, commentThreshold: Int = 10) -> [String] {
        var rest = comments(a)
        var extra: [String] = []
        for c in comments(b) {
            if let i = rest.firstIndex(of: c) { rest.remove(at: i) } else { extra.append(c) }
        }
        let separated = extra.count + rest.count
        return separated > 0 && separated < commentThreshold && !(comments(a).isEmpty || comments(b).isEmpty) ? (extra + rest).sorted() : []
    }

    /// A rating row as printed: the group (intervention, facilitator, dimension), n and mean.
    struct RatingRow {
        var key: [String]
        var n: Int?
        var mean: Double?
    }

    /// The rating tables (heading with "Antal svar"/"Respondents" and "Medelvärde"/"Mean"), by caption.
    static func ratingRows(_ markdown: String) -> [String: [RatingRow]] {
        var result: [String: [RatingRow]] = [:]
        for t in tables(markdown) {
            guard let n = t.header.firstIndex(where: { $0 == "Antal svar" || $0 == "Respondents" }),
                  let m = t.header.firstIndex(where: { $0 == "Medelvärde" || $0 == "Mean" }), m == n + 1 else { continue }
            result[t.caption, default: []] += t.rows.map { RatingRow(key: Array($0[0..<n]), n: integer($0[n]), mean: RenderedReportReader.number($0[m])) }
        }
        return result
    }

    /// The integers a sum of ratings can be, given printed n and a mean rounded to two decimals.
    static func sumRange(n: Int, mean: Double) -> ClosedRange<Int> {
        Int((Double(n) * (mean - 0.005) - 1e-9).rounded(.up))...Int((Double(n) * (mean + 0.005) + 1e-9).rounded(.down))
    }

    /// What two renderings of ratings give away: for a group printed in both (or a group in one and the parts
    /// that fill it in the other) whose n differ by 1…k−1, the ratings of those few when their sum is pinned.
    static func ratingDifferences(_ a: String, _ b: String, scale: ClosedRange<Int> = 1...5) -> [String] {
        let rowsA = ratingRows(a).values.flatMap { $0 }, rowsB = ratingRows(b).values.flatMap { $0 }
        var learnt: [String] = []
        func pinned(_ d: Int, _ low: Int, _ high: Int) -> Bool {
            // The few's sum lies in [low, high] and between d·min and d·max; one value left, or d = 1 and one rating.
            let lo = max(low, d * scale.lowerBound), hi = min(high, d * scale.upperBound)
            return lo == hi || (lo <= hi && (d * scale.upperBound == lo || d * scale.lowerBound == hi))
        }
        // The same group in both.
        for x in rowsA {
            for y in rowsB where y.key == x.key {
                guard let n1 = x.n, let m1 = x.mean, let n2 = y.n, let m2 = y.mean else { continue }
                let d = abs(n2 - n1)
                guard d > 0 && d < threshold else { continue }
                let (s1, s2) = (sumRange(n: n1, mean: m1), sumRange(n: n2, mean: m2))
                let (big, small) = n2 > n1 ? (s2, s1) : (s1, s2)
                if pinned(d, big.lowerBound - small.upperBound, big.upperBound - small.lowerBound) {
                    learnt.append("\(x.key.joined(separator: " / ")): the \(d) rating(s) in between are pinned")
                }
            }
        }
        // A group in one report against its facilitator rows in the other (intervention, –, dimension).
        for (x, later, earlier) in rowsA.map({ ($0, rowsB, true) }) + rowsB.map({ ($0, rowsA, false) }) where x.key.count == 2 {
            let parts = later.filter { $0.key.count == 3 && $0.key[0] == x.key[0] && $0.key[2] == x.key[1] }
            guard parts.count >= 1, let n = x.n, let m = x.mean, parts.allSatisfy({ $0.n != nil && $0.mean != nil }) else { continue }
            // Facilitator rows of the same intervention in the same report must not be it (that is the within-report rule).
            _ = earlier
            let total = parts.reduce(0) { $0 + $1.n! }
            let d = abs(total - n)
            guard d > 0 && d < threshold else { continue }
            let sums = parts.map { sumRange(n: $0.n!, mean: $0.mean!) }
            let lowParts = sums.reduce(0) { $0 + $1.lowerBound }, highParts = sums.reduce(0) { $0 + $1.upperBound }
            let whole = sumRange(n: n, mean: m)
            let (low, high) = total > n ? (lowParts - whole.upperBound, highParts - whole.lowerBound)
                : (whole.lowerBound - highParts, whole.upperBound - lowParts)
            if pinned(d, low, high) { learnt.append("\(x.key.joined(separator: " / ")) against its facilitator rows: the \(d) rating(s) in between are pinned") }
        }
        return learnt.sorted()
    }

    /// The Kirkpatrick reaction as printed (row "Reaktion" of the table headed "Nivå"): n and mean.
    static func reaction(_ markdown: String) -> (n: Int, mean: Double)? {
        for t in tables(markdown) where t.header.first == "Nivå" || t.header.first == "Level" {
            for row in t.rows where row[0] == "Reaktion" || row[0] == "Reaction" {
                if let n = integer(row[2]), let m = RenderedReportReader.number(row[3]) { return (n, m) }
            }
        }
        return nil
    }

    /// What a reaction mean over every rating gives away beside a course evaluation's intervention rows:
    /// the ratings the shown rows leave out, when they are 1…k−1 and their sum is pinned.
    static func reactionDifferences(course: String, followUp: String) -> [String] {
        guard let reaction = reaction(followUp) else { return [] }
        let rows = (ratingRows(course).values.flatMap { $0 }).filter { $0.key.count == 2 && $0.n != nil && $0.mean != nil }
        let d = reaction.n - rows.reduce(0) { $0 + $1.n! }
        guard d > 0 && d < threshold else { return [] }
        let whole = sumRange(n: reaction.n, mean: reaction.mean)
        let parts = rows.map { sumRange(n: $0.n!, mean: $0.mean!) }
        let low = whole.lowerBound - parts.reduce(0) { $0 + $1.upperBound }, high = whole.upperBound - parts.reduce(0) { $0 + $1.lowerBound }
        let lo = max(low, d), hi = min(high, 5 * d)
        return lo == hi ? ["the \(d) rating(s) outside the course rows sum to \(lo)"] : []
    }

    /// The participant tables (second heading "Antal deltagare"/"Participants"), by caption: category → count.
    static func categoryTables(_ markdown: String) -> [String: [String: Int?]] {
        var result: [String: [String: Int?]] = [:]
        for t in tables(markdown) where t.header.count == 2 && (t.header[1] == "Antal deltagare" || t.header[1] == "Participants") {
            result[t.caption] = Dictionary(t.rows.map { ($0[0], integer($0[1])) }, uniquingKeysWith: { a, _ in a })
        }
        return result
    }

    /// What two renderings of participant statistics give away: categories whose printed counts differ while
    /// 1…k−1 participants separate the reports.
    static func categoryDifferences(_ a: String, _ b: String) -> [String] {
        let (ta, tb) = (categoryTables(a), categoryTables(b))
        var learnt: [String] = []
        for (caption, x) in ta {
            guard let y = tb[caption] else { continue }
            let totals = x.keys.filter { $0 == "Totalt" || $0 == "Total" }
            guard let totalKey = totals.first, let t1 = x[totalKey] ?? nil, let t2 = y[totalKey] ?? nil else { continue }
            let d = abs(t2 - t1)
            guard d > 0 && d < threshold else { continue }
            for (category, p) in x where category != totalKey {
                if let p, let q = y[category] ?? nil, p != q { learnt.append("\(caption): \(abs(q - p)) of the \(d) are \(category)") }
            }
        }
        return learnt.sorted()
    }
}
