import DiversityKit
import Foundation

/// How records are written: separator, line end, and spreadsheet formula neutralising.
///
/// Fields are quoted when they contain the separator, a quote or a line break. With
/// ``neutralisesFormulas`` (the default), a cell a spreadsheet would run as a formula — one
/// starting with `=`, `+`, `-`, `@`, tab or carriage return, unless it is a plain number such
/// as `-3` — is prefixed with `'`; ``restore(_:)`` undoes exactly that on import.
///
/// ```swift
/// CSVFormat(separator: .semicolon).line(["Åsa", "=1+1", "-2"]) // "Åsa;'=1+1;-2\r\n"
/// ```
public struct CSVFormat: Hashable, Sendable {
    /// The separator.
    public var separator: CSVSeparator
    /// The line end (default `"\r\n"`, as RFC 4180).
    public var lineEnd: String
    /// Whether formula-like cells are neutralised.
    public var neutralisesFormulas: Bool

    /// Creates a format.
    public init(separator: CSVSeparator = .comma, lineEnd: String = "\r\n", neutralisesFormulas: Bool = true) {
        self.separator = separator
        self.lineEnd = lineEnd
        self.neutralisesFormulas = neutralisesFormulas
    }

    /// One record as text, with its line end.
    public func line(_ fields: [String]) -> String {
        var out = ""
        for (i, f) in fields.enumerated() {
            if i > 0 { out.unicodeScalars.append(Unicode.Scalar(separator.rawValue)) }
            out += quoted(neutralisesFormulas ? Self.neutralise(f) : f)
        }
        return out + lineEnd
    }

    /// `field`, quoted and with doubled quotes when it needs it.
    public func quoted(_ field: String) -> String {
        let sep = separator.rawValue
        guard field.utf8.contains(where: { $0 == sep || $0 == 34 || $0 == 10 || $0 == 13 }) else { return field }
        return "\"" + field.doublingQuotes + "\""
    }

    /// Whether a spreadsheet could take `cell` as a formula (or it is a neutralised one).
    /// Decided on Unicode scalars, so a combining mark after `=` does not hide it.
    public static func needsNeutralising(_ cell: String) -> Bool {
        if cell.unicodeScalars.first == "'" { return needsNeutralising(String(cell.unicodeScalars.dropFirst())) }
        return SpreadsheetFormula.isFormulaLike(cell)
    }

    /// `cell` made inert: prefixed with `'` when it needs it.
    public static func neutralise(_ cell: String) -> String { needsNeutralising(cell) ? "'" + cell : cell }

    /// The cell before ``neutralise(_:)``.
    public static func restore(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = String(cell.unicodeScalars.dropFirst())
        return needsNeutralising(rest) ? rest : cell
    }
}

/// Writes CSV records to a file through a buffer, so large exports stream.
///
/// ```swift
/// let w = try CSVFileWriter(url: out, format: CSVFormat(separator: .semicolon), byteOrderMark: true)
/// try w.write(["kod", "värde"])
/// try w.close()
/// ```
public final class CSVFileWriter {
    /// The format written.
    public let format: CSVFormat
    private let handle: FileHandle
    private var pending = Data()
    private var closed = false

    /// Creates (or truncates) the file at `url`.
    /// - Parameters:
    ///   - url: the file.
    ///   - format: separator, line end and formula neutralisation.
    ///   - byteOrderMark: whether to start with a UTF-8 BOM (helps Excel read Swedish characters).
    /// - Throws: ``CSVError/unreadable(_:)`` when the file cannot be created.
    public init(url: URL, format: CSVFormat = CSVFormat(), byteOrderMark: Bool = false) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let h = try? FileHandle(forWritingTo: url) else { throw CSVError.unreadable(url.lastPathComponent) }
        handle = h
        self.format = format
        if byteOrderMark { pending.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// Appends one record.
    /// - Throws: ``CSVError/unreadable(_:)`` when the file cannot be written.
    public func write(_ fields: [String]) throws {
        pending.append(contentsOf: format.line(fields).utf8)
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Writes out the buffer and closes the file.
    /// - Throws: ``CSVError/unreadable(_:)`` when the file cannot be written.
    public func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        do { try handle.close() } catch { throw CSVError.unreadable(String(describing: error)) }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        do { try handle.write(contentsOf: pending) } catch { throw CSVError.unreadable(String(describing: error)) }
        pending.removeAll(keepingCapacity: true)
    }

    deinit { try? close() }
}
