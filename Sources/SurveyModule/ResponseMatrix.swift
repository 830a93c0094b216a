import DiversityKit

/// Responses as columns of 32-bit codes: one column per (non-free-text) item, one row per
/// response — the shape aggregation wants (a million × 24 Likert answers is 96 MB).
///
/// A missing answer is ``missing``. A multiple-choice answer is a bit mask (bit *n* set when
/// option code *n* was chosen); a multiple-choice item with an option code outside 0…30 has no
/// column (a mask has 31 bits): read its answers from the responses. A date is its day number.
/// Free-text, ranking, dual-scale and numeric-matrix items have no column (see
/// ``RankingSummary``, ``CellSummary``).
///
/// ```swift
/// let m = try await service.matrix(for: q.reference)
/// let climate = m.column("C01")!           // [Int32], ResponseMatrix.missing where unanswered
/// let scores = m.scaleScores(q.scales[0])  // [Double?] per row
/// ```
public struct ResponseMatrix: Hashable, Sendable {
    /// The code of a missing answer: `Int32.min`.
    public static let missing = Int32.min

    /// The questionnaire version the rows answer.
    public let questionnaire: Questionnaire
    /// The item codes with a column, in questionnaire order.
    public let itemCodes: [String]
    /// The columns, aligned with ``itemCodes``; each has ``rowCount`` entries.
    public private(set) var columns: [[Int32]]
    /// Per row: an index into ``unitNames``, or -1 when the response has no reporting unit.
    public private(set) var unitIndex: [Int32]
    /// The distinct reporting units, in order of first appearance.
    public private(set) var unitNames: [String]
    /// Per row: whether the response is partial.
    public private(set) var isPartial: [Bool]
    private let columnOf: [String: Int]

    /// The number of rows.
    public var rowCount: Int { unitIndex.count }

    /// The column of item `code`, or `nil` when the item has none.
    public func column(_ code: String) -> [Int32]? { columnOf[code].map { columns[$0] } }

    /// The answer code at `row` for item `code`, `nil` when missing or not a column.
    public func value(row: Int, item code: String) -> Int32? {
        guard let c = columnOf[code] else { return nil }
        let v = columns[c][row]
        return v == Self.missing ? nil : v
    }

    /// The reporting unit of `row`, or `nil`.
    public func unit(row: Int) -> String? { unitIndex[row] < 0 ? nil : unitNames[Int(unitIndex[row])] }

    /// The code one answer takes in a column, or ``missing``.
    ///
    /// A validated answer always fits (``LikertScale/allowedCodes``); any other value is clamped
    /// to the nearest 32-bit code above `Int32.min`, so no answer ever reads as missing.
    public static func code(of answer: Answer?) -> Int32 {
        switch answer {
        case .value(let v)?: return Int32(clamping: Swift.max(v, Int(Int32.min) + 1))
        case .values(let vs)?: return vs.reduce(Int32(0)) { $0 | (($1 >= 0 && $1 < 31) ? Int32(1) << Int32($1) : 0) }
        case .text?, .cells?, nil: return missing
        }
    }

    /// Whether `item` has a column: single-valued items, and multiple choices whose codes fit a 31-bit mask.
    public static func hasColumn(_ item: Item) -> Bool {
        switch item.kind {
        case .freeText, .ranking, .dualScale, .numericMatrix: return false
        case .multipleChoice(let options, _): return options.allSatisfy { (0..<31).contains($0.code) }
        case .likert, .singleChoice, .numeric, .knowledge, .demographic, .date: return true
        }
    }

    /// Adds rows one at a time; ``build()`` gives the matrix.
    ///
    /// ```swift
    /// var b = ResponseMatrix.Builder(questionnaire: q)
    /// b.append(response)
    /// let m = b.build()
    /// ```
    public struct Builder: Sendable {
        let questionnaire: Questionnaire
        let codes: [String]
        var columns: [[Int32]]
        var unitIndex: [Int32] = []
        var unitNames: [String] = []
        var unitLookup: [String: Int32] = [:]
        var partial: [Bool] = []

        /// A builder for responses to `questionnaire`.
        public init(questionnaire: Questionnaire, reservingCapacity capacity: Int = 0) {
            self.questionnaire = questionnaire
            codes = questionnaire.items.filter(ResponseMatrix.hasColumn).map(\.code)
            columns = codes.map { _ in
                var c: [Int32] = []
                c.reserveCapacity(capacity)
                return c
            }
        }

        /// Appends `response` as a row (answers to items without a column are ignored).
        public mutating func append(_ response: SurveyResponse) {
            for (i, code) in codes.enumerated() { columns[i].append(ResponseMatrix.code(of: response.answers[code])) }
            appendRowInfo(unit: response.reportingUnit?.rawValue, partial: response.isPartial)
        }

        /// Appends a row of codes aligned with ``columnCodes`` (``ResponseMatrix/missing`` where unanswered).
        /// - Throws: ``RowLengthError`` when `row` does not have one code per column; nothing is appended.
        public mutating func append(codes row: [Int32], unit: String?, partial: Bool) throws {
            guard row.count == columns.count else { throw RowLengthError(expected: columns.count, found: row.count) }
            for i in row.indices { columns[i].append(row[i]) }
            appendRowInfo(unit: unit, partial: partial)
        }

        /// The item codes with a column, in order.
        public var columnCodes: [String] { codes }

        mutating func appendRowInfo(unit: String?, partial isPartial: Bool) {
            if let unit {
                if let i = unitLookup[unit] { unitIndex.append(i) } else {
                    let i = Int32(unitNames.count)
                    unitNames.append(unit)
                    unitLookup[unit] = i
                    unitIndex.append(i)
                }
            } else {
                unitIndex.append(-1)
            }
            partial.append(isPartial)
        }

        /// The finished matrix.
        public func build() -> ResponseMatrix {
            ResponseMatrix(questionnaire: questionnaire, itemCodes: codes, columns: columns, unitIndex: unitIndex,
                           unitNames: unitNames, isPartial: partial,
                           columnOf: Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) }))
        }
    }

    /// A row of codes with another length than the matrix has columns.
    public struct RowLengthError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The number of columns.
        public var expected: Int
        /// The number of codes given.
        public var found: Int
        /// A readable description.
        public var description: String { text(.english) }
    }

    /// A matrix of `responses` to `questionnaire`.
    public init(questionnaire: Questionnaire, responses: [SurveyResponse]) {
        var b = Builder(questionnaire: questionnaire, reservingCapacity: responses.count)
        for r in responses { b.append(r) }
        self = b.build()
    }

    private init(questionnaire: Questionnaire, itemCodes: [String], columns: [[Int32]], unitIndex: [Int32],
                 unitNames: [String], isPartial: [Bool], columnOf: [String: Int]) {
        self.questionnaire = questionnaire
        self.itemCodes = itemCodes
        self.columns = columns
        self.unitIndex = unitIndex
        self.unitNames = unitNames
        self.isPartial = isPartial
        self.columnOf = columnOf
    }
}
