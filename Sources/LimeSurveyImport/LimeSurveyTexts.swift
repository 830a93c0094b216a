import Foundation
import SurveyModule

/// Carries every language of LimeSurvey's per-language texts and turns their HTML into plain text.
///
/// LimeSurvey language codes (`sv`, `en`, `de-informal`, `pt-BR`) are kept as the texts' BCP 47
/// tags. A text one language lacks is simply absent there: ``/SurveyModule/LocalizedText`` falls back
/// along its chain to the survey's base language.
struct LimeSurveyTexts: Sendable {
    let languages: [String]
    let base: String?

    init(languages: [String], base: String?) {
        self.languages = languages
        self.base = base ?? languages.first
    }

    /// Warnings about Swedish and English, the languages reports are built in.
    var warnings: [String] {
        var w: [String] = []
        let fallback = base.map { "the base language '\($0)'" } ?? "the first language found"
        for (code, name) in [("sv", "Swedish"), ("en", "English")] where !languages.contains(where: { LocalizedText.fallbackChain($0).last?.lowercased() == code }) {
            w.append("the survey has no \(name) (\(code)) texts; \(fallback) is shown where \(name) is asked for")
        }
        return w
    }

    /// The localized text of `texts` (language code to LimeSurvey HTML): every language with a
    /// non-empty text; `fallback` in the base language when none has one.
    func localized(_ texts: [String: String], fallback: String = "") -> LocalizedText {
        var out: [String: String] = [:]
        for (language, html) in texts where Questionnaire.isLanguageTag(language) {
            let plain = Self.plain(html)
            if !plain.isEmpty { out[language] = plain }
        }
        if out.isEmpty { out[base.flatMap { Questionnaire.isLanguageTag($0) ? $0 : nil } ?? "sv"] = fallback }
        return LocalizedText(out)
    }

    /// `html` as plain text: tags removed (with the contents of `<script>` and `<style>`, which are
    /// code, not text), named and numeric entities decoded, white space collapsed.
    static func plain(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        // Once no ">" follows, none will for any later "<": remembering that keeps the scan linear
        // (text of 50 kB of "<a" would otherwise search to the end once per "<").
        var noCloseAfter: Substring.Index?
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let next = rest[rest.index(after: open)...].first
            func close() -> Substring.Index? {
                if let noCloseAfter, open >= noCloseAfter { return nil }
                guard let c = rest[open...].firstIndex(of: ">") else {
                    noCloseAfter = open
                    return nil
                }
                return c
            }
            // "<" starts a tag only before a letter, "/", "!" or "?"; otherwise it is text ("a < b").
            guard let next, next.isLetter || "/!?".contains(next), let close = close() else {
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
