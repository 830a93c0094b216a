import DiversityKit

/// The fixed facts of Mångfaldsdriven Samhällsservice (MDSS, Umeå), from the project's portfolio page.
extension MDSSScenario {
    /// Samordningsförbundet Umeå (the coordination association), project owner; its board and
    /// preparation group took part too.
    public static let coordinationAssociation: ID<Organisation> = "samordningsforbundet-umea"
    /// Försäkringskassan, the Umeå and Lycksele units.
    public static let socialInsurance: ID<Organisation> = "forsakringskassan"
    /// Arbetsförmedlingen, Umeå and surrounding municipalities (kranskommuner).
    public static let employmentService: ID<Organisation> = "arbetsformedlingen"
    /// Umeå kommun: VIVA and the social services (Socialtjänsten).
    public static let municipality: ID<Organisation> = "umea-kommun"
    /// Västerbottens läns landsting, psychiatry.
    public static let psychiatry: ID<Organisation> = "vll-psykiatri"
    /// Västerbottens läns landsting, the health centres (hälsocentraler) — kept as an organisation
    /// of its own so that participation against plan shows them apart.
    public static let healthCentres: ID<Organisation> = "vll-halsocentraler"

    /// The baseline survey (test och enkät).
    public static let surveyIntervention: ID<Intervention> = "nulagesenkat"
    /// The base training (basutbildning): two hours at the workplace.
    public static let baseTraining: ID<Intervention> = "basutbildning"
    /// The leader forum (ledarforum) for managers and leaders.
    public static let leaderForum: ID<Intervention> = "ledarforum"
    /// The MDSS diversity forum (Mångfaldsforum), open to those who completed both.
    public static let diversityForum: ID<Intervention> = "mangfaldsforum"

    /// Participants per organisation in the original plan from 2010.
    public static let plannedParticipants: [ID<Organisation>: Int] = [
        coordinationAssociation: 10, socialInsurance: 95, employmentService: 75,
        municipality: 150, psychiatry: 70, healthCentres: 90,
    ]

    static func organisations() -> [Organisation] {
        [Organisation(id: coordinationAssociation, name: "Samordningsförbundet Umeå", kind: .coordinationAssociation,
                      municipality: "Umeå", county: "Västerbotten", units: [
                          .init(id: "sf-styrelse", name: "Styrelsen"),
                          .init(id: "sf-beredningsgrupp", name: "Beredningsgruppen"),
                      ]),
         Organisation(id: socialInsurance, name: "Försäkringskassan", kind: .stateAgency, municipality: "Umeå",
                      county: "Västerbotten", units: [
                          .init(id: "fk-umea", name: "Försäkringskassan Umeå"),
                          .init(id: "fk-lycksele", name: "Försäkringskassan Lycksele"),
                      ]),
         Organisation(id: employmentService, name: "Arbetsförmedlingen", kind: .stateAgency, municipality: "Umeå",
                      county: "Västerbotten", units: [
                          .init(id: "af-umea", name: "Arbetsförmedlingen Umeå"),
                          .init(id: "af-kranskommuner", name: "Arbetsförmedlingen i kranskommunerna"),
                          .init(id: "af-vannas", name: "Vännäs", parent: "af-kranskommuner"),
                          .init(id: "af-nordmaling", name: "Nordmaling", parent: "af-kranskommuner"),
                          .init(id: "af-robertsfors", name: "Robertsfors", parent: "af-kranskommuner"),
                      ]),
         Organisation(id: municipality, name: "Umeå kommun", kind: .municipality, municipality: "Umeå",
                      county: "Västerbotten", units: [
                          .init(id: "uk-viva", name: "VIVA Resurs"),
                          .init(id: "uk-socialtjansten", name: "Socialtjänsten"),
                      ]),
         Organisation(id: psychiatry, name: "Västerbottens läns landsting, psykiatrin", kind: .region,
                      municipality: "Umeå", county: "Västerbotten", units: [
                          .init(id: "vll-psyk-oppenvard", name: "Vuxenpsykiatrins öppenvård"),
                          .init(id: "vll-psyk-slutenvard", name: "Vuxenpsykiatrins slutenvård"),
                      ]),
         Organisation(id: healthCentres, name: "Västerbottens läns landsting, hälsocentraler", kind: .region,
                      municipality: "Umeå", county: "Västerbotten", units: [
                          .init(id: "hc-ersboda", name: "Ersboda hälsocentral"),
                          .init(id: "hc-alidhem", name: "Alidhems hälsocentral"),
                          .init(id: "hc-holmsund", name: "Holmsunds hälsocentral"),
                      ])]
    }

    /// The milestones as planned; actual dates are set from what happened.
    static let plannedMilestones: [(name: String, planned: CalendarDate, stage: ID<Intervention>?)] = [
        ("Nulägesenkät genomförd", CalendarDate(year: 2011, month: 1, day: 31)!, surveyIntervention),
        ("Basutbildningar genomförda", CalendarDate(year: 2011, month: 11, day: 30)!, baseTraining),
        ("Ledarforum genomfört", CalendarDate(year: 2012, month: 3, day: 30)!, leaderForum),
        ("Mångfaldsforum genomfört", CalendarDate(year: 2012, month: 5, day: 31)!, diversityForum),
    ]

    static func programme(milestones: [Milestone]? = nil) throws -> Programme {
        Programme(
            id: programmeID, name: "Mångfaldsdriven Samhällsservice (MDSS)", owner: coordinationAssociation,
            partners: [socialInsurance, employmentService, municipality, psychiatry, healthCentres],
            period: try DatePeriod("2010-08-01", "2012-08-31"),
            phases: [Phase(kind: .mobilisation, period: try DatePeriod("2010-08-01", "2010-12-31")),
                     Phase(kind: .implementation, period: try DatePeriod("2011-01-01", "2012-06-30")),
                     Phase(kind: .closing, period: try DatePeriod("2012-07-01", "2012-08-31"))],
            steeringGroup: [SteeringGroupMember(role: "Enhetschef", organisation: socialInsurance),
                            SteeringGroupMember(role: "Förbundschef", organisation: coordinationAssociation),
                            SteeringGroupMember(role: "Sektionschef", organisation: employmentService),
                            SteeringGroupMember(role: "Enhetschef, Socialtjänsten", organisation: municipality),
                            SteeringGroupMember(role: "Verksamhetschef", organisation: psychiatry),
                            SteeringGroupMember(role: "Enhetschef, VIVA Resurs", organisation: municipality),
                            SteeringGroupMember(role: "Verksamhetschef, Ersboda hälsocentral", organisation: healthCentres)],
            targetGroup: "Anställda vid de samverkande myndigheterna",
            plannedParticipants: plannedParticipants,
            milestones: milestones ?? plannedMilestones.map { Milestone(name: $0.name, planned: $0.planned) },
            contactRole: "Projektledare, Samordningsförbundet Umeå")
    }

    static func facilitators() -> [Facilitator] {
        [Facilitator(id: "utbildare-a", label: "Utbildare A (projektledningen)", organisation: coordinationAssociation),
         Facilitator(id: "utbildare-b", label: "Utbildare B (extern konsult)"),
         Facilitator(id: "utbildare-c", label: "Utbildare C (Försäkringskassan)", organisation: socialInsurance),
         Facilitator(id: "forelasare", label: "Inbjuden föreläsare")]
    }

    /// The trainers who take the workplace sessions in turn.
    static let baseTrainers: [ID<Facilitator>] = ["utbildare-a", "utbildare-b", "utbildare-c"]

    static func venues() -> [Venue] {
        workplaces.map { Venue(id: ID("lokal-\($0.unit.rawValue)"), name: $0.venueName, municipality: $0.place) }
            + [Venue(id: "folkets-hus", name: "Umeå Folkets Hus", municipality: "Umeå")]
    }

    static func interventions(topics: [String]) -> [Intervention] {
        [Intervention(id: surveyIntervention, programme: programmeID, name: "Test och enkät till anställda", kind: .survey,
                      topics: ["nulägesmätning"]),
         Intervention(id: baseTraining, programme: programmeID, name: "Basutbildning", kind: .baseTraining,
                      topics: topics, plannedDurationMinutes: 120, plannedSessions: 28),
         Intervention(id: leaderForum, programme: programmeID, name: "Ledarforum", kind: .leaderForum,
                      topics: ["internt mångfaldsarbete", "externt mångfaldsarbete"], targetRoles: [.manager, .keyPerson],
                      plannedDurationMinutes: 180, plannedSessions: 4, prerequisites: [baseTraining],
                      completion: .minimumSessions(2)),
         Intervention(id: diversityForum, programme: programmeID, name: "MDSS Mångfaldsforum", kind: .diversityForum,
                      topics: ["mångfald", "diskriminering", "likabehandling", "mänskliga rättigheter"],
                      plannedDurationMinutes: 240, plannedSessions: 2, prerequisites: [leaderForum, baseTraining])]
    }
}
