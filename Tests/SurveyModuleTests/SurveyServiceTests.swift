import DiversityKit
import Foundation
import Testing
@testable import SurveyModule

@Suite("Distribution and responses")
struct SurveyServiceTests {
    @Test("distribution issues one unguessable token per person of each unit")
    func tokens() async throws {
        let (_, d, tokens, store) = try await Fixture.service()
        #expect(tokens.count == 5)
        #expect(Set(tokens.map(\.token)).count == 5)
        #expect(tokens.allSatisfy { $0.token.count == 26 && $0.distribution == d.id && !$0.isUsed && $0.participant == nil })
        #expect(tokens.filter { $0.unit == "viva" }.count == 3)
        #expect(try await store.count(RecordQuery(type: SurveyToken.recordType)) == 5)
    }

    @Test("an anonymous response stores no token, no participant and a random id; the token is only marked used")
    func anonymity() async throws {
        let clock = TestClock()
        let (service, d, tokens, store) = try await Fixture.service(clock: clock)
        clock.advance(60)
        let r = try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                           answers: Fixture.fullAnswers(), startedAt: clock.now - 30))
        #expect(r.participant == nil && r.reportingUnit == tokens[0].unit)
        #expect(UUID(uuidString: r.id.rawValue) != nil)
        let stored = try #require(await store.fetch(RecordKey.of(SurveyResponse.self, r.id.rawValue)))
        #expect(!stored.payload.contains(Data(tokens[0].token.utf8)))
        #expect(!stored.keys.values.contains(tokens[0].token))
        #expect(!stored.id.contains(tokens[0].token))
        let token = try #require(try await store.fetch(SurveyToken.self, id: tokens[0].token))
        #expect(token.isUsed)
        // The token's stored form has no time a response's submit time could be joined with.
        let tokenPayload = try #require(await store.fetch(RecordKey.of(SurveyToken.self, tokens[0].token))).payload
        #expect(String(decoding: tokenPayload, as: UTF8.self).contains("isUsed"))
        #expect(!String(decoding: tokenPayload, as: UTF8.self).lowercased().contains("at\""))
        #expect(try await store.fetch(SurveyResponse.self, id: r.id.rawValue) == r)
    }

    @Test("two responses get unrelated ids even with a sequential id generator")
    func randomIDs() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        let a = try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        let b = try await service.submit(ResponseSubmission(token: tokens[1].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        #expect(a.id != b.id)
        #expect(!a.id.rawValue.contains("response"))
    }

    @Test("a token used twice is refused and nothing more is stored")
    func tokenTwice() async throws {
        let (service, d, tokens, store) = try await Fixture.service()
        let submission = ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers())
        try await service.submit(submission)
        await #expect(throws: SurveyError.tokenAlreadyUsed) { try await service.submit(submission) }
        #expect(try await store.count(RecordQuery(type: SurveyResponse.recordType)) == 1)
    }

    @Test("a token used through a second service on the same store is refused atomically")
    func tokenTwiceAcrossServices() async throws {
        let (service, d, tokens, store) = try await Fixture.service()
        let other = SurveyService(store: store, clock: { Fixture.t0 + 10 })
        let submission = ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers())
        async let a: Result<SurveyResponse, Error> = { do { return .success(try await service.submit(submission)) } catch { return .failure(error) } }()
        async let b: Result<SurveyResponse, Error> = { do { return .success(try await other.submit(submission)) } catch { return .failure(error) } }()
        let results = await [a, b]
        #expect(results.filter { if case .success = $0 { return true } else { return false } }.count == 1)
        #expect(try await store.count(RecordQuery(type: SurveyResponse.recordType)) == 1)
    }

    @Test("an unknown token is refused")
    func unknownToken() async throws {
        let (service, d, _, _) = try await Fixture.service()
        await #expect(throws: SurveyError.unknownToken) {
            try await service.submit(ResponseSubmission(token: "nope", questionnaire: d.questionnaire, answers: [:]))
        }
    }

    @Test("a survey refuses responses before it opens, after it closes and after an early close")
    func dates() async throws {
        let clock = TestClock(Fixture.t0 - 10)
        let (service, d, tokens, _) = try await Fixture.service(clock: clock)
        let sub = { (i: Int) in ResponseSubmission(token: tokens[i].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()) }
        await #expect(throws: SurveyError.surveyNotOpen(d.id, opens: Fixture.t0)) { try await service.submit(sub(0)) }
        clock.advance(20)
        try await service.submit(sub(0))
        try await service.close(d.id)
        await #expect(throws: SurveyError.surveyClosed(d.id)) { try await service.submit(sub(1)) }

        let clock2 = TestClock(Fixture.t0 + 7 * Fixture.day)
        let (service2, d2, tokens2, _) = try await Fixture.service(clock: clock2)
        await #expect(throws: SurveyError.surveyClosed(d2.id)) {
            try await service2.submit(ResponseSubmission(token: tokens2[0].token, questionnaire: d2.questionnaire, answers: Fixture.fullAnswers()))
        }
    }

    @Test("a response to another questionnaire version is refused")
    func wrongVersion() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        let v2 = try await service.publishNewVersion(of: "small") { _ in }
        await #expect(throws: SurveyError.wrongQuestionnaireVersion(expected: d.questionnaire, found: v2.reference)) {
            try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: v2.reference, answers: Fixture.fullAnswers()))
        }
    }

    @Test("invalid answers are refused with every issue and the token stays unused")
    func invalidAnswers() async throws {
        let (service, d, tokens, store) = try await Fixture.service()
        await #expect(throws: SurveyError.invalidResponse([.missingRequired(item: "L1"), .outOfRange(item: "L2", value: 7, allowed: 1...5)])) {
            try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: ["L2": .value(7)]))
        }
        #expect(try await store.fetch(SurveyToken.self, id: tokens[0].token)?.isUsed == false)
        #expect(try await store.count(RecordQuery(type: SurveyResponse.recordType)) == 0)
    }

    @Test("a partial response is kept and marked partial")
    func partial() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        let r = try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                           answers: ["L3": .value(2), "T1": .text("  ")], isPartial: true))
        #expect(r.isPartial && r.answers == ["L3": .value(2)])
        #expect(try await service.responses(of: d.id) == [r])
    }

    @Test("unused tokens list whom to remind and response rates count per unit")
    func remindersAndRates() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        for t in tokens.filter({ $0.unit == "viva" }).prefix(2) {
            try await service.submit(ResponseSubmission(token: t.token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        }
        let unused = try await service.unusedTokens(of: d.id)
        #expect(unused.count == 3 && unused.filter { $0.unit == "viva" }.count == 1)
        let rates = try await service.responseRates(of: d.id)
        #expect(rates == [UnitResponseRate(unit: "soc", issued: 2, responded: 0), UnitResponseRate(unit: "viva", issued: 3, responded: 2)])
        #expect(abs(rates[1].rate - 2.0 / 3.0) < 1e-12)
    }

    @Test("an identified distribution names the participant and refuses sensitive questionnaires")
    func identified() async throws {
        let store = InMemoryStore()
        try await store.insert(Participant(id: "p1", organisation: "umea", unit: "viva"))
        let service = SurveyService(store: store, clock: { Fixture.t0 + 1 })
        let course = try await service.publish(ItemBank.courseEvaluation())
        let (d, tokens) = try await service.distribute(DistributionPlan(
            questionnaire: course.reference, mode: .identified, purpose: .courseEvaluation,
            population: .participants(["p1", "p2"]), opens: Fixture.t0, closes: Fixture.t0 + Fixture.day))
        #expect(tokens.map(\.unit) == ["viva", nil])
        let r = try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                           answers: ["R01": .value(4), "R02": .value(5)]))
        #expect(r.participant == "p1" && r.reportingUnit == "viva")

        let battery = try await service.publish(ItemBank.baselineBattery())
        await #expect(throws: SurveyError.sensitiveItemsNeedAnonymity(items: ["E01", "E02", "E03", "E04"])) {
            try await service.distribute(DistributionPlan(questionnaire: battery.reference, mode: .identified,
                                                          population: .participants(["p1"]), opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
    }

    @Test("a distribution with no people, a reversed period or an unknown questionnaire is refused")
    func invalidDistribution() async throws {
        let (service, d, _, _) = try await Fixture.service()
        await #expect(throws: SurveyError.invalidDistribution(reason: "the population is empty")) {
            try await service.distribute(DistributionPlan(questionnaire: d.questionnaire, population: .units([]), opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
        await #expect(throws: SurveyError.invalidDistribution(reason: "closes before it opens")) {
            try await service.distribute(DistributionPlan(questionnaire: d.questionnaire, population: .units([.init(unit: "u", headcount: 1)]),
                                                          opens: Fixture.t0, closes: Fixture.t0))
        }
        let unknown = QuestionnaireReference(id: "x", version: 1)
        await #expect(throws: SurveyError.unknownQuestionnaire(unknown)) {
            try await service.distribute(DistributionPlan(questionnaire: unknown, population: .units([.init(unit: "u", headcount: 1)]),
                                                          opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
        await #expect(throws: SurveyError.unknownDistribution("none")) { try await service.close("none") }
    }

    @Test("imported responses are validated and bulk-inserted; the matrix is read back by version")
    func importAndMatrix() async throws {
        let (service, d, _, _) = try await Fixture.service()
        let rs = (0..<10).map { i in SurveyResponse(id: ID("r\(i)"), questionnaire: d.questionnaire, reportingUnit: "viva",
                                                    answers: Fixture.fullAnswers(1 + i % 5)) }
        try await service.importResponses(rs)
        let m = try await service.matrix(for: d.questionnaire, pageSize: 3)
        #expect(m.rowCount == 10 && m.column("L1")?.count == 10)
        #expect(try await service.responses(to: d.questionnaire).count == 10)
        var bad = rs[0]
        bad.id = "bad"
        bad.answers["L1"] = .value(0)
        await #expect(throws: SurveyError.invalidResponse([.outOfRange(item: "L1", value: 0, allowed: 1...5)])) {
            try await service.importResponses([bad])
        }
    }
}
