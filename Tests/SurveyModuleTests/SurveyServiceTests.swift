import DiversityKit
import DiversityKitCrypto
import Foundation
import Testing
@testable import SurveyModule

@Suite("Distribution and responses")
struct SurveyServiceTests {
    @Test("distribution issues one unguessable token per person of each unit and stores only their keyed hashes")
    func tokens() async throws {
        let (_, d, tokens, store) = try await Fixture.service()
        #expect(tokens.count == 11)
        #expect(Set(tokens.map(\.token)).count == 11)
        #expect(tokens.allSatisfy { $0.token.count == 26 && $0.distribution == d.id && !$0.isUsed && $0.participant == nil })
        #expect(tokens.filter { $0.unit == "viva" }.count == 6)
        let stored = try await store.query(RecordQuery(type: SurveyToken.recordType))
        #expect(stored.count == 11)
        #expect(Set(stored.map(\.id)) == Set(tokens.map { Fixture.secret.digest(of: $0.token) }))
        for e in stored {
            for t in tokens {
                #expect(!e.id.contains(t.token) && !e.payload.contains(Data(t.token.utf8)))
            }
        }
    }

    @Test("a token's stored id is HMAC-SHA-256 under a key derived from the secret, and another secret does not know it")
    func keyedHash() async throws {
        let (service, d, tokens, store) = try await Fixture.service()
        let digest = Fixture.secret.digest(of: tokens[0].token)
        #expect(digest.count == 64 && Hex.decode(digest) != nil)
        let key = HMACSHA256.authenticationCode(for: Array("diversitykit.survey.token-key.v1".utf8), key: Array(repeating: 0x5A, count: 32))
        #expect(digest == Hex.encode(HMACSHA256.authenticationCode(for: Array(tokens[0].token.utf8), key: key)))
        let other = SurveyService(store: store, secret: try TokenSecret.generate().secret, clock: { Fixture.t0 + 10 })
        await #expect(throws: SurveyError.unknownToken) {
            try await other.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        }
        _ = service
    }

    @Test("a secret shorter than 32 bytes or not Base64 is refused, and its description shows nothing")
    func secrets() throws {
        #expect(throws: SurveyError.invalidSecret(reason: "16 bytes, at least 32 needed")) { try TokenSecret(bytes: Array(repeating: 1, count: 16)) }
        #expect(throws: SurveyError.invalidSecret(reason: "not Base64 text")) { try TokenSecret(base64: "not base64!") }
        let (secret, text) = try TokenSecret.generate()
        #expect(try TokenSecret(base64: text).digest(of: "x") == secret.digest(of: "x"))
        #expect(secret.description == "TokenSecret(…)" && !"\(secret)".contains(text))
    }

    @Test("an anonymous response waits sealed in the mix and reaches the rows with no token, participant, instant or start")
    func anonymity() async throws {
        let clock = TestClock()
        let (service, d, tokens, store) = try await Fixture.service(clock: clock)
        clock.advance(3_600 * 5 + 17)
        let r = try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                           answers: Fixture.fullAnswers(), startedAt: clock.now - 200))
        #expect(r.participant == nil && r.reportingUnit == tokens[0].unit && r.id.rawValue.isEmpty)
        #expect(r.startedAt == nil && r.durationBand == .twoToFiveMinutes)
        #expect(r.submittedAt == Date(timeIntervalSince1970: (Fixture.t0.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400))
        #expect(try await service.responses(of: d.id).isEmpty)
        #expect(try await service.pendingCount(of: d.id) == 1)
        let pending = try await store.query(RecordQuery(type: "survey.pending"))
        #expect(pending.count == 1 && Set(pending[0].keys.keys) == ["distribution", "unit"])
        #expect(!pending[0].payload.contains(Data("Bra".utf8)))
        let token = try #require(try await store.fetch(SurveyToken.self, id: Fixture.secret.digest(of: tokens[0].token)))
        #expect(token.isUsed)
        let tokenPayload = try #require(await store.fetch(RecordKey.of(SurveyToken.self, token.digest))).payload
        #expect(!String(decoding: tokenPayload, as: UTF8.self).lowercased().contains("at\""))
        try await service.close(d.id)
        let stored = try await service.responses(of: d.id)
        #expect(stored.count == 1)
        var expected = r
        expected.id = stored[0].id
        #expect(stored == [expected])
        #expect(try await service.pendingCount(of: d.id) == 0)
    }

    @Test("the mix releases a unit's responses once k of them wait, in one shuffled batch with ids that carry no order")
    func mixReleasesInBatches() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        let viva = tokens.filter { $0.unit == "viva" }
        for (i, t) in viva.prefix(4).enumerated() {
            try await service.submit(ResponseSubmission(token: t.token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers(1 + i)))
            #expect(try await service.responses(of: d.id).isEmpty)
        }
        try await service.submit(ResponseSubmission(token: viva[4].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers(5)))
        let released = try await service.responses(of: d.id)
        #expect(released.count == 5 && Set(released.map { $0.answers["L1"] }) == Set((1...5).map { Answer.value($0) }))
        #expect(Set(released.map(\.id)).count == 5 && released.allSatisfy { Int64($0.id.rawValue) != nil })
        #expect(try await service.pendingCount(of: d.id) == 0)
        // Another unit's single response is not released with them.
        let soc = tokens.first { $0.unit == "soc" }!
        try await service.submit(ResponseSubmission(token: soc.token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        #expect(try await service.pendingCount(of: d.id) == 1)
        #expect(try await service.releaseMix(of: d.id) == 0)
    }

    @Test("after the closing time releaseMix releases what is left, even fewer than k")
    func releaseAfterClosingTime() async throws {
        let clock = TestClock()
        let (service, d, tokens, _) = try await Fixture.service(clock: clock)
        try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        #expect(try await service.releaseMix(of: d.id) == 0)
        clock.advance(8 * Fixture.day)
        #expect(try await service.releaseMix(of: d.id) == 1)
        #expect(try await service.responses(of: d.id).count == 1)
    }

    @Test("pending entries sealed under another secret are reported, not dropped")
    func foreignPending() async throws {
        let (_, d, tokens, store) = try await Fixture.service()
        let service = SurveyService(store: store, secret: Fixture.secret, clock: { Fixture.t0 + 10 })
        try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        let other = SurveyService(store: store, secret: try TokenSecret.generate().secret, clock: { Fixture.t0 + 10 })
        await #expect(throws: SurveyError.undecryptablePending(count: 1)) { try await other.close(d.id) }
        #expect(try await service.pendingCount(of: d.id) == 1)
        try await service.close(d.id)
        #expect(try await service.responses(of: d.id).count == 1)
    }

    @Test("every pending entry of a questionnaire has the same size, whatever its comment")
    func pendingPadding() async throws {
        let (service, d, tokens, store) = try await Fixture.service()
        try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: ["L1": .value(1), "L2": .value(1)]))
        var long = Fixture.fullAnswers()
        long["T1"] = .text(String(repeating: "å", count: 20))
        try await service.submit(ResponseSubmission(token: tokens[1].token, questionnaire: d.questionnaire, answers: long, linkageCode: "AB1234"))
        let sizes = try await store.query(RecordQuery(type: "survey.pending")).map(\.payload.count)
        #expect(sizes.count == 2 && sizes[0] == sizes[1])
    }

    @Test("a token used twice is refused and nothing more is stored")
    func tokenTwice() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        let submission = ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers())
        try await service.submit(submission)
        await #expect(throws: SurveyError.tokenAlreadyUsed) { try await service.submit(submission) }
        #expect(try await service.pendingCount(of: d.id) == 1)
    }

    @Test("a token used through a second service on the same store is refused atomically")
    func tokenTwiceAcrossServices() async throws {
        let (service, d, tokens, store) = try await Fixture.service()
        let other = SurveyService(store: store, secret: Fixture.secret, clock: { Fixture.t0 + 10 })
        let submission = ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers())
        async let a: Result<SurveyResponse, Error> = { do { return .success(try await service.submit(submission)) } catch { return .failure(error) } }()
        async let b: Result<SurveyResponse, Error> = { do { return .success(try await other.submit(submission)) } catch { return .failure(error) } }()
        let results = await [a, b]
        #expect(results.filter { if case .success = $0 { return true } else { return false } }.count == 1)
        #expect(try await service.pendingCount(of: d.id) == 1)
    }

    @Test("an unknown token is refused and the error never carries the token")
    func unknownToken() async throws {
        let (service, d, _, _) = try await Fixture.service()
        let secretText = "zzzzsecretzzzz"
        do {
            try await service.submit(ResponseSubmission(token: secretText, questionnaire: d.questionnaire, answers: [:]))
            Issue.record("accepted an unknown token")
        } catch let error as SurveyError {
            #expect(error == .unknownToken)
            #expect(!"\(error)".contains(secretText) && !String(reflecting: error).contains(secretText))
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
        #expect(try await store.fetch(SurveyToken.self, id: Fixture.secret.digest(of: tokens[0].token))?.isUsed == false)
        #expect(try await service.pendingCount(of: d.id) == 0)
    }

    @Test("a partial response is kept and marked partial")
    func partial() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        let r = try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                           answers: ["L3": .value(2), "T1": .text("  ")], isPartial: true))
        #expect(r.isPartial && r.answers == ["L3": .value(2)])
        try await service.close(d.id)
        #expect(try await service.responses(of: d.id).map(\.answers) == [r.answers])
        #expect(try await service.responses(of: d.id).map(\.isPartial) == [true])
    }

    @Test("unused tokens list whom to remind and response rates count per unit")
    func remindersAndRates() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        for t in tokens.filter({ $0.unit == "viva" }).prefix(2) {
            try await service.submit(ResponseSubmission(token: t.token, questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        }
        let unused = try await service.unusedTokens(of: d.id)
        #expect(unused.count == 9 && unused.filter { $0.unit == "viva" }.count == 4)
        let rates = try await service.responseRates(of: d.id)
        #expect(rates == [UnitResponseRate(unit: "soc", issued: 5, responded: 0), UnitResponseRate(unit: "viva", issued: 6, responded: 2)])
        #expect(abs(rates[1].rate - 2.0 / 6.0) < 1e-12)
    }

    @Test("an identified distribution names the participant, stores at once with exact times, and refuses sensitive questionnaires")
    func identified() async throws {
        let store = InMemoryStore()
        try await store.insert(Participant(id: "p1", organisation: "umea", unit: "viva"))
        try await store.insert(Participant(id: "p2", organisation: "umea"))
        let service = SurveyService(store: store, secret: Fixture.secret, clock: { Fixture.t0 + 100 })
        let course = try await service.publish(ItemBank.courseEvaluation())
        let (d, tokens) = try await service.distribute(DistributionPlan(
            questionnaire: course.reference, mode: .identified, purpose: .courseEvaluation,
            population: .participants(["p1", "p2"]), opens: Fixture.t0, closes: Fixture.t0 + Fixture.day))
        #expect(tokens.map(\.unit) == ["viva", nil])
        let r = try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                           answers: ["R01": .value(4), "R02": .value(5)], startedAt: Fixture.t0 + 40))
        #expect(r.participant == "p1" && r.reportingUnit == "viva")
        let stored = try await service.responses(of: d.id)
        #expect(stored.count == 1 && stored[0].participant == "p1" && stored[0].startedAt == Fixture.t0 + 40
            && stored[0].submittedAt == Fixture.t0 + 100 && stored[0].answers == r.answers)

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
            try await service.distribute(DistributionPlan(questionnaire: d.questionnaire, population: .units([.init(unit: "u", headcount: 5)]),
                                                          opens: Fixture.t0, closes: Fixture.t0))
        }
        let unknown = QuestionnaireReference(id: "x", version: 1)
        await #expect(throws: SurveyError.unknownQuestionnaire(unknown)) {
            try await service.distribute(DistributionPlan(questionnaire: unknown, population: .units([.init(unit: "u", headcount: 5)]),
                                                          opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
        await #expect(throws: SurveyError.unknownDistribution("none")) { try await service.close("none") }
    }

    @Test("imported responses are validated and stored as rows; the matrix is read back by version")
    func importAndMatrix() async throws {
        let (service, d, _, _) = try await Fixture.service()
        let rs = (0..<10).map { i in SurveyResponse(id: ID("r\(i)"), questionnaire: d.questionnaire, reportingUnit: "viva",
                                                    answers: Fixture.fullAnswers(1 + i % 5)) }
        try await service.importResponses(rs)
        let m = try await service.matrix(for: d.questionnaire, pageSize: 3)
        #expect(m.rowCount == 10 && m.column("L1")?.count == 10)
        #expect(Set(m.column("L1")!) == [1, 2, 3, 4, 5])
        let back = try await service.responses(to: d.questionnaire)
        #expect(back.count == 10)
        func signature(_ a: [String: Answer]) -> String { a.keys.sorted().map { "\($0)=\(a[$0]!)" }.joined(separator: ";") }
        #expect(back.map { signature($0.answers) }.sorted() == rs.map { signature($0.answers) }.sorted())
        var bad = rs[0]
        bad.id = "bad"
        bad.answers["L1"] = .value(0)
        await #expect(throws: SurveyError.invalidResponse([.outOfRange(item: "L1", value: 0, allowed: 1...5)])) {
            try await service.importResponses([bad])
        }
    }
}
