import DiversityKit
import EvaluationModule
import Foundation
import SeedScenarios
import SurveyModule
import Testing

/// The rendered survey reports, read back as an outsider would and attacked with the tests' own integer
/// solver (``IntegerAttacker``), over every figure they print: n, cells, totals, means, SDs, top-two-box and
/// chart shares (rounded figures as intervals). No withheld cell may be exactly recoverable, and a primary
/// cell (1…4) must be able to be 0 and v + 5 (or its row's n).
enum SurveyAttack {
    static let protection = 5

    /// The true counts of one item: the overall distribution and each row's, by row name; any other name is
    /// the pooled row ("other groups").
    struct Truth {
        var overall: [Int]
        var units: [String: [Int]]
        var pooled: [Int]
        func row(_ name: String) -> [Int] { units[name] ?? pooled }
    }

    static func truth(_ counts: SurveyCounts, shown: [PublishedItem]) throws -> [Truth] {
        try counts.items.indices.map { i in
            let overall = try counts.tally.itemCounts(i)
            let units = try counts.tally.unitCounts(ofItem: i)
            var rows: [String: [Int]] = [:]
            for (u, name) in (counts.unitNames ?? []).enumerated() { rows[name] = units[u] }
            // The pooled row is everything not shown in its own row.
            let shownRows = shown.indices.contains(i) ? shown[i].groups.map(\.name).filter { rows[$0] != nil } : []
            let pooled = shownRows.reduce(overall) { acc, name in zip(acc, rows[name]!).map { $0 - $1 } }
            return Truth(overall: overall, units: rows, pooled: pooled)
        }
    }

    /// Attacks every item; returns the number of withheld cells attacked.
    @discardableResult
    static func attack(_ items: [PublishedItem], truth: [Truth], digits: Int, format: String) -> Int {
        var attacked = 0
        for (i, item) in items.enumerated() {
            let (system, vars) = item.system(digits: digits)
            var attacker = system
            for (key, v) in vars.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: ",").map { Int($0)! }
                let (row, column) = (parts[0], parts[1])
                let value = row < 0 ? truth[i].overall[column] : truth[i].row(item.groups[row].name)[column]
                let rowN = row < 0 ? (item.n ?? 0) : (item.groups[row].n ?? 0)
                guard let range = attacker.range(of: v) else {
                    Issue.record("\(format): item \(i) has no integer solution at all — the reader misread the figures")
                    continue
                }
                attacked += 1
                #expect(range.contains(value), "\(format): item \(i) cell \(key) true \(value) outside \(range)")
                #expect(range.lowerBound < range.upperBound, "\(format): item \(i) '\(item.label)' cell \(key) = \(value) is exactly recoverable")
                if value > 0 && value < 5 {
                    #expect(range.lowerBound == 0 && range.upperBound >= min(value + protection, rowN),
                            "\(format): item \(i) primary cell \(key) = \(value) only protected by \(range)")
                }
            }
        }
        return attacked
    }

    /// Renders `report` as Markdown, CSV and JSON, reads each back and attacks it.
    static func attackEveryFormat(_ report: Report, counts: SurveyCounts, points: Int = 5) throws -> Int {
        let markdown = RenderedReportReader.items(RenderedReportReader.markdown(MarkdownRenderer().markdown(report)), points: points)
        let csv = RenderedReportReader.items(RenderedReportReader.csv(try CSVRenderer(separator: .semicolon).render(report)), points: points)
        let json = RenderedReportReader.items(try RenderedReportReader.json(try JSONRenderer().encode(report)), points: points)
        #expect(markdown.count == counts.items.count && csv.count == counts.items.count && json.count == counts.items.count)
        // The three files publish the same figures.
        #expect(markdown.map(\.cells) == csv.map(\.cells) && csv.map(\.cells) == json.map(\.cells))
        #expect(markdown.map { $0.groups.map(\.cells) } == json.map { $0.groups.map(\.cells) })
        let truth = try truth(counts, shown: json)
        var attacked = 0
        attacked += attack(markdown, truth: truth, digits: 2, format: "Markdown")
        attacked += attack(csv, truth: truth, digits: 2, format: "CSV")
        attacked += attack(json, truth: truth, digits: 6, format: "JSON")
        return attacked
    }
}

@Suite("Survey reports under an integer attack")
struct SurveyReportAttackTests {
    @Test("the MDSS baseline report gives no withheld count away, in Markdown, CSV or JSON")
    func mdss() async throws {
        _ = try await MDSSRun.get()
        let reports = try await MDSSScenario.followUpReports(from: MDSSRun.store)
        let report = try #require(reports.last)
        let survey = SurveyService(store: MDSSRun.store)
        let battery = try #require(try await survey.latestVersion(of: "mdss-nulagesmatning"))
        let records = try await ProgrammeRecords.load(programme: MDSSScenario.programmeID, from: MDSSRun.store)
        let names = Dictionary(records.organisations.flatMap { o in o.units.map { ($0.id, $0.name) } }, uniquingKeysWith: { a, _ in a })
        let input = try SurveyResultsInput(questionnaire: battery, responses: try await survey.responses(to: battery.reference),
                                           language: .swedish, unitNames: names)
        // The seed's figures are still there: 400 answers per item.
        #expect(report.allTables.first { $0.id == "items" }?.rows.first?[1] == .integer(400))
        let attacked = try SurveyAttack.attackEveryFormat(report, counts: try input.counts())
        #expect(attacked > 100)
    }

    @Test("the Likabehandling survey report gives no withheld count away, in Markdown, CSV or JSON")
    func likabehandling() async throws {
        let outcome = try await TrelleborgScenarioTests.outcome()
        let report = try #require(try LikabehandlingScenario.reports(for: outcome).last)
        let counts = try outcome.survey.results.counts()
        let attacked = try SurveyAttack.attackEveryFormat(report, counts: counts)
        #expect(attacked > 0)
    }

    @Test("random Likert surveys with many cells of 1–4 publish nothing recoverable", arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func randomSurveys(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let respondents = Int.random(in: 25...80, using: &rng)
        let unitNames = ["A", "B", "C", "D", "E", "F"].prefix(Int.random(in: 2...6, using: &rng))
        // Skewed answers: most people agree, so the low points get cells of 1–4.
        let weights = [1, 2, 4, 8, 6]
        func answer() -> Int? {
            if Int.random(in: 0..<30, using: &rng) == 0 { return nil }
            var r = Int.random(in: 0..<weights.reduce(0, +), using: &rng)
            for (p, w) in weights.enumerated() { if r < w { return p + 1 }; r -= w }
            return 5
        }
        let items = (1...3).map { q in SurveyResultsInput.Item(code: "q\(q)", label: "Fråga \(q)", answers: (0..<respondents).map { _ in answer() }) }
        let groups: [String?] = (0..<respondents).map { _ in
            Int.random(in: 0..<12, using: &rng) == 0 ? nil : unitNames.randomElement(using: &rng)
        }
        let input = SurveyResultsInput(title: "Slump \(seed)", points: 1...5, items: items, groups: groups,
                                       scales: [.init(name: "Skala", itemCodes: ["q1", "q2", "q3"], reversedItemCodes: ["q3"])])
        let report = try EvaluationReports(language: .swedish).surveyResults(input)
        let attacked = try SurveyAttack.attackEveryFormat(report, counts: try input.counts())
        #expect(attacked > 0)
    }
}

@Suite("The tests' integer attacker")
struct IntegerAttackerTests {
    @Test("it recovers the issue's Lycksele row: two withheld cells, n and the rounded mean")
    func lycksele() {
        // `undertryckt;undertryckt;8;14;5;32;3,56`: a + b = 5 and a + 2b = 9 give a = 1, b = 4.
        var item = PublishedItem(label: "q", cells: [nil, nil, 8, 14, 5], n: 32)
        item.mean = 3.56
        var (attacker, vars) = item.system()
        #expect(attacker.range(of: vars["-1,0"]!) == 1...1)
        #expect(attacker.range(of: vars["-1,1"]!) == 4...4)
    }

    @Test("it finds a cell a top-two-box share gives away, and leaves it open without the share")
    func topTwoBox() {
        var item = PublishedItem(label: "q", cells: [10, 14, nil, nil, 8], n: 40)
        var (open, openVars) = item.system()
        #expect(open.range(of: openVars["-1,3"]!) == 0...8)
        item.topTwoBox = 30
        var (attacker, vars) = item.system()
        #expect(attacker.range(of: vars["-1,3"]!) == 4...4)
    }

    @Test("it agrees with the library's flow auditor on count tables, cell by cell")
    func agreesWithLibrary() throws {
        var rng = SplitMix64(seed: 99)
        let control = DisclosureControl()
        for _ in 0..<30 {
            let counts = (0..<3).map { _ in (0..<4).map { _ in Int.random(in: 0...9, using: &rng) } }
            let table = CountTable(counts: counts)
            let pattern = Set((0..<12).filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }.map { CellPosition(row: $0 / 4, column: $0 % 4) })
            let audit = try control.audit(table: table, pattern: pattern, published: .all)
            var attacker = IntegerAttacker()
            var vars: [CellPosition: Int] = [:]
            for p in pattern { vars[p] = attacker.variable(bound: table.grandTotal) }
            for r in 0..<3 {
                let hidden = (0..<4).compactMap { vars[CellPosition(row: r, column: $0)] }.map { ($0, 1) }
                let known = (0..<4).filter { vars[CellPosition(row: r, column: $0)] == nil }.map { counts[r][$0] }.reduce(0, +)
                attacker.require(hidden, plus: known, in: table.rowTotals[r]...table.rowTotals[r])
            }
            for c in 0..<4 {
                let hidden = (0..<3).compactMap { vars[CellPosition(row: $0, column: c)] }.map { ($0, 1) }
                let known = (0..<3).filter { vars[CellPosition(row: $0, column: c)] == nil }.map { counts[$0][c] }.reduce(0, +)
                attacker.require(hidden, plus: known, in: table.columnTotals[c]...table.columnTotals[c])
            }
            for (p, v) in vars {
                let found = attacker.range(of: v)
                let range = try #require(found)
                #expect(audit.cells[p]?.lower == range.lowerBound && audit.cells[p]?.upper == range.upperBound)
            }
        }
    }
}
