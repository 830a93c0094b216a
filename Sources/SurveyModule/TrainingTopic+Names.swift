import DiversityKit

extension TrainingTopic {
    /// The nine topics of the library's item bank and base training, in teaching order.
    public static let standard: [TrainingTopic] = [
        .discriminationAct, .grounds, .directAndIndirectDiscrimination, .harassment, .instructions,
        .accessibility, .treatmentOfCitizens, .workClimate, .attitudes,
    ]

    /// The Swedish and English name of a ``standard`` topic, for reports and training plans;
    /// `nil` for a topic of your own.
    ///
    /// ```swift
    /// TrainingTopic.harassment.standardName?.sv   // "Trakasserier och sexuella trakasserier"
    /// ```
    public var standardName: LocalizedText? { Self.names[self] }

    /// The topic's name in `language`: the ``standardName``, or the topic code for a topic of your own.
    ///
    /// ```swift
    /// TrainingTopic.accessibility.name(in: .english)   // "Inadequate accessibility"
    /// TrainingTopic("payAudit").name(in: .swedish)      // "payAudit"
    /// ```
    public func name(in language: SurveyLanguage) -> String { standardName?[language] ?? rawValue }

    private static let names: [TrainingTopic: LocalizedText] = [
        .discriminationAct: LocalizedText(sv: "Diskrimineringslagen", en: "The Discrimination Act"),
        .grounds: LocalizedText(sv: "Diskrimineringsgrunderna", en: "The grounds of discrimination"),
        .directAndIndirectDiscrimination: LocalizedText(sv: "Direkt och indirekt diskriminering", en: "Direct and indirect discrimination"),
        .harassment: LocalizedText(sv: "Trakasserier och sexuella trakasserier", en: "Harassment and sexual harassment"),
        .instructions: LocalizedText(sv: "Instruktioner att diskriminera", en: "Instructions to discriminate"),
        .accessibility: LocalizedText(sv: "Bristande tillgänglighet", en: "Inadequate accessibility"),
        .treatmentOfCitizens: LocalizedText(sv: "Bemötande av medborgare och brukare", en: "Treatment of citizens and service users"),
        .workClimate: LocalizedText(sv: "Arbetsklimat och jargong", en: "Work climate and jargon"),
        .attitudes: LocalizedText(sv: "Attityder till mångfald", en: "Attitudes to diversity"),
    ]
}
