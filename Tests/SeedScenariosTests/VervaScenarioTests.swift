import DiversityKit
import DiversityKitTesting
import EvaluationModule
import Foundation
import SeedScenarios
import Testing

/// One run of the default seed shared by the tests that only read it.
enum VervaRun {
    static let store = InMemoryStore()
    static let outcome = Task { try await VervaScenario.run(in: Workspace(store: store, ids: SequentialIDGenerator())) }
    static func get() async throws -> VervaOutcome { try await outcome.value }
}

@Suite("Verva regional project scenario")
struct VervaScenarioTests {
    @Test("51 authorities take part in the five counties, each county coordinated by its board")
    func authorities() async throws {
        let outcome = try await VervaRun.get()
        #expect(outcome.authorities.count == 51)
        #expect(Set(outcome.authorities.map(\.id)).count == 51)
        #expect(outcome.counties == ["Dalarna", "Skåne", "Västernorrland", "Västra Götaland", "Östergötland"])
        #expect(Set(outcome.authorities.compactMap(\.county)) == Set(outcome.counties))
        for county in VervaScenario.counties {
            #expect(outcome.authorities.contains { $0.id == county.board && $0.county == county.name })
        }
        #expect(outcome.supporters.map(\.id).sorted() == [VervaScenario.ombudsman, VervaScenario.integrationBoard, VervaScenario.verva].sorted())
        #expect(outcome.programme.owner == VervaScenario.verva)
    }

    @Test("every authority has its goals and every county its county-wide goals, extracted from them")
    func goals() async throws {
        let outcome = try await VervaRun.get()
        for authority in outcome.authorities {
            #expect(outcome.goals.contains { $0.owner == authority.id }, "\(authority.name) has no goals")
        }
        for county in VervaScenario.counties {
            let countyGoals = outcome.countyGoals.filter { $0.owner == county.board }
            #expect(!countyGoals.isEmpty)
            let members = Set(county.participants.map(\.id))
            for goal in countyGoals {
                let area = try #require(goal.focusArea)
                #expect(outcome.goals.contains { members.contains($0.owner) && $0.focusArea == area })
            }
        }
        #expect(Set(outcome.goals.compactMap(\.focusArea)) == Set(FocusArea.allCases))
    }

    @Test("the 2006 funding is 5 000 000 kr and every budget line is as in the report")
    func budgetLines() async throws {
        let outcome = try await VervaRun.get()
        #expect(outcome.programme.totalFunding == Money(kronor: 5_000_000))
        #expect(outcome.programme.funding.map(\.kind) == [.governmentGrant])
        let b = outcome.programme.budget
        #expect(b.filter { $0.category == .salaries }.map(\.planned) == [Money(kronor: 955_000)])
        #expect(b.filter { $0.category == .consultants }.map(\.planned) == [Money(kronor: 236_000)])
        #expect(b.filter { $0.category == .venuesTravelOther }.map(\.planned) == [Money(kronor: 45_000)])
        let grants = b.filter { $0.category == .grantsToPartners }
        #expect(grants.count == 5)
        #expect(grants.allSatisfy { $0.planned == Money(kronor: 750_000) })
        #expect(outcome.budget.totalPlanned == Money(kronor: 4_986_000))
        #expect(outcome.unallocated == Money(kronor: 14_000))
    }

    @Test("the county boards left 1 189 000 kr of their grants unspent")
    func unspentGrants() async throws {
        let outcome = try await VervaRun.get()
        #expect(outcome.unspentGrants == Money(kronor: 1_189_000))
        let row = try #require(outcome.budget.categories.first { $0.category == .grantsToPartners })
        #expect(row.planned == Money(kronor: 3_750_000))
        #expect(row.outcome == Money(kronor: 2_561_000))
        #expect(row.unspent == Money(kronor: 1_189_000))
        #expect(outcome.budget.unspentFunding == Money(kronor: 1_189_000 + 14_000))
        #expect(outcome.grants.allSatisfy { $0.unspent >= .zero && $0.unspent <= $0.granted })
        // The later a county's project manager started, the more of its grant was left.
        let byStart = outcome.grants.sorted { $0.projectManagerFrom < $1.projectManagerFrom }
        #expect(byStart.first!.unspent <= byStart.last!.unspent)
    }

    @Test("the goal–measure audit shows each of the report's findings")
    func auditFindings() async throws {
        let outcome = try await VervaRun.get()
        #expect(!outcome.audit.goalsWithoutMeasures.isEmpty)
        #expect(!outcome.audit.measuresWithoutGoal.isEmpty)
        #expect(!outcome.audit.goalsWithoutBaseline.isEmpty)
        #expect(!outcome.authoritiesWithBaseline.isEmpty)
        #expect(outcome.authoritiesWithBaseline.count <= 6, "few authorities have a baseline analysis")
        // The audit counts what the generated data holds.
        let linked = Set(outcome.plans.flatMap(\.measures).filter { $0.status != .cancelled }.flatMap(\.linkedGoals))
        let expected = (outcome.goals + outcome.countyGoals).filter { $0.level != .vision && !linked.contains($0.id) }
        #expect(outcome.audit.goalsWithoutMeasures.sorted() == expected.map(\.id).sorted())
        #expect(outcome.audit.measuresWithoutGoal.count == outcome.plans.flatMap(\.measures).filter { $0.linkedGoals.isEmpty }.count)
        #expect(outcome.countyGoals.allSatisfy { linked.contains($0.id) })
    }

    @Test("networks meet every fourth week, project managers every second week by phone and every second month in Stockholm")
    func networks() async throws {
        let outcome = try await VervaRun.get()
        #expect(outcome.networks.count == 7)
        #expect(outcome.networks.filter { $0.series.everyWeeks == 4 }.count == 5)
        #expect(outcome.networks.contains { $0.series.everyWeeks == 2 })
        #expect(outcome.networks.contains { $0.series.everyWeeks == 8 })
        #expect(outcome.networks.allSatisfy { $0.held > 0 && $0.next != nil })
    }

    @Test("about fifty representatives came to the kick-off; every authority took part in an event")
    func events() async throws {
        let outcome = try await VervaRun.get()
        let attendance = try await Workspace(store: VervaRun.store).attendance(of: VervaScenario.kickOff)
        let kickOff = Set(attendance.filter { $0.status == .attended }.compactMap(\.participant))
        #expect((40...60).contains(kickOff.count))
        let rows = outcome.participation.rows.filter { row in outcome.authorities.contains { $0.id == row.organisation } }
        #expect(rows.count == 51)
        #expect(rows.allSatisfy { $0.actual > 0 && $0.actual <= 2 })
    }

    @Test("the follow-up reports carry the budget with the unspent grants and the audit")
    func followUpReports() async throws {
        _ = try await VervaRun.get()
        let reports = try await VervaScenario.followUpReports(from: VervaRun.store)
        #expect(reports.count == 2)
        let budget = try #require(reports.flatMap(\.allTables).first { $0.id == "budget" })
        #expect(budget.rows.contains { $0.contains(.money(Money(kronor: 1_189_000))) })
        // 51 authorities: an overview table first, the details per county collapsed in an appendix.
        #expect(reports[1].title.hasPrefix("Måluppföljning: Regionalt utvecklingsprojekt") && reports[1].subtitle == "2006-02-01–2008-03-31")
        #expect(reports[1].sections.count == 2)
        let overview = try #require(reports[1].allTables.first { $0.id == "goal-overview" })
        #expect(overview.rows.count >= 51 && overview.columns.first?.title == "Län")
        #expect(reports[1].sections[1].subsections.allSatisfy { $0.isCollapsed })
    }

    @Test("the same seed gives the same outcome; another seed other goals, the same budget")
    func deterministic() async throws {
        func run(_ seed: UInt64) async throws -> VervaOutcome {
            try await VervaScenario.run(in: Workspace(store: InMemoryStore(), ids: SequentialIDGenerator()), seed: seed)
        }
        let first = try await run(7), second = try await run(7)
        #expect(first == second)
        let other = try await run(8)
        #expect(other.goals != first.goals)
        #expect(other.unspentGrants == first.unspentGrants)
        #expect(other.budget.totalFunding == first.budget.totalFunding)
    }
}

@Suite("Steering brief renderer")
struct SteeringBriefRendererTests {
    static let report = Report(title: "Styrgruppsbrev", subtitle: "Verva", language: .swedish,
                               date: CalendarDate(year: 2007, month: 2, day: 14)!, sections: [
        ReportSection(title: "Ekonomi", blocks: [
            .paragraph("Länsstyrelserna hade inte förbrukat alla medel."),
            .table(ReportTable(id: "t", caption: "Budget", columns: [ReportColumn("Post", isRowHeader: true), ReportColumn("Belopp")],
                               rows: [[.text("Bidrag"), .money(Money(kronor: 3_750_000))], [.text("Löner"), .money(Money(kronor: 955_000))]])),
            .note(ReportNote(.warning, "1 189 000 kr ej förbrukat")),
        ], subsections: [ReportSection(title: "Detaljer", blocks: [.list(["ett", "två"])])]),
    ])

    @Test("writes one text file with underlined headings, right-aligned amounts and marked notes")
    func rendersText() throws {
        let files = try SteeringBriefRenderer().render(Self.report)
        #expect(files.map(\.name) == ["styrgruppsbrev.txt"])
        let text = try #require(String(data: files[0].contents, encoding: .utf8))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "STYRGRUPPSBREV")
        #expect(lines.contains("Datum: 2007-02-14"))
        #expect(lines.contains("Ekonomi") && lines.contains("======="))
        #expect(lines.contains("Detaljer") && lines.contains("--------"))
        #expect(lines.contains("Bidrag  3 750 000 kr"))
        #expect(lines.contains("Löner     955 000 kr"))
        #expect(lines.contains("OBS! 1 189 000 kr ej förbrukat"))
        #expect(lines.contains("– två"))
    }

    @Test("wraps paragraphs at the line width", arguments: [20, 40, 78])
    func wraps(width: Int) throws {
        let long = Report(title: "T", sections: [ReportSection(title: "S", blocks: [.paragraph(String(repeating: "ord ", count: 60))])])
        let text = String(decoding: try SteeringBriefRenderer(lineWidth: width).render(long)[0].contents, as: UTF8.self)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= width })
    }

    @Test("refuses a line width below 20")
    func refusesNarrowWidth() {
        #expect(throws: SteeringBriefError.lineWidthTooSmall(10)) { try SteeringBriefRenderer(lineWidth: 10).render(Self.report) }
        #expect(MessageSample(SteeringBriefError.lineWidthTooSmall(10), sv: ["radbredden 10", "20 tecken"], en: ["line width 10"]).problems == [])
    }
}
