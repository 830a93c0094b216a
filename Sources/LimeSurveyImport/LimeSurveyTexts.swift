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

    /// `html` as plain text: tags removed, common entities decoded, white space collapsed.
    static func plain(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true } else if ch == ">" && inTag {
                inTag = false
                out.append(" ")
            } else if !inTag { out.append(ch) }
        }
        if inTag { out = html }
        for (entity, ch) in entities { out = out.replacingOccurrences(of: entity, with: ch) }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // `&amp;` last, so `&amp;lt;` becomes `&lt;` and not `<`.
    private static let entities: [(String, String)] = [
        ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
        ("&aring;", "å"), ("&auml;", "ä"), ("&ouml;", "ö"), ("&Aring;", "Å"), ("&Auml;", "Ä"), ("&Ouml;", "Ö"),
        ("&eacute;", "é"), ("&ndash;", "–"), ("&mdash;", "—"), ("&amp;", "&"),
    ]
}
