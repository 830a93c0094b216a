/// Why a report could not be rendered, read back or written.
public enum ReportRenderingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A number at `path` (e.g. `sections[0].blocks[2].chart.series[1].values[3]`) is NaN or
    /// infinite, which JSON cannot hold.
    case nonFiniteNumber(path: String)
    /// The JSON document declares a `schemaVersion` this library does not read.
    case unsupportedSchemaVersion(found: Int, supported: Int)
    /// The JSON document is not a report: `reason` says what is wrong at `path`.
    case malformedJSON(path: String, reason: String)
    /// A rendered file's name would leave the target directory or is empty.
    case unsafeFileName(String)
    /// A file could not be written to `path`.
    case writeFailed(path: String, reason: String)
    /// Sections nest `depth` levels deep, more than the `limit` the renderer or reader allows
    /// (``Report/defaultMaximumSectionDepth`` unless configured).
    case nestingTooDeep(depth: Int, limit: Int)
    /// A renderer option `name` (e.g. `chartWidth`) is set to `value`, outside `allowed`.
    case optionOutOfRange(name: String, value: String, allowed: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .nonFiniteNumber(let path): "the number at \(path) is not finite and cannot be written as JSON"
        case .unsupportedSchemaVersion(let found, let supported):
            "the report JSON has schemaVersion \(found); this library reads version \(supported)"
        case .malformedJSON(let path, let reason): "the report JSON is malformed at \(path.isEmpty ? "the top level" : path): \(reason)"
        case .unsafeFileName(let name): "the file name \"\(name)\" is empty or not a plain file name"
        case .writeFailed(let path, let reason): "could not write \(path): \(reason)"
        case .nestingTooDeep(let depth, let limit):
            "sections nest \(depth) levels deep, more than maximumSectionDepth (\(limit))"
        case .optionOutOfRange(let name, let value, let allowed): "the option \(name) is \(value), outside \(allowed)"
        }
    }
}

extension [any CodingKey] {
    /// A coding path as `sections[0].blocks[2].text`.
    var dottedPath: String {
        var out = ""
        for key in self {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }
}
