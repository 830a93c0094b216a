import DiversityKit
import Testing
@testable import EvaluationModule

@Suite("Report documents")
struct ReportTests {
    func table(_ report: Report, _ id: String) throws -> ReportTable { try #require(report.allTables.first { $0.id == id }) }

    func notes(_ section: ReportSection) -> [ReportNote] {
        section.blocks.compactMap { if case .note(let n) = $0 { return n } else { return nil } } + section.subsections.flatMap(notes)
    }

    @Test("every label has a Swedish and an English text", arguments: LabelKey.allCases)
    func labels(key: LabelKey) {
        #expect(!Labels(.swedish)[key].isEmpty && !Labels(.english)[key].isEmpty)
    }

    @Test("numbers use the decimal sign of the language")
    func numbers() {
        #expect(Labels(.swedish).number(4.126, digits: 2) == "4,13")
        #expect(Labels(.english).number(3.5) == "3.5")
        #expect(Labels(.swedish).percent(0.25) == "25\u{00A0}%" && Labels(.english).percent(0.25) == "25%")
        #expect(Labels(.swedish).number(1_234_567.5, digits: 1) == "1\u{00A0}234\u{00A0}567,5" && Labels(.swedish).integer(3_001) == "3\u{00A0}001")
    }

    @Test("the programme follow-up has participation, funnel, sessions, budget, milestones and funder statistics",
          arguments: ReportLanguage.allCases)
    func programme(language: ReportLanguage) throws {
        let reports = EvaluationReports(language: language)
        let k = try FollowUp.kirkpatrick(ratings: Fixture.ratings, knowledge: .paired(pre: [5, 6, 4], post: [7, 8, 4]),
                                         plans: [Fixture.plan], goals: Fixture.goals)
        let report = try reports.programmeFollowUp(Fixture.records, asOf: Fixture.asOf, kirkpatrick: k)
        #expect(report.language == language && report.title.contains("Mångfald i vården"))
        let participation = try table(report, "participation")
        #expect(participation.rows.last == [.text(Labels(language)[.total]), .integer(18), .integer(11), .integer(-7)])
        #expect(try table(report, "funnel").rows.map { $0[1] } == [.integer(8), .integer(6), .integer(0)])
        #expect(report.allCharts.map(\.kind) == [.plannedVersusActual, .funnel, .plannedVersusActual])
        #expect(try table(report, "budget").rows.last?[2] == .money(Money(kronor: 168_000)))
        #expect(try table(report, "milestones").rows.count == 4)
        let gender = try table(report, "funder-gender")
        #expect(gender.hasSuppressedCells && gender.rows.last?[1] == .integer(11))
        let funder = try #require(report.sections.first { $0.title == Labels(language)[.funderStatistics] })
        #expect(notes(funder).contains { $0.kind == .suppression })
        // Three learning figures rest on three pairs, below the threshold: withheld with their group.
        let kirk = try table(report, "kirkpatrick")
        #expect(kirk.rows.contains { $0[3] == .suppressed(reason: .groupSuppressed) })
        #expect(kirk.rows.contains { $0[0] == .text(Labels(language)[.reaction]) && $0[2] == .integer(16) })
    }

    @Test("a programme without budget or funding gets no budget section")
    func noBudget() throws {
        var records = Fixture.records
        records.programme.budget = []
        records.programme.funding = []
        let report = try EvaluationReports(language: .swedish).programmeFollowUp(records, asOf: Fixture.asOf)
        #expect(!report.allTables.contains { $0.id == "budget" || $0.id == "funding" })
        #expect(try EvaluationReports(language: .swedish).programmeFollowUp(Fixture.records, asOf: Fixture.asOf)
            .allTables.contains { $0.id == "budget" })
    }

    @Test("plan-versus-actual charts leave out what has no plan instead of drawing it as withheld")
    func chartsWithoutPlan() throws {
        var records = Fixture.records
        records.programme.plannedParticipants.removeValue(forKey: "assoc")
        records.interventions[0].plannedSessions = nil
        let report = try EvaluationReports(language: .english).programmeFollowUp(records, asOf: Fixture.asOf)
        for chart in report.allCharts where chart.kind == .plannedVersusActual {
            #expect(chart.series.allSatisfy { $0.values.allSatisfy { $0 != nil } })
        }
        let participation = try #require(report.allCharts.first { $0.id == "participation-chart" })
        #expect(participation.categories.count == 2)
        #expect(try table(report, "participation").rows.count == 4) // three organisations and the total
    }

    @Test("English and Swedish reports differ only in words, not in figures")
    func languages() throws {
        let sv = try EvaluationReports(language: .swedish).programmeFollowUp(Fixture.records, asOf: Fixture.asOf)
        let en = try EvaluationReports(language: .english).programmeFollowUp(Fixture.records, asOf: Fixture.asOf)
        #expect(sv.title != en.title)
        let numbers = { (r: Report) in r.allTables.flatMap { $0.rows.flatMap { $0.filter { if case .text = $0 { return false } else { return true } } } } }
        #expect(numbers(sv) == numbers(en))
    }

    @Test("the course evaluation withholds a rating group below the threshold with all its statistics")
    func course() throws {
        let report = try EvaluationReports(language: .english).courseEvaluation(Fixture.records)
        let ratings = try table(report, "ratings")
        #expect(ratings.rows.count == 3)
        // Eight ratings [3, 4 × 5, 5 × 2]: the mean 4,13 would leave the single 3 unable to be six, so it is withheld.
        #expect(ratings.rows[0][2] == .integer(8) && ratings.rows[0][3...].allSatisfy { $0 == .suppressed(reason: .secondary) })
        #expect(ratings.rows[2][2] == .suppressed(reason: .belowThreshold))
        #expect(ratings.rows[2][3...].allSatisfy { $0 == .suppressed(reason: .groupSuppressed) })
        #expect(try table(report, "ratings-facilitator").columns.count == 7)
        #expect(report.allCharts.first?.series.first?.values.last == .some(nil))
        #expect(notes(report.sections[0]).contains { $0.kind == .suppression })
    }

    @Test("the goal follow-up shows attainment, flags missing baselines and audits measures")
    func goals() throws {
        let report = EvaluationReports(language: .swedish).goalFollowUp(goals: Fixture.goals, plans: [Fixture.plan], asOf: Fixture.asOf,
                                                                       organisationNames: ["owner": "Kommunen"])
        let goals = try table(report, "goals")
        // By level (vision, overall, measurable), then by title in Swedish order ("Fler" before "Färre").
        #expect(goals.rows.map(\.first) == ["En organisation för alla", "Jämlik rekrytering", "Bättre bemötande",
                                             "Fler chefer med utländsk bakgrund", "Färre anmälningar om trakasserier"].map { .text($0) })
        let more = try #require(goals.rows.first { $0.first == .text("Fler chefer med utländsk bakgrund") })
        #expect(more[4] == .percent(0.5, digits: 0) && more[5] == .text("På väg"))
        #expect(notes(report.sections[0]).contains { $0.kind == .warning && $0.text.contains("Bättre bemötande") })
        let audit = report.sections[1]
        #expect(audit.subsections[1].blocks == [.list(["Kommunen: Lönekartläggning (2026-04-01)"])])
        #expect(audit.subsections[2].blocks == [.list(["Kommunen: Kartlägga chefsrekrytering (2026-03-01)"])])
        let grid = try table(report, "coverage-owner")
        #expect(grid.rows.count == 5 && grid.columns.count == 5 && grid.rows[0][1] == .integer(1))
    }

    static let survey = SurveyResultsInput(
        title: "Medarbetarenkät", points: 1...5,
        pointLabels: ["Instämmer inte alls", "Instämmer inte", "Varken eller", "Instämmer", "Instämmer helt"],
        items: [
            .init(code: "q1", label: "Jag blir bemött med respekt", answers: [5, 4, 4, 5, 3, 4, 2, 5, 4, 4, 5, 4, 1, 4, 5, 4, 4, 5]),
            .init(code: "q2", label: "Min chef tar diskriminering på allvar", answers: [4, 4, 3, 5, 3, 4, 2, 5, 4, nil, 5, 3, 1, 4, 4, 4, 3, 5]),
            .init(code: "q3", label: "Jag kan vara mig själv på jobbet", answers: [5, 5, 4, 5, 2, 4, 3, 4, 4, 4, 5, 4, 2, 5, 5, 3, 4, 4]),
        ],
        groups: ["A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B", "B", "C", "C", nil, "A", "B"],
        scales: [.init(name: "Inkludering", itemCodes: ["q1", "q2", "q3"])],
        comments: ["Bra", "Mer tid", "Tack"])

    @Test("survey results protect distributions, pool small groups and withhold few comments")
    func survey() throws {
        let report = try EvaluationReports(language: .swedish).surveyResults(Self.survey)
        let items = try table(report, "items")
        #expect(items.rows[1][1] == .integer(17))
        let distribution = try table(report, "distribution")
        #expect(distribution.rows[0][1] == .suppressed(reason: .belowThreshold))
        let chart = try #require(report.allCharts.first)
        #expect(chart.kind == .divergingStackedBar && chart.negativeSeriesCount == 2 && chart.series.count == 5)
        #expect(chart.series[0].values[0] == nil)
        // Group C has two respondents: it never appears on its own.
        let byGroup = report.sections[1]
        for t in byGroup.allTables { #expect(!t.rows.contains { $0.first == .text("C") }) }
        // Each item's breakdown is shown protected (primary and secondary cells withheld) or withheld whole.
        #expect(byGroup.subsections.count == 3)
        for t in byGroup.allTables { #expect(t.rows.flatMap { $0 }.contains(.suppressed(reason: .belowThreshold))) }
        #expect(report.sections[2].allTables.first?.caption.contains("Inkludering") == true)
        #expect(notes(report.sections[3]).first?.text.contains("10") == true)
    }

    @Test("a breakdown by group pools small groups with respondents of no group")
    func groups() throws {
        let a = Array(repeating: 3, count: 6) + Array(repeating: 4, count: 7) + Array(repeating: 5, count: 7)
        let b = Array(repeating: 3, count: 5) + Array(repeating: 4, count: 10) + Array(repeating: 5, count: 5)
        let answers: [Int?] = a + b + [4, 5, 4]
        let groups: [String?] = Array(repeating: "A", count: 20) + Array(repeating: "B", count: 20) + ["C", "C", nil]
        let input = SurveyResultsInput(title: "T", points: 1...5, items: [.init(code: "q", label: "Q", answers: answers)], groups: groups)
        let report = try EvaluationReports(language: .english).surveyResults(input)
        let grid = try table(report, "group-q")
        #expect(grid.rows.map { $0[0] } == [.text("B"), .text(Labels(.english)[.otherGroups]), .text("Total")])
        #expect(grid.rows[0][1...6] == [.integer(0), .integer(0), .integer(5), .integer(10), .integer(5), .integer(20)])
        #expect(grid.rows[1][6] == .integer(23) && grid.rows[2][6] == .integer(43))
        #expect(grid.rows[0][7] == .decimal(4, digits: 2))
        #expect(!grid.hasSuppressedCells)
    }

    @Test("every withheld survey cell is audited wide enough")
    func surveyAudit() throws {
        let control = DisclosureControl()
        for item in Self.survey.items {
            var counts = Array(repeating: 0, count: 5)
            for a in item.answers.compactMap({ $0 }) { counts[a - 1] += 1 }
            let p = try control.protect(CountTable(distribution: counts))
            for cell in p.suppressedCells { #expect(p.intervals[cell]!.width >= 5) }
        }
    }

    @Test("comments are published at the comment threshold")
    func comments() throws {
        var input = Self.survey
        input.comments = (1...10).map { "Kommentar \($0)" }
        let report = try EvaluationReports(language: .english).surveyResults(input)
        #expect(report.sections.last?.blocks.first == .list(input.comments.sorted()))
    }

    @Test("malformed survey input is a typed error")
    func surveyErrors() {
        var labels = Self.survey
        labels.pointLabels = ["a", "b"]
        #expect(throws: SurveyResultsError.pointLabelCount(expected: 5, got: 2)) { try EvaluationReports().surveyResults(labels) }
        var scale = Self.survey
        scale.scales = [.init(name: "X", itemCodes: ["q9"])]
        #expect(throws: SurveyResultsError.unknownItem(scale: "X", item: "q9")) { try EvaluationReports().surveyResults(scale) }
        var groups = Self.survey
        groups.groups = ["A"]
        #expect(throws: SurveyResultsError.groupCountMismatch(item: "q1", respondents: 18, groups: 1)) {
            try EvaluationReports().surveyResults(groups)
        }
        var outside = Self.survey
        outside.items[0].answers[0] = 7
        #expect(throws: StatisticsError.answerOutsideScale(answer: 7, index: 0)) { try EvaluationReports().surveyResults(outside) }
    }
}
