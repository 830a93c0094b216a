import Foundation

/// A one-pass, constant-memory tally of Likert answers (svarssammanställning): per item the count per
/// scale point; per reporting unit × item × point the count (the cells survey reports publish and
/// disclosure control protects); per scale the moments of its complete cases (for Cronbach's alpha); per
/// reporting unit × scale the number of scored respondents and the sum of their scale scores.
///
/// Feed it rows of small integer codes — a million respondents × 24 items is 24 MB of `Int8` — in as
/// many chunks as you like, then read ``itemSummary(_:)``, ``reliability(ofScale:)`` and
/// ``unitMeans(ofScale:disclosure:)``. Every sum is an exact integer, so the results do not depend on
/// chunking or row order, and two tallies over parts of the data ``merge(_:)`` into the tally of the whole.
///
/// Rules, matching SurveyModule's scoring:
/// - a code equal to ``Layout/missingCode`` is a missing answer; any other code outside the points is an error;
/// - items flagged reversed are flipped (`min + max − v`) in scales, not in the item summaries;
/// - alpha uses the respondents who answered every item of the scale (listwise deletion);
/// - a respondent's scale score is the mean of its answered items when at least
///   ``Layout/Scale/minimumAnswered`` are answered; a unit's mean is the mean of those scores.
///
/// ```swift
/// var tally = try LikertTally(layout: .init(itemCount: 2, points: 1...5, unitCount: 1,
///     scales: [.init(name: "Klimat", items: [0, 1], reversed: [false, true], minimumAnswered: 1)]))
/// try tally.add(rows: [4, 2, 5, 0], units: [0, 0])   // two respondents; 0 = missing
/// try tally.itemSummary(0).descriptives.mean          // 4.5
/// ```
public struct LikertTally: Hashable, Sendable {
    /// What the rows hold: the columns, the points, the scales and the units.
    public let layout: Layout
    /// The number of rows added.
    public private(set) var rowCount = 0
    /// Every counter in one flat buffer, so the hot loop touches one allocation (offsets in ``Offsets``).
    var storage: [Int]
    let offsets: Offsets

    /// An empty tally.
    /// - Throws: ``LikertTallyError/invalidLayout(_:)`` when the layout is inconsistent.
    public init(layout: Layout) throws {
        try layout.validate()
        self.layout = layout
        offsets = Offsets(layout)
        storage = Array(repeating: 0, count: offsets.total)
    }

    /// Adds `rows` answers given row by row (`layout.itemCount` codes per row), with each row's unit
    /// (an index below `layout.unitCount`, or −1 for none). All or nothing: after an error the tally is unchanged,
    /// which costs one copy of the counters per call — add rows in chunks of thousands, not one at a time.
    /// - Throws: ``LikertTallyError/rowLengthMismatch(codes:itemCount:units:)``,
    ///   ``LikertTallyError/answerOutsideScale(answer:row:item:)``, ``LikertTallyError/unitOutOfRange(unit:row:)``;
    ///   rows are numbered from 0 within this call.
    public mutating func add(rows codes: UnsafeBufferPointer<Int8>, units: UnsafeBufferPointer<Int32>) throws {
        let k = layout.itemCount
        guard codes.count == units.count * k else {
            throw LikertTallyError.rowLengthMismatch(codes: codes.count, itemCount: k, units: units.count)
        }
        guard let base = codes.baseAddress, let unitBase = units.baseAddress else { return }
        let before = storage
        do {
            try storage.withUnsafeMutableBufferPointer { s in
                let kernel = Kernel(layout: layout, offsets: offsets, storage: s.baseAddress!)
                for row in 0..<units.count { try kernel.add(row: base + row * k, unit: Int(unitBase[row]), index: row) }
            }
        } catch {
            storage = before
            throw error
        }
        rowCount += units.count
    }

    /// Adds rows from arrays; see ``add(rows:units:)-(UnsafeBufferPointer<Int8>,_)``.
    /// - Throws: as that method.
    public mutating func add(rows codes: [Int8], units: [Int32]) throws {
        try codes.withUnsafeBufferPointer { c in try units.withUnsafeBufferPointer { u in try add(rows: c, units: u) } }
    }

    /// Adds the counts of `other`, a tally with the same layout (e.g. of another chunk, on another thread).
    /// - Throws: ``LikertTallyError/layoutsDiffer`` when the layouts are not equal.
    public mutating func merge(_ other: LikertTally) throws {
        guard other.layout == layout else { throw LikertTallyError.layoutsDiffer }
        for i in storage.indices { storage[i] += other.storage[i] }
        rowCount += other.rowCount
    }
}

/// Why rows could not be tallied.
public enum LikertTallyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The layout does not make sense (named in the reason).
    case invalidLayout(String)
    /// The codes are not `itemCount` per unit entry.
    case rowLengthMismatch(codes: Int, itemCount: Int, units: Int)
    /// A code that is neither a scale point nor the missing code.
    case answerOutsideScale(answer: Int, row: Int, item: Int)
    /// A unit index outside −1 ..< unitCount.
    case unitOutOfRange(unit: Int, row: Int)
    /// Tallies with different layouts cannot be merged.
    case layoutsDiffer
    /// An item, scale or unit index the layout does not have.
    case indexOutOfRange(Int)

    /// A readable description.
    public var description: String { text(.english) }
}

extension LikertTally {
    /// Where each group of counters starts in ``storage``.
    struct Offsets: Hashable, Sendable {
        let points: Int, counts: Int, missing: Int, complete: Int, sums: [Int], products: [Int]
        let cellCount: Int, cellScaled: Int, unitCounts: Int, total: Int

        init(_ layout: Layout) {
            points = layout.points.count
            counts = 0
            missing = layout.itemCount * points
            complete = missing + layout.itemCount
            var next = complete + layout.scales.count
            var sums: [Int] = [], products: [Int] = []
            for scale in layout.scales {
                sums.append(next)
                next += scale.items.count
                products.append(next)
                next += scale.items.count * scale.items.count
            }
            self.sums = sums
            self.products = products
            cellCount = next
            cellScaled = next + layout.unitCount * layout.scales.count
            unitCounts = cellScaled + layout.unitCount * layout.scales.count
            total = unitCounts + layout.unitCount * layout.itemCount * points
        }
    }

    /// The per-row update over raw pointers, so the loop does no bounds checks, retains or uniqueness checks.
    final class Kernel {
        let itemCount: Int, low: Int, high: Int, points: Int, missing: Int, unitCount: Int, scaleCount: Int
        let missingAt: Int, completeAt: Int, cellCountAt: Int, cellScaledAt: Int, unitCountsAt: Int
        let s: UnsafeMutablePointer<Int>
        /// Per scale: item count, minimum answered, sums offset, products offset, start in `columns`/`flip`/`multiplier`.
        let scaleInfo: UnsafeMutablePointer<(k: Int, minimum: Int, sums: Int, products: Int, first: Int, multipliers: Int)>
        let columns: UnsafeMutablePointer<Int>, flip: UnsafeMutablePointer<Bool>, multiplier: UnsafeMutablePointer<Int>
        let values: UnsafeMutablePointer<Int>

        init(layout: Layout, offsets: Offsets, storage: UnsafeMutablePointer<Int>) {
            itemCount = layout.itemCount
            low = layout.points.lowerBound
            high = layout.points.upperBound
            points = layout.points.count
            missing = layout.missingCode
            unitCount = layout.unitCount
            scaleCount = layout.scales.count
            missingAt = offsets.missing
            completeAt = offsets.complete
            cellCountAt = offsets.cellCount
            cellScaledAt = offsets.cellScaled
            unitCountsAt = offsets.unitCounts
            s = storage
            let itemTotal = layout.scales.reduce(0) { $0 + $1.items.count }
            scaleInfo = .allocate(capacity: max(1, scaleCount))
            columns = .allocate(capacity: max(1, itemTotal))
            flip = .allocate(capacity: max(1, itemTotal))
            multiplier = .allocate(capacity: itemTotal + scaleCount)
            values = .allocate(capacity: max(1, layout.scales.map(\.items.count).max() ?? 1))
            var first = 0, m = 0
            for (i, scale) in layout.scales.enumerated() {
                let k = scale.items.count, l = scale.scoreDenominator
                scaleInfo[i] = (k, scale.minimumAnswered, offsets.sums[i], offsets.products[i], first, m)
                for j in 0..<k {
                    columns[first + j] = scale.items[j]
                    flip[first + j] = scale.reversed[j]
                }
                // multiplier[a] turns a sum of `a` answers into the score times the scale's denominator.
                for a in 0...k { multiplier[m + a] = a == 0 ? 0 : l / a }
                first += k
                m += k + 1
            }
        }

        deinit {
            scaleInfo.deallocate()
            columns.deallocate()
            flip.deallocate()
            multiplier.deallocate()
            values.deallocate()
        }

        @inline(__always)
        func add(row p: UnsafePointer<Int8>, unit: Int, index: Int) throws {
            guard unit >= -1 && unit < unitCount else { throw LikertTallyError.unitOutOfRange(unit: unit, row: index) }
            let unitRow = unitCountsAt &+ max(0, unit) &* itemCount &* points
            for i in 0..<itemCount {
                let v = Int(p[i])
                if v == missing { s[missingAt + i] += 1; continue }
                guard v >= low && v <= high else { throw LikertTallyError.answerOutsideScale(answer: v, row: index, item: i) }
                s[i &* points &+ v &- low] &+= 1
                if unit >= 0 { s[unitRow &+ i &* points &+ v &- low] &+= 1 }
            }
            for si in 0..<scaleCount {
                let info = scaleInfo[si]
                var answered = 0, sum = 0
                for j in 0..<info.k {
                    let v = Int(p[columns[info.first &+ j]])
                    if v == missing { continue }
                    let x = flip[info.first &+ j] ? low &+ high &- v : v
                    values[answered] = x
                    sum &+= x
                    answered &+= 1
                }
                if answered == info.k {
                    s[completeAt &+ si] &+= 1
                    for j in 0..<info.k {
                        let x = values[j]
                        s[info.sums &+ j] &+= x
                        let row = info.products &+ j &* info.k
                        for l in j..<info.k { s[row &+ l] &+= x &* values[l] }
                    }
                }
                if answered >= info.minimum && answered > 0 && unit >= 0 {
                    let cell = unit &* scaleCount &+ si
                    s[cellCountAt &+ cell] &+= 1
                    s[cellScaledAt &+ cell] &+= sum &* multiplier[info.multipliers &+ answered]
                }
            }
        }
    }
}
