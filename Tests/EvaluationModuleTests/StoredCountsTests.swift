import DiversityKit
import EvaluationModule
import Foundation
import SurveyModule
import Testing

@Suite("Survey counts streamed from the store")
struct StoredCountsTests {
    @Test("counts streamed from stored rows equal the counts of the same responses in memory, and the report is the same")
    func streamedEqualsInMemory() async throws {
        let store = InMemoryStore()
        try await store.insert(Organisation(id: "org", name: "Kommunen", kind: .municipality,
                                            units: [OrganisationUnit(id: "a", name: "Enhet A"), OrganisationUnit(id: "b", name: "Enhet B")]))
        let t0 = Date(timeIntervalSince1970: 1_300_000_000)
        let service = SurveyService(store: store, secret: try TokenSecret(bytes: Array(repeating: 7, count: 32)), clock: { t0 + 60 })
        let q = try await service.publish(ItemBank.baselineBattery())
        let (d, tokens) = try await service.distribute(DistributionPlan(
            questionnaire: q.reference, population: .units([.init(unit: "a", headcount: 12), .init(unit: "b", headcount: 9)]),
            opens: t0, closes: t0 + 86_400))
        var rng = SplitMix64(seed: 14)
        for t in tokens {
            var answers: [String: Answer] = [:]
            for item in q.items {
                if case .likert(let s, _) = item.kind, rng.next() % 7 != 0 {
                    answers[item.code] = .value(s.minimum + Int(rng.next() % UInt64(s.maximum - s.minimum + 1)))
                }
            }
            try await service.submit(ResponseSubmission(token: t.token, questionnaire: q.reference, answers: answers, isPartial: true))
        }
        try await service.close(d.id)
        let responses = try await service.responses(of: d.id)
        #expect(responses.count == 21)
        let streamed = try await SurveyCounts(distribution: d.id, in: service, language: .swedish, pageSize: 5)
        let inMemory = try SurveyResultsInput(questionnaire: q, responses: responses, language: .swedish).counts()
        #expect(streamed.tally == inMemory.tally)
        #expect(streamed.unitNames == ["a", "b"])
        let reports = EvaluationReports(language: .swedish)
        #expect(try reports.surveyResults(streamed).report == reports.surveyResults(inMemory).report)
    }
}
