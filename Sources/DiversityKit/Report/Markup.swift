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

    /// `text` with soft hyphens (U+00AD) where a long word (`minimumLength` letters or more) may
    /// break across lines: before a consonant that starts a syllable (a consonant followed by a
    /// vowel), at least two letters before and three after — the Swedish rule of thumb
    /// ("Stan·dard·av·vi·kel·se"). Browsers show a hyphen only where they do break.
    static func hyphenated(_ text: String, minimumLength: Int = 7) -> String {
        let vowels = Set("aeiouyåäöéüAEIOUYÅÄÖÉÜ")
        var out = "", word: [Character] = []
        func flush() {
            if word.count >= minimumLength, word.allSatisfy(\.isLetter) {
                for (i, c) in word.enumerated() {
                    if i >= 2, i <= word.count - 3, !vowels.contains(c), vowels.contains(word[i + 1]) {
                        out.append("\u{AD}")
                    }
                    out.append(c)
                }
            } else {
                out.append(contentsOf: word)
            }
            word.removeAll()
        }
        for c in text {
            if c.isLetter { word.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
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
