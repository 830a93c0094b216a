import DiversityKit
import EvaluationModule
import ExampleSupport
import SurveyModule

extension MDSSScenario {
    /// Why a topic got its minutes, in Swedish.
    public static func reasonText(_ reason: AllocationReason) -> String {
        switch reason {
        case .mandatoryMinimum(let m): return "obligatoriskt: minst \(m) min"
        case .ruleMinimum(let m): return "minst \(m) min enligt regel"
        case .need(let n, let r, let m): return "behov \(Int((n * 100).rounded())) % (rang \(r)): \(m) min av den fria tiden"
        case .cappedAtMaximum(let m): return "tak \(m) min"
        case .noBaselineData: return "inga resultat från nulägesmätningen"
        case .noNeed: return "inget behov i nulägesmätningen"
        case .leftoverTime(let m): return "\(m) min som inget behov tog"
        }
    }

    /// The run's own report (Swedish): the project, the baseline and the tailored base training,
    /// participation against plan, ratings, the prerequisite check and the time plan.
    public static func reports(for outcome: MDSSOutcome) -> [Report] {
        let p = outcome.programme
        // Organisations, units and participation rows are named: listed in Swedish alphabetical order.
        let swedish = ReportCollation(language: .swedish)
        let project = ReportSection(title: "Projektet", blocks: [
            .paragraph("Kompetensutvecklingsprojekt för personal och chefer i de samverkande myndigheterna. Syfte: höjd kvalitet i de tjänster organisationerna erbjuder medborgarna, ökad likabehandling och motverkad diskriminering. Projektägare: \(outcome.name(of: p.owner)). Målgrupp: \(p.targetGroup.lowercased()). Kontaktperson: \(p.contactRole ?? "")."),
            .table(ReportTable(id: "styrgrupp", caption: "Styrgrupp", columns: [ReportColumn("Roll", isRowHeader: true), ReportColumn("Organisation")],
                               rows: p.steeringGroup.map { [.text($0.role), .text(outcome.name(of: $0.organisation))] })),
            .table(ReportTable(id: "organisationer", caption: "Samverkande organisationer",
                               columns: [ReportColumn("Organisation", isRowHeader: true), ReportColumn("Enheter")],
                               rows: swedish.sorted(outcome.organisations, by: \.name).map { o in
                                   [.text(o.name), .text(swedish.sorted(o.units.filter { $0.parent == nil }.map(\.name)).joined(separator: ", "))]
                               })),
        ])
        let plan = outcome.tailoredPlan
        let tailoring = ReportSection(title: "Nulägesmätning och anpassad basutbildning", blocks: [
            .paragraph("Frågebatteriet skickades anonymt till \(outcome.surveyIssued) anställda med engångskoder per arbetsplats; \(outcome.surveyResponded) svarade. Resultaten styr hur basutbildningens \(plan.totalMinutes) minuter fördelas: diskrimineringslagen har alltid sitt minimum, resten följer behoven."),
            .table(ReportTable(id: "anpassad-plan", caption: "Anpassad basutbildning (\(plan.allottedMinutes) min)",
                               columns: [ReportColumn("Ämne", isRowHeader: true), ReportColumn("Minuter"), ReportColumn("Behov"), ReportColumn("Skäl")],
                               rows: plan.allocations.map { a in
                                   [.text(a.topic.name(in: .swedish)), .integer(a.minutes),
                                    a.need.map { .percent($0, digits: 0) } ?? .empty,
                                    .text(a.reasons.map(reasonText).joined(separator: "; "))]
                               })),
        ])
        let participation = ReportSection(title: "Deltagande mot plan", blocks: [
            .table(ReportTable(id: "deltagande", caption: "Deltagare per organisation mot planen från 2010",
                               columns: [ReportColumn("Organisation", isRowHeader: true), ReportColumn("Planerat"),
                                         ReportColumn("Deltagit"), ReportColumn("Skillnad")],
                               rows: swedish.sorted(outcome.participation.rows) { outcome.name(of: $0.organisation) }.map { r in
                                   [.text(outcome.name(of: r.organisation)), r.planned.map(ReportCell.integer) ?? .empty,
                                    .integer(r.actual), r.difference.map(ReportCell.integer) ?? .empty]
                               } + [[.text("Totalt"), .integer(outcome.participation.totalPlanned), .integer(outcome.totalParticipants),
                                     .integer(outcome.totalParticipants - outcome.participation.totalPlanned)]])),
            .paragraph("Hälsocentralerna hade inte tid eller personal att delta och ligger under planen; i övriga organisationer deltog fler än planerat."),
        ])
        let ratings = ReportSection(title: "Betyg", blocks: [
            .table(ReportTable(id: "betyg", caption: "Medelbetyg (1 = mycket dåligt, 5 = högsta betyg)",
                               columns: [ReportColumn("Insats", isRowHeader: true), ReportColumn("Innehåll"), ReportColumn("Utbildare")],
                               rows: outcome.interventions.filter { i in outcome.ratings.contains { $0.intervention == i.id } }.map { i in
                                   [.text(i.name), outcome.mean(i.id, .content).map { .decimal($0, digits: 2) } ?? .empty,
                                    outcome.mean(i.id, .trainer).map { .decimal($0, digits: 2) } ?? .empty]
                               })),
        ])
        var forum: [ReportBlock] = [.paragraph("Mångfaldsforum kräver genomförd basutbildning och genomfört ledarforum. Kraven kontrolleras vid anmälan; den som saknar något av dem avvisas.")]
        if let refusal = outcome.refusalText {
            forum.append(.note(ReportNote(.warning, refusal.prefix(1).uppercased() + refusal.dropFirst() + ".")))
        }
        forum.append(.table(ReportTable(id: "tratt", caption: "Genomförande steg för steg",
                                        columns: [ReportColumn("Steg", isRowHeader: true), ReportColumn("Genomfört")],
                                        rows: outcome.funnel.map { [.text($0.name), .integer($0.completed)] })))
        let timeline = ReportSection(title: "Tids- och aktivitetsplan", blocks: [
            .table(ReportTable(id: "milstolpar", caption: "Milstolpar",
                               columns: [ReportColumn("Milstolpe", isRowHeader: true), ReportColumn("Planerat"), ReportColumn("Genomfört"),
                                         ReportColumn("Försening (dagar)")],
                               rows: outcome.milestones.map { [.text($0.name), .date($0.planned), $0.actual.map(ReportCell.date) ?? .empty,
                                                               .integer($0.slippageDays)] })),
            .paragraph("Projektet höll tids- och aktivitetsplanen med en viss tidsförskjutning (som mest \(outcome.maximumSlippage) dagar)."),
        ])
        return [Report(title: "MDSS – Mångfaldsdriven Samhällsservice", subtitle: "Umeå \(p.period)", language: .swedish,
                       date: followUpDate, sections: [project, tailoring, participation, ratings,
                                                      ReportSection(title: "Ledarforum och Mångfaldsforum", blocks: forum), timeline])]
    }

    /// The evaluation module's documents for the stored programme: the programme follow-up
    /// (participation, the funnel to the diversity forum, sessions, milestones), the course
    /// evaluation (ratings per intervention and per facilitator) and the baseline survey results.
    /// - Throws: `FollowUpError.unknownProgramme` when the scenario has not run in `store`, and the
    ///   survey and statistics errors.
    public static func followUpReports(from store: any Store, language: ReportLanguage = .swedish) async throws -> [Report] {
        let records = try await ProgrammeRecords.load(programme: programmeID, from: store)
        let reports = EvaluationReports(language: language)
        let survey = SurveyService(store: store, secret: ExampleTokenSecret.value)
        guard let battery = try await survey.latestVersion(of: "mdss-nulagesmatning") else {
            throw FollowUpError.unknownProgramme(programmeID)
        }
        let responses = try await survey.responsesInFixedOrder(to: battery.reference)
        let unitNames = Dictionary(records.organisations.flatMap { o in o.units.map { ($0.id, $0.name) } }, uniquingKeysWith: { a, _ in a })
        let input = try SurveyResultsInput(questionnaire: battery, responses: responses, language: language, unitNames: unitNames)
        return [try reports.programmeFollowUp(records, asOf: followUpDate, funnelEndingAt: diversityForum),
                try reports.courseEvaluation(records, date: followUpDate),
                try reports.surveyResults(input, date: surveyCloses)]
    }
}
