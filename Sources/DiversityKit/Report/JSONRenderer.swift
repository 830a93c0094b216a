import Foundation

/// Renders a ``Report`` as JSON in the stable, documented schema (version 1) of
/// `Docs/Reporting.md`, and reads it back.
///
/// The top-level object is the report with a `"schemaVersion": 1` member; keys are sorted,
/// so equal reports give equal bytes. Values stay typed: numbers are JSON numbers, money is
/// integer öre (`minorUnits`), dates are `"YYYY-MM-DD"`.
///
/// ```swift
/// let data = try JSONRenderer().encode(report)
/// let same = try JSONRenderer.decode(data)   // == report
/// ```
public struct JSONRenderer: ReportRenderer {
    /// The schema version this library writes and reads.
    public static let schemaVersion = 1

    /// The name of the file produced.
    public var fileName: String
    /// Whether the JSON is indented for people to read.
    public var prettyPrinted: Bool
    /// The deepest section nesting written (default ``Report/defaultMaximumSectionDepth``).
    public var maximumSectionDepth: Int

    /// Creates a JSON renderer.
    public init(fileName: String = "report.json", prettyPrinted: Bool = true,
                maximumSectionDepth: Int = Report.defaultMaximumSectionDepth) {
        self.fileName = fileName
        self.prettyPrinted = prettyPrinted
        self.maximumSectionDepth = maximumSectionDepth
    }

    /// Renders `report` to a single JSON file.
    /// - Throws: ``ReportRenderingError/nonFiniteNumber(path:)`` for NaN or infinite numbers;
    ///   ``ReportRenderingError/nestingTooDeep(depth:limit:)`` beyond ``maximumSectionDepth``.
    public func render(_ report: Report) throws -> [RenderedFile] {
        [RenderedFile(name: fileName, contents: try encode(report))]
    }

    /// The JSON bytes of `report`.
    /// - Throws: ``ReportRenderingError/nonFiniteNumber(path:)`` for NaN or infinite numbers;
    ///   ``ReportRenderingError/nestingTooDeep(depth:limit:)`` beyond ``maximumSectionDepth``.
    public func encode(_ report: Report) throws -> Data {
        try report.checkSectionDepth(limit: maximumSectionDepth)
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                                 : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(VersionedReport(report: report))
        } catch let EncodingError.invalidValue(_, context) {
            throw ReportRenderingError.nonFiniteNumber(path: context.codingPath.dottedPath)
        }
    }

    /// Reads a report written by ``encode(_:)``.
    /// - Parameter maximumSectionDepth: the deepest section nesting accepted; a deeper one is
    ///   refused as soon as it is reached.
    /// - Throws: ``ReportRenderingError/unsupportedSchemaVersion(found:supported:)`` for another
    ///   schema version, ``ReportRenderingError/nestingTooDeep(depth:limit:)`` beyond
    ///   `maximumSectionDepth`, ``ReportRenderingError/malformedJSON(path:reason:)`` for anything
    ///   that is not a report of this schema, including JSON nested more than
    ///   `2 × maximumSectionDepth + 8` levels (checked before parsing, so no input exhausts the stack).
    public static func decode(_ data: Data, maximumSectionDepth: Int = Report.defaultMaximumSectionDepth) throws -> Report {
        // Each section level is an object and its `subsections` array; tables, charts and cells
        // add at most 8 levels more. Deeper text is refused before the recursive parser runs.
        let jsonLimit = 2 * max(maximumSectionDepth, 0) + 8
        guard !JSONNesting.exceeds(jsonLimit, in: data) else {
            throw ReportRenderingError.malformedJSON(path: "", reason:
                "JSON nests more than \(jsonLimit) levels, deeper than maximumSectionDepth (\(maximumSectionDepth)) allows")
        }
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[.maximumSectionDepth] = maximumSectionDepth
            return try decoder.decode(VersionedReport.self, from: data).report
        } catch let error as ReportRenderingError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReportRenderingError.malformedJSON(path: context.codingPath.dottedPath, reason: "missing \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(type, context) {
            throw ReportRenderingError.malformedJSON(path: context.codingPath.dottedPath, reason: "expected \(type)")
        } catch let DecodingError.valueNotFound(type, context) {
            throw ReportRenderingError.malformedJSON(path: context.codingPath.dottedPath, reason: "expected \(type), found null")
        } catch let DecodingError.dataCorrupted(context) {
            throw ReportRenderingError.malformedJSON(path: context.codingPath.dottedPath, reason: context.debugDescription)
        } catch {
            throw ReportRenderingError.malformedJSON(path: "", reason: String(describing: error))
        }
    }
}

/// A report with the schema version beside its own members in one JSON object.
private struct VersionedReport: Codable {
    private enum Key: String, CodingKey { case schemaVersion }
    let report: Report

    init(report: Report) { self.report = report }

    init(from decoder: Decoder) throws {
        let version = try decoder.container(keyedBy: Key.self).decode(Int.self, forKey: .schemaVersion)
        guard version == JSONRenderer.schemaVersion else {
            throw ReportRenderingError.unsupportedSchemaVersion(found: version, supported: JSONRenderer.schemaVersion)
        }
        report = try Report(from: decoder)
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(JSONRenderer.schemaVersion, forKey: .schemaVersion)
        try report.encode(to: encoder)
    }
}
