import DiversityKit
import SurveyModule
import Testing
@testable import EvaluationModule

/// The one-pass tally and the count/moment initialisers agree with the answer-based implementations.
@Suite("Likert tally")
struct LikertTallyTests {
    /// 12 items, 1…5, two scales of 6 (columns 0,2,…,10 and 1,3,…,11; the last item of each reversed), 9 units.
    static var questionnaire: Questionnaire {
        let codes = (0..<12).map { "I\($0 + 10)" }
        let items = codes.enumerated().map { i, code in
            Item(code: code, prompt: LocalizedText(sv: code, en: code), kind: .likert(scale: .agreement5, reverseCoded: i >= 10))
        }
        return Questionnaire(id: "tally", title: LocalizedText(sv: "T", en: "T"),
                             sections: [Section(code: "A", title: LocalizedText(sv: "A", en: "A"), items: items)],
                             scales: [Scale(code: "EVEN", title: LocalizedText(sv: "J", en: "E"), itemCodes: stride(from: 0, to: 12, by: 2).map { codes[$0] }, minimumAnswered: 4),
                                      Scale(code: "ODD", title: LocalizedText(sv: "U", en: "O"), itemCodes: stride(from: 1, to: 12, by: 2).map { codes[$0] }, minimumAnswered: 5)])
    }

    /// Rows with correlated answers, 10 % missing, units 0…8 with unit 8 tiny and some rows without a unit.
    static func rows(_ count: Int, seed: UInt64) -> (codes: [Int8], units: [Int32]) {
        var rng = SplitMix64(seed: seed)
        var codes: [Int8] = [], units: [Int32] = []
        for r in 0..<count {
            let trait = [Int(rng.next() % 5), Int(rng.next() % 5)]
            for i in 0..<12 {
                let v = Int8(min(5, max(1, 1 + trait[i % 2] + Int(rng.next() % 3) - 1)))
                codes.append(rng.next() % 10 == 0 ? 0 : (i >= 10 ? 6 - v : v))
            }
            units.append(r % 50 == 0 ? -1 : (r < 3 ? 8 : Int32(rng.next() % 8)))
        }
        return (codes, units)
    }

    static func tally(_ codes: [Int8], _ units: [Int32]) throws -> LikertTally {
        var t = try LikertTally(layout: try LikertTally.Layout(questionnaire: questionnaire, itemCodes: questionnaire.items.map(\.code), unitCount: 9))
        try t.add(rows: codes, units: units)
        return t
    }

    @Test("counts describe the same sample as the answers", arguments: [1, 2, 7, 100, 1001])
    func descriptivesFromCounts(size: Int) throws {
        var rng = SplitMix64(seed: UInt64(size))
        let answers = (0..<size).map { _ in 1 + Int(rng.next() % 5) }
        let counts = (1...5).map { p in answers.filter { $0 == p }.count }
        let a = try Descriptives(counts: counts, points: 1...5), b = try Descriptives(answers)
        #expect(a.count == b.count && close(a.mean, b.mean, 1e-12))
        #expect(a.standardDeviation.map { close($0, b.standardDeviation!, 1e-12) } ?? (b.standardDeviation == nil))
        #expect([a.minimum, a.lowerQuartile, a.median, a.upperQuartile, a.maximum]
                == [b.minimum, b.lowerQuartile, b.median, b.upperQuartile, b.maximum])
        let s = try ScaleItemSummary(counts: counts, missing: 3, points: 1...5)
        let r = try ScaleItemSummary(answers: answers + [nil, nil, nil], points: 1...5)
        #expect(s.counts == r.counts && s.missing == r.missing && s.topTwoBox == r.topTwoBox && s.answered == r.answered)
    }

    @Test("counts that cannot describe a sample are refused")
    func badCounts() {
        #expect(throws: StatisticsError.unpairedLengths(first: 3, second: 5)) { try Descriptives(counts: [1, 2, 3], points: 1...5) }
        #expect(throws: StatisticsError.invalidCount(successes: -1, total: 1)) { try Descriptives(counts: [1, -1, 1], points: 1...3) }
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0)) { try Descriptives(counts: [0, 0], points: 1...2) }
        #expect(throws: StatisticsError.tooFewItems(1)) { try ScaleItemSummary(counts: [4], missing: 0, points: 1...1) }
        #expect(throws: StatisticsError.invalidCount(successes: -2, total: 3)) { try ScaleItemSummary(counts: [1, 2], missing: -2, points: 1...2) }
    }

    @Test("reliability from moments equals reliability from the answers")
    func reliabilityFromMoments() throws {
        var rng = SplitMix64(seed: 3)
        let items: [[Int?]] = (0..<4).map { _ in (0..<200).map { r in rng.next() % 9 == 0 ? nil : 1 + (r + Int(rng.next() % 3)) % 5 } }
        let complete = (0..<200).filter { r in items.allSatisfy { $0[r] != nil } }
        let sums = items.map { item in complete.reduce(0) { $0 + item[$1]! } }
        let products = items.map { a in items.map { b in complete.reduce(0) { $0 + a[$1]! * b[$1]! } } }
        let m = try ScaleReliability(completeCases: complete.count, sums: sums, products: products)
        let r = try ScaleReliability(items: items)
        #expect(m.completeCases == r.completeCases && close(m.alpha, r.alpha, 1e-12))
        for i in 0..<4 {
            #expect(close(m.alphaIfItemDeleted[i]!, r.alphaIfItemDeleted[i]!, 1e-12))
            #expect(close(m.correctedItemTotalCorrelations[i]!, r.correctedItemTotalCorrelations[i]!, 1e-12))
        }
    }

    @Test("moments that cannot give a reliability are refused")
    func badMoments() {
        #expect(throws: StatisticsError.tooFewItems(1)) { try ScaleReliability(completeCases: 5, sums: [3], products: [[9]]) }
        #expect(throws: StatisticsError.itemLengthsDiffer(item: 1, expected: 2, got: 1)) {
            try ScaleReliability(completeCases: 5, sums: [3, 4], products: [[1, 2], [3]])
        }
        #expect(throws: StatisticsError.tooFewObservations(needed: 2, got: 1)) {
            try ScaleReliability(completeCases: 1, sums: [3, 4], products: [[9, 12], [12, 16]])
        }
        // Two respondents answering (2, 2) and (2, 2): no variance at all.
        #expect(throws: StatisticsError.zeroVariance) { try ScaleReliability(completeCases: 2, sums: [4, 4], products: [[8, 8], [8, 8]]) }
    }

    @Test("the tally's item summaries equal the answer-based summaries")
    func items() throws {
        let (codes, units) = Self.rows(600, seed: 11)
        let t = try Self.tally(codes, units)
        #expect(t.rowCount == 600)
        for i in 0..<12 {
            let answers: [Int?] = (0..<600).map { r in codes[r * 12 + i] == 0 ? nil : Int(codes[r * 12 + i]) }
            let a = try t.itemSummary(i), b = try ScaleItemSummary(answers: answers, points: 1...5)
            #expect(a.counts == b.counts && a.missing == b.missing)
            #expect(close(a.descriptives.mean, b.descriptives.mean, 1e-12) && close(a.descriptives.standardDeviation!, b.descriptives.standardDeviation!, 1e-12))
        }
    }

    @Test("the tally's alpha equals ScaleReliability over reverse-scored complete cases")
    func reliability() throws {
        let (codes, units) = Self.rows(600, seed: 12)
        let t = try Self.tally(codes, units)
        for (s, columns) in [stride(from: 0, to: 12, by: 2), stride(from: 1, to: 12, by: 2)].map(Array.init).enumerated() {
            let items: [[Int?]] = columns.map { c in
                (0..<600).map { r in codes[r * 12 + c] == 0 ? nil : (c >= 10 ? 6 - Int(codes[r * 12 + c]) : Int(codes[r * 12 + c])) }
            }
            let a = try t.reliability(ofScale: s), b = try ScaleReliability(items: items)
            #expect(a.completeCases == b.completeCases && close(a.alpha, b.alpha, 1e-12))
            #expect(zip(a.alphaIfItemDeleted, b.alphaIfItemDeleted).allSatisfy { close($0!, $1!, 1e-12) })
            #expect(zip(a.correctedItemTotalCorrelations, b.correctedItemTotalCorrelations).allSatisfy { close($0!, $1!, 1e-12) })
        }
    }

    @Test("unit means equal the means of ResponseMatrix scale scores, withheld below k = 5")
    func unitMeans() throws {
        let (codes, units) = Self.rows(600, seed: 13)
        let t = try Self.tally(codes, units)
        let q = Self.questionnaire
        var builder = ResponseMatrix.Builder(questionnaire: q)
        for r in 0..<600 {
            try builder.append(codes: (0..<12).map { codes[r * 12 + $0] == 0 ? ResponseMatrix.missing : Int32(codes[r * 12 + $0]) },
                               unit: units[r] < 0 ? nil : "u\(units[r])", partial: false)
        }
        let m = builder.build()
        var suppressed = 0
        for (s, scale) in q.scales.enumerated() {
            let scores = m.scaleScores(scale)
            let means = try t.unitMeans(ofScale: s)
            for u in 0..<9 {
                let mine = (0..<600).compactMap { r in m.unit(row: r) == "u\(u)" ? scores[r] : nil }
                #expect(means[u].respondents == mine.count)
                if mine.count < 5 {
                    #expect(means[u].isSuppressed)
                    suppressed += 1
                } else {
                    #expect(close(means[u].mean!, mine.reduce(0, +) / Double(mine.count), 1e-12))
                }
            }
        }
        #expect(suppressed == 2)
        let strict = try t.unitMeans(ofScale: 0, disclosure: try .init(threshold: 200))
        #expect(strict.allSatisfy { $0.isSuppressed })
    }

    @Test("chunks and merged tallies give the tally of the whole")
    func chunking() throws {
        let (codes, units) = Self.rows(300, seed: 14)
        let whole = try Self.tally(codes, units)
        var chunked = try Self.tally([], [])
        for start in stride(from: 0, to: 300, by: 70) {
            let end = min(start + 70, 300)
            try chunked.add(rows: Array(codes[(start * 12)..<(end * 12)]), units: Array(units[start..<end]))
        }
        #expect(chunked == whole)
        var merged = try Self.tally(Array(codes[..<1200]), Array(units[..<100]))
        try merged.merge(try Self.tally(Array(codes[1200...]), Array(units[100...])))
        #expect(merged == whole)
    }

    @Test("a bad row is reported by row and item, and leaves the tally as it was")
    func badRows() throws {
        let (codes, units) = Self.rows(10, seed: 15)
        var t = try Self.tally(codes, units)
        let before = t
        var bad = codes
        bad[3 * 12 + 7] = 6
        #expect(throws: LikertTallyError.answerOutsideScale(answer: 6, row: 3, item: 7)) { try t.add(rows: bad, units: units) }
        var badUnits = units
        badUnits[4] = 9
        #expect(throws: LikertTallyError.unitOutOfRange(unit: 9, row: 4)) { try t.add(rows: codes, units: badUnits) }
        #expect(throws: LikertTallyError.rowLengthMismatch(codes: 119, itemCount: 12, units: 10)) {
            try t.add(rows: Array(codes.dropLast()), units: units)
        }
        #expect(t == before)
        #expect(throws: LikertTallyError.indexOutOfRange(12)) { try t.itemSummary(12) }
        #expect(throws: LikertTallyError.indexOutOfRange(2)) { try t.reliability(ofScale: 2) }
        #expect(throws: LikertTallyError.indexOutOfRange(-1)) { try t.unitMeans(ofScale: -1) }
        var other = try LikertTally(layout: .init(itemCount: 12, points: 1...5, unitCount: 9, scales: []))
        #expect(throws: LikertTallyError.layoutsDiffer) { try other.merge(t) }
    }

    @Test("layouts that make no sense are refused", arguments: [
        LikertTally.Layout(itemCount: 0, points: 1...5, unitCount: 1, scales: []),
        LikertTally.Layout(itemCount: 2, points: 1...1, unitCount: 1, scales: []),
        LikertTally.Layout(itemCount: 2, points: 0...4, missingCode: 0, unitCount: 1, scales: []),
        LikertTally.Layout(itemCount: 2, points: 1...5, missingCode: 300, unitCount: 1, scales: []),
        LikertTally.Layout(itemCount: 2, points: 1...500, missingCode: 0, unitCount: 1, scales: []),
        LikertTally.Layout(itemCount: 2, points: 1...5, unitCount: -1, scales: []),
        LikertTally.Layout(itemCount: 2, points: 1...5, unitCount: 1, scales: [.init(name: "S", items: [0, 2], reversed: [false, false], minimumAnswered: 1)]),
        LikertTally.Layout(itemCount: 2, points: 1...5, unitCount: 1, scales: [.init(name: "S", items: [0, 0], reversed: [false, false], minimumAnswered: 1)]),
        LikertTally.Layout(itemCount: 2, points: 1...5, unitCount: 1, scales: [.init(name: "S", items: [0, 1], reversed: [false], minimumAnswered: 1)]),
        LikertTally.Layout(itemCount: 2, points: 1...5, unitCount: 1, scales: [.init(name: "S", items: [0, 1], reversed: [false, true], minimumAnswered: 3)]),
    ])
    func badLayouts(layout: LikertTally.Layout) {
        #expect(throws: LikertTallyError.self) { try LikertTally(layout: layout) }
    }

    @Test("a questionnaire layout maps scales to columns and flags reverse-coded items")
    func questionnaireLayout() throws {
        let q = Self.questionnaire
        let layout = try LikertTally.Layout(questionnaire: q, itemCodes: q.items.map(\.code), unitCount: 3)
        #expect(layout.scales.map(\.items) == [[0, 2, 4, 6, 8, 10], [1, 3, 5, 7, 9, 11]])
        #expect(layout.scales.map(\.reversed) == [[false, false, false, false, false, true], [false, false, false, false, false, true]])
        #expect(layout.scales.map(\.minimumAnswered) == [4, 5] && layout.points == 1...5)
        #expect(throws: LikertTallyError.invalidLayout("X1 is not a Likert item")) {
            try LikertTally.Layout(questionnaire: q, itemCodes: ["X1"], unitCount: 1)
        }
        #expect(throws: LikertTallyError.invalidLayout("scale EVEN names I12, which has no column")) {
            try LikertTally.Layout(questionnaire: q, itemCodes: ["I10", "I11"], unitCount: 1)
        }
    }
}
