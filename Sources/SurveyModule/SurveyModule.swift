import DiversityKit

/// Questionnaires (frågebatterier), anonymous distribution, responses, scoring, import/export
/// and tailoring of the base training (basutbildning) from baseline results.
///
/// Start with ``SurveyService`` over any ``/DiversityKit/Store``; build questionnaires from ``ItemBank``.
public enum SurveyModule {
    /// The record-type prefix this module stores its entities under.
    public static let recordTypePrefix = "survey."
}

/// A language a questionnaire's text is written in.
public enum SurveyLanguage: String, Codable, Hashable, Sendable, CaseIterable {
    /// Svenska.
    case swedish = "sv"
    /// English.
    case english = "en"
}

/// A text in any number of languages, keyed by BCP 47 language tag (`sv`, `en`, `fi`, `ar`,
/// `sv-x-lattlast` for easy-to-read Swedish), e.g. an item's prompt or a scale point's label.
///
/// A text asked for in a language it lacks falls back along the tag's chain: the tag itself,
/// then the tag with its last subtag removed, and so on (`sv-x-lattlast` → `sv`), then the
/// questionnaire's base language, then Swedish, English and the first tag in order. Tags are
/// compared without regard to case (`en-GB` = `en-gb`) and kept as first written.
///
/// JSON form: an object from tag to text, `{"en": "Strongly agree", "sv": "Instämmer helt"}`.
///
/// ```swift
/// var label = LocalizedText(sv: "Instämmer helt", en: "Strongly agree")
/// label["fi"] = "Täysin samaa mieltä"
/// label.text(for: "sv-x-lattlast") // "Instämmer helt"
/// label[.english]                  // "Strongly agree"
/// ```
public struct LocalizedText: Codable, Hashable, Sendable {
    /// The texts by language tag, as written.
    public private(set) var texts: [String: String]

    /// Creates a text in Swedish and English.
    public init(sv: String, en: String) {
        texts = ["sv": sv, "en": en]
    }

    /// Creates a text from `texts`, keyed by BCP 47 tag; a tag repeated in another case keeps the last.
    public init(_ texts: [String: String]) {
        self.texts = [:]
        for tag in texts.keys.sorted() { self[tag] = texts[tag] }
    }

    /// The same text in every language it names (a code, a number).
    public init(invariant text: String) {
        texts = ["sv": text, "en": text]
    }

    /// The language tags present, sorted.
    public var languages: [String] { texts.keys.sorted() }

    /// The text in exactly `tag` (case-insensitive), or `nil`; setting `nil` removes it.
    public subscript(_ tag: String) -> String? {
        get { key(tag).flatMap { texts[$0] } }
        set {
            if let existing = key(tag) { texts[existing] = nil }
            if let newValue { texts[key(tag) ?? tag] = newValue }
        }
    }

    /// The Swedish text (through the fallback chain when there is none); setting it sets `sv`.
    public var sv: String {
        get { text(for: "sv") }
        set { self["sv"] = newValue }
    }

    /// The English text (through the fallback chain when there is none); setting it sets `en`.
    public var en: String {
        get { text(for: "en") }
        set { self["en"] = newValue }
    }

    /// The text in `language`.
    public subscript(_ language: SurveyLanguage) -> String { text(for: language.rawValue) }

    /// The text for `tag` along its fallback chain: the tag, its shorter prefixes, `base`, then
    /// `sv`, `en` and the first tag in order; `""` for a text in no language.
    public func text(for tag: String, base: String? = nil) -> String {
        if let exact = texts[tag] { return exact }
        for candidate in Self.fallbackChain(tag) + (base.map { [$0] } ?? []) + ["sv", "en"] {
            if let t = self[candidate] { return t }
        }
        return languages.first.flatMap { texts[$0] } ?? ""
    }

    /// `tag` and its shorter forms, most specific first: `sv-x-lattlast` → `["sv-x-lattlast", "sv"]`
    /// (a singleton such as `x` never stands alone).
    public static func fallbackChain(_ tag: String) -> [String] {
        var parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        var chain: [String] = []
        while !parts.isEmpty {
            if parts.last?.count != 1 || parts.count == 1 { chain.append(parts.joined(separator: "-")) }
            parts.removeLast()
        }
        return chain
    }

    private func key(_ tag: String) -> String? {
        if texts[tag] != nil { return tag }
        let lower = tag.lowercased()
        return texts.keys.first { $0.lowercased() == lower }
    }

    /// Decodes an object from tag to text.
    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: String].self))
    }

    /// Encodes an object from tag to text.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(texts)
    }
}

/// A topic of the base training that items and scales inform (e.g. the Discrimination Act).
///
/// Topics are open: the built-in ones are constants, an embedder may add its own.
///
/// ```swift
/// let topic: TrainingTopic = .harassment
/// let own = TrainingTopic("accessibleInformation")
/// ```
public struct TrainingTopic: RawRepresentable, Codable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The topic's stable code.
    public let rawValue: String
    /// Wraps a topic code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a topic code.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a topic from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// A readable description.
    public var description: String { rawValue }
    /// Orders values ascending.
    public static func < (lhs: TrainingTopic, rhs: TrainingTopic) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the value.
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    /// Encodes the value.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// Diskrimineringslagen (2008:567): its purpose and who it protects.
    public static let discriminationAct: TrainingTopic = "discriminationAct"
    /// De sju diskrimineringsgrunderna.
    public static let grounds: TrainingTopic = "grounds"
    /// Direkt och indirekt diskriminering.
    public static let directAndIndirectDiscrimination: TrainingTopic = "directAndIndirectDiscrimination"
    /// Trakasserier och sexuella trakasserier.
    public static let harassment: TrainingTopic = "harassment"
    /// Instruktioner att diskriminera.
    public static let instructions: TrainingTopic = "instructions"
    /// Bristande tillgänglighet.
    public static let accessibility: TrainingTopic = "accessibility"
    /// Bemötande av medborgare och brukare.
    public static let treatmentOfCitizens: TrainingTopic = "treatmentOfCitizens"
    /// Arbetsklimat och jargong.
    public static let workClimate: TrainingTopic = "workClimate"
    /// Attityder till mångfald.
    public static let attitudes: TrainingTopic = "attitudes"
}
