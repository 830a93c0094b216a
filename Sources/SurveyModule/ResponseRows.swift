import DiversityKit
import Foundation

/// How long a respondent took, kept only as a coarse band (tidsintervall): an anonymous response keeps
/// no instant finer than the day, and this is what the speeder check needs instead of two times.
public enum DurationBand: Int, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Under one minute.
    case underOneMinute = 1
    /// One to two minutes.
    case oneToTwoMinutes
    /// Two to five minutes.
    case twoToFiveMinutes
    /// Five to ten minutes.
    case fiveToTenMinutes
    /// Ten to twenty minutes.
    case tenToTwentyMinutes
    /// Twenty to forty minutes.
    case twentyToFortyMinutes
    /// Forty to ninety minutes.
    case fortyToNinetyMinutes
    /// Ninety minutes or more.
    case ninetyMinutesOrMore

    /// The band of a duration in seconds (negative durations have none).
    public init?(seconds: TimeInterval) {
        guard seconds.isFinite, seconds >= 0 else { return nil }
        self = Self.allCases.first { seconds < $0.upperBound } ?? .ninetyMinutesOrMore
    }

    /// The shortest duration in the band, in seconds.
    public var lowerBound: TimeInterval {
        switch self {
        case .underOneMinute: return 0
        default: return Self(rawValue: rawValue - 1)!.upperBound
        }
    }

    /// The duration the band ends before, in seconds (infinite for the last band).
    public var upperBound: TimeInterval {
        switch self {
        case .underOneMinute: return 60
        case .oneToTwoMinutes: return 120
        case .twoToFiveMinutes: return 300
        case .fiveToTenMinutes: return 600
        case .tenToTwentyMinutes: return 1_200
        case .twentyToFortyMinutes: return 2_400
        case .fortyToNinetyMinutes: return 5_400
        case .ninetyMinutesOrMore: return .infinity
        }
    }

    /// A duration standing for the band when a median is taken: its midpoint (the last band: its lower bound).
    public var representative: TimeInterval { upperBound.isFinite ? (lowerBound + upperBound) / 2 : lowerBound }

    /// Orders bands from shortest to longest.
    public static func < (a: DurationBand, b: DurationBand) -> Bool { a.rawValue < b.rawValue }
}

/// How the responses to one questionnaire version are laid out as ``/DiversityKit/CompactRow``s.
///
/// - partition: the questionnaire version (`"id#version"`); scope: the distribution; group: the reporting unit;
/// - ``cellItems``: one cell per closed Likert item (at most 127 points), in questionnaire order, holding
///   `value − scale minimum + 1`, 0 for no answer (so a 5-point scale gives codes 1…5 whatever its minimum);
/// - extra: everything else, compactly (see ``ResponseRowCoding``).
///
/// ```swift
/// let layout = ResponseRowLayout(questionnaire: q)
/// layout.cellItems   // ["K01", "K02", …]
/// ```
public struct ResponseRowLayout: Hashable, Sendable {
    /// The row-set type of survey responses.
    public static let rowType = "survey.response"

    /// The questionnaire version.
    public let reference: QuestionnaireReference
    /// The item codes with a cell, in order.
    public let cellItems: [String]
    /// Per cell: the item's scale minimum.
    public let cellMinimum: [Int]
    /// Per cell: how many points the item's scale has (codes 1…points).
    public let cellPoints: [Int]
    let cellOf: [String: Int]

    /// The layout of `questionnaire`'s responses.
    public init(questionnaire: Questionnaire) {
        reference = questionnaire.reference
        var codes: [String] = [], minimum: [Int] = [], points: [Int] = []
        for item in questionnaire.items {
            guard case .likert(let scale, _) = item.kind, (1...127).contains(scale.labels.count) else { continue }
            codes.append(item.code)
            minimum.append(scale.minimum)
            points.append(scale.labels.count)
        }
        cellItems = codes
        cellMinimum = minimum
        cellPoints = points
        cellOf = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The row set of `reference`'s responses.
    public static func rowSet(_ reference: QuestionnaireReference) -> RowSetKey {
        RowSetKey(type: rowType, partition: reference.description)
    }

    /// This layout's row set.
    public var rowSet: RowSetKey { Self.rowSet(reference) }
}

/// Converts a ``SurveyResponse`` to a ``/DiversityKit/CompactRow`` and back.
///
/// Extra layout (version 1; varints LEB128, strings a varint length then UTF-8): a format byte `1`; a flags
/// byte (1 partial, 2 participant, 4 linkage code, 8 day, 16 duration band, 32 started, 64 submitted); the
/// fields the flags announce in that order — participant and linkage code as strings, the day as a zig-zag
/// varint of days since 1970-01-01 (UTC), the band as one byte, start and submit as 8-byte doubles; then
/// every answer without a cell in ``ResponseBinaryCoding``'s answer block (so any answer kind round-trips).
///
/// An anonymous response stores its submit **day** (``SurveyResponse/submittedAt`` reads back as that day's
/// midnight UTC) and its ``SurveyResponse/durationBand``; an identified one keeps exact times.
public enum ResponseRowCoding {
    private enum Flag {
        static let partial: UInt8 = 1, participant: UInt8 = 2, linkage: UInt8 = 4, day: UInt8 = 8
        static let band: UInt8 = 16, started: UInt8 = 32, submitted: UInt8 = 64
    }

    /// `response` as a row of `layout` (its id is assigned by the store).
    public static func row(_ response: SurveyResponse, layout: ResponseRowLayout) -> CompactRow {
        var cells = [UInt8](repeating: 0, count: layout.cellItems.count)
        var rest: [String: Answer] = [:]
        for (code, answer) in response.answers {
            if let c = layout.cellOf[code], case .value(let v) = answer, v >= layout.cellMinimum[c],
               v - layout.cellMinimum[c] < layout.cellPoints[c] {
                cells[c] = UInt8(v - layout.cellMinimum[c] + 1)
            } else {
                rest[code] = answer
            }
        }
        var w: [UInt8] = [1]
        var flags: UInt8 = response.isPartial ? Flag.partial : 0
        if response.participant != nil { flags |= Flag.participant }
        if response.linkageCode != nil { flags |= Flag.linkage }
        let day = response.submittedDay
        if day != nil { flags |= Flag.day }
        if response.durationBand != nil { flags |= Flag.band }
        let exact = response.participant != nil
        if exact, response.startedAt != nil { flags |= Flag.started }
        if exact, response.submittedAt != nil { flags |= Flag.submitted }
        w.append(flags)
        if let p = response.participant { ResponseBinaryCoding.putString(p.rawValue, &w) }
        if let l = response.linkageCode { ResponseBinaryCoding.putString(l, &w) }
        if let day { ResponseBinaryCoding.putSigned(day, &w) }
        if let b = response.durationBand { w.append(UInt8(b.rawValue)) }
        if exact, let s = response.startedAt { ResponseBinaryCoding.putDate(s, &w) }
        if exact, let s = response.submittedAt { ResponseBinaryCoding.putDate(s, &w) }
        ResponseBinaryCoding.putAnswers(rest, &w)
        return CompactRow(scope: response.distribution?.rawValue ?? "", group: response.reportingUnit?.rawValue ?? "",
                          cells: cells, extra: Data(w))
    }

    /// The response a row holds; its id is the row's id in decimal.
    /// - Throws: ``ResponseBinaryCoding/DecodingError`` for a damaged row.
    public static func response(id: Int64, scope: String, group: String, cells: some Collection<UInt8>, extra: Data,
                                layout: ResponseRowLayout) throws -> SurveyResponse {
        var answers: [String: Answer] = [:]
        for (c, code) in zip(0..., cells) where code != 0 && c < layout.cellItems.count {
            answers[layout.cellItems[c]] = .value(Int(code) - 1 + layout.cellMinimum[c])
        }
        var r = SurveyResponse(id: ID(String(id)), questionnaire: layout.reference,
                               distribution: scope.isEmpty ? nil : ID(scope), reportingUnit: group.isEmpty ? nil : ID(group),
                               answers: [:])
        try extra.withUnsafeBytes { raw in
            var reader = ResponseBinaryCoding.Reader(bytes: raw.bindMemory(to: UInt8.self))
            let format = try reader.byte()
            guard format == 1 else { throw ResponseBinaryCoding.DecodingError.unknownTag(format, offset: 0) }
            let flags = try reader.byte()
            r.isPartial = flags & Flag.partial != 0
            if flags & Flag.participant != 0 { r.participant = ID(try reader.string()) }
            if flags & Flag.linkage != 0 { r.linkageCode = try reader.string() }
            if flags & Flag.day != 0 { r.submittedAt = Date(timeIntervalSince1970: TimeInterval(try reader.signed()) * 86_400) }
            if flags & Flag.band != 0 {
                let offset = reader.offset
                let b = try reader.byte()
                guard let band = DurationBand(rawValue: Int(b)) else { throw ResponseBinaryCoding.DecodingError.unknownTag(b, offset: offset) }
                r.durationBand = band
            }
            if flags & Flag.started != 0 { r.startedAt = try reader.date() }
            if flags & Flag.submitted != 0 { r.submittedAt = try reader.date() }
            for (code, answer) in try reader.answers() { answers[code] = answer }
        }
        r.answers = answers
        return r
    }

    /// Row `r` of `page` as a response.
    static func response(page: RowPage, row r: Int, layout: ResponseRowLayout) throws -> SurveyResponse {
        try response(id: page.ids[r], scope: page.scopes[Int(page.scopeIndex[r])], group: page.groups[Int(page.groupIndex[r])],
                     cells: page.cells[page.cellOffsets[r]..<page.cellOffsets[r + 1]],
                     extra: page.extras.isEmpty ? Data([1, 0, 0]) : page.extras[r], layout: layout)
    }
}

extension SurveyResponse {
    /// The submit day as days since 1970-01-01 (UTC), when known.
    var submittedDay: Int? {
        guard let s = submittedAt, s.timeIntervalSince1970.isFinite else { return nil }
        return Int((s.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// The response as an anonymous distribution keeps it: no participant, the submit time cut to its day
    /// (midnight UTC), no start time, and the duration as a band.
    func anonymised() -> SurveyResponse {
        var r = self
        if r.durationBand == nil, let d = r.duration { r.durationBand = DurationBand(seconds: d) }
        r.participant = nil
        r.startedAt = nil
        r.submittedAt = r.submittedDay.map { Date(timeIntervalSince1970: TimeInterval($0) * 86_400) }
        return r
    }
}
