import DiversityKit

/// The built-in item bank (frågebank) in Swedish and English, written for DiversityKit: 30 items
/// on knowledge of the Discrimination Act, treatment of citizens (bemötande) and attitudes, work
/// climate and jargon, witnessed or experienced discrimination (sensitive), and background.
///
/// ```swift
/// let battery = ItemBank.baselineBattery()          // the MDSS-style baseline questionnaire
/// let k = ItemBank.item("K01")!                     // one item by code
/// ```
public enum ItemBank {
    /// Every item in the bank, in code order within its group.
    public static var allItems: [Item] { knowledgeItems + treatmentItems + climateItems + experienceItems + backgroundItems }

    /// The bank's item with `code`, if any.
    public static func item(_ code: String) -> Item? { allItems.first { $0.code == code } }

    /// The scales over the bank's Likert items: bemötande (`TREATMENT`, B01–B04), attitudes to
    /// diversity (`ATTITUDE`, B05–B06) and work climate (`CLIMATE`, C01–C05).
    public static let scales: [Scale] = [
        Scale(code: "TREATMENT", title: LocalizedText(sv: "Bemötande", en: "Treatment of citizens"),
              itemCodes: ["B01", "B02", "B03", "B04"], minimumAnswered: 3, topic: .treatmentOfCitizens),
        Scale(code: "ATTITUDE", title: LocalizedText(sv: "Attityd till mångfald", en: "Attitude to diversity"),
              itemCodes: ["B05", "B06"], minimumAnswered: 2, topic: .attitudes),
        Scale(code: "CLIMATE", title: LocalizedText(sv: "Arbetsklimat", en: "Work climate"),
              itemCodes: ["C01", "C02", "C03", "C04", "C05"], minimumAnswered: 3, topic: .workClimate),
    ]

    /// The baseline battery (nulägesmätning, frågebatteri) of an MDSS-style programme: every bank
    /// item in five sections, the three scales, all knowledge items required. Its results tailor
    /// the base training (see ``TrainingTailor``). Contains sensitive items, so distribute it anonymously.
    public static func baselineBattery(id: ID<Questionnaire> = "baseline-battery") -> Questionnaire {
        func required(_ items: [Item]) -> [Item] { items.map { var i = $0; i.isRequired = true; return i } }
        return Questionnaire(
            id: id, title: LocalizedText(sv: "Nulägesmätning: likabehandling och bemötande", en: "Baseline: equal treatment and service"),
            sections: [
                Section(code: "KNOWLEDGE", title: LocalizedText(sv: "Kunskap om diskrimineringslagen", en: "Knowledge of the Discrimination Act"),
                        items: required(knowledgeItems)),
                Section(code: "TREATMENT", title: LocalizedText(sv: "Bemötande och attityder", en: "Treatment and attitudes"),
                        items: treatmentItems),
                Section(code: "CLIMATE", title: LocalizedText(sv: "Arbetsklimat och jargong", en: "Work climate and jargon"),
                        items: climateItems),
                Section(code: "EXPERIENCE", title: LocalizedText(sv: "Upplevelser", en: "Experiences"), items: experienceItems),
                Section(code: "BACKGROUND", title: LocalizedText(sv: "Om dig", en: "About you"), items: backgroundItems),
            ],
            scales: scales)
    }

    /// A short course evaluation without sensitive items, for an identified distribution: the bank's
    /// knowledge items as a post-test plus two rating items (content, trainer) on 1–5.
    public static func courseEvaluation(id: ID<Questionnaire> = "course-evaluation") -> Questionnaire {
        let rating = LikertScale(name: "rating5", labels: [
            LocalizedText(sv: "Mycket dåligt", en: "Very poor"), LocalizedText(sv: "Dåligt", en: "Poor"),
            LocalizedText(sv: "Godtagbart", en: "Acceptable"), LocalizedText(sv: "Bra", en: "Good"),
            LocalizedText(sv: "Mycket bra", en: "Very good"),
        ])
        return Questionnaire(
            id: id, title: LocalizedText(sv: "Kursutvärdering", en: "Course evaluation"),
            sections: [
                Section(code: "RATING", title: LocalizedText(sv: "Betyg", en: "Rating"), items: [
                    Item(code: "R01", prompt: LocalizedText(sv: "Vilket betyg ger du utbildningens innehåll?", en: "How do you rate the content?"),
                         kind: .likert(scale: rating, reverseCoded: false), isRequired: true),
                    Item(code: "R02", prompt: LocalizedText(sv: "Vilket betyg ger du utbildaren?", en: "How do you rate the trainer?"),
                         kind: .likert(scale: rating, reverseCoded: false), isRequired: true),
                ]),
                Section(code: "KNOWLEDGE", title: LocalizedText(sv: "Kunskap", en: "Knowledge"), items: knowledgeItems),
            ])
    }
}
