import DiversityKit
import Foundation

/// The compact binary payload of a ``SurveyResponse``.
///
/// Layout (little-endian, varints are LEB128, signed integers zig-zag encoded):
/// `flags` byte, id, questionnaire id, version, then the optional fields the flags announce
/// (distribution, unit, participant, linkage code as strings; start and submit as 8-byte
/// IEEE doubles of seconds since 1970), then the answer count and per answer: item code,
/// a tag (0 value, 1 values, 2 text) and its value. Answers are written in code order, so
/// equal responses give equal bytes. A 24-item Likert response takes about 150 bytes.
public enum ResponseBinaryCoding {
    /// A payload that is not a response written by this coding.
    public enum DecodingError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The payload ended at `offset` in the middle of a field.
        case truncated(offset: Int)
        /// An unknown answer tag at `offset`.
        case unknownTag(UInt8, offset: Int)
        /// A varint too long at `offset`.
        case malformedVarint(offset: Int)

        public var description: String {
            switch self {
            case .truncated(let o): return "response payload truncated at byte \(o)"
            case .unknownTag(let t, let o): return "unknown answer tag \(t) at byte \(o)"
            case .malformedVarint(let o): return "malformed varint at byte \(o)"
            }
        }
    }

    private enum Flag {
        static let partial: UInt8 = 1, distribution: UInt8 = 2, unit: UInt8 = 4, participant: UInt8 = 8
        static let linkage: UInt8 = 16, started: UInt8 = 32, submitted: UInt8 = 64
    }

    /// The payload of `response`.
    public static func encode(_ r: SurveyResponse) -> Data {
        var w = [UInt8]()
        w.reserveCapacity(64 + r.answers.count * 8)
        var flags: UInt8 = r.isPartial ? Flag.partial : 0
        if r.distribution != nil { flags |= Flag.distribution }
        if r.reportingUnit != nil { flags |= Flag.unit }
        if r.participant != nil { flags |= Flag.participant }
        if r.linkageCode != nil { flags |= Flag.linkage }
        if r.startedAt != nil { flags |= Flag.started }
        if r.submittedAt != nil { flags |= Flag.submitted }
        w.append(flags)
        putString(r.id.rawValue, &w)
        putString(r.questionnaire.id.rawValue, &w)
        putSigned(r.questionnaire.version, &w)
        if let d = r.distribution { putString(d.rawValue, &w) }
        if let u = r.reportingUnit { putString(u.rawValue, &w) }
        if let p = r.participant { putString(p.rawValue, &w) }
        if let l = r.linkageCode { putString(l, &w) }
        if let s = r.startedAt { putDate(s, &w) }
        if let s = r.submittedAt { putDate(s, &w) }
        putVarint(UInt64(r.answers.count), &w)
        for code in r.answers.keys.sorted() {
            putString(code, &w)
            switch r.answers[code]! {
            case .value(let v):
                w.append(0)
                putSigned(v, &w)
            case .values(let vs):
                w.append(1)
                putVarint(UInt64(vs.count), &w)
                for v in vs { putSigned(v, &w) }
            case .text(let t):
                w.append(2)
                putString(t, &w)
            }
        }
        return Data(w)
    }

    /// The response in `data`.
    /// - Throws: ``DecodingError`` when the payload is damaged.
    public static func decode(_ data: Data) throws -> SurveyResponse {
        try data.withUnsafeBytes { raw in
            var r = Reader(bytes: raw.bindMemory(to: UInt8.self))
            let flags = try r.byte()
            let id = try r.string()
            let qid = try r.string()
            let version = try r.signed()
            var response = SurveyResponse(id: ID(id), questionnaire: QuestionnaireReference(id: ID(qid), version: version),
                                          isPartial: flags & Flag.partial != 0, answers: [:])
            if flags & Flag.distribution != 0 { response.distribution = ID(try r.string()) }
            if flags & Flag.unit != 0 { response.reportingUnit = ID(try r.string()) }
            if flags & Flag.participant != 0 { response.participant = ID(try r.string()) }
            if flags & Flag.linkage != 0 { response.linkageCode = try r.string() }
            if flags & Flag.started != 0 { response.startedAt = try r.date() }
            if flags & Flag.submitted != 0 { response.submittedAt = try r.date() }
            let count = try r.count()
            var answers = [String: Answer](minimumCapacity: count)
            for _ in 0..<count {
                let code = try r.string()
                let tagOffset = r.offset
                switch try r.byte() {
                case 0: answers[code] = .value(try r.signed())
                case 1:
                    let n = try r.count()
                    var vs: [Int] = []
                    vs.reserveCapacity(n)
                    for _ in 0..<n { vs.append(try r.signed()) }
                    answers[code] = .values(vs)
                case 2: answers[code] = .text(try r.string())
                case let tag: throw DecodingError.unknownTag(tag, offset: tagOffset)
                }
            }
            response.answers = answers
            return response
        }
    }

    static func putVarint(_ value: UInt64, _ w: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            w.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        w.append(UInt8(v))
    }

    static func putSigned(_ value: Int, _ w: inout [UInt8]) {
        let v = Int64(value)
        putVarint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), &w)
    }

    static func putString(_ s: String, _ w: inout [UInt8]) {
        let u = s.utf8
        putVarint(UInt64(u.count), &w)
        w.append(contentsOf: u)
    }

    static func putDate(_ d: Date, _ w: inout [UInt8]) {
        withUnsafeBytes(of: d.timeIntervalSince1970.bitPattern.littleEndian) { w.append(contentsOf: $0) }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw DecodingError.truncated(offset: offset) }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() throws -> UInt64 {
            let start = offset
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                result |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return result }
                shift += 7
                guard shift < 64 else { throw DecodingError.malformedVarint(offset: start) }
            }
        }

        mutating func count() throws -> Int {
            let start = offset
            let n = try varint()
            guard n <= UInt64(bytes.count) else { throw DecodingError.truncated(offset: start) }
            return Int(n)
        }

        mutating func signed() throws -> Int {
            let u = try varint()
            return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
        }

        mutating func string() throws -> String {
            let n = try count()
            guard offset + n <= bytes.count else { throw DecodingError.truncated(offset: offset) }
            defer { offset += n }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
        }

        mutating func date() throws -> Date {
            guard offset + 8 <= bytes.count else { throw DecodingError.truncated(offset: offset) }
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
            offset += 8
            return Date(timeIntervalSince1970: Double(bitPattern: bits))
        }
    }
}
