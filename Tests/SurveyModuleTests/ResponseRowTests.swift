import DiversityKit
import Foundation
import Testing
@testable import SurveyModule

@Suite("Responses as compact rows")
struct ResponseRowTests {
    @Test("a response round-trips through a row: cells for Likert items, everything else in extra")
    func rowRoundTrip() throws {
        let q = Fixture.small()
        let layout = ResponseRowLayout(questionnaire: q)
        #expect(layout.cellItems == ["L1", "L2", "L3", "L4", "L5"])
        let r = SurveyResponse(id: "", questionnaire: q.reference, distribution: "d1", reportingUnit: "viva", participant: "p1",
                               linkageCode: "AB12", startedAt: Fixture.t0, submittedAt: Fixture.t0 + 90, isPartial: true,
                               answers: Fixture.fullAnswers(2), durationBand: .oneToTwoMinutes)
        let row = ResponseRowCoding.row(r, layout: layout)
        #expect(row.scope == "d1" && row.group == "viva" && row.cells == [2, 2, 2, 2, 4])
        var back = try ResponseRowCoding.response(id: 42, scope: row.scope, group: row.group, cells: row.cells, extra: row.extra, layout: layout)
        #expect(back.id == "42")
        back.id = ""
        #expect(back == r)
        // A pure Likert anonymous response is a handful of bytes beyond its cells.
        let lean = ResponseRowCoding.row(SurveyResponse(id: "", questionnaire: q.reference, submittedAt: Fixture.t0,
                                                        answers: ["L1": .value(3), "L2": .value(4)]).anonymised(), layout: layout)
        #expect(lean.extra.count <= 8)
    }

    @Test("a Likert value outside its scale and answers of any other kind survive through extra")
    func unusualAnswers() throws {
        let q = Fixture.small()
        let layout = ResponseRowLayout(questionnaire: q)
        let answers: [String: Answer] = ["L1": .value(99), "L2": .text("odd"), "N1": .value(-7_000_000), "M1": .values([])]
        let row = ResponseRowCoding.row(SurveyResponse(id: "", questionnaire: q.reference, answers: answers), layout: layout)
        #expect(row.cells == [0, 0, 0, 0, 0])
        #expect(try ResponseRowCoding.response(id: 1, scope: "", group: "", cells: row.cells, extra: row.extra, layout: layout).answers == answers)
    }

    @Test("code pages stream every response's Likert codes with stable unit indices, in bounded pages")
    func codePages() async throws {
        let (service, d, _, _) = try await Fixture.service()
        let rs = (0..<23).map { i in SurveyResponse(id: "x", questionnaire: d.questionnaire, distribution: d.id,
                                                    reportingUnit: i % 3 == 0 ? nil : (i % 3 == 1 ? "viva" : "soc"),
                                                    answers: ["L1": .value(1 + i % 5), "L2": .value(5)]) }
        try await service.importResponses(rs)
        var rows = 0, pages = 0
        var perUnit: [String: Int] = [:]
        var l1: [Int8: Int] = [:]
        try await service.forEachCodePage(of: d.id, pageSize: 5) { page in
            pages += 1
            #expect(page.itemCodes == ["L1", "L2", "L3", "L4", "L5"] && page.codes.count == page.rowCount * 5 && page.rowCount <= 5)
            for r in 0..<page.rowCount {
                perUnit[page.units[r] < 0 ? "-" : page.unitNames[Int(page.units[r])], default: 0] += 1
                l1[page.codes[r * 5], default: 0] += 1
                #expect(page.codes[r * 5 + 1] == 5 && page.codes[r * 5 + 2] == 0)
            }
            rows += page.rowCount
        }
        #expect(rows == 23 && pages == 5)
        #expect(perUnit == ["-": 8, "viva": 8, "soc": 7])
        #expect(l1 == [1: 5, 2: 5, 3: 5, 4: 4, 5: 4])
        var byVersion = 0
        try await service.forEachCodePage(of: d.questionnaire) { byVersion += $0.rowCount }
        #expect(byVersion == 23)
    }

    /// A store as an earlier version left it: clear tokens (payload version 1) and response envelopes.
    static func legacyStore(responses: Int) async throws -> (InMemoryStore, SurveyDistribution, [String]) {
        let store = InMemoryStore()
        let q = Fixture.small()
        try await store.insert(q)
        let d = SurveyDistribution(id: "d-old", questionnaire: q.reference, mode: .anonymous, opens: Fixture.t0, closes: Fixture.t0 + 7 * Fixture.day)
        try await store.insert(d)
        var tokens: [String] = []
        for i in 0..<6 {
            let token = SurveyToken.generate()
            tokens.append(token)
            let json = #"{"distribution":"d-old","isUsed":\#(i == 0),"token":"\#(token)","unit":"viva"}"#
            try await store.insert(RecordEnvelope(type: SurveyToken.recordType, id: token, version: 1,
                                                  keys: ["distribution": "d-old", "used": i == 0 ? "1" : "0", "unit": "viva"],
                                                  payload: Data(json.utf8)))
            if i == 0 { try await store.insert(RecordEnvelope(type: "survey.token-use", id: token, version: 1, keys: [:], payload: Data(#"{"token":"\#(token)"}"#.utf8))) }
        }
        try await store.bulkInsert((0..<responses).map { i in
            SurveyResponse(id: .random(), questionnaire: q.reference, distribution: d.id, reportingUnit: "viva",
                           startedAt: Fixture.t0 + Double(i), submittedAt: Fixture.t0 + Double(i) + 400,
                           answers: ["L1": .value(1 + i % 5), "L2": .value(2), "N1": .value(i % 50)])
        })
        return (store, d, tokens)
    }

    @Test("migration moves envelopes to rows and clear tokens to keyed hashes; reads work before, during and after")
    func migration() async throws {
        let (store, d, tokens) = try await Self.legacyStore(responses: 37)
        let service = SurveyService(store: store, secret: Fixture.secret, clock: { Fixture.t0 + 1_000 })
        #expect(try await service.responses(of: d.id).count == 37)
        let summary = try await service.migrateStorage(pageSize: 10)
        #expect(summary == SurveyMigrationSummary(tokens: 6, responses: 37))
        #expect(try await store.count(RecordQuery(type: SurveyResponse.recordType)) == 0)
        let moved = try await service.responses(of: d.id)
        #expect(moved.count == 37 && moved.allSatisfy { $0.startedAt == nil && $0.durationBand == .fiveToTenMinutes })
        #expect(Set(moved.map { $0.answers["N1"]! }) == Set((0..<37).map { Answer.value($0 % 50) }))
        for t in tokens { #expect(await store.fetch(RecordKey(type: SurveyToken.recordType, id: t)) == nil) }
        await #expect(throws: SurveyError.tokenAlreadyUsed) {
            try await service.submit(ResponseSubmission(token: tokens[0], questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        }
        try await service.submit(ResponseSubmission(token: tokens[1], questionnaire: d.questionnaire, answers: Fixture.fullAnswers()))
        #expect(try await service.migrateStorage() == SurveyMigrationSummary(tokens: 0, responses: 0))
    }

    @Test("a migration stopped after any page loses and duplicates no response when run again", arguments: [0, 1, 2, 3])
    func migrationResumes(_ crashAfter: Int) async throws {
        let (base, d, _) = try await Self.legacyStore(responses: 25)
        let crashing = KeyLoggingStore(base, writesAllowed: crashAfter)
        let first = SurveyService(store: crashing, secret: Fixture.secret)
        await #expect(throws: StoreError.invalidArgument("simulated crash")) { try await first.migrateStorage(pageSize: 7) }
        let service = SurveyService(store: base, secret: Fixture.secret)
        #expect(try await service.responses(of: d.id).count == 25)
        try await service.migrateStorage(pageSize: 7)
        let all = try await service.responses(of: d.id)
        #expect(all.count == 25 && Set(all.map { $0.answers["N1"]! }).count == 25)
        #expect(try await base.count(RecordQuery(type: SurveyResponse.recordType)) == 0)
    }
}
