import DiversityKit
import Foundation
import Testing
@testable import EvaluationModule

/// What a Swedish reader sees in the evaluation reports: numbers grouped in prose and captions
/// as in tables, names in Swedish order, p-values as "p < 0,001", no empty rows.
@Suite("Report documents in Swedish")
struct ReportLanguageTests {
    static let nb = "\u{00A0}"

    /// Every piece of prose in `report`: paragraphs, list items, notes, captions, chart descriptions.
    static func prose(_ report: Report) -> [String] {
        func walk(_ section: ReportSection) -> [String] {
            section.blocks.flatMap { block -> [String] in
                switch block {
                case .paragraph(let text): return [text]
                case .list(let items): return items
                case .note(let note): return [note.text]
                case .table(let table): return [table.caption] + table.footnotes
                case .chart(let chart): return [chart.title, chart.description]
                }
            } + section.subsections.flatMap(walk)
        }
        return [report.title] + (report.subtitle.map { [$0] } ?? []) + report.sections.flatMap(walk)
    }

    /// Records with 1 200 participants at the fixture's association, so totals pass a thousand.
    static var bigRecords: ProgrammeRecords {
        var records = Fixture.records
        records.programme.plannedParticipants = ["owner": 3_001, "hc": 10, "assoc": 3]
        let extra = (1...1_200).map { Participant(id: ID("x\($0)"), organisation: "owner", role: .employee) }
        records.participants += extra
        records.attendances += extra.map { Attendance(id: ID("a-\($0.id.rawValue)"), session: "s1", intervention: "base",
                                                      participant: $0.id, organisation: "owner", status: .attended) }
        return records
    }

    @Test("numbers in captions and chart descriptions are grouped with no-break spaces, as in the tables")
    func groupedProse() throws {
        let report = try EvaluationReports(language: .swedish).programmeFollowUp(Self.bigRecords, asOf: Fixture.asOf)
        let chart = try #require(report.allCharts.first { $0.id == "participation-chart" })
        #expect(chart.description == "Planerat 3\(Self.nb)014, utfall 1\(Self.nb)211.")
        for text in Self.prose(report) {
            // Four digits in a row outside a date (2026-01-01) is a number printed without grouping.
            #expect(text.range(of: "(?<![0-9-])[0-9]{4,}(?![0-9-])", options: .regularExpression) == nil, "ungrouped number in “\(text)”")
        }
    }

    @Test("the reliability caption groups n and explains alpha in one plain sentence")
    func reliabilityCaption() throws {
        var survey = ReportTests.survey
        survey.items = survey.items.map { item in
            var item = item
            item.answers = Array(repeating: item.answers, count: 70).flatMap { $0 }
            return item
        }
        survey.groups = nil
        let report = try EvaluationReports(language: .swedish).surveyResults(survey)
        let reliability = try #require(report.sections.first { $0.title == Labels(.swedish)[.reliability] })
        let caption = try #require(reliability.allTables.first?.caption)
        #expect(caption.contains("n = 1\(Self.nb)190"))
        #expect(reliability.blocks.contains(.paragraph(Labels(.swedish)[.alphaExplanation])))
        #expect(!Self.prose(report).contains { $0.contains(".;") })
    }

    @Test("reverse-worded items are marked and counted the other way round for alpha")
    func reverseWorded() throws {
        let agree: [Int?] = [5, 4, 4, 5, 2, 4, 2, 5, 4, 1, 5, 3]
        let input = SurveyResultsInput(title: "Enkät", points: 1...5, items: [
            .init(code: "a", label: "Jag trivs", answers: agree),
            .init(code: "b", label: "Jag känner mig utanför", answers: agree.map { $0.map { 6 - $0 } }),
        ], scales: [.init(name: "Trivsel", itemCodes: ["a", "b"], reversedItemCodes: ["b"])])
        let report = try EvaluationReports(language: .swedish).surveyResults(input)
        let items = try #require(report.allTables.first { $0.id == "items" })
        #expect(items.rows[1][0] == .text("Jag känner mig utanför (omvänt formulerad)"))
        let reliability = try #require(report.allTables.first { $0.id.hasPrefix("reliability") })
        #expect(reliability.caption.hasPrefix("Trivsel: Cronbachs alfa = 1,00"))
    }

    @Test("p-values read p < 0,001, and the t-test and effect size are explained beside them")
    func kirkpatrickPValues() throws {
        let pre = (1...40).map { Double($0 % 5) }, post = pre.map { $0 + 2 + ($0.truncatingRemainder(dividingBy: 2)) }
        let k = try FollowUp.kirkpatrick(ratings: Fixture.ratings, knowledge: .paired(pre: pre, post: post), plans: [Fixture.plan], goals: Fixture.goals)
        let section = EvaluationReports(language: .swedish).kirkpatrickSection(k)
        let table = try #require(section.allTables.first)
        #expect(table.rows.contains { $0[3] == .text("p < 0,001") })
        #expect(!table.rows.contains { if case .decimal(let v, 4) = $0[3] { return v < 0.001 } else { return false } })
        #expect(section.blocks.contains(.list([Labels(.swedish)[.tTestExplanation], Labels(.swedish)[.effectSizeExplanation]])))
    }

    @Test("organisations are listed in Swedish alphabetical order, å, ä and ö after z")
    func swedishOrder() throws {
        var records = Fixture.records
        records.organisations = [Organisation(id: "owner", name: "Östra kommunen", kind: .municipality),
                                 Organisation(id: "hc", name: "Ängelholms vårdcentraler", kind: .region),
                                 Organisation(id: "assoc", name: "Zonens förening", kind: .association)]
        let report = try EvaluationReports(language: .swedish).programmeFollowUp(records, asOf: Fixture.asOf)
        let participation = try #require(report.allTables.first { $0.id == "participation" })
        #expect(participation.rows.dropLast().map { $0[0] } == [.text("Zonens förening"), .text("Ängelholms vårdcentraler"), .text("Östra kommunen")])
    }

    @Test("the funder statistics count participants, and sessions tables have no empty rows")
    func funderAndSessions() throws {
        var records = Fixture.records
        records.interventions.append(Intervention(id: "enkat", programme: "p1", name: "Enkät", kind: .survey))
        let report = try EvaluationReports(language: .swedish).programmeFollowUp(records, asOf: Fixture.asOf)
        let gender = try #require(report.allTables.first { $0.id == "funder-gender" })
        #expect(gender.columns[1].title == "Antal deltagare")
        let sessions = try #require(report.allTables.first { $0.id == "sessions" })
        #expect(!sessions.rows.contains { $0[0] == .text("Enkät") })
    }

    @Test("without any participation plan there is no planned total of 0 nor a difference")
    func noPlan() throws {
        var records = Fixture.records
        records.programme.plannedParticipants = [:]
        let report = try EvaluationReports(language: .swedish).programmeFollowUp(records, asOf: Fixture.asOf)
        let participation = try #require(report.allTables.first { $0.id == "participation" })
        let total = try #require(participation.rows.last)
        #expect(total[1] == .empty && total[3] == .empty)
        #expect(!report.allCharts.contains { $0.id == "participation-chart" })
    }

    @Test("a stage for managers only is named with its target group, not read as drop-out")
    func narrowerStage() throws {
        var records = Fixture.records
        records.interventions = records.interventions.map { i in
            var i = i
            if i.id == "leader" { i.targetRoles = [.manager] }
            return i
        }
        let report = try EvaluationReports(language: .swedish).programmeFollowUp(records, asOf: Fixture.asOf)
        let funnel = try #require(report.allTables.first { $0.id == "funnel" })
        #expect(funnel.rows[1][0] == .text("Ledarforum (endast för chefer)"))
    }

    @Test("a goal follow-up of many organisations opens with an overview by county and keeps details collapsed")
    func goalOverview() throws {
        let organisations = [Organisation(id: "a", name: "Östersunds kommun", kind: .municipality, county: "Jämtland"),
                             Organisation(id: "b", name: "Arboga kommun", kind: .municipality, county: "Västmanland"),
                             Organisation(id: "c", name: "Bergs kommun", kind: .municipality, county: "Jämtland"),
                             Organisation(id: "d", name: "Köpings kommun", kind: .municipality, county: "Västmanland"),
                             Organisation(id: "e", name: "Kungsörs kommun", kind: .municipality, county: "Västmanland")]
        let goals = organisations.map { o in
            Goal(id: ID("g-\(o.id.rawValue)"), programme: "p1", owner: o.id, level: .measurable, title: "Mål för \(o.name)",
                 indicator: Indicator(name: "Andel", unit: "%", baseline: .none, target: 80))
        }
        let report = EvaluationReports(language: .swedish).goalFollowUp(goals: goals, plans: [], asOf: Fixture.asOf,
                                                                       programme: Fixture.programme, organisations: organisations)
        #expect(report.title == "Måluppföljning: Mångfald i vården")
        #expect(report.subtitle == "2026-01-01–2026-12-31")
        let overview = try #require(report.allTables.first { $0.id == "goal-overview" })
        #expect(overview.rows.map { [$0[0], $0[1]] } == [[.text("Jämtland"), .text("Bergs kommun")], [.text("Jämtland"), .text("Östersunds kommun")],
                                                           [.text("Västmanland"), .text("Arboga kommun")], [.text("Västmanland"), .text("Kungsörs kommun")],
                                                           [.text("Västmanland"), .text("Köpings kommun")]])
        let appendix = report.sections[1].subsections
        #expect(appendix.map(\.title) == ["Jämtland", "Västmanland"] && appendix.allSatisfy(\.isCollapsed))
        let goalsTable = try #require(report.allTables.first { $0.id == "goals" })
        #expect(goalsTable.rows[0][3] == .percent(0.8, digits: 0))
        #expect(!Self.prose(report).contains { $0.contains("g-a") })
    }
}
