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

/// A CSV file that cannot be read; positions are 1-based, columns count characters.
public enum CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A quoted field still open at the end of the input; the position is its opening quote.
    case unterminatedQuote(line: Int, column: Int)
    /// A quote inside an unquoted field, or a character other than a separator or line end
    /// after a closing quote.
    case unexpectedQuote(line: Int, column: Int)
    /// Bytes that are not UTF-8 in the field starting here.
    case invalidUTF8(line: Int, column: Int)
    /// The file could not be opened or read.
    case unreadable(String)

    /// A readable description.
    public var description: String {
        switch self {
        case .unterminatedQuote(let l, let c): return "line \(l), column \(c): quoted field is never closed"
        case .unexpectedQuote(let l, let c): return "line \(l), column \(c): unexpected quote or character after a closing quote"
        case .invalidUTF8(let l, let c): return "line \(l), column \(c): field is not UTF-8 text"
        case .unreadable(let m): return "cannot read the file: \(m)"
        }
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
    /// Per field, the column (character, 1-based) it starts at.
    public var fieldColumns: [Int]
}

/// A streaming RFC 4180 reader: reads its source in chunks, so a file of any size is never
/// held in memory; yields records with line and column positions.
///
/// Handles a UTF-8 byte-order mark, `,` `;` or tab separators (detected from the first line
/// unless given), quoted fields with separators, doubled quotes and line breaks, and `\n`,
/// `\r\n` or `\r` line ends. Completely empty lines are skipped.
///
/// ```swift
/// let reader = try CSVReader(url: file)             // separator detected from the header
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
public final class CSVReader {
    /// The separator in use.
    public private(set) var separator: CSVSeparator
    private let readChunk: () throws -> Data?
    private var buffer: [UInt8] = []
    private var pos = 0
    private var atEnd = false
    private var line = 1, column = 1
    private var byteLine = 1, byteColumn = 1
    private var tookCRLF = false

    /// A reader of the file at `url`.
    /// - Parameters:
    ///   - url: the file.
    ///   - separator: the separator, or `nil` to detect it from the first line.
    ///   - chunkSize: bytes read at a time.
    /// - Throws: ``CSVError/unreadable(_:)`` when the file cannot be opened.
    public convenience init(url: URL, separator: CSVSeparator? = nil, chunkSize: Int = 1 << 16) throws {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch { throw CSVError.unreadable(url.lastPathComponent) }
        try self.init(separator: separator) {
            do { return try handle.read(upToCount: chunkSize) } catch { throw CSVError.unreadable(url.lastPathComponent) }
        }
    }

    /// A reader of in-memory `text`.
    public convenience init(text: String, separator: CSVSeparator? = nil) throws {
        try self.init(data: Data(text.utf8), separator: separator)
    }

    /// A reader of in-memory `data`.
    public convenience init(data: Data, separator: CSVSeparator? = nil) throws {
        var given = false
        try self.init(separator: separator) {
            defer { given = true }
            return given ? nil : data
        }
    }

    /// A reader pulling chunks from `readChunk` until it returns `nil` or empty data.
    /// - Throws: whatever `readChunk` throws while the first line is read for detection.
    public init(separator: CSVSeparator?, readChunk: @escaping () throws -> Data?) throws {
        self.readChunk = readChunk
        self.separator = separator ?? .comma
        try refill()
        while !atEnd && !hasLineEnd() { try refill() }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        if separator == nil { self.separator = CSVSeparator.detect(in: firstLine()) }
    }

    private func hasLineEnd() -> Bool {
        var quoted = false
        for b in buffer[pos...] {
            if b == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted && (b == 10 || b == 13) { return true }
        }
        return false
    }

    private func firstLine() -> ArraySlice<UInt8> {
        var quoted = false
        for i in pos..<buffer.count {
            let b = buffer[i]
            if b == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted && (b == 10 || b == 13) { return buffer[pos..<i] }
        }
        return buffer[pos...]
    }

    private func refill() throws {
        guard !atEnd else { return }
        guard let chunk = try readChunk(), !chunk.isEmpty else {
            atEnd = true
            return
        }
        if pos > 0 {
            buffer.removeSubrange(0..<pos)
            pos = 0
        }
        buffer.append(contentsOf: chunk)
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
    /// - Throws: ``CSVError`` with the line and column of the problem.
    public func next() throws -> CSVRecord? {
        while try peek() == 10 || peek() == 13 { _ = try take() }
        guard try peek() != nil else { return nil }
        let sep = separator.rawValue, quote = UInt8(ascii: "\"")
        var record = CSVRecord(fields: [], line: line, fieldLines: [line], fieldColumns: [column])
        var field: [UInt8] = []
        var state = State.start
        var quoteLine = line, quoteColumn = column
        func finishField() throws {
            guard let s = Self.string(field) else {
                throw CSVError.invalidUTF8(line: record.fieldLines.last!, column: record.fieldColumns.last!)
            }
            record.fields.append(s)
            field.removeAll(keepingCapacity: true)
        }
        while true {
            guard let b = try take() else {
                if state == .quoted { throw CSVError.unterminatedQuote(line: quoteLine, column: quoteColumn) }
                try finishField()
                return record
            }
            let isLineEnd = b == 10 || b == 13
            switch state {
            case .start, .unquoted, .quotedQuote:
                if b == sep {
                    try finishField()
                    record.fieldLines.append(line)
                    record.fieldColumns.append(column)
                    state = .start
                } else if isLineEnd {
                    try finishField()
                    return record
                } else if b == quote && state == .start {
                    quoteLine = byteLine
                    quoteColumn = byteColumn
                    state = .quoted
                } else if b == quote && state == .quotedQuote {
                    field.append(quote)
                    state = .quoted
                } else if b == quote || state == .quotedQuote {
                    throw CSVError.unexpectedQuote(line: byteLine, column: byteColumn)
                } else {
                    field.append(b)
                    state = .unquoted
                }
            case .quoted:
                if b == quote {
                    state = .quotedQuote
                } else {
                    field.append(b)
                    // `take` folds "\r\n" into one step; a quoted field keeps both bytes.
                    if tookCRLF { field.append(10) }
                }
            }
        }
    }

    static func string(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(bytes: bytes, encoding: .utf8)
    }
}
