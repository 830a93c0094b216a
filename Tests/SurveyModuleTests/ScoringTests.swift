import DiversityKit
import Foundation
import Testing
@testable import SurveyModule

@Suite("Scoring")
struct ScoringTests {
    let q = Fixture.small()
    var grid: Scale { q.scales[0] }

    @Test("a scale score is the mean with reverse-coded items flipped")
    func reverseCoding() {
        // L5 is reverse-coded: 2 counts as 4.
        #expect(q.scaleScore(grid, in: ["L1": .value(4), "L2": .value(4), "L3": .value(4), "L4": .value(4), "L5": .value(2)]) == 4)
        #expect(q.scaleScore(grid, in: ["L1": .value(5), "L2": .value(3), "L5": .value(5)]) == 3)
    }

    @Test("a scale score needs its minimum number of answered items")
    func minimumAnswered() {
        #expect(q.scaleScore(grid, in: ["L1": .value(5), "L2": .value(3)]) == nil)
        #expect(q.scaleScore(grid, in: ["L1": .value(5), "L2": .value(3), "L3": .value(1)]) == 3)
        #expect(q.scaleScore(grid, in: [:]) == nil)
    }

    @Test("knowledge is scored per respondent and per topic, unanswered counting as not known")
    func knowledge() {
        let battery = ItemBank.baselineBattery()
        var answers: [String: Answer] = [:]
        for (code, k) in battery.knowledgeItems where k.topic == .grounds || k.topic == .harassment { answers[code] = .value(k.correct) }
        answers["K06"] = .value(1) // wrong, harassment
        let score = battery.knowledgeScore(in: answers)
        #expect(score.items == 12 && score.correct == 4)
        #expect(abs(score.proportion - 4.0 / 12.0) < 1e-12)
        let byTopic = Dictionary(uniqueKeysWithValues: score.topics.map { ($0.topic, $0) })
        #expect(byTopic[.grounds]?.correct == 3 && byTopic[.grounds]?.items == 3)
        #expect(byTopic[.harassment]?.correct == 1 && byTopic[.harassment]?.items == 2)
        #expect(byTopic[.accessibility]?.proportion == 0)
        #expect(score.topics.map(\.topic) == score.topics.map(\.topic).sorted())
    }

    @Test("the response matrix holds codes, bit masks and missing markers, and scores like the row-wise functions")
    func matrix() {
        let rs = [
            SurveyResponse(id: "a", questionnaire: q.reference, reportingUnit: "viva", answers: Fixture.fullAnswers(5)),
            SurveyResponse(id: "b", questionnaire: q.reference, reportingUnit: "soc", isPartial: true, answers: ["L1": .value(2), "K1": .value(1)]),
            SurveyResponse(id: "c", questionnaire: q.reference, answers: ["L1": .value(1), "L2": .value(1), "L3": .value(1), "M1": .values([])]),
        ]
        let m = ResponseMatrix(questionnaire: q, responses: rs)
        #expect(m.rowCount == 3 && !m.itemCodes.contains("T1"))
        #expect(m.column("L1") == [5, 2, 1])
        #expect(m.column("L4") == [5, ResponseMatrix.missing, ResponseMatrix.missing])
        #expect(m.column("M1")?[0] == (1 << 1 | 1 << 3))
        #expect(m.value(row: 1, item: "L2") == nil && m.value(row: 0, item: "N1") == 3)
        #expect(m.unit(row: 0) == "viva" && m.unit(row: 1) == "soc" && m.unit(row: 2) == nil)
        #expect(m.isPartial == [false, true, false])
        #expect(m.scaleScores(grid) == rs.map { q.scaleScore(grid, in: $0.answers) })
        #expect(m.knowledgeProportions() == rs.map { q.knowledgeScore(in: $0.answers).proportion })
        #expect(m.topicKnowledge() == [TopicKnowledge(topic: .grounds, correct: 1, items: 3)])
    }

    @Test("a matrix can be built row by row from codes")
    func builderCodes() throws {
        var b = ResponseMatrix.Builder(questionnaire: q)
        let row = b.columnCodes.map { $0 == "L1" ? Int32(4) : ResponseMatrix.missing }
        try b.append(codes: row, unit: "u", partial: false)
        try b.append(codes: row, unit: "u", partial: true)
        #expect(throws: ResponseMatrix.RowLengthError(expected: row.count, found: 2)) { try b.append(codes: [1, 2], unit: nil, partial: false) }
        let m = b.build()
        #expect(m.rowCount == 2 && m.unitNames == ["u"] && m.column("L1") == [4, 4])
    }
}

@Suite("Data quality")
struct DataQualityTests {
    let q = Fixture.small()

    func response(_ id: String, seconds: TimeInterval?, _ answers: [String: Answer] = Fixture.fullAnswers()) -> SurveyResponse {
        SurveyResponse(id: ID(id), questionnaire: q.reference, startedAt: seconds.map { _ in Fixture.t0 },
                       submittedAt: seconds.map { Fixture.t0 + $0 }, answers: answers)
    }

    @Test("a response far faster than the median is flagged as a speeder")
    func speeders() {
        let rs = [response("a", seconds: 300), response("b", seconds: 280), response("c", seconds: 320), response("d", seconds: 310),
                  response("e", seconds: 60), response("f", seconds: nil)]
        let report = DataQualityReport(responses: rs, questionnaire: q)
        #expect(report.medianDuration == 300)
        #expect(report.flags["e"] == [.speeder])
        #expect(report.flags["a"] == nil && report.flags["f"] == nil)
        #expect(report.count(of: .speeder) == 1)
    }

    @Test("with too few timed responses nobody is called a speeder")
    func fewTimed() {
        let report = DataQualityReport(responses: [response("a", seconds: 300), response("b", seconds: 5)], questionnaire: q)
        #expect(report.medianDuration == nil && report.flags.isEmpty)
    }

    @Test("the same point on every item of a Likert grid is straight-lining, even through reverse-coded items")
    func straightLining() {
        var same = Fixture.fullAnswers(3)
        same["L5"] = .value(3)
        var varied = Fixture.fullAnswers(3)
        varied["L5"] = .value(2)
        let short: [String: Answer] = ["L1": .value(3), "L2": .value(3), "L3": .value(3), "L4": .value(3)]
        let report = DataQualityReport(responses: [response("s", seconds: nil, same), response("v", seconds: nil, varied),
                                                   response("t", seconds: nil, short)], questionnaire: q)
        #expect(report.flags["s"] == [.straightLining])
        #expect(report.flags["v"] == nil)
        #expect(report.flags["t"] == [.mostlyEmpty]) // four answered items are too few to call straight-lining
    }

    @Test("a response answering under half the items is mostly empty, and flagged responses are kept")
    func mostlyEmpty() {
        let rs = [response("e", seconds: nil, ["L1": .value(2), "L2": .value(4), "T1": .text(" ")]), response("f", seconds: nil)]
        let report = DataQualityReport(responses: rs, questionnaire: q)
        #expect(report.flags["e"] == [.mostlyEmpty])
        #expect(report.flags.count == 1)
        #expect(rs.count == 2)
    }
}
