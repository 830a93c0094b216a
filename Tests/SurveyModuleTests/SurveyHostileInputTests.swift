import DiversityKit
import Foundation
import Testing
@testable import SurveyModule

/// Issue 17's survey-service reproducers, one named test each; every refused call leaves the store as it was.
@Suite("Hostile input to the survey service is refused with a typed error and changes nothing")
struct SurveyHostileInputTests {
    static func snapshot(_ store: any Store) async throws -> [String] {
        var out: [String] = []
        for type in [SurveyToken.recordType, SurveyDistribution.recordType, "survey.pending", "survey.token-use"] {
            out += try await store.query(RecordQuery(type: type)).map { "\($0.key)#\($0.revision)" }
        }
        return out.sorted()
    }

    @Test("importResponses for a distribution that does not exist is refused")
    func importIntoUnknownDistribution() async throws {
        let (service, d, _, _) = try await Fixture.service()
        let r = SurveyResponse(id: "x", questionnaire: d.questionnaire, distribution: "ghost", answers: Fixture.fullAnswers())
        await #expect(throws: SurveyError.unknownDistribution("ghost")) { try await service.importResponses([r]) }
        #expect(try await service.responses(to: d.questionnaire).isEmpty)
    }

    @Test("importResponses refuses NaN, infinite and 1e300 dates, which the JSON export could not read back", arguments: [
        Double.nan, .infinity, -.infinity, 1e300, -1e300, 253_402_300_800,
    ])
    func importNonFiniteDates(_ seconds: Double) async throws {
        let (service, d, _, _) = try await Fixture.service()
        for r in [SurveyResponse(id: "x", questionnaire: d.questionnaire, submittedAt: Date(timeIntervalSince1970: seconds), answers: Fixture.fullAnswers()),
                  SurveyResponse(id: "y", questionnaire: d.questionnaire, startedAt: Date(timeIntervalSince1970: seconds), answers: Fixture.fullAnswers())] {
            await #expect(throws: SurveyError.self) { try await service.importResponses([r]) }
        }
        #expect(try await service.responses(to: d.questionnaire).isEmpty)
    }

    @Test("what the service stores, its own JSON export reads back")
    func exportReadsBack() async throws {
        let (service, d, _, _) = try await Fixture.service()
        try await service.importResponses([SurveyResponse(id: "x", questionnaire: d.questionnaire, submittedAt: Date(timeIntervalSince1970: 1_700_000_000),
                                                          answers: Fixture.fullAnswers())])
        let stored = try await service.responses(to: d.questionnaire)
        let back = try SurveyJSON.decodeResponses(try SurveyJSON.encode(stored), questionnaire: Fixture.small())
        #expect(back == stored)
    }

    @Test("a start after the submit time is refused, in a submission and in an import")
    func startAfterSubmit() async throws {
        let clock = TestClock()
        let (service, d, tokens, store) = try await Fixture.service(clock: clock)
        clock.advance(60)
        let before = try await Self.snapshot(store)
        await #expect(throws: SurveyError.invalidSubmission(reason: "startedAt is after the submit time")) {
            try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                        answers: Fixture.fullAnswers(), startedAt: clock.now + 30))
        }
        #expect(try await Self.snapshot(store) == before)
        await #expect(throws: SurveyError.invalidSubmission(reason: "startedAt is after the submit time")) {
            try await service.importResponses([SurveyResponse(id: "x", questionnaire: d.questionnaire, startedAt: Fixture.t0 + 10,
                                                              submittedAt: Fixture.t0, answers: Fixture.fullAnswers())])
        }
    }

    @Test("a 100 000-character linkage code is refused; the bound is configuration")
    func longLinkageCode() async throws {
        let (service, d, tokens, store) = try await Fixture.service()
        let before = try await Self.snapshot(store)
        let huge = String(repeating: "A", count: 100_000)
        await #expect(throws: SurveyError.invalidSubmission(reason: "a linkage code longer than 64 characters (maximumLinkageCodeLength)")) {
            try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                        answers: Fixture.fullAnswers(), linkageCode: huge))
        }
        await #expect(throws: SurveyError.self) {
            try await service.importResponses([SurveyResponse(id: "x", questionnaire: d.questionnaire, linkageCode: huge, answers: Fixture.fullAnswers())])
        }
        #expect(try await Self.snapshot(store) == before)
        try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                    answers: Fixture.fullAnswers(), linkageCode: String(repeating: "A", count: 64)))
    }

    @Test("distribute to unregistered participants is refused")
    func unregisteredParticipants() async throws {
        let (service, d, _, store) = try await Fixture.service()
        try await store.insert(Participant(id: "p1", organisation: "umea", unit: "viva"))
        let before = try await Self.snapshot(store)
        await #expect(throws: SurveyError.invalidDistribution(reason: "participant ghost is not registered")) {
            try await service.distribute(DistributionPlan(questionnaire: d.questionnaire, population: .participants(["p1", "ghost"]),
                                                          opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
        #expect(try await Self.snapshot(store) == before)
    }

    @Test("distribute to a unit that exists in no organisation is refused")
    func unknownUnit() async throws {
        let (service, d, _, store) = try await Fixture.service()
        let before = try await Self.snapshot(store)
        await #expect(throws: SurveyError.invalidDistribution(reason: "unit nowhere belongs to no stored organisation")) {
            try await service.distribute(DistributionPlan(questionnaire: d.questionnaire,
                                                          population: .units([.init(unit: "viva", headcount: 5), .init(unit: "nowhere", headcount: 9)]),
                                                          opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
        #expect(try await Self.snapshot(store) == before)
    }

    @Test("distribute to the same unit twice is refused")
    func sameUnitTwice() async throws {
        let (service, d, _, store) = try await Fixture.service()
        let before = try await Self.snapshot(store)
        await #expect(throws: SurveyError.invalidDistribution(reason: "unit viva is listed twice")) {
            try await service.distribute(DistributionPlan(questionnaire: d.questionnaire,
                                                          population: .units([.init(unit: "viva", headcount: 5), .init(unit: "viva", headcount: 6)]),
                                                          opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
        #expect(try await Self.snapshot(store) == before)
    }

    @Test("distribute to a unit with a headcount below the reporting threshold is refused", arguments: [1, 4])
    func headcountBelowThreshold(_ headcount: Int) async throws {
        let (service, d, _, store) = try await Fixture.service()
        let before = try await Self.snapshot(store)
        await #expect(throws: SurveyError.invalidDistribution(reason: "unit soc has \(headcount) people, below the reporting threshold of 5")) {
            try await service.distribute(DistributionPlan(questionnaire: d.questionnaire, population: .units([.init(unit: "soc", headcount: headcount)]),
                                                          opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
        #expect(try await Self.snapshot(store) == before)
    }

    @Test("a headcount of 1 000 000 is refused before any token is made; the bound is configuration")
    func millionHeadcount() async throws {
        let (service, d, _, store) = try await Fixture.service()
        let before = try await Self.snapshot(store)
        await #expect(throws: SurveyError.invalidDistribution(reason: "more than 200000 tokens (maximumTokensPerDistribution)")) {
            try await service.distribute(DistributionPlan(questionnaire: d.questionnaire, population: .units([.init(unit: "soc", headcount: 1_000_000)]),
                                                          opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
        #expect(try await Self.snapshot(store) == before)
        let (small, d2, _, _) = try await Fixture.service(configuration: SurveyConfiguration(maximumTokensPerDistribution: 12))
        let (_, issued) = try await small.distribute(DistributionPlan(questionnaire: d2.questionnaire,
                                                                      population: .units([.init(unit: "viva", headcount: 12)]),
                                                                      opens: Fixture.t0, closes: Fixture.t0 + 1))
        #expect(issued.count == 12 && Set(issued.map(\.token)).count == 12)
        await #expect(throws: SurveyError.invalidDistribution(reason: "more than 12 tokens (maximumTokensPerDistribution)")) {
            try await small.distribute(DistributionPlan(questionnaire: d2.questionnaire,
                                                        population: .units([.init(unit: "viva", headcount: 7), .init(unit: "soc", headcount: 6)]),
                                                        opens: Fixture.t0, closes: Fixture.t0 + 1))
        }
    }

    @Test("generated tokens use the 31-letter alphabet evenly")
    func tokenAlphabet() {
        var counts: [UInt8: Int] = [:]
        for _ in 0..<2_000 { for c in SurveyToken.generate().utf8 { counts[c, default: 0] += 1 } }
        #expect(Set(counts.keys) == Set(SurveyToken.alphabet))
        // 52 000 characters over 31 letters: about 1 677 each; a bias of a letter would show far outside this band.
        #expect(counts.values.allSatisfy { (1_400...1_960).contains($0) })
    }
}

@Suite("Imports respect the distribution's mode")
struct ImportModeTests {
    @Test("an import into an anonymous distribution drops every participant link and the instant, and warns")
    func anonymousImportDropsLinks() async throws {
        let (service, d, _, _) = try await Fixture.service()
        let rs = (0..<3).map { i in
            SurveyResponse(id: ID("r\(i)"), questionnaire: d.questionnaire, distribution: d.id, reportingUnit: "viva",
                           participant: ID("p\(i)"), startedAt: Fixture.t0 + 3_600, submittedAt: Fixture.t0 + 3_900, answers: Fixture.fullAnswers())
        }
        let summary = try await service.importResponses(rs)
        #expect(summary.imported == 3 && summary.droppedParticipantLinks == 3)
        #expect(summary.warnings == ["3 participant links dropped: the responses belong to an anonymous distribution (or none), which stores no participant"])
        let stored = try await service.responses(of: d.id)
        #expect(stored.count == 3 && stored.allSatisfy { $0.participant == nil && $0.startedAt == nil && $0.durationBand == .fiveToTenMinutes })
    }

    @Test("CSV and JSON imports into an anonymous distribution keep no participant")
    func csvAndJSONImports() async throws {
        let (service, d, _, _) = try await Fixture.service()
        let named = SurveyResponse(id: "r1", questionnaire: d.questionnaire, distribution: d.id, reportingUnit: "viva",
                                   participant: "anna", answers: Fixture.fullAnswers())
        let csv = ResponseCSV.text([named], questionnaire: Fixture.small())
        let fromCSV = try ResponseCSVImporter(questionnaire: Fixture.small()).importAll(CSVReader(text: csv))
        #expect(fromCSV.first?.participant == "anna")
        let fromJSON = try SurveyJSON.decodeResponses(try SurveyJSON.encode([named]), questionnaire: Fixture.small())
        #expect(try await service.importResponses(fromCSV).droppedParticipantLinks == 1)
        #expect(try await service.importResponses(fromJSON).droppedParticipantLinks == 1)
        #expect(try await service.responses(of: d.id).allSatisfy { $0.participant == nil })
    }

    @Test("an import into an identified distribution keeps the participant and exact times")
    func identifiedImportKeepsLinks() async throws {
        let store = InMemoryStore()
        try await store.insert(Participant(id: "p1", organisation: "umea"))
        let service = SurveyService(store: store, secret: Fixture.secret, clock: { Fixture.t0 })
        let course = try await service.publish(ItemBank.courseEvaluation())
        let (d, _) = try await service.distribute(DistributionPlan(questionnaire: course.reference, mode: .identified, purpose: .courseEvaluation,
                                                                   population: .participants(["p1"]), opens: Fixture.t0, closes: Fixture.t0 + 9))
        let summary = try await service.importResponses([SurveyResponse(id: "x", questionnaire: course.reference, distribution: d.id,
                                                                        participant: "p1", submittedAt: Fixture.t0 + 5, answers: ["R01": .value(3), "R02": .value(3)])])
        #expect(summary.droppedParticipantLinks == 0 && summary.warnings.isEmpty)
        let stored = try await service.responses(of: d.id)
        #expect(stored.map(\.participant) == ["p1"] && stored.map(\.submittedAt) == [Fixture.t0 + 5])
    }

    @Test("an import naming another version than its distribution sends is refused")
    func importVersionMismatch() async throws {
        let (service, d, _, _) = try await Fixture.service()
        let v2 = try await service.publishNewVersion(of: "small") { _ in }
        await #expect(throws: SurveyError.self) {
            try await service.importResponses([SurveyResponse(id: "x", questionnaire: v2.reference, distribution: d.id, answers: Fixture.fullAnswers())])
        }
    }
}
