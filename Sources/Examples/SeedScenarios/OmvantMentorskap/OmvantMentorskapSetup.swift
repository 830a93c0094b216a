import DiversityKit

/// The fixed facts of Omvänt Mentorskap (Kristianstad), from the project's ESF application.
extension OmvantMentorskapScenario {
    /// Kristianstads kommun.
    public static let municipality: ID<Organisation> = "kristianstads-kommun"
    /// Centralsjukhuset Kristianstad, a unit of the region.
    public static let hospital: ID<Organisation> = "centralsjukhuset-kristianstad"
    /// The owning unit: the HR and work environment unit (HR- och arbetsmiljöenheten).
    public static let ownerUnit: ID<OrganisationUnit> = "ks-hr-arbetsmiljo"
    /// The ESF grant, which is also the total budget: 4 251 631 kr.
    public static let esfGrant = Money(kronor: 4_251_631)
    /// The mentoring intervention.
    public static let mentoringIntervention: ID<Intervention> = "omvant-mentorskap"
    /// The conference intervention.
    public static let conferenceIntervention: ID<Intervention> = "sok-och-dialogkonferenser"
    /// The three goals: receiving capacity, insight, ability to act.
    public static let goalIDs: [ID<Goal>] = ["mottagningskapacitet", "insikt", "handlingsformaga"]

    static func organisations() -> [Organisation] {
        [Organisation(id: municipality, name: "Kristianstads kommun", kind: .municipality,
                      municipality: "Kristianstad", county: "Skåne", units: [
                          .init(id: "ks-kommunledning", name: "Kommunledningskontoret"),
                          .init(id: ownerUnit, name: "HR- och arbetsmiljöenheten", parent: "ks-kommunledning"),
                          .init(id: "ks-vard-omsorg", name: "Vård- och omsorgsförvaltningen"),
                          .init(id: "ks-hemtjanst", name: "Hemtjänsten", parent: "ks-vard-omsorg"),
                          .init(id: "ks-sarskilt-boende", name: "Särskilt boende", parent: "ks-vard-omsorg"),
                          .init(id: "ks-barn-utbildning", name: "Barn- och utbildningsförvaltningen"),
                          .init(id: "ks-grundskola", name: "Grundskolan", parent: "ks-barn-utbildning"),
                          .init(id: "ks-forskola", name: "Förskolan", parent: "ks-barn-utbildning"),
                          .init(id: "ks-arbete-valfard", name: "Arbete och välfärd"),
                          .init(id: "ks-c4-teknik", name: "C4 Teknik"),
                      ]),
         Organisation(id: hospital, name: "Centralsjukhuset Kristianstad (Region Skåne)", kind: .region,
                      municipality: "Kristianstad", county: "Skåne", units: [
                          .init(id: "csk-ledning", name: "Sjukhusledningen"),
                          .init(id: "csk-medicin", name: "Medicinkliniken", parent: "csk-ledning"),
                          .init(id: "csk-medicin-avd", name: "Medicinavdelning", parent: "csk-medicin"),
                          .init(id: "csk-akut", name: "Akutmottagningen", parent: "csk-ledning"),
                          .init(id: "csk-kirurgi", name: "Kirurgiska kliniken", parent: "csk-ledning"),
                          .init(id: "csk-psykiatri", name: "Psykiatrin", parent: "csk-ledning"),
                          .init(id: "csk-service", name: "Service och lokalvård"),
                      ])]
    }

    static func programme() throws -> Programme {
        Programme(
            id: programmeID, name: "Omvänt Mentorskap", owner: municipality, partners: [hospital],
            period: try DatePeriod("2012-02-01", "2013-12-31"),
            phases: [Phase(kind: .mobilisation, period: try DatePeriod("2012-02-01", "2012-06-30")),
                     Phase(kind: .implementation, period: try DatePeriod("2012-07-01", "2013-12-31"))],
            funding: [FundingSource(kind: .esfGrant, name: "ESF programområde 1 – kompetensförsörjning, region Sydsverige",
                                    amount: esfGrant)],
            budget: [BudgetLine(category: .salaries, label: "Projektledning och projektpersonal", planned: Money(kronor: 2_480_000), outcome: Money(kronor: 2_431_560)),
                     BudgetLine(category: .consultants, label: "Processledare för sök- och dialogkonferenser", planned: Money(kronor: 905_000), outcome: Money(kronor: 897_400)),
                     BudgetLine(category: .venuesTravelOther, label: "Lokaler, resor, tillgänglighetsanpassning", planned: Money(kronor: 526_631), outcome: Money(kronor: 488_215)),
                     BudgetLine(category: .indirectCosts, label: "Indirekta kostnader", planned: Money(kronor: 340_000), outcome: Money(kronor: 340_000))],
            steeringGroup: [SteeringGroupMember(role: "Personaldirektör (ordförande)", organisation: municipality),
                            SteeringGroupMember(role: "HR-chef", organisation: hospital),
                            SteeringGroupMember(role: "Förvaltningschef vård och omsorg", organisation: municipality),
                            SteeringGroupMember(role: "Facklig företrädare", organisation: municipality)],
            targetGroup: "Medarbetare, ledare och nyckelpersoner i Kristianstads kommun och Centralsjukhuset Kristianstad",
            plannedParticipants: [municipality: 26, hospital: 18],
            milestones: [Milestone(name: "Mobilisering klar", planned: try CalendarDate("2012-06-30"), actual: try CalendarDate("2012-06-29")),
                         Milestone(name: "Mentorpar matchade", planned: try CalendarDate("2012-08-31"), actual: try CalendarDate("2012-09-07")),
                         Milestone(name: "Handlingsplaner antagna", planned: try CalendarDate("2013-01-31"), actual: try CalendarDate("2013-01-31"))],
            contactRole: "Projektledare, HR- och arbetsmiljöenheten")
    }

    static func goals() -> [Goal] {
        let titles = ["Ökad mottagningskapacitet hos individer och organisationer",
                      "Ökad insikt: kunskap, medvetenhet och förståelse",
                      "Ökad handlingsförmåga: inkluderande arbetssätt i vardagen"]
        return zip(goalIDs, titles).map {
            Goal(id: $0, programme: programmeID, owner: municipality, level: .overall, title: $1)
        }
    }

    static func interventions() -> [Intervention] {
        [Intervention(id: mentoringIntervention, programme: programmeID, name: "Omvänt mentorskap",
                      kind: .mentoringProgramme, topics: ["mångfald", "inkludering", "ledarskap"],
                      targetRoles: [.mentor, .adept]),
         Intervention(id: conferenceIntervention, programme: programmeID, name: "Sök- och dialogkonferenser",
                      kind: .dialogueConference, topics: ["perspektiv", "handlingsplaner"],
                      plannedDurationMinutes: 360, plannedSessions: 4)]
    }

    /// The disability perspective in its three dimensions (funktionshindersperspektivet).
    public static let disabilityDimensions = [
        "Deltagarna: lokaler, information, kommunikation och aktiviteter anpassas efter checklistan",
        "Projektpersonalen: tillgänglighet ingår i projektledningens uppdrag och utbildning",
        "De medborgare, kunder och framtida medarbetare som organisationerna möter",
    ]
}
