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

/// A text in Swedish and English, e.g. an item's prompt or a scale point's label.
///
/// ```swift
/// let label = LocalizedText(sv: "Instämmer helt", en: "Strongly agree")
/// label[.english] // "Strongly agree"
/// ```
public struct LocalizedText: Codable, Hashable, Sendable {
    /// The Swedish text.
    public var sv: String
    /// The English text.
    public var en: String

    /// Creates a text in both languages.
    public init(sv: String, en: String) {
        self.sv = sv
        self.en = en
    }

    /// The text in `language`.
    public subscript(_ language: SurveyLanguage) -> String {
        switch language {
        case .swedish: return sv
        case .english: return en
        }
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
