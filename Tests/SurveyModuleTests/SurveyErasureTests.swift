import DiversityKit
import Foundation
import Testing
@testable import SurveyModule

@Suite("SurveyModule's part in erasure")
struct SurveyErasureTests {
    /// Ten registered participants in two units, a participant-list anonymous distribution, and an identified one.
    static func world() async throws -> (SurveyService, InMemoryStore, SurveyDistribution, [IssuedToken], SurveyDistribution, [IssuedToken]) {
        let store = InMemoryStore()
        try await store.insert(Fixture.organisation)
        for i in 0..<10 { try await store.insert(Participant(id: ID("p\(i)"), organisation: "umea", unit: i < 5 ? "viva" : "soc")) }
        let service = SurveyService(store: store, secret: Fixture.secret, clock: { Fixture.t0 + 60 })
        let q = try await service.publish(Fixture.small())
        let (anon, anonTokens) = try await service.distribute(DistributionPlan(
            questionnaire: q.reference, population: .participants((0..<10).map { ID("p\($0)") }), opens: Fixture.t0, closes: Fixture.t0 + Fixture.day))
        let course = try await service.publish(ItemBank.courseEvaluation())
        let (ident, identTokens) = try await service.distribute(DistributionPlan(
            questionnaire: course.reference, mode: .identified, purpose: .courseEvaluation,
            population: .participants((0..<10).map { ID("p\($0)") }), opens: Fixture.t0, closes: Fixture.t0 + Fixture.day))
        return (service, store, anon, anonTokens, ident, identTokens)
    }

    @Test("erasing a participant removes their token link, their name from identified responses and comments that name them")
    func erasure() async throws {
        let (service, store, anon, anonTokens, ident, identTokens) = try await Self.world()
        let kim = anonTokens.first { $0.participant == "p3" }!
        var answers = Fixture.fullAnswers()
        answers["T1"] = .text("Kim Berg here")
        try await service.submit(ResponseSubmission(token: kim.token, questionnaire: anon.questionnaire, answers: answers))
        // Someone else's comment naming Kim still waits in the mix (only 2 of viva's 5 have answered).
        let other = anonTokens.first { $0.participant == "p1" }!
        answers["T1"] = .text("ask kim berg")
        try await service.submit(ResponseSubmission(token: other.token, questionnaire: anon.questionnaire, answers: answers))
        // Five of soc answer, so their responses are released as rows; one names Kim.
        for (n, t) in anonTokens.filter({ $0.unit == "soc" }).enumerated() {
            var a = Fixture.fullAnswers()
            a["T1"] = .text(n == 0 ? "KIM BERG!" : "Bra")
            try await service.submit(ResponseSubmission(token: t.token, questionnaire: anon.questionnaire, answers: a))
        }
        #expect(try await service.pendingCount(of: anon.id) == 2)
        let kimCourse = identTokens.first { $0.participant == "p3" }!
        try await service.submit(ResponseSubmission(token: kimCourse.token, questionnaire: ident.questionnaire, answers: ["R01": .value(4), "R02": .value(5)]))
        let ratesBefore = try await service.responseRates(of: anon.id)

        let owner = SurveyDataOwner(secret: Fixture.secret)
        #expect(owner.name == "survey")
        let request = ErasureRequest(participant: "p3", standIn: .random(), identifyingTexts: ["Kim Berg"])
        try await store.write(try await owner.erasure(for: request, in: store))

        #expect(try await store.all(SurveyToken.self, where: [.init(key: "participant", match: .equals("p3"))]).isEmpty)
        #expect(try await service.responseRates(of: anon.id) == ratesBefore)
        #expect(try await service.unusedTokens(of: anon.id).count == 10 - 7)
        let course = try await service.responses(of: ident.id)
        #expect(course.count == 1 && course[0].participant == nil && course[0].answers == ["R01": .value(4), "R02": .value(5)])
        let released = try await service.responses(of: anon.id)
        #expect(released.count == 5 && released.filter { $0.answers["T1"] == nil }.count == 1)
        try await service.close(anon.id)
        let all = try await service.responses(of: anon.id)
        #expect(all.count == 7)
        #expect(all.allSatisfy { r in if case .text(let t)? = r.answers["T1"] { return !request.identifies(t) } else { return true } })
        #expect(all.filter { $0.answers["T1"] == nil }.count == 3)
        // Nothing else was lost: every Likert answer is still there.
        #expect(all.allSatisfy { $0.answers["L1"] == .value(4) })
        // A second erasure finds nothing left to do.
        #expect(try await owner.erasure(for: request, in: store).isEmpty)
    }
}
