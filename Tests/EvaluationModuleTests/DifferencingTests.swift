import DiversityKit
import Foundation
import Testing
@testable import EvaluationModule

/// The differencing attacks of issue 14, each as a named test: figures that are safe one by one but give a
/// small group away when subtracted.
@Suite("Differencing attacks")
struct DifferencingTests {
    @Test("a trainer's single rating cannot be worked out from the intervention row and the other facilitator's row")
    func trainersSingleRating() throws {
        var records = Fixture.records
        records.sessions.append(Session(id: "s5", intervention: "base", date: try CalendarDate("2026-03-20"), durationMinutes: 240,
                                        facilitators: ["f2"]))
        records.ratings.append(Rating(id: "lone", subject: .session("s5"), intervention: "base", dimension: .content, score: 1))
        let report = try EvaluationReports(language: .swedish).courseEvaluation(records)
        let perIntervention = try #require(report.allTables.first { $0.id == "ratings" })
        let perFacilitator = try #require(report.allTables.first { $0.id == "ratings-facilitator" })
        // Content of the base training: 9 ratings, 8 under Kursledare A and Kursledare B's single one.
        let whole = try #require(perIntervention.rows.first { $0[0] == .text("Basutbildning") && $0[2] == .integer(9) })
        // Its mean 3,78 would pin the single 1 on its own (nine ratings summing to 34 cannot hold six 1s).
        #expect(whole[3] == .suppressed(reason: .secondary))
        let mean = 34.0 / 9
        let rows: [[ReportCell]] = perFacilitator.rows.filter { (row: [ReportCell]) -> Bool in row[0] == ReportCell.text("Basutbildning") }
        let a: [ReportCell] = try #require(rows.first { (row: [ReportCell]) -> Bool in row[1] == ReportCell.text("Kursledare A") && row[3] == ReportCell.integer(8) })
        let b: [ReportCell] = try #require(rows.first { (row: [ReportCell]) -> Bool in row[1] == ReportCell.text("Kursledare B") })
        #expect(b[3] == .suppressed(reason: .belowThreshold))
        // Were Kursledare A's mean shown, 9 × 3.78 − 8 × 4.125 = 1 would be Kursledare B's rating.
        #expect(abs(mean * 9 - 4.125 * 8 - 1) < 0.05)
        #expect(a[4] == .suppressed(reason: .secondary), "the other facilitator's mean must be withheld too")
        #expect(!report.allCharts.flatMap(\.series).flatMap(\.values).contains(4.125))
    }

    @Test("an organisation's report minus its units' reports does not give a three-person unit away")
    func organisationMinusUnits() throws {
        // U1 20, U2 17, U3 3 answers (organisation O = U1 + U2 + U3), and U4 10 elsewhere.
        let sizes = ["U1": 20, "U2": 17, "U3": 3, "U4": 10]
        var answers: [Int?] = [], groups: [String?] = []
        for (unit, n) in sizes.sorted(by: { $0.key < $1.key }) {
            for i in 0..<n { answers.append(1 + (i * 7 + unit.count) % 5); groups.append(unit) }
        }
        let input = SurveyResultsInput(title: "Enhetsrapport", points: 1...5, items: [.init(code: "q", label: "Q", answers: answers)], groups: groups)
        let reports = EvaluationReports(language: .english)
        // Without memory the unit report shows U1 and U2: O's earlier 40 answers minus 20 and 17 leaves U3's 3.
        let alone = try reports.surveyResults(try input.counts())
        let shownAlone = try #require(alone.report.allTables.first { $0.id == "group-q" }).rows.map { $0[0] }
        #expect(shownAlone.contains(.text("U1")) && shownAlone.contains(.text("U2")))
        // With the organisation's release remembered, one of them is pooled instead.
        let history = PublicationHistory(releases: [SegmentRelease(units: ["U1", "U2", "U3"], item: "q", count: 40)])
        let remembered = try reports.surveyResults(try input.counts(), history: history)
        let shown = try #require(remembered.report.allTables.first { $0.id == "group-q" }).rows.map { $0[0] }
        #expect(!(shown.contains(.text("U1")) && shown.contains(.text("U2"))))
        for release in remembered.releases { #expect(!history.conflicts(release, alongside: remembered.releases.filter { $0 != release }, threshold: 5)) }
    }

    @Test("two reports before and after one more response, with the reminder list, do not give that person's answers away")
    func oneMoreResponse() async throws {
        let store = InMemoryStore()
        let memory = PublicationMemory(store: store)
        var answers: [Int?] = (0..<30).map { 1 + $0 % 5 }
        func report(_ answers: [Int?]) throws -> SurveyCounts {
            try SurveyResultsInput(title: "Pulsmätning", points: 1...5, items: [.init(code: "q", label: "Q", answers: answers)]).counts()
        }
        let reports = EvaluationReports(language: .english)
        let first = try reports.surveyResults(try report(answers), history: try await memory.history(of: "d1"))
        #expect(try #require(first.report.allTables.first { $0.id == "items" }).rows[0][1] == .integer(30))
        try await memory.record(first.releases, distribution: "d1", title: first.report.title, at: Date(timeIntervalSince1970: 0),
                                auditedAgainst: try await memory.history(of: "d1"))
        // The reminder list then shows who answered since; one more response arrives.
        try await memory.recordReminderList(distribution: "d1", respondents: [SegmentRelease.noUnit: 31], at: Date(timeIntervalSince1970: 60))
        answers.append(2)
        let second = try reports.surveyResults(try report(answers), history: try await memory.history(of: "d1"))
        let items = try #require(second.report.allTables.first { $0.id == "items" })
        #expect(items.rows[0][1] == .suppressed(reason: .belowThreshold), "n = 31 next to n = 30 would give the newcomer's answer away")
        #expect(try #require(second.report.allTables.first { $0.id == "distribution" }).rows[0][1...5].allSatisfy {
            if case .suppressed = $0 { true } else { false }
        })
        #expect(second.releases.isEmpty)
        // Four more responses later (five since the first report) the item is published again.
        answers += [3, 4, 5, 1]
        let third = try reports.surveyResults(try report(answers), history: try await memory.history(of: "d1"))
        #expect(try #require(third.report.allTables.first { $0.id == "items" }).rows[0][1] == .integer(35))
        let history = try await memory.history(of: "d1")
        #expect(history.releases.count == 2 && history.releases.contains { $0.kind == .reminderList })
    }

    @Test("a parent's released parts that hold a few more answers than it once did conflict with it")
    func partsAboveTheirParent() {
        // {U1, U2, U3} showed 40 answers; now U1 shows 21 and U2 20: 41 − 40 is one newcomer's answer.
        let history = PublicationHistory(releases: [SegmentRelease(units: ["U1", "U2", "U3"], item: "q", count: 40)])
        let u1 = SegmentRelease(units: ["U1"], item: "q", count: 21), u2 = SegmentRelease(units: ["U2"], item: "q", count: 20)
        #expect(history.conflicts(u1, alongside: [u2], threshold: 5))
        // Five more is a group of five: no conflict.
        #expect(!history.conflicts(SegmentRelease(units: ["U1"], item: "q", count: 25), alongside: [u2], threshold: 5))
    }

    @Test("a top-two-box share is withheld with the mean whenever a count of its row is")
    func topTwoBox() throws {
        // 4 and 5 together are 12 of 40; with 4 withheld, 30 % top-two-box and the 8 in point 5 give 4 = 4 away.
        let answers: [Int?] = Array(repeating: 1, count: 10) + Array(repeating: 2, count: 14) + Array(repeating: 3, count: 4)
            + Array(repeating: 4, count: 4) + Array(repeating: 5, count: 8)
        let input = SurveyResultsInput(title: "T", points: 1...5, items: [.init(code: "q", label: "Q", answers: answers)])
        let report = try EvaluationReports(language: .english).surveyResults(input)
        let distribution = try #require(report.allTables.first { $0.id == "distribution" })
        #expect(distribution.rows[0][4] == .suppressed(reason: .belowThreshold))
        let items = try #require(report.allTables.first { $0.id == "items" })
        #expect(items.rows[0][1] == .integer(40))
        #expect(items.rows[0][2...4].allSatisfy { $0 == .suppressed(reason: .secondary) })
        // The chart shows shares of published counts only.
        let chart = try #require(report.allCharts.first)
        for p in 0..<5 {
            let withheld = if case .suppressed = distribution.rows[0][p + 1] { true } else { false }
            #expect((chart.series[p].values[0] == nil) == withheld)
        }
    }
}

@Suite("Survey report figures")
struct SurveyFigureTests {
    @Test("reliability is computed on reverse-coded answers")
    func reversedReliability() throws {
        // Three items agree; the reversed third one says the same thing the other way round.
        let a: [Int?] = [1, 2, 3, 4, 5, 2, 3, 4, 5, 1, 2, 4, 3, 5, 4, 2, 1, 3, 5, 4]
        let b: [Int?] = a.map { $0.map { min(5, $0 + ($0 % 2)) } }
        let c: [Int?] = a.map { $0.map { 6 - $0 } }
        let input = SurveyResultsInput(title: "T", points: 1...5,
                                       items: [.init(code: "a", label: "A", answers: a), .init(code: "b", label: "B", answers: b),
                                               .init(code: "c", label: "C", answers: c)],
                                       scales: [.init(name: "S", itemCodes: ["a", "b", "c"], reversedItemCodes: ["c"])])
        let report = try EvaluationReports(language: .english).surveyResults(input)
        let flipped = try ScaleReliability(items: [a, b, a])
        let raw = try ScaleReliability(items: [a, b, c])
        let caption = try #require(report.allTables.first { $0.id == "reliability-S" }).caption
        #expect(flipped.alpha > 0.9 && raw.alpha < 0.5)
        #expect(caption.contains(Labels(.english).number(flipped.alpha, digits: 2)))
    }

    @Test("the public auditor rejects a cell of 4 an attacker knows is at most 5")
    func auditorProtectionLevels() throws {
        // Row [4, 1, 20]: withholding 4 and 1 leaves each in [0, 5]: the 4 cannot reach 4 + 5.
        let table = CountTable(counts: [[4, 1, 20]])
        let audit = try DisclosureControl().audit(table: table, pattern: [CellPosition(row: 0, column: 0), CellPosition(row: 0, column: 1)],
                                                  published: [.rowTotals, .grandTotal])
        let four = try #require(audit.cells[CellPosition(row: 0, column: 0)])
        #expect(four.lower == 0 && four.upper == 5 && !four.isProtected)
        #expect(!audit.isProtected)
        let protected = try DisclosureControl().protect(CountTable(distribution: [4, 1, 20]))
        #expect(protected.withheldEntirely || protected.suppressedCells.count == 3)
        #expect(throws: DisclosureError.cellOutOfRange(row: 2, column: 0)) {
            try DisclosureControl().audit(table: table, pattern: [CellPosition(row: 2, column: 0)], published: .all)
        }
    }

    @Test("protecting zeros withholds them like small cells")
    func zeros() throws {
        let control = DisclosureControl(configuration: try .init(protectZeros: true))
        let result = try control.protect(CountTable(distribution: [0, 12, 9, 14, 7]))
        #expect(result.status[0][0] == .suppressed(.belowThreshold))
        #expect(try DisclosureControl().protect(CountTable(distribution: [0, 12, 9, 14, 7])).suppressedCells.isEmpty)
    }
}
