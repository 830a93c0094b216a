import DiversityKit
import EvaluationModule
import ProgrammeToolkit

extension LikabehandlingScenario {
    /// The run's own report documents (Swedish): the project report (training days and seminar
    /// seats, reflection seminars, "(RE)Agera" coverage) and the 2008 survey's disclosure-controlled
    /// results.
    /// - Throws: the survey report's ``SurveyResultsError`` or `DisclosureError` (not expected).
    public static func reports(for outcome: LikabehandlingOutcome) throws -> [Report] {
        let unitNames = Dictionary(uniqueKeysWithValues: outcome.organisation.units.map { ($0.id, $0.name) })
        let project = ReportSection(title: "Projektet", blocks: [
            .paragraph("ESF-projekt \(outcome.programme.period), Trelleborgs kommun. \(count: outcome.distinctParticipants) medarbetare deltog (plan \(count: plannedParticipants))."),
            .table(ReportTable(id: "forvaltningar", caption: "Anställda per förvaltning",
                               columns: [ReportColumn("Förvaltning", isRowHeader: true), ReportColumn("Anställda")],
                               rows: ReportCollation(language: .swedish).sorted(outcome.staffPerAdministration.keys.map { (unitNames[$0] ?? $0.rawValue, $0) }, by: \.0).map {
                                   [.text($0.0), .integer(outcome.staffPerAdministration[$0.1] ?? 0)]
                               })),
        ])
        return [Report(title: "(o)Likabehandling – uppföljning", subtitle: "Trelleborgs kommun \(outcome.programme.period)",
                       language: .swedish, date: coverageDate,
                       sections: [project, trainingSection(outcome), reflectionSection(outcome), materialSection(outcome, unitNames: unitNames)]),
                try EvaluationReports(language: .swedish).surveyResults(outcome.survey.results, date: CalendarDate(year: 2008, month: 12, day: 31))]
    }

    static func trainingSection(_ outcome: LikabehandlingOutcome) -> ReportSection {
        let titles = seminars.map(\.title)
        return ReportSection(title: "Heldagsutbildningen", blocks: [
            .paragraph("\(outcome.trainingDays.count) utbildningsdagar med storföreläsning om kulturkompetens på förmiddagen och sex valbara seminarier på eftermiddagen (\(seminarCapacity) platser vardera). \(outcome.firstChoices) fick sitt förstahandsval, \(outcome.secondChoices) sitt andrahandsval och \(outcome.unassigned) fick ingen plats."),
            .chart(ReportChart(id: "seminarier", kind: .bar, title: "Deltagare per valbart seminarium",
                               description: titles.map { "\($0): \(count: outcome.seminarTotals[$0] ?? 0)" }.joined(separator: "; "),
                               categories: titles,
                               series: [ChartSeries(name: "Deltagare", values: titles.map { Double(outcome.seminarTotals[$0] ?? 0) })])),
            .table(ReportTable(id: "utbildningsdagar", caption: "Utbildningsdagar: deltagare och val",
                               columns: [ReportColumn("Dag", isRowHeader: true), ReportColumn("Datum"), ReportColumn("Deltagare"),
                                         ReportColumn("Förstahandsval"), ReportColumn("Andrahandsval"), ReportColumn("Utan plats")],
                               rows: outcome.trainingDays.enumerated().map { i, d in
                                   [.text("Dag \(i + 1)"), .date(d.date), .integer(d.participants),
                                    .integer(d.firstChoices), .integer(d.secondChoices), .integer(d.unassigned)]
                               })),
            .table(ReportTable(id: "platsfordelning", caption: "Platser per seminarium och utbildningsdag",
                               columns: [ReportColumn("Dag", isRowHeader: true)] + seminars.map { ReportColumn($0.title) },
                               rows: outcome.trainingDays.enumerated().map { i, d in
                                   [.text("Dag \(i + 1)")] + seminars.map { .integer(d.countsPerSeminar[$0.id] ?? 0) }
                               })),
        ])
    }

    static func reflectionSection(_ outcome: LikabehandlingOutcome) -> ReportSection {
        let byMonth = Dictionary(grouping: outcome.reflectionSessions) { String($0.date.description.prefix(7)) }
        return ReportSection(title: "Reflektionsseminarier", blocks: [
            .paragraph("\(outcome.reflectionSessions.count) reflektionsseminarier (plan \(plannedReflectionSeminars)) i \(outcome.reflectionGroups.count) grupper om \(reflectionGroupSize.lowerBound)–\(reflectionGroupSize.upperBound) personer från samma arbetsplats, med praktiska fall från verksamheten; \(count: outcome.reflectionAttendances) deltagare närvarade."),
            .table(ReportTable(id: "reflektion-per-manad", caption: "Reflektionsseminarier per månad",
                               columns: [ReportColumn("Månad", isRowHeader: true), ReportColumn("Seminarier"), ReportColumn("Närvarande")],
                               rows: byMonth.keys.sorted().map { month in
                                   [.text(month), .integer(byMonth[month]!.count), .integer(byMonth[month]!.reduce(0) { $0 + $1.attendees.count })]
                               })),
        ])
    }

    static func materialSection(_ outcome: LikabehandlingOutcome, unitNames: [ID<OrganisationUnit>: String]) -> ReportSection {
        let coverage = outcome.material.coverage
        let scope = coverage.unitsReached + coverage.unitsNotReached
        let perAdministration = Dictionary(grouping: scope) { administrationID(of: $0) }
        return ReportSection(title: "Inspirationsmaterialet (RE)Agera", blocks: [
            .paragraph("Filmer, typfall, värderingsövningar och oavslutade meningar. Presenterat och provspelat av kommunens \(outcome.material.managersPresent) chefer på ledardagen \(outcome.material.presentedOn); därefter använt på arbetsplatsträffar. Till och med \(coverageDate) har \(coverage.unitsReached.count) av \(scope.count) arbetsplatser använt materialet."),
            .table(ReportTable(id: "reagera-tackning", caption: "Användning per förvaltning",
                               columns: [ReportColumn("Förvaltning", isRowHeader: true), ReportColumn("Arbetsplatser"),
                                         ReportColumn("Har använt"), ReportColumn("Tillfällen"), ReportColumn("Andel")],
                               rows: ReportCollation(language: .swedish).sorted(Array(perAdministration.keys)) { unitNames[$0] ?? $0.rawValue }.map { admin in
                                   let units = perAdministration[admin]!
                                   let reached = units.filter { (coverage.usesPerUnit[$0] ?? 0) > 0 }.count
                                   return [.text(unitNames[admin] ?? admin.rawValue), .integer(units.count), .integer(reached),
                                           .integer(units.reduce(0) { $0 + (coverage.usesPerUnit[$1] ?? 0) }),
                                           .percent(Double(reached) / Double(units.count), digits: 0)]
                               })),
        ])
    }

    /// The evaluation module's programme follow-up (participation against the planned 3001,
    /// sessions held against the planned 26 training days and 144 reflection seminars, budget,
    /// milestones) and course evaluation (the anonymous ratings) of the stored project.
    /// - Throws: `FollowUpError.unknownProgramme` when the scenario has not run in `store`.
    public static func followUpReports(from store: any Store, asOf date: CalendarDate = endDate,
                                       language: ReportLanguage = .swedish) async throws -> [Report] {
        let records = try await ProgrammeRecords.load(programme: programmeID, from: store)
        let reports = EvaluationReports(language: language)
        return [try reports.programmeFollowUp(records, asOf: date), try reports.courseEvaluation(records, date: date)]
    }
}
