import DiversityKit
import Foundation

/// The compact binary payload of a ``SurveyResponse``.
///
/// Layout (little-endian, varints are LEB128, signed integers zig-zag encoded, strings a
/// varint length then UTF-8): a `flags` byte; the id (16 raw bytes when it is a lower-case
/// UUID, else a string); questionnaire id; version; the optional fields the flags announce
/// (distribution, unit, participant, linkage code as strings; start and submit as 8-byte
/// IEEE doubles of seconds since 2001-01-01, Foundation's own reference, so times round-trip exactly); the answer count; then per answer, in code order:
///
/// - the item code, sharing its prefix with the previous code: one byte `shared << 4 | rest`
///   then the `rest` bytes when both are below 16, else `0xFF`, two varints and the bytes;
/// - the answer: one byte `value + 64` for a value in −64…175 (every Likert point), else a
///   tag byte — `0xF0` big value (varint), `0xF1` values (count, varints), `0xF2` text,
///   `0xF3` cells (count, then per cell in key order its key as a string and its value as a varint).
///
/// Equal responses give equal bytes. A 24-item Likert response with a UUID takes about 130
/// bytes, a third of its JSON.
public enum ResponseBinaryCoding {
    /// A payload that is not a response written by this coding.
    public enum DecodingError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The payload ended at `offset` in the middle of a field.
        case truncated(offset: Int)
        /// An unknown answer tag at `offset`.
        case unknownTag(UInt8, offset: Int)
        /// A varint too long at `offset`.
        case malformedVarint(offset: Int)

        /// A readable description.
        public var description: String { text(.english) }
    }

    private enum Flag {
        static let partial: UInt8 = 1, distribution: UInt8 = 2, unit: UInt8 = 4, participant: UInt8 = 8
        static let linkage: UInt8 = 16, started: UInt8 = 32, submitted: UInt8 = 64, uuidID: UInt8 = 128
    }

    private enum Tag {
        static let smallBias = 64, smallLimit: UInt8 = 0xF0
        static let bigValue: UInt8 = 0xF0, values: UInt8 = 0xF1, text: UInt8 = 0xF2, cells: UInt8 = 0xF3, longCode: UInt8 = 0xFF
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
        let uuid = r.id.rawValue == r.id.rawValue.lowercased() ? UUID(uuidString: r.id.rawValue) : nil
        if uuid != nil { flags |= Flag.uuidID }
        w.append(flags)
        if let uuid { withUnsafeBytes(of: uuid.uuid) { w.append(contentsOf: $0) } } else { putString(r.id.rawValue, &w) }
        putString(r.questionnaire.id.rawValue, &w)
        putSigned(r.questionnaire.version, &w)
        if let d = r.distribution { putString(d.rawValue, &w) }
        if let u = r.reportingUnit { putString(u.rawValue, &w) }
        if let p = r.participant { putString(p.rawValue, &w) }
        if let l = r.linkageCode { putString(l, &w) }
        if let s = r.startedAt { putDate(s, &w) }
        if let s = r.submittedAt { putDate(s, &w) }
        putAnswers(r.answers, &w)
        return Data(w)
    }

    /// The response in `data`.
    /// - Throws: ``DecodingError`` when the payload is damaged.
    public static func decode(_ data: Data) throws -> SurveyResponse {
        try data.withUnsafeBytes { raw in
            var r = Reader(bytes: raw.bindMemory(to: UInt8.self))
            let flags = try r.byte()
            let id = flags & Flag.uuidID != 0 ? try r.uuid() : try r.string()
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
            response.answers = try r.answers()
            return response
        }
    }

    /// Appends `answers` in the answer block layout (count, then per answer in code order).
    static func putAnswers(_ answers: [String: Answer], _ w: inout [UInt8]) {
        putVarint(UInt64(answers.count), &w)
        var previous: [UInt8] = []
        for code in answers.keys.sorted() {
            let bytes = Array(code.utf8)
            let shared = zip(previous, bytes).prefix { $0 == $1 }.count
            let rest = bytes.count - shared
            if shared < 16 && rest < 15 {
                w.append(UInt8(shared << 4 | rest))
            } else {
                w.append(Tag.longCode)
                putVarint(UInt64(shared), &w)
                putVarint(UInt64(rest), &w)
            }
            w.append(contentsOf: bytes[shared...])
            previous = bytes
            switch answers[code]! {
            case .value(let v) where (-Tag.smallBias..<Int(Tag.smallLimit) - Tag.smallBias).contains(v):
                w.append(UInt8(v + Tag.smallBias))
            case .value(let v):
                w.append(Tag.bigValue)
                putSigned(v, &w)
            case .values(let vs):
                w.append(Tag.values)
                putVarint(UInt64(vs.count), &w)
                for v in vs { putSigned(v, &w) }
            case .text(let t):
                w.append(Tag.text)
                putString(t, &w)
            case .cells(let cells):
                w.append(Tag.cells)
                putVarint(UInt64(cells.count), &w)
                for key in cells.keys.sorted() {
                    putString(key, &w)
                    putSigned(cells[key]!, &w)
                }
            }
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
        withUnsafeBytes(of: d.timeIntervalSinceReferenceDate.bitPattern.littleEndian) { w.append(contentsOf: $0) }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        /// The answer block written by `putAnswers`.
        mutating func answers() throws -> [String: Answer] {
            let total = try count()
            var answers = [String: Answer](minimumCapacity: total)
            var previous: [UInt8] = []
            for _ in 0..<total {
                let head = try byte()
                let shared = head == Tag.longCode ? try count() : Int(head >> 4)
                let rest = head == Tag.longCode ? try count() : Int(head & 0x0F)
                guard shared <= previous.count else { throw DecodingError.truncated(offset: offset) }
                previous.removeSubrange(shared...)
                try append(rest, to: &previous)
                let code = String(decoding: previous, as: UTF8.self)
                let tagOffset = offset
                switch try byte() {
                case let small where small < Tag.smallLimit: answers[code] = .value(Int(small) - Tag.smallBias)
                case Tag.bigValue: answers[code] = .value(try signed())
                case Tag.values:
                    let n = try count()
                    var vs: [Int] = []
                    vs.reserveCapacity(n)
                    for _ in 0..<n { vs.append(try signed()) }
                    answers[code] = .values(vs)
                case Tag.text: answers[code] = .text(try string())
                case Tag.cells:
                    let n = try count()
                    var cells = [String: Int](minimumCapacity: n)
                    for _ in 0..<n {
                        let key = try string()
                        cells[key] = try signed()
                    }
                    answers[code] = .cells(cells)
                case let tag: throw DecodingError.unknownTag(tag, offset: tagOffset)
                }
            }
            return answers
        }

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

        mutating func append(_ n: Int, to target: inout [UInt8]) throws {
            guard offset + n <= bytes.count else { throw DecodingError.truncated(offset: offset) }
            target.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<offset + n]))
            offset += n
        }

        mutating func bytes(_ n: Int) throws -> [UInt8] {
            guard offset + n <= bytes.count else { throw DecodingError.truncated(offset: offset) }
            defer { offset += n }
            return Array(bytes[offset..<offset + n])
        }

        mutating func uuid() throws -> String {
            let b = try bytes(16)
            let u = UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
            return u.uuidString.lowercased()
        }

        mutating func date() throws -> Date {
            guard offset + 8 <= bytes.count else { throw DecodingError.truncated(offset: offset) }
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
            offset += 8
            return Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits))
        }
    }
}
