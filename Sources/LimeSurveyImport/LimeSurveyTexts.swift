import Foundation
import SurveyModule

/// Picks Swedish and English from LimeSurvey's per-language texts and turns their HTML into plain text.
///
/// LimeSurvey language codes are `sv`, `en`, and regional forms such as `en-GB`; a text missing
/// in Swedish or English falls back to the survey's base language, then to any language.
struct LimeSurveyTexts: Sendable {
    let swedish: String?
    let english: String?
    let base: String?

    init(languages: [String], base: String?) {
        swedish = Self.pick("sv", in: languages)
        english = Self.pick("en", in: languages)
        self.base = base ?? languages.first
    }

    private static func pick(_ code: String, in languages: [String]) -> String? {
        languages.first { $0.lowercased() == code } ?? languages.first { $0.lowercased().hasPrefix(code + "-") }
    }

    /// Warnings about languages the survey lacks.
    var warnings: [String] {
        var w: [String] = []
        let fallback = base.map { "the base language '\($0)'" } ?? "the first language found"
        if swedish == nil { w.append("the survey has no Swedish (sv) texts; \(fallback) is used for the Swedish texts") }
        if english == nil { w.append("the survey has no English (en) texts; \(fallback) is used for the English texts") }
        return w
    }

    /// The localized text of `texts` (language code to LimeSurvey HTML).
    func localized(_ texts: [String: String], fallback: String = "") -> LocalizedText {
        func text(_ language: String?) -> String? {
            guard let language, let t = texts[language] else { return nil }
            let plain = Self.plain(t)
            return plain.isEmpty ? nil : plain
        }
        let any = text(base) ?? texts.keys.sorted().lazy.compactMap { text($0) }.first ?? fallback
        return LocalizedText(sv: text(swedish) ?? any, en: text(english) ?? any)
    }

    /// `html` as plain text: tags removed (with the contents of `<script>` and `<style>`, which are
    /// code, not text), named and numeric entities decoded, white space collapsed.
    static func plain(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let next = rest[rest.index(after: open)...].first
            // "<" starts a tag only before a letter, "/", "!" or "?"; otherwise it is text ("a < b").
            guard let next, next.isLetter || "/!?".contains(next), let close = rest[open...].firstIndex(of: ">") else {
                out.append("<")
                rest = rest[rest.index(after: open)...]
                continue
            }
            let tag = rest[rest.index(after: open)..<close].lowercased()
            rest = rest[rest.index(after: close)...]
            out.append(" ")
            for element in ["script", "style"] where tag == element || tag.hasPrefix(element + " ") {
                let end = rest.range(of: "</\(element)", options: .caseInsensitive)
                rest = end.map { rest[$0.upperBound...].drop { $0 != ">" }.dropFirst() } ?? ""
            }
        }
        out += rest
        return decodeEntities(out).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `text` with `&name;`, `&#NNN;` and `&#xHH;` decoded; unknown entities are kept as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";"), let decoded = entity(String(after[..<semi])) {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out.append("&")
                rest = after
            }
        }
        return out + rest
    }

    private static func entity(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let body = name.dropFirst()
            let value = body.first == "x" || body.first == "X" ? UInt32(body.dropFirst(), radix: 16) : UInt32(body, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return entities[name]
    }

    private static let entities: [String: String] = [
        "nbsp": " ", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "amp": "&",
        "aring": "å", "auml": "ä", "ouml": "ö", "Aring": "Å", "Auml": "Ä", "Ouml": "Ö", "eacute": "é", "Eacute": "É",
        "ndash": "–", "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]
}
