import DiversityKit
import Foundation

/// The field separator of a CSV file.
public enum CSVSeparator: UInt8, Codable, Hashable, Sendable, CaseIterable {
    /// `,` — RFC 4180.
    case comma = 44
    /// `;` — the Swedish spreadsheet default (decimal comma).
    case semicolon = 59
    /// Tab — e.g. LimeSurvey's tab-separated exports.
    case tab = 9

    /// The separator occurring most often outside quotes in `headerLine` (comma on a tie).
    public static func detect(in headerLine: some Sequence<UInt8>) -> CSVSeparator {
        var counts: [CSVSeparator: Int] = [:]
        var quoted = false
        for b in headerLine {
            if b == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted, let s = CSVSeparator(rawValue: b) {
                counts[s, default: 0] += 1
            }
        }
        var best = CSVSeparator.comma
        for s in [CSVSeparator.semicolon, .tab] where (counts[s] ?? 0) > (counts[best] ?? 0) { best = s }
        return best
    }
}

/// A CSV file that cannot be read. Positions are 1-based: `line` is the line, `field` the
/// field's number within its record as a spreadsheet numbers its columns (the third
/// `;`-separated value is field 3), and `column` the character within the line, for the
/// errors that sit inside a field.
public enum CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A quoted field still open at the end of the input; the position is its opening quote.
    case unterminatedQuote(line: Int, field: Int, column: Int)
    /// A quote inside an unquoted field, or a character other than a separator or line end
    /// after a closing quote.
    case unexpectedQuote(line: Int, field: Int, column: Int)
    /// Bytes that are not UTF-8 in the field starting here.
    case invalidUTF8(line: Int, field: Int, column: Int)
    /// The file could not be opened or read; the text names it.
    case unreadable(String)
    /// The field starting here holds more than ``CSVLimits/maximumFieldBytes`` bytes.
    case fieldTooLarge(line: Int, field: Int, column: Int, limit: Int)
    /// The record starting on `line` holds more than ``CSVLimits/maximumRecordBytes`` bytes.
    case recordTooLarge(line: Int, limit: Int)
    /// The record starting on `line` has more than ``CSVLimits/maximumColumns`` fields.
    case tooManyColumns(line: Int, limit: Int)
    /// The record starting on `line` is one more than ``CSVLimits/maximumRecords``.
    case tooManyRecords(line: Int, limit: Int)

    /// Where the problem is: the line, the field number and the character column, or `nil`
    /// when the file could not be read at all. A record-wide problem gives field and column 1.
    public var position: (line: Int, field: Int, column: Int)? {
        switch self {
        case .unterminatedQuote(let l, let f, let c), .unexpectedQuote(let l, let f, let c), .invalidUTF8(let l, let f, let c),
             .fieldTooLarge(let l, let f, let c, _):
            return (l, f, c)
        case .recordTooLarge(let l, _), .tooManyRecords(let l, _): return (l, 1, 1)
        case .tooManyColumns(let l, let n): return (l, n + 1, 1)
        case .unreadable: return nil
        }
    }

    /// A readable description; a crossed bound is named as its ``CSVLimits`` property.
    public var description: String { text(.english) }
}

extension CSVError: LocalizedMessage {
    /// The error in `language`, starting with its place: `"rad 2, fält 3, tecken 7: …"` /
    /// `"line 2, field 3, character 7: …"`; a crossed bound is named as its ``CSVLimits`` property.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        guard let at = position else { return reason(language) }
        let place = SourcePlace(line: at.line, fieldNumber: isInsideField || isTooManyColumns ? at.field : nil,
                                column: isInsideField ? at.column : nil)
        return place.text(language) + ": " + reason(language)
    }

    /// Whether the error is the field one past ``CSVLimits/maximumColumns`` (its place names that field).
    private var isTooManyColumns: Bool {
        if case .tooManyColumns = self { return true }
        return false
    }

    /// Whether the error sits inside one field (then its place has a field and a character).
    var isInsideField: Bool {
        switch self {
        case .unterminatedQuote, .unexpectedQuote, .invalidUTF8, .fieldTooLarge: return true
        case .unreadable, .recordTooLarge, .tooManyColumns, .tooManyRecords: return false
        }
    }

    /// What is wrong, without the place: for an importer that names the place itself.
    public func reason(_ language: ReportLanguage) -> String {
        let sv = language == .swedish
        let f = ReportFormatter(language: language)
        switch self {
        case .unterminatedQuote: return sv ? "fältet börjar med ett citattecken som aldrig avslutas" : "quoted field is never closed"
        case .unexpectedQuote:
            return sv ? "oväntat citattecken, eller tecken efter ett avslutande citattecken" : "unexpected quote or character after a closing quote"
        case .invalidUTF8: return sv ? "fältet är inte UTF-8-text" : "field is not UTF-8 text"
        case .unreadable(let m): return sv ? "filen kan inte läsas: \(m)" : "cannot read the file: \(m)"
        case .fieldTooLarge(_, _, _, let n):
            return sv ? "fältet är längre än maximumFieldBytes (\(f.integer(n)) byte)" : "field is longer than maximumFieldBytes (\(n) bytes)"
        case .recordTooLarge(_, let n):
            return sv ? "raden är längre än maximumRecordBytes (\(f.integer(n)) byte)" : "record is longer than maximumRecordBytes (\(n) bytes)"
        case .tooManyColumns(_, let n):
            return sv ? "raden har fler fält än maximumColumns (\(f.integer(n)))" : "record has more fields than maximumColumns (\(n))"
        case .tooManyRecords(_, let n):
            return sv ? "filen har fler rader än maximumRecords (\(f.integer(n)))" : "file has more records than maximumRecords (\(n))"
        }
    }
}

/// Bounds a ``CSVReader`` enforces, so that no file can make it take unbounded memory: crossing
/// one ends reading with the ``CSVError`` that names it. The reader holds at most one chunk
/// plus one record, whatever the file's size.
///
/// ```swift
/// let reader = try CSVReader(url: file, limits: CSVLimits(maximumRecords: 50_000))
/// ```
public struct CSVLimits: Hashable, Sendable, Codable {
    /// Bytes in one field, after unquoting (default 1 MiB).
    public var maximumFieldBytes: Int
    /// Bytes in one record, all its fields together (default 16 MiB).
    public var maximumRecordBytes: Int
    /// Fields in one record (default 10 000).
    public var maximumColumns: Int
    /// Records in the file, the header included (default 10 000 000).
    public var maximumRecords: Int

    /// Creates limits; every value below 1 counts as 1.
    public init(maximumFieldBytes: Int = 1 << 20, maximumRecordBytes: Int = 16 << 20,
                maximumColumns: Int = 10_000, maximumRecords: Int = 10_000_000) {
        self.maximumFieldBytes = max(maximumFieldBytes, 1)
        self.maximumRecordBytes = max(maximumRecordBytes, 1)
        self.maximumColumns = max(maximumColumns, 1)
        self.maximumRecords = max(maximumRecords, 1)
    }
}

/// One record: its fields and where each starts.
public struct CSVRecord: Hashable, Sendable {
    /// The fields, unquoted.
    public var fields: [String]
    /// The line the record starts on (1-based; a quoted newline makes a record span lines).
    public var line: Int
    /// Per field, the line it starts on.
    public var fieldLines: [Int]
    /// Per field, the column (character, 1-based) it starts at. A field's number, as errors
    /// give it, is its index + 1.
    public var fieldColumns: [Int]
}

/// A streaming RFC 4180 reader: reads its source in chunks, so a file of any size is never
/// held in memory; yields records with line and column positions.
///
/// Handles a UTF-8 byte-order mark, `,` `;` or tab separators (detected from the first line
/// unless given), quoted fields with separators, doubled quotes and line breaks, and `\n`,
/// `\r\n` or `\r` line ends. Completely empty lines are skipped.
///
/// Every byte is looked at a bounded number of times, so reading takes time linear in the
/// file's size; memory stays within one chunk and one record, as ``CSVLimits`` bounds them.
///
/// ```swift
/// let reader = try CSVReader(url: file)             // separator detected from the header
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
public final class CSVReader {
    /// The separator in use.
    public private(set) var separator: CSVSeparator
    /// The bounds in force.
    public let limits: CSVLimits
    private let readChunk: () throws -> Data?
    private var buffer: [UInt8] = []
    private var pos = 0
    private var atEnd = false
    private var line = 1, column = 1
    private var byteLine = 1, byteColumn = 1
    private var tookCRLF = false
    private var recordCount = 0

    /// A reader of the file at `url`.
    /// - Parameters:
    ///   - url: the file.
    ///   - separator: the separator, or `nil` to detect it from the first line.
    ///   - chunkSize: bytes read at a time.
    ///   - limits: the bounds on fields, records and columns.
    /// - Throws: ``CSVError/unreadable(_:)`` when the file cannot be opened.
    public convenience init(url: URL, separator: CSVSeparator? = nil, chunkSize: Int = 1 << 16,
                            limits: CSVLimits = CSVLimits()) throws {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch { throw CSVError.unreadable(url.lastPathComponent) }
        let size = max(chunkSize, 1)
        try self.init(separator: separator, limits: limits) {
            do { return try handle.read(upToCount: size) } catch { throw CSVError.unreadable(url.lastPathComponent) }
        }
    }

    /// A reader of in-memory `text`.
    public convenience init(text: String, separator: CSVSeparator? = nil, limits: CSVLimits = CSVLimits()) throws {
        try self.init(data: Data(text.utf8), separator: separator, limits: limits)
    }

    /// A reader of in-memory `data`.
    public convenience init(data: Data, separator: CSVSeparator? = nil, limits: CSVLimits = CSVLimits()) throws {
        var given = false
        try self.init(separator: separator, limits: limits) {
            defer { given = true }
            return given ? nil : data
        }
    }

    /// A reader pulling chunks from `readChunk` until it returns `nil` or empty data.
    ///
    /// Detection looks at the first line only up to ``CSVLimits/maximumRecordBytes``; a longer
    /// first line is refused by ``next()``.
    /// - Throws: whatever `readChunk` throws while the first line is read for detection.
    public init(separator: CSVSeparator?, limits: CSVLimits = CSVLimits(), readChunk: @escaping () throws -> Data?) throws {
        self.readChunk = readChunk
        self.limits = limits
        self.separator = separator ?? .comma
        while buffer.count < 3, try appendChunk() {}
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        if separator == nil { self.separator = CSVSeparator.detect(in: try firstLine()) }
    }

    /// The first line (up to its first line end outside quotes), read in as far as needed and
    /// at most ``CSVLimits/maximumRecordBytes`` long; each byte is scanned once.
    private func firstLine() throws -> ArraySlice<UInt8> {
        var quoted = false
        var i = pos
        while i - pos < limits.maximumRecordBytes {
            if i == buffer.count {
                guard try appendChunk() else { break }
            }
            let b = buffer[i]
            if b == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted && (b == 10 || b == 13) { break }
            i += 1
        }
        return buffer[pos..<i]
    }

    /// Appends the next chunk to the buffer; `false` at the end of the input.
    private func appendChunk() throws -> Bool {
        guard !atEnd else { return false }
        guard let chunk = try readChunk(), !chunk.isEmpty else {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    private func refill() throws {
        guard !atEnd else { return }
        if pos > 0 {
            buffer.removeSubrange(0..<pos)
            pos = 0
        }
        _ = try appendChunk()
    }

    @inline(__always) private func peek() throws -> UInt8? {
        if pos == buffer.count {
            try refill()
            if pos == buffer.count { return nil }
        }
        return buffer[pos]
    }

    @inline(__always) private func take() throws -> UInt8? {
        guard let b = try peek() else { return nil }
        pos += 1
        byteLine = line
        byteColumn = column
        tookCRLF = false
        if b == 10 {
            line += 1
            column = 1
        } else if b == 13 {
            if try peek() == 10 {
                pos += 1
                tookCRLF = true
            }
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
        return b
    }

    private enum State { case start, unquoted, quoted, quotedQuote }

    /// The next record, or `nil` at the end.
    /// - Throws: ``CSVError`` with the line and column of the problem, or the bound crossed.
    public func next() throws -> CSVRecord? {
        while try peek() == 10 || peek() == 13 { _ = try take() }
        guard try peek() != nil else { return nil }
        recordCount += 1
        guard recordCount <= limits.maximumRecords else { throw CSVError.tooManyRecords(line: line, limit: limits.maximumRecords) }
        let sep = separator.rawValue, quote = UInt8(ascii: "\"")
        let maximumField = limits.maximumFieldBytes
        var record = CSVRecord(fields: [], line: line, fieldLines: [line], fieldColumns: [column])
        var field: [UInt8] = []
        var recordBytes = 0
        var state = State.start
        var quoteLine = line, quoteColumn = column, quoteField = 1
        func finishField() throws {
            recordBytes += field.count
            guard recordBytes <= limits.maximumRecordBytes else {
                throw CSVError.recordTooLarge(line: record.line, limit: limits.maximumRecordBytes)
            }
            guard let s = Self.string(field) else {
                throw CSVError.invalidUTF8(line: record.fieldLines.last!, field: record.fields.count + 1, column: record.fieldColumns.last!)
            }
            record.fields.append(s)
            field.removeAll(keepingCapacity: true)
        }
        func append(_ b: UInt8) throws {
            guard field.count < maximumField else {
                throw CSVError.fieldTooLarge(line: record.fieldLines.last!, field: record.fields.count + 1,
                                             column: record.fieldColumns.last!, limit: maximumField)
            }
            field.append(b)
        }
        while true {
            guard let b = try take() else {
                if state == .quoted { throw CSVError.unterminatedQuote(line: quoteLine, field: quoteField, column: quoteColumn) }
                try finishField()
                return record
            }
            let isLineEnd = b == 10 || b == 13
            switch state {
            case .start, .unquoted, .quotedQuote:
                if b == sep {
                    try finishField()
                    guard record.fields.count < limits.maximumColumns else {
                        throw CSVError.tooManyColumns(line: record.line, limit: limits.maximumColumns)
                    }
                    record.fieldLines.append(line)
                    record.fieldColumns.append(column)
                    state = .start
                } else if isLineEnd {
                    try finishField()
                    return record
                } else if b == quote && state == .start {
                    quoteLine = byteLine
                    quoteColumn = byteColumn
                    quoteField = record.fields.count + 1
                    state = .quoted
                } else if b == quote && state == .quotedQuote {
                    try append(quote)
                    state = .quoted
                } else if b == quote || state == .quotedQuote {
                    throw CSVError.unexpectedQuote(line: byteLine, field: record.fields.count + 1, column: byteColumn)
                } else {
                    try append(b)
                    state = .unquoted
                }
            case .quoted:
                if b == quote {
                    state = .quotedQuote
                } else {
                    try append(b)
                    // `take` folds "\r\n" into one step; a quoted field keeps both bytes.
                    if tookCRLF { try append(10) }
                }
            }
        }
    }

    static func string(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(bytes: bytes, encoding: .utf8)
    }
}
