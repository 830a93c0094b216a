import DiversityKit
@testable import EvaluationModule
import Testing

/// Every table and list of the evaluation module's reports whose rows are names lists them in
/// the report language's alphabetical order: in Swedish å, ä, ö after z; in English with a and o.
/// The names are given in neither order, and their keys in a third, so sorting by key, by input
/// order or by bytes all fail.
@Suite("Names in reports sort by the report's language")
struct ReportOrderTests {
    static let names = ["Örebro", "Zinkgruvan", "Ärla", "Wadköping", "Åsele", "Aneby", "Östra", "Vänersborg"]
    /// Keys in an order of their own: `k1` is Östra, `k8` Aneby, and so on.
    static let keys = ["k3", "k5", "k6", "k2", "k7", "k8", "k1", "k4"]
    static let swedish = ["Aneby", "Vänersborg", "Wadköping", "Zinkgruvan", "Åsele", "Ärla", "Örebro", "Östra"]
    static let english = ["Aneby", "Ärla", "Åsele", "Örebro", "Östra", "Vänersborg", "Wadköping", "Zinkgruvan"]

    static func expected(_ language: ReportLanguage) -> [String] { language == .swedish ? swedish : english }

    /// The texts of the first column of table `id` (its first occurrence), without a total row.
    static func firstColumn(_ report: Report, _ id: String, total: String? = nil) throws -> [String] {
        let table = try #require(report.allTables.first { $0.id == id }, "no table \(id)")
        return table.rows.compactMap { row -> String? in
            guard case .text(let text)? = row.first, text != total else { return nil }
            return text
        }
    }

    static func lists(_ sections: [ReportSection]) -> [[String]] {
        sections.flatMap { section in
            section.blocks.compactMap { block -> [String]? in if case .list(let items) = block { return items } else { return nil } }
                + lists(section.subsections)
        }
    }

    @Test("the survey report's group table: units by name, the pooled row last", arguments: [ReportLanguage.swedish, .english])
    func surveyGroups(_ language: ReportLanguage) throws {
        // Six respondents per unit, and three from each of two small units, pooled into one row of six.
        let groups: [String?] = Self.names.flatMap { Array(repeating: $0, count: 6) } + ["Lilla A", "Lilla A", "Lilla A", "Lilla B", "Lilla B", "Lilla B"]
        let answers = groups.indices.map { Optional($0 % 5 + 1) }
        let input = SurveyResultsInput(title: "Enkät", points: 1...5, items: [.init(code: "Q1", label: "Fråga", answers: answers)], groups: groups)
        let reports = EvaluationReports(language: language)
        let report = try reports.surveyResults(input)
        let rows = try Self.firstColumn(report, "group-Q1", total: reports.labels[.total])
        #expect(rows == Self.expected(language) + [reports.labels[.otherGroups]])
    }

    @Test("which unit joins a small pooled row does not depend on the language: a Swedish and an English report pool the same units")
    func poolingIndependentOfLanguage() throws {
        // The pooled row of two needs a shown unit to join it; all have six answers, so an order decides which.
        // Without Aneby the first unit is Vänersborg in Swedish and Ärla in English.
        let names = Self.names.filter { $0 != "Aneby" }
        let groups: [String?] = names.flatMap { Array(repeating: $0, count: 6) } + ["Lilla enheten", "Lilla enheten"]
        let answers = groups.indices.map { Optional($0 % 5 + 1) }
        let input = SurveyResultsInput(title: "Enkät", points: 1...5, items: [.init(code: "Q1", label: "Fråga", answers: answers)], groups: groups)
        var shown: [Set<String>] = []
        for language in [ReportLanguage.swedish, .english] {
            let reports = EvaluationReports(language: language)
            let rows = try Self.firstColumn(try reports.surveyResults(input), "group-Q1", total: reports.labels[.total])
            #expect(rows.last == reports.labels[.otherGroups])
            #expect(rows.count == names.count) // one unit joined the pooled row
            shown.append(Set(rows.dropLast()))
        }
        // Otherwise the pooled row of one report minus the unit the other report shows would give away the small unit.
        #expect(shown[0] == shown[1])
    }

    @Test("the survey report from stored counts: units named apart from their keys sort by name")
    func surveyCountsByName() throws {
        var tally = try LikertTally(layout: .init(itemCount: 1, points: 1...5, missingCode: 0, unitCount: Self.names.count, scales: []))
        for unit in Self.names.indices {
            try tally.add(rows: (0..<6).map { Int8($0 % 5 + 1) }, units: Array(repeating: Int32(unit), count: 6))
        }
        let counts = try SurveyCounts(title: "Enkät", items: [.init(code: "Q1", label: "Fråga")], unitNames: Self.names, tally: tally)
        let reports = EvaluationReports(language: .swedish)
        let report = try reports.surveyResults(counts).report
        #expect(try Self.firstColumn(report, "group-Q1", total: reports.labels[.total]) == Self.swedish)
    }

    /// A programme whose interventions, organisations, facilitators and goals carry the names.
    static func records() -> ProgrammeRecords {
        let programme = Programme(id: "p", name: "Programmet", owner: "k1", period: try! DatePeriod("2026-01-01", "2026-12-31"),
                                  plannedParticipants: Dictionary(uniqueKeysWithValues: keys.map { (ID<Organisation>($0), 6) }))
        let organisations = zip(keys, names).map { Organisation(id: ID($0), name: $1, kind: .municipality) }
        let interventions = zip(keys, names).map { Intervention(id: ID($0), programme: "p", name: $1, kind: .baseTraining, plannedSessions: 1) }
        let facilitators = zip(keys, names).map { Facilitator(id: ID($0), label: $1) }
        var sessions: [Session] = [], ratings: [Rating] = [], attendances: [Attendance] = [], participants: [Participant] = []
        for (i, key) in keys.enumerated() {
            // Every session has every facilitator, so each intervention has a row per facilitator.
            sessions.append(Session(id: ID("s-\(key)"), intervention: ID(key), date: try! CalendarDate("2026-03-0\(i + 1)"),
                                    durationMinutes: 60, facilitators: keys.map { ID($0) }))
            for r in 0..<6 {
                ratings.append(Rating(id: ID("r-\(key)-\(r)"), subject: .session(ID("s-\(key)")), intervention: ID(key), dimension: .content,
                                      score: r % 5 + 1))
                let person = ID<Participant>("p-\(key)-\(r)")
                participants.append(Participant(id: person, organisation: ID(key)))
                attendances.append(Attendance(id: ID("a-\(key)-\(r)"), session: ID("s-\(key)"), intervention: ID(key), participant: person,
                                              organisation: ID(key), status: .attended))
            }
        }
        return ProgrammeRecords(programme: programme, organisations: organisations, interventions: interventions, sessions: sessions,
                                attendances: attendances, participants: participants, ratings: ratings, facilitators: facilitators)
    }

    @Test("the course evaluation: interventions by name, and each intervention's facilitators by name",
          arguments: [ReportLanguage.swedish, .english])
    func courseEvaluation(_ language: ReportLanguage) throws {
        // Enough ratings that every facilitator row is shown: 6 per intervention, each rating counts for all 8 facilitators.
        let report = try EvaluationReports(language: language).courseEvaluation(Self.records())
        #expect(try Self.firstColumn(report, "ratings") == Self.expected(language))
        let table = try #require(report.allTables.first { $0.id == "ratings-facilitator" })
        let pairs = table.rows.map { row -> String in
            row.prefix(2).map { if case .text(let t) = $0 { t } else { "?" } }.joined(separator: " / ")
        }
        let expected = Self.expected(language).flatMap { i in Self.expected(language).map { "\(i) / \($0)" } }
        #expect(pairs == expected)
    }

    @Test("the programme follow-up: participation per organisation and sessions per intervention by name",
          arguments: [ReportLanguage.swedish, .english])
    func programmeFollowUp(_ language: ReportLanguage) throws {
        let reports = EvaluationReports(language: language)
        let report = try reports.programmeFollowUp(Self.records(), asOf: try CalendarDate("2026-12-31"))
        #expect(try Self.firstColumn(report, "participation", total: reports.labels[.total]) == Self.expected(language))
        #expect(try Self.firstColumn(report, "sessions") == Self.expected(language))
        let chart = try #require(report.sections.flatMap(\.blocks).compactMap { block -> ReportChart? in
            if case .chart(let c) = block, c.id == "sessions-chart" { return c } else { return nil }
        }.first)
        #expect(chart.categories == Self.expected(language))
    }

    @Test("the goal follow-up: owners, goals, measures and coverage by name", arguments: [ReportLanguage.swedish, .english])
    func goalFollowUp(_ language: ReportLanguage) throws {
        let records = Self.records()
        let period = try DatePeriod("2026-01-01", "2026-12-31")
        // One owner with a goal and a measure per name; then every name as an owner of its own.
        let goals = zip(Self.keys, Self.names).map { Goal(id: ID("g-\($0)"), programme: "p", owner: "k1", level: .measurable, title: $1) }
        let measures = zip(Self.keys, Self.names).map {
            Measure(id: ID("m-\($0)"), title: $1, responsibleRole: nil, deadline: try! CalendarDate("2026-02-01"), area: .workingConditions,
                    step: .investigate)
        }
        let plan = ActionPlan(id: "plan", programme: "p", owner: "k1", title: "Plan", period: period, measures: measures)
        let single = EvaluationReports(language: language).goalFollowUp(goals: goals, plans: [plan], asOf: try CalendarDate("2026-06-30"),
                                                                         organisations: records.organisations)
        #expect(try Self.firstColumn(single, "goals") == Self.expected(language))
        let owner = records.organisations.first { $0.id == "k1" }!.name
        let measureLists = Self.lists(single.sections).filter { $0.first?.hasPrefix("\(owner): ") == true }
        #expect(measureLists.count == 2) // without a goal, and overdue
        for list in measureLists {
            #expect(list.map { String($0.dropFirst(owner.count + 2).prefix { $0 != " " }) } == Self.expected(language))
        }
        #expect(Self.lists(single.sections).contains(Self.expected(language)), "goals without measures")

        let owned = zip(Self.keys, Self.names).map { Goal(id: ID("g-\($0)"), programme: "p", owner: ID($0), level: .measurable, title: $1) }
        let plans = Self.keys.map { key in
            ActionPlan(id: ID("plan-\(key)"), programme: "p", owner: ID(key), title: "Plan", period: period,
                       measures: [Measure(id: ID("m-\(key)"), title: "Åtgärd", responsibleRole: nil, deadline: nil, area: .workingConditions,
                                          step: .investigate)])
        }
        let many = EvaluationReports(language: language).goalFollowUp(goals: owned, plans: plans, asOf: try CalendarDate("2026-06-30"),
                                                                       organisations: records.organisations)
        #expect(try Self.firstColumn(many, "goal-overview") == Self.expected(language))
        let coverage = many.allTables.filter { $0.id.hasPrefix("coverage-") }.map { $0.caption.components(separatedBy: ": ").last ?? "" }
        #expect(coverage == Self.expected(language))
    }
}
