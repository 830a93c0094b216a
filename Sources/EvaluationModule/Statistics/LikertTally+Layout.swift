import Foundation
import SurveyModule

extension LikertTally {
    /// The shape of the rows a ``LikertTally`` counts.
    public struct Layout: Hashable, Sendable, Codable {
        /// A multi-item scale over columns of the rows.
        public struct Scale: Hashable, Sendable, Codable {
            /// The scale's name, e.g. its code.
            public var name: String
            /// The columns of its items.
            public var items: [Int]
            /// Per entry of ``items``: whether that item is reverse-coded (omvänd).
            public var reversed: [Bool]
            /// The fewest answered items that give a respondent a scale score.
            public var minimumAnswered: Int

            /// Creates a scale.
            public init(name: String, items: [Int], reversed: [Bool], minimumAnswered: Int) {
                self.name = name
                self.items = items
                self.reversed = reversed
                self.minimumAnswered = minimumAnswered
            }

            /// A common multiple of every possible count of answered items, so a sum of scale scores
            /// (each a sum ÷ answered) times it is an exact integer: lcm(minimumAnswered … item count).
            var scoreDenominator: Int {
                (max(1, minimumAnswered)...max(1, items.count)).reduce(1) { l, m in
                    var a = l, b = m
                    while b != 0 { (a, b) = (b, a % b) }
                    return l / a * m
                }
            }
        }

        /// The number of codes in each row.
        public var itemCount: Int
        /// The scale points, e.g. 1…5.
        public var points: ClosedRange<Int>
        /// The code of a missing answer; must lie outside ``points`` (0 for a 1…5 scale).
        public var missingCode: Int
        /// The number of reporting units; rows name one by index, or −1 for none.
        public var unitCount: Int
        /// The scales.
        public var scales: [Scale]

        /// Creates a layout.
        public init(itemCount: Int, points: ClosedRange<Int>, missingCode: Int = 0, unitCount: Int, scales: [Scale]) {
            self.itemCount = itemCount
            self.points = points
            self.missingCode = missingCode
            self.unitCount = unitCount
            self.scales = scales
        }

        /// The layout of rows holding `itemCodes` of `questionnaire` (Likert items, one range), with the
        /// questionnaire's scales over those items.
        ///
        /// ```swift
        /// let layout = try LikertTally.Layout(questionnaire: q, itemCodes: q.items.map(\.code), unitCount: units.count)
        /// ```
        /// - Throws: ``LikertTallyError/invalidLayout(_:)`` when a code is not a Likert item of one shared
        ///   range, or a scale names an item outside `itemCodes`.
        public init(questionnaire: Questionnaire, itemCodes: [String], missingCode: Int = 0, unitCount: Int) throws {
            var ranges: Set<ClosedRange<Int>> = []
            var reversed: [String: Bool] = [:]
            for code in itemCodes {
                guard case .likert(let s, let r)? = questionnaire.item(code)?.kind else {
                    throw LikertTallyError.invalidLayout("\(code) is not a Likert item")
                }
                ranges.insert(s.minimum...s.maximum)
                reversed[code] = r
            }
            guard ranges.count == 1, let points = ranges.first else {
                throw LikertTallyError.invalidLayout("the items need one shared Likert range")
            }
            let column = Dictionary(uniqueKeysWithValues: itemCodes.enumerated().map { ($1, $0) })
            let scales = try questionnaire.scales.map { scale in
                Scale(name: scale.code, items: try scale.itemCodes.map { code in
                    guard let c = column[code] else { throw LikertTallyError.invalidLayout("scale \(scale.code) names \(code), which has no column") }
                    return c
                }, reversed: scale.itemCodes.map { reversed[$0] ?? false }, minimumAnswered: scale.minimumAnswered)
            }
            self.init(itemCount: itemCodes.count, points: points, missingCode: missingCode, unitCount: unitCount, scales: scales)
        }

        func validate() throws {
            let bad = { (reason: String) in LikertTallyError.invalidLayout(reason) }
            guard itemCount >= 1 else { throw bad("no items") }
            guard points.count >= 2 else { throw bad("a scale needs two points or more") }
            guard points.lowerBound >= Int(Int8.min) && points.upperBound <= Int(Int8.max) else { throw bad("points must fit in Int8") }
            guard (Int(Int8.min)...Int(Int8.max)).contains(missingCode), !points.contains(missingCode) else {
                throw bad("the missing code \(missingCode) is a scale point or does not fit in Int8")
            }
            guard unitCount >= 0 else { throw bad("negative unit count") }
            for scale in scales {
                guard !scale.items.isEmpty, scale.items.count == scale.reversed.count else {
                    throw bad("scale \(scale.name) needs items and one reversed flag per item")
                }
                guard scale.items.allSatisfy({ (0..<itemCount).contains($0) }), Set(scale.items).count == scale.items.count else {
                    throw bad("scale \(scale.name) names a column twice or one outside 0..<\(itemCount)")
                }
                guard (1...scale.items.count).contains(scale.minimumAnswered) else {
                    throw bad("scale \(scale.name): minimum answered must be 1…\(scale.items.count)")
                }
            }
        }
    }
}
