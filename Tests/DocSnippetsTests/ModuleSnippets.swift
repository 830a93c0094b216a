import DiversityKit
import DiversityKitSQLite
import EvaluationModule
import ExampleSupport
import Foundation
import LimeSurveyImport
import ProgrammeToolkit
import SeedScenarios
import SurveyModule
import Testing

@Suite("Documentation snippets: surveys, LimeSurvey, reporting, examples")
struct ModuleSnippetTests {
    @Test("coming from LimeSurvey: the import snippet prints the skipped questions and the counts")
    func limeSurvey() async throws {
        // The snippet's files are the LimeSurvey fixtures of the tests.
        func URL(fileURLWithPath name: String) -> Foundation.URL {
            let fixtures = ["limesurvey_survey_456789.lss": "Tests/LimeSurveyImportTests/Fixtures/staff_l10ns.lss",
                            "results-survey456789.csv": "Tests/CommandLineToolTests/Fixtures/export.csv"]
            return packageRoot.appendingPathComponent(fixtures[name] ?? name)
        }
        let store = InMemoryStore()
        try await expectPrints("Docs/LimeSurvey.md#1") {
            // snippet: Docs/LimeSurvey.md#1

            // Once: the structure.
            let structure = try LimeSurveyImporter().importStructure(from: URL(fileURLWithPath: "limesurvey_survey_456789.lss"))
            for question in structure.report.skipped { print(question) }   // question RANK (qid 29, type 'R'): a ranking …
            for warning in structure.report.warnings { print(warning) }
            try await store.insert(structure.questionnaire)
            try await store.insert(structure.mapping)                       // record type "limesurvey.mapping"
            let mode = structure.mode                                       // .anonymous when LimeSurvey's anonymized = Y

            // Later, whenever an export arrives: responses against the stored questionnaire and mapping.
            let q = try await store.fetch(Questionnaire.self, id: "limesurvey-456789#1")!
            let mapping = try await store.fetch(LimeSurveyMapping.self, id: "limesurvey-456789#1")!
            let importer = try LimeSurveyResponseImporter(questionnaire: q, mapping: mapping,
                                                          timeZone: TimeZone(identifier: "Europe/Stockholm")!)
            let result = try importer.importAll(from: URL(fileURLWithPath: "results-survey456789.csv"))
            print(result.report.imported, "responses,", result.report.partial, "partial")   // 48 responses, 1 partial
            // end snippet
            #expect(mode == .anonymous)
        }
    }

    @Test("reporting: the sample report renders to HTML and a custom renderer writes text")
    func reporting() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snippets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        func URL(fileURLWithPath name: String) -> Foundation.URL { directory.appendingPathComponent(name) }
        // snippet: Docs/Reporting.md#1

        let report = Report.sample(language: .swedish)          // invented figures, for trying things out
        let files = try HTMLRenderer().render(report)            // [RenderedFile] — here one, report.html
        try files.write(into: URL(fileURLWithPath: "out"))       // creates out/ and writes atomically
        // end snippet
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/report.html").path))

        // snippet: Docs/Reporting.md#2
        /// Renders a report as plain text for an intranet's notice board.
        struct PlainTextRenderer: ReportRenderer {
            var fileName = "report.txt"

            func render(_ report: Report) throws -> [RenderedFile] {
                let format = ReportFormatter(language: report.language)
                let labels = ReportLabels(language: report.language)
                var lines = [report.title.uppercased(), ""]
                func add(_ section: ReportSection, depth: Int) {
                    lines += [String(repeating: "  ", count: depth) + section.title, ""]
                    for block in section.blocks {
                        switch block {
                        case .paragraph(let text): lines += [text, ""]
                        case .list(let items): lines += items.map { "* " + $0 } + [""]
                        case .note(let note): lines += [labels.noteLabel(note.kind) + ": " + note.text, ""]
                        case .table(let table): lines += rows(of: table, format) + [""]
                        case .chart(let chart): lines += rows(of: chart.dataTable, format) + [""]
                        }
                    }
                    for subsection in section.subsections { add(subsection, depth: depth + 1) }
                }
                for section in report.sections { add(section, depth: 0) }
                return [RenderedFile(name: fileName, contents: Data(lines.joined(separator: "\n").utf8))]
            }

            private func rows(of table: ReportTable, _ format: ReportFormatter) -> [String] {
                [table.caption] + table.rows.map { $0.map(format.cell).joined(separator: "\t") }
            }
        }

        let renderers: [any ReportRenderer] = [PlainTextRenderer(), HTMLRenderer(), CSVRenderer(separator: .semicolon)]
        for renderer in renderers {
            try renderer.render(report).write(into: URL(fileURLWithPath: "out"))
        }
        // end snippet
        let text = try String(contentsOf: directory.appendingPathComponent("out/report.txt"), encoding: .utf8)
        #expect(text.hasPrefix(report.title.uppercased()))
    }

    @Test("surveys: a service whose clock stands on a past day accepts that survey's paper forms")
    func pastSurvey() async throws {
        let store = InMemoryStore()
        try await store.insert(Organisation(id: "o", name: "Kommunen", kind: .municipality, units: [OrganisationUnit(id: "viva", name: "Viva")]))
        let secret = try TokenSecret.generate().secret
        try await expectPrints("Docs/Surveys.md#2") {
            // snippet: Docs/Surveys.md#2
            let past = SurveyService(store: store, secret: secret, asOf: try CalendarDate("2010-03-15"))
            let iso = Date.ISO8601FormatStyle()
            let q = try await past.publish(ItemBank.baselineBattery())
            let (survey, paperForms) = try await past.distribute(DistributionPlan(
                questionnaire: q.reference, mode: .anonymous, purpose: .baseline,
                population: .units([.init(unit: "viva", headcount: 30)]),
                opens: try iso.parse("2010-03-01T00:00:00Z"), closes: try iso.parse("2010-03-31T23:59:59Z")))
            let response = try await past.submit(ResponseSubmission(token: paperForms[0].token, questionnaire: q.reference,
                                                                    answers: ["K01": .value(3)], isPartial: true))
            print(response.submittedAt!)   // 2010-03-15 00:00:00 +0000 — an anonymous response keeps only the day
            // end snippet
            #expect(try await past.pendingCount(of: survey.id) == 1)
            // Today's service refuses the same survey: it closed in 2010.
            await #expect(throws: SurveyError.self) {
                try await SurveyService(store: store, secret: secret).submit(ResponseSubmission(token: paperForms[1].token, questionnaire: q.reference,
                                                                               answers: ["K01": .value(2)], isPartial: true))
            }
        }
    }

    @Test("surveys: a training plan prints its topics' Swedish names from the library")
    func topicNames() async throws {
        let needs = TrainingTopic.standard.enumerated().map { TopicNeed(topic: $1, knowledgeNeed: Double($0 + 1) / 10) }
        let plan = try TrainingTailor.plan(needs: needs, configuration: .baseTraining)
        try await expectPrints("Docs/Surveys.md#3") {
            // snippet: Docs/Surveys.md#3
            for allocation in plan.allocations {
                print(allocation.minutes, "min", allocation.topic.name(in: .swedish))   // 20 min Diskrimineringslagen …
            }
            print(TrainingTopic.harassment.name(in: .english))   // Harassment and sexual harassment
            // end snippet
        }
    }

    @Test("examples: MDSS as a library function prints its seed figures", .timeLimit(.minutes(5)))
    func mdss() async throws {
        try await expectPrints("Docs/Examples.md#4") {
            // snippet: Docs/Examples.md#4
            let store = InMemoryStore()
            let outcome = try await MDSSScenario.run(in: Workspace(store: store, ids: SequentialIDGenerator()))
            print(outcome.totalParticipants, outcome.tailoredPlan.allocations.count, outcome.refusedEnrolment != nil)   // 446 9 true — also contentMean, ratings, funnel, milestones
            let reports = MDSSScenario.reports(for: outcome) + (try await MDSSScenario.followUpReports(from: store))
            // end snippet
            #expect(!reports.isEmpty)
        }
    }
}

/// Surveys.md's opening snippet, with the dates and the token it assumes.
func surveysSnippet(start: Date, end: Date, token: String, organisation: Organisation) async throws {
    // snippet: Docs/Surveys.md#1

    // The embedder's secret: generate once (TokenSecret.generate()), keep it outside the database.
    let secret = try TokenSecret(base64: ProcessInfo.processInfo.environment["DIVERSITYKIT_TOKEN_SECRET"] ?? "")
    let store = InMemoryStore()
    try await store.insert(organisation)                              // units must belong to a stored organisation
    let service = SurveyService(store: store, secret: secret)         // clock, ids, configuration can be injected
    let battery = try await service.publish(ItemBank.baselineBattery())
    let (distribution, tokens) = try await service.distribute(DistributionPlan(
        questionnaire: battery.reference, mode: .anonymous, purpose: .baseline,
        population: .units([.init(unit: "viva", headcount: 40), .init(unit: "soc", headcount: 25)]),
        opens: start, closes: end))
    // hand out tokens[i].token, then for each respondent:
    try await service.submit(ResponseSubmission(token: token, questionnaire: battery.reference,
                                                 answers: ["K01": .value(3), "B01": .value(4)], isPartial: true))
    try await service.close(distribution.id)                          // releases the last responses from the mix
    let matrix = try await service.matrix(for: battery.reference)     // columns of Int32 codes
    let plan = try TrainingTailor.plan(needs: TopicNeed.needs(from: matrix), configuration: .baseTraining)
    // end snippet
    _ = (distribution, tokens, plan)
}

/// Surveys.md's LimeSurvey pointer (it reads files where it runs).
func surveysLimeSurveySnippet() throws {
    // snippet: Docs/Surveys.md#4
    let structure = try LimeSurveyImporter().importStructure(from: URL(fileURLWithPath: "staff-2026.lss"))
    let importer = try LimeSurveyResponseImporter(questionnaire: structure.questionnaire, mapping: structure.mapping)
    let result = try importer.importAll(from: URL(fileURLWithPath: "results-survey123456.csv"))
    // end snippet
    _ = result
}

/// Programmes.md's opening snippet, with the store and date it assumes.
func programmesSnippet(store: any Store, today: CalendarDate) async throws {
    // snippet: Docs/Programmes.md#1

    let toolkit = ProgrammeToolkit(store: store)        // any Store: in-memory, SQLite, your own
    let result = try await toolkit.mentoring.match(pool: "2012")
    let risks = try await toolkit.accessibility.sessionsAtRisk(from: today)
    // end snippet
    _ = (result, risks)
}

/// Benchmarks.md's LikertTally snippet, with the answers it assumes.
func benchmarksSnippet(q: Questionnaire, units: [String], codes: [Int8], unitIndexes: [Int32]) throws {
    // snippet: Docs/Benchmarks.md#1
    let layout = try LikertTally.Layout(questionnaire: q, itemCodes: q.items.map(\.code), unitCount: units.count)
    var tally = try LikertTally(layout: layout)
    try tally.add(rows: codes, units: unitIndexes)     // [Int8] row-major, 0 = missing; [Int32], −1 = no unit
    let item = try tally.itemSummary(0)               // ScaleItemSummary: counts, missing, descriptives
    let alpha = try tally.reliability(ofScale: 0).alpha
    let cells = try tally.unitMeans(ofScale: 0)      // [GroupMean]: respondents, mean (nil below k)
    // end snippet
    _ = (item, alpha, cells)
}

/// Examples.md's roster import and audit-log store (they read and write files where they run).
func examplesSupportSnippets(workspace: Workspace, url: URL) async throws {
    // snippet: Docs/Examples.md#1
    let progress = ProgressDisplay(title: "Importing roster", mode: .automatic(quiet: false))
    let result = try await HRRosterImporter(workspace: workspace, batchSize: 100)
        .importRoster(contentsOf: url) { done, total in progress.update(done, of: total) }
    progress.finish()
    print(result.registered, result.perOrganisation)
    // end snippet
}

func examplesAuditLogSnippet() async throws {
    // snippet: Docs/Examples.md#2
    let audited = try AuditLogStore(wrapping: try SQLiteStore(path: "data.sqlite"), logFile: "data.audit.log")
    let workspace = Workspace(store: audited)
    // … use the workspace and the toolkit as usual …
    let summary = await audited.summary   // batches, refused batches, operations by kind and record type
    // end snippet
    _ = (workspace, summary)
}

func examplesScenarioSnippets(options: ExampleOptions, reports: [(folder: String, report: Report)]) async throws {
    do {
        // snippet: Docs/Examples.md#3
        let store = InMemoryStore()
        let outcome = try await OmvantMentorskapScenario.run(in: Workspace(store: store, ids: SequentialIDGenerator()), seed: 2012)
        let reports = OmvantMentorskapScenario.reports(for: outcome)
            + (try await OmvantMentorskapScenario.followUpReports(from: store))
        // end snippet
        _ = reports
    }
    // snippet: Docs/Examples.md#5
    try ReportOutput.write(reports, under: options.reportsDirectory,
                           renderers: ReportOutput.standardRenderers + [SteeringBriefRenderer()])
    // end snippet
    do {
        // snippet: Docs/Examples.md#6
        let store = try SQLiteStore(path: ":memory:")
        let outcome = try await LikabehandlingScenario.run(in: Workspace(store: store, ids: SequentialIDGenerator()))
        let reports = try LikabehandlingScenario.reports(for: outcome)          // project report + 2008 survey results
            + (try await LikabehandlingScenario.followUpReports(from: store))   // programme follow-up + course evaluation
        // end snippet
        _ = reports
    }
}

/// Compiled, not run: the publication-memory snippet of `Docs/Privacy.md`.
func publicationMemorySnippet(store: any Store, reports: EvaluationReports, counts: SurveyCounts, now: Date, later: Date) async throws {
    // snippet: Docs/Privacy.md#2
    let memory = PublicationMemory(store: store)
    let publication = try await memory.release(from: "dist-1", title: "Medarbetarenkät", at: now) { history in
        let publication = try reports.surveyResults(counts, history: history)
        return (publication, publication.releases)
    }
    try await memory.recordReminderList(distribution: "dist-1", respondents: ["u1": 31], at: later)
    // end snippet
    _ = publication
}

/// Compiled, not run: the programme's publication-memory snippet of `Docs/Privacy.md`.
func programmeMemorySnippet(memory: PublicationMemory, reports: EvaluationReports, records: ProgrammeRecords, date: CalendarDate,
                            now: Date) async throws {
    // snippet: Docs/Privacy.md#3
    let (course, followUp) = try await memory.release(from: "programme:mdss", title: "Uppföljning MDSS", at: now) { history in
        let course = try reports.courseEvaluation(records, history: history)
        let followUp = try reports.programmeFollowUp(records, asOf: date, history: history)
        return ((course, followUp), course.releases + followUp.releases)
    }
    // end snippet
    _ = (course, followUp)
}

/// Compiled, not run: the bounds snippet of `Docs/Robustness.md`.
func boundsSnippet(export: URL, q: Questionnaire, data: Data) throws {
    // snippet: Docs/Robustness.md#1
    let reader = try CSVReader(url: export, limits: CSVLimits(maximumRecords: 50_000))
    let importer = ResponseCSVImporter(questionnaire: q, limits: CSVLimits(maximumColumns: 500))
    let report = try JSONRenderer.decode(data, maximumSectionDepth: 8)
    // end snippet
    _ = (reader, importer, report)
}
