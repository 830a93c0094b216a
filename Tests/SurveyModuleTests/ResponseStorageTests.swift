import DiversityKit
import Foundation
import Testing
@testable import SurveyModule

@Suite("Compact response storage")
struct ResponseStorageTests {
    static let full = SurveyResponse(
        id: "3f1c", questionnaire: QuestionnaireReference(id: "baseline", version: 3), distribution: "d-1",
        reportingUnit: "Socialtjänsten Umeå", participant: "p-9", linkageCode: "MA0714",
        startedAt: Date(timeIntervalSince1970: 1_300_000_000.125), submittedAt: Date(timeIntervalSince1970: 1_300_000_321.5),
        isPartial: true,
        answers: ["L1": .value(5), "N1": .value(-40_000), "M1": .values([0, 3, 30]), "T1": .text("Bra, \"tydligt\" – åäö 😀"), "Z": .values([])])

    @Test("a response round-trips through its binary payload, every field and answer kind")
    func roundTrip() throws {
        let back = try SurveyResponse.decodePayload(try Self.full.encodePayload(), version: 1)
        #expect(back == Self.full)
        let minimal = SurveyResponse(id: "x", questionnaire: QuestionnaireReference(id: "q", version: 1), answers: [:])
        #expect(try SurveyResponse.decodePayload(try minimal.encodePayload(), version: 1) == minimal)
    }

    @Test("long codes, big values and non-UUID ids use the long forms and still round-trip")
    func longForms() throws {
        let long = String(repeating: "x", count: 40)
        let r = SurveyResponse(id: "B1F0C3E2-0000-0000-0000-000000000000", questionnaire: QuestionnaireReference(id: "q", version: 1),
                               answers: [long: .value(176), long + "y": .value(-65), "a": .value(175), "b": .value(-64), "é": .values([Int.max, Int.min])])
        #expect(try SurveyResponse.decodePayload(try r.encodePayload(), version: 1) == r)
    }

    @Test("start and submit times round-trip exactly, to the last bit")
    func exactTimes() throws {
        for i in 0..<500 {
            let t = Date(timeIntervalSinceReferenceDate: 700_000_000 + Double(i) * 0.123_456_789)
            let r = SurveyResponse(id: "t", questionnaire: QuestionnaireReference(id: "q", version: 1), startedAt: t, submittedAt: t + 61.7, answers: [:])
            #expect(try SurveyResponse.decodePayload(try r.encodePayload(), version: 1) == r)
        }
    }

    @Test("equal responses give equal bytes")
    func deterministic() throws {
        var copy = Self.full
        copy.answers = Dictionary(uniqueKeysWithValues: Self.full.answers.reversed())
        #expect(try copy.encodePayload() == Self.full.encodePayload())
    }

    @Test("a 24-item Likert response takes far fewer bytes than JSON")
    func compact() throws {
        let answers = Dictionary(uniqueKeysWithValues: (1...24).map { (String(format: "Q%02d", $0), Answer.value(1 + $0 % 5)) })
        let r = SurveyResponse(id: ID(UUID().uuidString.lowercased()), questionnaire: QuestionnaireReference(id: "baseline-battery", version: 1),
                               distribution: "d-1", reportingUnit: "viva", submittedAt: Fixture.t0, answers: answers)
        let binary = try r.encodePayload().count
        let json = try JSONEncoder().encode(r).count
        #expect(binary < 140)
        #expect(binary * 5 < json * 2)
    }

    @Test("a damaged payload is a typed error, and a newer version is refused")
    func damaged() throws {
        let bytes = try Self.full.encodePayload()
        for cut in [1, 5, bytes.count / 2, bytes.count - 1] {
            #expect(throws: ResponseBinaryCoding.DecodingError.self) { try SurveyResponse.decodePayload(bytes.prefix(cut), version: 1) }
        }
        #expect(throws: ResponseBinaryCoding.DecodingError.truncated(offset: 0)) { try SurveyResponse.decodePayload(Data(), version: 1) }
        #expect(throws: StoreError.unsupportedRecordVersion(type: "survey.response", found: 2, supported: 1)) {
            try SurveyResponse.decodePayload(bytes, version: 2)
        }
    }

    @Test("responses are stored and queried through the store by distribution, version and unit")
    func throughStore() async throws {
        let store = InMemoryStore()
        try await store.bulkInsert([Self.full])
        #expect(try await store.fetch(SurveyResponse.self, id: "3f1c") == Self.full)
        #expect(try await store.all(SurveyResponse.self, where: "unit", equals: "Socialtjänsten Umeå").count == 1)
        #expect(try await store.all(SurveyResponse.self, where: "version", equals: "baseline#3").count == 1)
        #expect(try await store.all(SurveyResponse.self, where: "distribution", equals: "d-1").count == 1)
    }
}
