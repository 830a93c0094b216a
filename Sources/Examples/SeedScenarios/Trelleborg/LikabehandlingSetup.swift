import DiversityKit

/// The fixed facts of (o)Likabehandling (Trelleborg): the municipality's administrations and
/// workplaces, the ESF project and its interventions.
extension LikabehandlingScenario {
    /// Trelleborgs kommun.
    public static let municipality: ID<Organisation> = "trelleborgs-kommun"
    /// The full-day training's plenary lecture (storföreläsning om kulturkompetens).
    public static let plenaryIntervention: ID<Intervention> = "heldag-storforelasning"
    /// The reflection seminars (reflektionsseminarier).
    public static let reflectionIntervention: ID<Intervention> = "reflektionsseminarier"
    /// The elective group every afternoon seminar belongs to: one per participant.
    public static let electiveGroup = "eftermiddagsseminarium"
    /// The project's first day, 2009-09-01.
    public static let startDate = CalendarDate(year: 2009, month: 9, day: 1)!
    /// The project's last day, 2011-08-31.
    public static let endDate = CalendarDate(year: 2011, month: 8, day: 31)!
    /// The first day reflection seminars may be held: 2010-04-01.
    public static let reflectionStart = CalendarDate(year: 2010, month: 4, day: 1)!
    /// The last day reflection seminars may be held: 2011-06-30.
    public static let reflectionEnd = CalendarDate(year: 2011, month: 6, day: 30)!
    /// Seats per elective seminar on a training day.
    public static let seminarCapacity = 22
    /// Reflection group size limits (mindre grupper).
    public static let reflectionGroupSize = 12...25

    /// One workplace (arbetsplats) and its headcount in the HR roster.
    struct Workplace {
        var id: ID<OrganisationUnit>
        var name: String
        var headcount: Int
    }

    /// One administration (förvaltning) and its workplaces.
    struct Administration {
        var id: ID<OrganisationUnit>
        var name: String
        var workplaces: [Workplace]
    }

    // Headcounts sum to the seed's 3001; with groups of at most 25 kept within workplaces they
    // make exactly the 144 reflection groups, one seminar each.
    static let administrations: [Administration] = [
        admin("klf", "Kommunledningsförvaltningen", [("kommunledningskontoret", "Kommunledningskontoret", 51), ("ekonomi", "Ekonomiavdelningen", 35),
                                                     ("personal", "Personalavdelningen", 30), ("kontaktcenter", "Kontaktcenter", 22)]),
        admin("revision", "Kommunrevisionen", [("revisionskontoret", "Revisionskontoret", 4)]),
        admin("buf", "Barn- och utbildningsförvaltningen", [
            ("forskolor-centrum", "Förskolorna centrum", 116), ("forskolor-vast", "Förskolorna väster", 96),
            ("forskolor-ost", "Förskolorna öster", 76), ("grundskolor-centrum", "Grundskolorna centrum", 154),
            ("grundskolor-vast", "Grundskolorna väster", 136), ("grundskolor-ost", "Grundskolorna öster", 104),
            ("gymnasiet", "Gymnasieskolan", 175), ("musikskolan", "Musikskolan", 27), ("elevhalsan", "Elevhälsan", 38),
            ("buf-kansli", "Förvaltningskansliet BUF", 33)]),
        admin("omf", "Omsorgsförvaltningen", [
            ("hemtjanst-centrum", "Hemtjänsten centrum", 151), ("hemtjanst-anderslov", "Hemtjänsten Anderslöv", 74),
            ("hemtjanst-skegrie", "Hemtjänsten Skegrie", 61), ("boende-centrum", "Särskilt boende centrum", 126),
            ("boende-vast", "Särskilt boende väster", 100), ("boende-ost", "Särskilt boende öster", 91),
            ("lss", "LSS-verksamheten", 138), ("daglig-verksamhet", "Daglig verksamhet", 53),
            ("hemsjukvard", "Hemsjukvården", 71), ("omf-kansli", "Förvaltningskansliet OMF", 25)]),
        admin("sof", "Socialförvaltningen", [
            ("ifo", "Individ- och familjeomsorgen", 101), ("forsorjningsstod", "Försörjningsstöd", 52),
            ("beroende", "Beroendeenheten", 36), ("socialpsykiatri", "Socialpsykiatrin", 46), ("sof-kansli", "Förvaltningskansliet SOF", 20)]),
        admin("aof", "Arbete och försörjning", [("arbetsmarknad", "Arbetsmarknadsenheten", 49), ("vuxenutbildning", "Vuxenutbildningen", 42),
                                                ("flyktingmottagning", "Flyktingmottagningen", 28)]),
        admin("kff", "Kultur- och fritidsförvaltningen", [("bibliotek", "Biblioteken", 50), ("fritidsgardar", "Fritidsgårdarna", 33),
                                                          ("idrott", "Idrotts- och simanläggningar", 41), ("museum", "Trelleborgs museum", 19)]),
        admin("sbf", "Samhällsbyggnadsförvaltningen", [
            ("gata-park", "Gata och park", 91), ("kost", "Kostenheten", 126), ("lokalvard", "Lokalvården", 101),
            ("fastighet", "Fastighetsenheten", 46), ("plan-bygg", "Plan och bygg", 27), ("raddningstjanst", "Räddningstjänsten", 76),
            ("miljo", "Miljöenheten", 30)]),
    ]

    private static func admin(_ id: String, _ name: String, _ workplaces: [(String, String, Int)]) -> Administration {
        Administration(id: ID("trb-\(id)"), name: name,
                       workplaces: workplaces.map { Workplace(id: ID("trb-\($0.0)"), name: $0.1, headcount: $0.2) })
    }

    /// Every workplace, in roster order.
    static var workplaces: [Workplace] { administrations.flatMap(\.workplaces) }

    /// The administration a workplace belongs to.
    static func administration(of workplace: ID<OrganisationUnit>) -> Administration? {
        administrations.first { $0.workplaces.contains { $0.id == workplace } }
    }

    static func organisation() -> Organisation {
        var units: [OrganisationUnit] = []
        for a in administrations {
            units.append(OrganisationUnit(id: a.id, name: a.name))
            for w in a.workplaces { units.append(OrganisationUnit(id: w.id, name: w.name, parent: a.id)) }
        }
        return Organisation(id: municipality, name: "Trelleborgs kommun", kind: .municipality,
                            municipality: "Trelleborg", county: "Skåne", units: units)
    }

    static func programme() throws -> Programme {
        Programme(
            id: programmeID, name: "(o)Likabehandling", owner: municipality, period: try DatePeriod(start: startDate, end: endDate),
            phases: [Phase(kind: .implementation, period: try DatePeriod("2009-09-01", "2011-05-31")),
                     Phase(kind: .closing, period: try DatePeriod("2011-06-01", "2011-08-31"))],
            funding: [FundingSource(kind: .esfGrant, name: "Europeiska socialfonden, kompetensutveckling av anställda", amount: esfGrant)],
            budget: [BudgetLine(category: .salaries, label: "Projektledning och processledare", planned: Money(kronor: 2_150_000), outcome: Money(kronor: 2_118_740)),
                     BudgetLine(category: .consultants, label: "Föreläsare och seminarieledare, heldagsutbildningen", planned: Money(kronor: 1_020_000), outcome: Money(kronor: 1_004_500)),
                     BudgetLine(category: .venuesTravelOther, label: "Lokaler och inspirationsmaterialet (RE)Agera", planned: Money(kronor: 480_000), outcome: Money(kronor: 452_310))],
            steeringGroup: [SteeringGroupMember(role: "Kommundirektör (ordförande)", organisation: municipality),
                            SteeringGroupMember(role: "Personalchef", organisation: municipality),
                            SteeringGroupMember(role: "Förvaltningschef Arbete och försörjning", organisation: municipality),
                            SteeringGroupMember(role: "Facklig företrädare", organisation: municipality)],
            targetGroup: "Samtliga anställda i Trelleborgs kommun",
            plannedParticipants: [municipality: plannedParticipants],
            milestones: [Milestone(name: "Heldagsutbildningen genomförd", planned: try CalendarDate("2010-03-31"), actual: trainingDates.last),
                         Milestone(name: "Reflektionsseminarierna genomförda", planned: reflectionEnd, actual: reflectionDates.last)],
            contactRole: "Projektledare, Arbete och försörjning")
    }

    static func interventions() -> [Intervention] {
        [Intervention(id: plenaryIntervention, programme: programmeID, name: "Heldagsutbildning: storföreläsning om kulturkompetens",
                      kind: .lecture, topics: ["kulturkompetens", "likabehandling"], plannedDurationMinutes: 180,
                      plannedSessions: trainingDayCount),
         Intervention(id: reflectionIntervention, programme: programmeID, name: "Reflektionsseminarier",
                      kind: .reflectionSeminar, topics: ["attityder", "värderingar", "praktiska fall"],
                      plannedDurationMinutes: 180, plannedSessions: plannedReflectionSeminars)]
            + seminars.map { s in
                Intervention(id: electiveIntervention(s.id), programme: programmeID, name: "Valbart seminarium: \(s.title)",
                             kind: .electiveSeminar, topics: [s.id], plannedDurationMinutes: 150,
                             plannedSessions: trainingDayCount, electiveGroup: electiveGroup)
            }
    }

    /// The intervention of an elective seminar.
    public static func electiveIntervention(_ seminar: String) -> ID<Intervention> { ID("valbart-\(seminar)") }
}
