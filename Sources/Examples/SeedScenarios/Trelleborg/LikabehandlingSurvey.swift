import DiversityKit
import EvaluationModule
import ExampleSupport
import Foundation
import SurveyModule

extension LikabehandlingScenario {
    /// The 2008 employee survey's questionnaire id.
    public static let surveyID: ID<Questionnaire> = "medarbetarenkat-2008"

    /// The likabehandling part of the 2008 employee survey (medarbetarenkät): the item bank's
    /// treatment (bemötande) and work-climate items, with their scales. No sensitive items.
    public static func baselineQuestionnaire() -> Questionnaire {
        Questionnaire(id: surveyID, title: LocalizedText(sv: "Medarbetarenkät 2008: likabehandling och arbetsklimat",
                                                         en: "Employee survey 2008: equal treatment and work climate"),
                      sections: [Section(code: "TREATMENT", title: LocalizedText(sv: "Bemötande och attityder", en: "Treatment and attitudes"),
                                         items: ItemBank.treatmentItems),
                                 Section(code: "CLIMATE", title: LocalizedText(sv: "Arbetsklimat", en: "Work climate"),
                                         items: ItemBank.climateItems)],
                      scales: ItemBank.scales)
    }

    /// Where a 2008 answer tends to lie (before reverse coding): the climate items show the need
    /// the survey found — equality and diversity were not felt to be valued at work.
    static let baselineMeans: [String: Int] = [
        "B01": 38, "B02": 33, "B03": 26, "B04": 27, "B05": 34, "B06": 31,
        "C01": 30, "C02": 29, "C03": 25, "C04": 33, "C05": 31,
    ]

    /// Publishes the 2008 questionnaire and imports anonymous responses, reported by
    /// administration (about half the staff answered; a very small administration's answers are
    /// there but must be withheld by the report).
    static func baselineSurvey(in store: any Store, staff: [Participant], rng: inout SeededGenerator) async throws -> BaselineSurvey {
        let surveys = SurveyService(store: store, secret: ExampleTokenSecret.value, clock: { Date(timeIntervalSince1970: 1_204_329_600) }, ids: SequentialIDGenerator(prefix: "enkat-"))
        let questionnaire = try await surveys.publish(baselineQuestionnaire())
        var perAdministration: [ID<OrganisationUnit>: Int] = [:]
        for person in staff { if let unit = person.unit { perAdministration[administrationID(of: unit), default: 0] += 1 } }
        var responses: [SurveyResponse] = []
        let scaleOf = Dictionary(questionnaire.scales.flatMap { s in s.itemCodes.map { ($0, s.code) } }, uniquingKeysWith: { a, _ in a })
        for (unit, headcount) in perAdministration.sorted(by: { $0.key < $1.key }) {
            let respondents = headcount * rng.int(in: 45...70) / 100
            for _ in 0..<respondents {
                var answers: [String: Answer] = [:]
                // One trait per scale and respondent; items follow it (reverse-worded ones the other way).
                var traits: [String: Double] = [:]
                for item in questionnaire.items {
                    guard case .likert(_, let reversed) = item.kind, rng.chance(97) else { continue }
                    // One draw of the shared generator per answer, as before, seeds the answer's own.
                    var own = SeededGenerator(seed: rng.next())
                    let scaleCode = scaleOf[item.code] ?? item.code
                    let trait = traits[scaleCode] ?? LatentTrait.normal(&own)
                    traits[scaleCode] = trait
                    let centre = Double(baselineMeans[item.code] ?? 30) / 10
                    let latent = LatentTrait.latent(trait: trait, reversed: reversed, rng: &own)
                    answers[item.code] = .value(min(5, max(1, Int((centre + 1.1 * latent).rounded()))))
                }
                responses.append(SurveyResponse(id: ID("enkat-2008-r\(responses.count + 1)"), questionnaire: questionnaire.reference,
                                                reportingUnit: unit, answers: answers))
            }
        }
        try await surveys.importResponses(responses)
        let names = Dictionary(uniqueKeysWithValues: administrations.map { ($0.id, $0.name) })
        let stored = try await surveys.responsesInFixedOrder(to: questionnaire.reference)
        return BaselineSurvey(
            questionnaire: questionnaire,
            respondents: stored.count,
            respondentsPerAdministration: Dictionary(grouping: stored.compactMap(\.reportingUnit), by: { $0 }).mapValues(\.count),
            results: try SurveyResultsInput(questionnaire: questionnaire, responses: stored, language: .swedish, unitNames: names))
    }
}
