import DiversityKit
import EvaluationModule
import ExampleSupport

extension VervaScenario {
    /// The run's own report (Swedish), in the shape of the interim report: roles, the
    /// authorities per county, goals and the audit's findings, the 2006 economy and the networks.
    public static func reports(for outcome: VervaOutcome) -> [Report] {
        let p = outcome.programme
        let roles = ReportSection(title: "Roller och ansvar", blocks: [
            .list(["Verva leder och samordnar projektet, ger metodstöd (Snäckmodellen och Modell för uppföljning av mångfaldsarbete), skapar erfarenhetsutbyte och följer upp.",
                   "DO och Integrationsverket erbjuder kunskapsstöd: seminarier om diskrimineringslagstiftning, aktiva åtgärder, integration och mångfald.",
                   "Länsstyrelserna i \(outcome.counties.joined(separator: ", ")) samordnar de deltagande myndigheterna i sina län.",
                   "Varje deltagande myndighet formulerar mål för sin medverkan och följer själv upp sitt arbete."]),
            .table(ReportTable(id: "myndigheter", caption: "Deltagande myndigheter per län",
                               columns: [ReportColumn("Län", isRowHeader: true), ReportColumn("Myndigheter"), ReportColumn("Samordnas av")],
                               rows: counties.map { c in [.text(c.name), .integer(c.participants.count), .text(c.boardName)] }
                                   + [[.text("Totalt"), .integer(outcome.authorities.count), .empty]])),
        ])
        let levels: [(GoalLevel, String)] = [(.vision, "Vision"), (.overall, "Övergripande"), (.measurable, "Mätbara")]
        let goals = ReportSection(title: "Mål", blocks: [
            .paragraph("Myndigheterna har formulerat mål inom de fyra fokusområdena \(FocusArea.allCases.map { focusName[$0]! }.joined(separator: ", ")). De länsövergripande målen har extraherats från myndigheternas egna målsättningar."),
            .table(ReportTable(id: "mal-per-niva", caption: "Myndigheternas mål per nivå",
                               columns: [ReportColumn("Nivå", isRowHeader: true), ReportColumn("Mål")],
                               rows: levels.map { level, name in [.text(name), .integer(outcome.goals.filter { $0.level == level }.count)] })),
            .table(ReportTable(id: "lansovergripande-mal", caption: "Länsövergripande mål",
                               columns: [ReportColumn("Län", isRowHeader: true), ReportColumn("Mål")],
                               rows: outcome.countyGoals.map { g in
                                   [.text(counties.first { $0.board == g.owner }?.name ?? g.owner.rawValue), .text(g.title)]
                               })),
        ])
        let audit = outcome.audit
        let findings = ReportSection(title: "Granskning av målformuleringarna", blocks: [
            .table(ReportTable(id: "granskning", caption: "Mål och åtgärder", columns: [ReportColumn("Iakttagelse", isRowHeader: true), ReportColumn("Antal"), ReportColumn("Myndigheter")], rows: [
                [.text("Mål utan kopplade konkreta åtgärder"), .integer(audit.goalsWithoutMeasures.count), .integer(outcome.authoritiesWithoutMeasures.count)],
                [.text("Aktiviteter utan koppling till mål"), .integer(audit.measuresWithoutGoal.count), .integer(outcome.authoritiesWithUnlinkedActivities.count)],
                [.text("Mätbara mål utan nulägesanalys"), .integer(audit.goalsWithoutBaseline.count), .empty],
                [.text("Myndigheter med nulägesanalys (av \(outcome.authorities.count))"), .empty, .integer(outcome.authoritiesWithBaseline.count)],
                [.text("Åtgärder efter sista datum"), .integer(audit.overdueMeasures.count), .empty],
            ])),
            .paragraph("Vissa målformuleringar tyder på att vision och målsättning finns men att inga konkreta åtgärder är kopplade till dem; andra på att aktiviteter utförs utan koppling till mål. Eftersom endast ett fåtal myndigheter har gjort nulägesanalyser blir det svårt att senare fastställa effekter."),
        ])
        let economy = ReportSection(title: "Projektets ekonomi 2006", blocks: [
            .table(ReportTable(id: "ekonomi", caption: "Budget och utfall 2006",
                               columns: [ReportColumn("Post", isRowHeader: true), ReportColumn("Budget"), ReportColumn("Förbrukat"), ReportColumn("Ej förbrukat")],
                               rows: p.budget.map { line in
                                   [.text(line.label), .money(line.planned), line.outcome.map(ReportCell.money) ?? .empty,
                                    line.outcome.map { .money(line.planned - $0) } ?? .empty]
                               }
                                   + [[.text("Summa"), .money(outcome.budget.totalPlanned), outcome.budget.totalOutcome.map(ReportCell.money) ?? .empty,
                                       outcome.budget.totalOutcome.map { .money(outcome.budget.totalPlanned - $0) } ?? .empty]])),
            .table(ReportTable(id: "bidrag", caption: "Bidrag till länsstyrelserna",
                               columns: [ReportColumn("Län", isRowHeader: true), ReportColumn("Projektledare från"), ReportColumn("Bidrag"),
                                         ReportColumn("Förbrukat"), ReportColumn("Ej förbrukat")],
                               rows: outcome.grants.map { [.text($0.county), .date($0.projectManagerFrom), .money($0.granted), .money($0.spent), .money($0.unspent)] })),
            .paragraph("Verva disponerade \(ExampleSummary.kronor(outcome.budget.totalFunding)) för 2006. Länsstyrelserna hade vid årets slut inte bokfört \(ExampleSummary.kronor(outcome.unspentGrants)) som förbrukade, främst därför att de regionala projektledarna i vissa fall inte rekryterades förrän under senvåren eller sommaren; insatser för medlen är planerade för 2007."),
            .note(ReportNote(.info, "Budgetposterna summerar till \(ExampleSummary.kronor(outcome.budget.totalPlanned)); \(ExampleSummary.kronor(outcome.unallocated)) av anslaget är inte fördelade på någon post i redovisningen.")),
        ])
        let networks = ReportSection(title: "Samverkan och nätverk", blocks: [
            .table(ReportTable(id: "natverk", caption: "Nätverk och möten till och med \(meetingsRecordedUntil)",
                               columns: [ReportColumn("Nätverk", isRowHeader: true), ReportColumn("Var n:e vecka"), ReportColumn("Medlemmar"),
                                         ReportColumn("Möten"), ReportColumn("Närvaro"), ReportColumn("Nästa möte")],
                               rows: outcome.networks.map { n in
                                   [.text(n.series.name), .integer(n.series.everyWeeks), .integer(n.series.members.count), .integer(n.held),
                                    .percent(n.meanAttendance, digits: 0), n.next.map(ReportCell.date) ?? .empty]
                               })),
            .paragraph("Nätverksträffar hålls var fjärde vecka i varje län. Projektledarmöten äger rum över telefon varannan vecka och i Stockholm varannan månad."),
        ])
        return [Report(title: "Regionalt utvecklingsprojekt om mångfald och antidiskriminering – delredovisning",
                       subtitle: "Verva, \(p.period)", language: .swedish, date: followUpDate,
                       sections: [roles, goals, findings, economy, networks])]
    }

    /// The evaluation module's programme follow-up (budget against outcome, funding, milestones)
    /// and goal follow-up (goals, the goal–measure audit) of the stored project.
    /// - Throws: `FollowUpError.unknownProgramme` when the scenario has not run in `store`.
    public static func followUpReports(from store: any Store, language: ReportLanguage = .swedish) async throws -> [Report] {
        try await FollowUpReports.build(programme: programmeID, from: store, asOf: followUpDate, language: language)
    }
}
