import Foundation

/// How deeply JSON text nests, found in one linear pass before Foundation's decoder sees it:
/// `JSONDecoder` parses recursively, so a document of 100 000 nested arrays exhausts the
/// stack before any `init(from:)` can refuse it.
package enum JSONNesting {
    /// Whether some array or object in `data` lies more than `limit` levels deep (the top-level
    /// value is level 1). Brackets inside strings, escaped quotes included, do not count.
    package static func exceeds(_ limit: Int, in data: Data) -> Bool {
        var depth = 0, inString = false, escaped = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: continue
            }
        }
        return false
    }
}
