import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One `<row>` of a table block of a `.lss` file: its field values by name, and where it starts.
struct LSSRow: Hashable, Sendable {
    var values: [String: String] = [:]
    var line: Int
    var column: Int

    subscript(_ field: String) -> String? {
        guard let v = values[field]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    /// The raw text of a field, untrimmed (question and answer texts).
    func text(_ field: String) -> String? { values[field] }
}

/// A `.lss` document read into its table blocks: `<document><questions><rows><row>…`.
///
/// A structure file is small (kilobytes to a few megabytes), so the rows are kept; the XML is
/// still read event by event, never built into a tree.
struct LSSDocument: Sendable {
    /// `Survey` for a structure file; `Question` or `Group` for LimeSurvey's other exports.
    var docType: String?
    var languages: [String] = []
    var tables: [String: [LSSRow]] = [:]
    /// The `<fields><fieldname>` list of each table block, in order.
    var fieldNames: [String: [String]] = [:]

    func rows(_ table: String) -> [LSSRow] { tables[table] ?? [] }

    /// Whether `data` starts as a ZIP archive does (a local file header or an empty archive's end record).
    static func isZIP(_ data: Data) -> Bool {
        data.count >= 4 && data.prefix(2).elementsEqual([0x50, 0x4B]) && [[3, 4], [5, 6]].contains(Array(data.dropFirst(2).prefix(2)))
    }

    /// Reads `data`; `archiveReader` names the call that reads a ZIP archive given by mistake.
    /// - Throws: ``LimeSurveyImportError/notXML(line:column:reason:)``,
    ///   ``LimeSurveyImportError/notASurveyStructure(found:)``, ``LimeSurveyImportError/isAnArchive(reader:)``,
    ///   ``LimeSurveyImportError/boundExceeded(_:limit:location:)`` for a field over
    ///   ``LimeSurveyLimits/maximumFieldLength`` or text expanding past ``LimeSurveyLimits/maximumTextExpansion``.
    static func parse(_ data: Data, limits: LimeSurveyLimits = LimeSurveyLimits(),
                      archiveReader: String = "LimeSurveyArchiveImporter().importArchive(data:)") throws -> LSSDocument {
        if isZIP(data) { throw LimeSurveyImportError.isAnArchive(reader: archiveReader) }
        try checkEntityExpansion(data, limits: limits)
        // On Linux XMLParser runs on libxml2, whose global state is not thread-safe: two
        // imports at once corrupt memory. One parse at a time, process-wide.
        parseLock.lock()
        defer { parseLock.unlock() }
        // FoundationXML traps on element names that are not UTF-8, so such bytes never reach it.
        if let (line, column) = firstInvalidUTF8(data) {
            throw LimeSurveyImportError.notXML(line: line, column: column, reason: "the bytes here are not UTF-8 text")
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let reader = Reader(limits: limits, inputSize: data.count)
        parser.delegate = reader
        let ok = parser.parse()
        if let bound = reader.bound { throw bound }
        if let rootError = reader.wrongRoot { throw LimeSurveyImportError.notASurveyStructure(found: "<\(rootError)> root element") }
        guard ok else {
            var message = parser.parserError.map { Self.describe($0) } ?? "the XML could not be read"
            if let field = reader.openField { message += " (in <\(field)>)" }
            throw LimeSurveyImportError.notXML(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1), reason: message)
        }
        guard reader.sawRoot else { throw LimeSurveyImportError.notXML(line: 1, column: 1, reason: "the file has no XML elements") }
        // The parser can report success on input that simply stops: insist on a closed root.
        if let open = reader.openElement {
            throw LimeSurveyImportError.notXML(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1),
                                               reason: "the file ends before <\(open)> is closed")
        }
        return reader.document
    }

    private static let parseLock = NSLock()

    /// Refuses internal entities whose references would expand the text past the budget
    /// (``LimeSurveyLimits/maximumTextExpansion`` times the input, plus 1 MiB): libxml2 expands
    /// them inside the parser, where no delegate callback sees the cost. Each declared entity's
    /// expanded size is computed from its value (entities inside entities included), then
    /// multiplied by the references to it anywhere in the file — an upper bound, found in one
    /// pass per entity. LimeSurvey's own files declare no entities.
    static func checkEntityExpansion(_ data: Data, limits: LimeSurveyLimits) throws {
        let bytes = [UInt8](data)
        let marker = Array("<!ENTITY".utf8)
        guard let first = find(marker, in: bytes, from: 0) else { return }
        let (product, overflow) = bytes.count.multipliedReportingOverflow(by: max(limits.maximumTextExpansion, 1))
        let budget = overflow ? Int.max : product.addingReportingOverflow(1 << 20).partialValue
        var values: [String: [UInt8]] = [:]
        var at = first
        while let start = find(marker, in: bytes, from: at), values.count <= 256 {
            var i = start + marker.count
            func skipSpace() { while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 } }
            skipSpace()
            let parameter = i < bytes.count && bytes[i] == UInt8(ascii: "%")
            if parameter { i += 1; skipSpace() }
            let nameStart = i
            while i < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">")].contains(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            skipSpace()
            at = i
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { continue }
            let quote = bytes[i]
            let valueStart = i + 1
            var end = valueStart
            while end < bytes.count, bytes[end] != quote { end += 1 }
            if !parameter { values[name] = Array(bytes[valueStart..<min(end, bytes.count)]) }
            at = end
        }
        guard values.count <= 256 else {
            throw LimeSurveyImportError.boundExceeded(.textExpansion, limit: limits.maximumTextExpansion, location: "the DTD: more than 256 entity declarations")
        }
        var sizes: [String: Int] = [:]
        func size(_ name: String, _ depth: Int) -> Int {
            if let known = sizes[name] { return known }
            guard let value = values[name], depth < 32 else { return budget }
            var total = value.count
            for other in values.keys where other != name {
                let n = count(Array("&\(other);".utf8), in: value)
                if n > 0 { total = total.addingReportingOverflow(n.multipliedReportingOverflow(by: size(other, depth + 1)).partialValue).partialValue }
                if total >= budget || total < 0 { total = budget; break }
            }
            sizes[name] = total
            return total
        }
        var expanded = 0
        for name in values.keys.sorted() {
            let references = count(Array("&\(name);".utf8), in: bytes)
            let (grown, over) = references.multipliedReportingOverflow(by: size(name, 0))
            expanded = over ? Int.max : expanded.addingReportingOverflow(grown).partialValue
            if over || expanded > budget || expanded < 0 {
                throw LimeSurveyImportError.boundExceeded(.textExpansion, limit: limits.maximumTextExpansion,
                                                         location: "entity '\(name)': \(references) references would expand the text past \(budget) bytes")
            }
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func count(_ needle: [UInt8], in bytes: [UInt8]) -> Int {
        var n = 0, i = 0
        while let at = find(needle, in: bytes, from: i) {
            n += 1
            i = at + needle.count
        }
        return n
    }

    /// The 1-based line and column of the first byte sequence that is not UTF-8, if any.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int)? {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput: return nil
            case .error: return (line, column)
            }
        }
    }

    private static func describe(_ error: Error) -> String {
        let ns = error as NSError
        let detail = ns.localizedDescription.trimmingCharacters(in: .whitespacesAndNewlines)
        return detail.isEmpty ? "XML parser error \(ns.code)" : "XML parser error \(ns.code): \(detail)"
    }

    /// The SAX delegate: tracks the element path and collects rows at depth 4, fields at depth 5.
    private final class Reader: NSObject, XMLParserDelegate {
        var document = LSSDocument()
        let limits: LimeSurveyLimits
        /// The most text bytes the document may deliver, entities expanded.
        let textBudget: Int
        private var delivered = 0
        /// The bound crossed, when parsing was aborted for one.
        var bound: LimeSurveyImportError?

        init(limits: LimeSurveyLimits, inputSize: Int) {
            self.limits = limits
            let (product, overflow) = inputSize.multipliedReportingOverflow(by: max(limits.maximumTextExpansion, 1))
            textBudget = overflow ? Int.max : product.addingReportingOverflow(1 << 20).partialValue
        }

        /// The path of the element being read, e.g. `questions/rows/row/question`.
        var openField: String? { path.count > 1 ? path.dropFirst().joined(separator: "/") : nil }
        var sawRoot = false
        var wrongRoot: String?
        private var path: [String] = []
        /// The innermost element still open at the end, if any.
        var openElement: String? { path.last }
        private var text = ""
        private var row: LSSRow?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            path.append(elementName)
            text = ""
            switch path.count {
            case 1:
                sawRoot = true
                if elementName != "document" {
                    wrongRoot = elementName
                    parser.abortParsing()
                }
            case 4 where elementName == "row" && path[2] == "rows":
                row = LSSRow(line: parser.lineNumber, column: parser.columnNumber)
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { add(string, parser) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { add(String(decoding: CDATABlock, as: UTF8.self), parser) }

        private func add(_ string: String, _ parser: XMLParser) {
            guard bound == nil else { return }
            let n = string.utf8.count
            delivered += n
            let at = "line \(max(parser.lineNumber, 1)), <\(openField ?? "document")>"
            if delivered > textBudget {
                bound = .boundExceeded(.textExpansion, limit: limits.maximumTextExpansion,
                                       location: "\(at): the text expands past \(textBudget) bytes (entity references?)")
            } else if text.utf8.count + n > limits.maximumFieldLength {
                bound = .boundExceeded(.fieldLength, limit: limits.maximumFieldLength, location: "\(at): a field longer than \(limits.maximumFieldLength) bytes")
            }
            if bound != nil {
                parser.abortParsing()
                return
            }
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            // On damaged input the parser may report an end it never reported the start of.
            guard !path.isEmpty else {
                parser.abortParsing()
                return
            }
            switch path.count {
            case 2:
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if elementName == "LimeSurveyDocType" { document.docType = value }
            case 3 where path[1] == "languages" && elementName == "language":
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty { document.languages.append(value) }
            case 4 where elementName == "row" && path[2] == "rows":
                if let row { document.tables[path[1], default: []].append(row) }
                row = nil
            case 5 where path[2] == "rows" && path[3] == "row":
                row?.values[elementName] = text
            case 4 where path[2] == "fields" && elementName == "fieldname":
                document.fieldNames[path[1], default: []].append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            default: break
            }
            text = ""
            path.removeLast()
        }
    }
}
