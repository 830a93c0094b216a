/// Escaping and identifiers for the XML-compatible HTML and SVG the renderers write.
enum Markup {
    /// Escapes `text` for element content and attribute values alike, and replaces characters
    /// XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) with U+FFFD so
    /// that no user text can make the document ill-formed.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `raw` lowercased to ASCII letters, digits and single `-` (other characters become `-`).
    static func slug(_ raw: String) -> String {
        var slug = ""
        for scalar in raw.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// `base`, or `base-2`, `base-3`… whichever `used` does not hold yet; records the choice.
    static func unique(_ base: String, used: inout Set<String>) -> String {
        var candidate = base
        var n = 2
        while used.contains(candidate) {
            candidate = base + "-" + String(n)
            n += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// A fragment identifier made of ASCII letters, digits and `-` from `raw`, prefixed so it
    /// never starts with a digit; `used` keeps identifiers unique within one document.
    static func identifier(_ prefix: String, _ raw: String, used: inout Set<String>) -> String {
        let slug = slug(raw)
        return unique(slug.isEmpty ? prefix : prefix + "-" + slug, used: &used)
    }

    /// `raw` shortened to at most `limit` characters, with an ellipsis when cut.
    static func truncated(_ raw: String, limit: Int) -> String {
        raw.count <= limit ? raw : String(raw.prefix(max(limit - 1, 1))) + "…"
    }

    /// The largest coordinate written: far beyond any drawing, small enough to print exactly.
    static let coordinateLimit = 1e9

    /// A coordinate or length for SVG: at most one decimal, `.` as decimal mark; clamped to
    /// ±``coordinateLimit``, and NaN written as `0`, so no value can trap or break the markup.
    static func number(_ value: Double) -> String {
        guard !value.isNaN else { return "0" }
        let clamped = min(max(value, -coordinateLimit), coordinateLimit)
        let rounded = (clamped * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension ClosedRange where Bound == Double {
    /// `value` moved into the range; NaN gives the lower bound.
    func clamp(_ value: Double) -> Double {
        value.isNaN ? lowerBound : Swift.min(Swift.max(value, lowerBound), upperBound)
    }
}
