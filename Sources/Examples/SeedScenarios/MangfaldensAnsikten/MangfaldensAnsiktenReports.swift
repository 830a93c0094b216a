import DiversityKit
import ProgrammeToolkit

extension MangfaldensAnsiktenScenario {
    /// The run's report documents (Swedish): the partnership, Experimentverkstaden,
    /// Erfarenhetsdialogen and the ambassadors.
    public static func reports(for outcome: MangfaldensAnsiktenOutcome) -> [Report] {
        let names = Dictionary(uniqueKeysWithValues: outcome.organisations.map { ($0.id, $0.name) })
        let titles = Dictionary(uniqueKeysWithValues: (outcome.applications + outcome.refusals.map(\.application)).map { ($0.id, $0.title) })
        let partnership = ReportSection(title: "Utvecklingspartnerskapet", blocks: [
            .paragraph("\(outcome.organisations.count) aktörer från offentlig och privat sektor, föreningsliv och fackförbund; \(count: outcome.staffCount) anställda registrerade från aktörernas personalregister."),
            .table(ReportTable(id: "aktorer", caption: "Aktörer",
                               columns: [ReportColumn("Aktör", isRowHeader: true), ReportColumn("Slag"), ReportColumn("Kommun"), ReportColumn("Anställda")],
                               rows: ReportCollation(language: .swedish).sorted(outcome.organisations, by: \.name).map { o in
                                   [.text(o.name), .text(kindLabel(o.kind)), .text(o.municipality ?? ""), .integer(outcome.staffPerOrganisation[o.id] ?? 0)]
                               })),
            .note(ReportNote(.info, outcome.transnationalNote)),
        ])
        let grants = ReportSection(title: "Experimentverkstaden", blocks: [
            .paragraph("Budget \(kronor: outcome.fund.budget); \(outcome.applications.count) ansökningar prövades, \(outcome.decisions.filter(\.isGranted).count) beviljades med sammanlagt \(kronor: outcome.totalGranted)."),
            .table(ReportTable(id: "beslut", caption: "Rangordning och beslut",
                               columns: [ReportColumn("Ansökan", isRowHeader: true), ReportColumn("Sökande"), ReportColumn("Rang"),
                                         ReportColumn("Poäng"), ReportColumn("Sökt"), ReportColumn("Beviljat")],
                               rows: outcome.decisions.map { d in
                                   let a = outcome.applications.first { $0.id == d.application }
                                   return [.text(titles[d.application] ?? d.application.rawValue), .text(a.map { names[$0.applicant] ?? $0.applicant.rawValue } ?? ""),
                                           .integer(d.rank), .decimal(Double(d.scoreMilli) / 1000, digits: 1),
                                           a.map { .money($0.requested) } ?? .empty, .money(d.granted)]
                               })),
            .table(ReportTable(id: "spridning", caption: "Spridning av resultat",
                               columns: [ReportColumn("Projekt", isRowHeader: true), ReportColumn("Planerade tillfällen"), ReportColumn("Genomförda")],
                               rows: outcome.dissemination.map { [.text(titles[$0.application] ?? $0.application.rawValue), .integer($0.planned), .integer($0.held)] })),
        ] + outcome.refusals.map { .note(ReportNote(.warning, "Avvisad vid inlämning: \($0.text).")) })
        let dialogue = ReportSection(title: "Erfarenhetsdialogen", blocks: [
            .table(ReportTable(id: "seminarier", caption: "Seminarier",
                               columns: [ReportColumn("Seminarium", isRowHeader: true), ReportColumn("Målgrupp"), ReportColumn("Datum"),
                                         ReportColumn("Anmälda"), ReportColumn("Deltog")],
                               rows: outcome.seminars.map { [.text($0.title), .text($0.audience), .date($0.date), .integer($0.enrolled), .integer($0.attended)] })),
        ])
        let workshopsPer = Dictionary(grouping: outcome.workshops, by: \.ambassador)
        let coverage = outcome.coverage
        let ambassadors = ReportSection(title: "Mångfaldsambassadörer", blocks: [
            .paragraph("Norrköpings kommun har utbildat \(outcome.ambassadors.count) mångfaldsambassadörer som håller workshops kring filmen Blåögd. Mål: en ambassadör i varje kommun i länet – \(coverage.covered.count) av \(coverage.covered.count + coverage.uncovered.count) kommuner nås."),
            .chart(ReportChart(id: "tackning", kind: .bar, title: "Ambassadörer per kommun",
                               description: "Antal utbildade ambassadörer i var och en av Östergötlands 13 kommuner",
                               categories: countyMunicipalities,
                               series: [ChartSeries(name: "Ambassadörer", values: countyMunicipalities.map { Double(coverage.ambassadorsPerMunicipality[$0] ?? 0) })])),
            .table(ReportTable(id: "workshops", caption: "Workshops per ambassadör",
                               columns: [ReportColumn("Ambassadör", isRowHeader: true), ReportColumn("Kommun"), ReportColumn("Workshops"), ReportColumn("Deltagare")],
                               rows: outcome.ambassadors.sorted { $0.id < $1.id }.enumerated().map { index, a in
                                   let held = workshopsPer[a.id] ?? []
                                   return [.text("Ambassadör \(index + 1)"), .text(a.municipality), .integer(held.count), .integer(held.reduce(0) { $0 + $1.participantCount })]
                               })),
            .note(ReportNote(coverage.goalMet ? .info : .warning, "Kommuner utan ambassadör: " + ReportCollation(language: .swedish).sorted(coverage.uncovered).joined(separator: ", "))),
        ])
        return [Report(title: "Mångfaldens ansikten – uppföljning", subtitle: "Östergötland \(outcome.programme.period)", language: .swedish,
                       date: outcome.programme.period.end, sections: [partnership, grants, dialogue, ambassadors])]
    }

    static func kindLabel(_ kind: OrganisationKind) -> String {
        switch kind {
        case .municipality: return "Kommun"
        case .region: return "Region"
        case .stateAgency: return "Statlig myndighet"
        case .coordinationAssociation: return "Samordningsförbund"
        case .privateCompany: return "Privat företag"
        case .association: return "Förening"
        case .tradeUnion: return "Fackförbund"
        case .other: return "Övrigt"
        }
    }
}
