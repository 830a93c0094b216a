import DiversityKit
import ProgrammeToolkit

extension OmvantMentorskapScenario {
    /// The run's report documents (Swedish): the project, mentoring, conferences and action
    /// plans, and accessibility. People appear only as "Mentor 3" or "Adept 12", numbered in the
    /// order of their pseudonymous references; no record key is shown.
    public static func reports(for outcome: OmvantMentorskapOutcome) -> [Report] {
        let p = outcome.programme
        let person = personLabels(outcome)
        let organisationNames = Dictionary(outcome.organisations.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        let goalTitles = Dictionary(outcome.goals.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let pairs = Dictionary(outcome.pairs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let pairName = { (id: ID<MentoringPair>) -> String in
            guard let pair = pairs[id] else { return "Par" }
            return "\(person[pair.mentor] ?? "Mentor") och \((person[pair.adept] ?? "adept").lowercased())"
        }
        let venueNames = Dictionary(outcome.venues.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let project = ReportSection(title: "Projektet", blocks: [
            .paragraph("ESF-projekt inom programområde 1 (kompetensförsörjning), region Sydsverige. Projektägare: \(outcome.ownerUnitName), Kristianstads kommun, i samverkan med Centralsjukhuset Kristianstad."),
            .table(ReportTable(id: "projekt", caption: "Nyckeltal", columns: [ReportColumn("Uppgift", isRowHeader: true), ReportColumn("Värde")], rows: [
                [.text("ESF-stöd"), .money(p.totalFunding)],
                [.text("Total budget"), .money(p.totalBudget)],
                [.text("Projektstart"), .date(p.period.start)],
                [.text("Projektslut"), .date(p.period.end)],
                [.text("Faser"), .text(p.phases.map { $0.kind == .mobilisation ? "mobilisering \($0.period)" : "genomförande \($0.period)" }.joined(separator: ", "))],
                [.text("Aktörer"), .text(ReportCollation(language: .swedish).sorted(outcome.organisations.map(\.name)).joined(separator: ", "))],
            ])),
            .table(ReportTable(id: "budget", caption: "Budget per kostnadsslag",
                               columns: [ReportColumn("Kostnadsslag", isRowHeader: true), ReportColumn("Planerat")],
                               rows: p.budget.map { [.text($0.label), .money($0.planned)] } + [[.text("Summa"), .money(p.totalBudget)]])),
        ], subsections: [ReportSection(title: "Mål", blocks: [.list(outcome.goals.map(\.title))])])
        let mentoring = ReportSection(title: "Omvänt mentorskap", blocks: [
            .paragraph("\(outcome.mentors.count) mentorer (medarbetare) och \(outcome.adepts.count) adepter (ledare och nyckelpersoner). Matchningen är optimal: först så många par som reglerna tillåter, sedan största sammanlagda passning. Ingen mentor och adept i samma enhet eller rapporteringslinje."),
            .table(ReportTable(id: "mentorpar", caption: "Mentorpar och varför de matchades",
                               columns: [ReportColumn("Adept", isRowHeader: true), ReportColumn("Mentor"), ReportColumn("Poäng"), ReportColumn("Förklaring")],
                               rows: outcome.pairs.map { [.text(person[$0.adept] ?? "Adept"), .text(person[$0.mentor] ?? "Mentor"), .integer($0.score),
                                                          .text($0.components.map { $0.text(.swedish, organisationNames: organisationNames) }
                                                              .joined(separator: "; "))] },
                               footnotes: outcome.matching.unmatchedAdepts.isEmpty ? [] :
                                   ["Utan mentor: " + outcome.matching.unmatchedAdepts.map { person[$0] ?? "adept" }.joined(separator: ", ")])),
            .table(ReportTable(id: "moten", caption: "Uppföljning av möten \(followUpDate)",
                               columns: [ReportColumn("Par", isRowHeader: true), ReportColumn("Planerade"), ReportColumn("Genomförda"),
                                         ReportColumn("Inställda"), ReportColumn("Behöver kontakt")],
                               rows: outcome.followUp.map { [.text(pairName($0.pair)), .integer($0.planned), .integer($0.held),
                                                            .integer($0.cancelled), .text($0.needsAttention ? "ja" : "nej")] })),
        ])
        let conferences = ReportSection(title: "Sök- och dialogkonferenser och handlingsplaner", blocks: [
            .paragraph("\(outcome.conferences.count) konferenser gav \(outcome.measures.count) åtgärder i \(outcome.actionPlans.count) handlingsplaner, var och en kopplad till ett av projektets mål."),
            .table(ReportTable(id: "atgarder", caption: "Åtgärder från konferenserna",
                               columns: [ReportColumn("Åtgärd", isRowHeader: true), ReportColumn("Ansvarig"), ReportColumn("Senast"), ReportColumn("Mål")],
                               rows: outcome.measures.map { m in
                                   [.text(m.title), .text(m.responsibleRole ?? ""), m.deadline.map(ReportCell.date) ?? .empty,
                                    .text(m.linkedGoals.map { goalTitles[$0] ?? "–" }.joined(separator: "; "))]
                               })),
        ])
        let checklist = AccessibilityChecklist.standard
        let accessibility = ReportSection(title: "Tillgänglighet", blocks: [
            .table(ReportTable(id: "lokaler", caption: "Lokaler inventerade mot checklistan",
                               columns: [ReportColumn("Lokal", isRowHeader: true)] + AccessibilityPerspective.allCases.map { ReportColumn($0.text(.swedish)) },
                               rows: ReportCollation(language: .swedish).sorted(outcome.venues, by: \.name).map { v in
                                   [.text(v.name)] + AccessibilityPerspective.allCases.map { perspective in
                                       let all = checklist.criteria(in: perspective)
                                       return .text("\(all.filter { v.accessibilityMet.contains($0.code) }.count)/\(all.count)")
                                   }
                               })),
        ] + outcome.sessionsAtRisk.map { risk in
            .note(ReportNote(.warning, "Upptäckt vid kontrollen \(accessibilityCheckDate): "
                + risk.text(.swedish, venueName: risk.venue.flatMap { venueNames[$0] })))
        }
          + [.note(ReportNote(.info, "\(outcome.requestsPurged) önskemål raderades efter genomförda tillfällen; önskemål redovisas aldrig per person."))],
          subsections: [ReportSection(title: "Funktionshindersperspektivet", blocks: [.list(outcome.disabilityDimensions)])])
        return [Report(title: "Omvänt Mentorskap – uppföljning", subtitle: "Kristianstad \(p.period)", language: .swedish,
                       date: p.period.end, sections: [project, mentoring, conferences, accessibility])]
    }

    /// "Mentor 1" … and "Adept 1" …, numbered in the order of the profiles' pseudonymous references.
    static func personLabels(_ outcome: OmvantMentorskapOutcome) -> [ID<Participant>: String] {
        var labels: [ID<Participant>: String] = [:]
        for (side, profiles) in [("Mentor", outcome.mentors), ("Adept", outcome.adepts)] {
            for (i, profile) in profiles.sorted(by: { $0.participant < $1.participant }).enumerated() {
                labels[profile.participant] = "\(side) \(i + 1)"
            }
        }
        return labels
    }
}
