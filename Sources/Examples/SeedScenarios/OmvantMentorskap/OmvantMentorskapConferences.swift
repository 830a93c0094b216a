import DiversityKit
import ProgrammeToolkit

/// Search and dialogue conferences, their action plans, and the accessibility checklist.
extension OmvantMentorskapScenario {
    /// The day sessions were checked against accessibility requests (before any conference).
    public static let accessibilityCheckDate = CalendarDate(year: 2012, month: 9, day: 17)!

    struct ConferencePlan {
        var id: ID<DialogueConference>
        var organisation: ID<Organisation>
        var title: String
        var date: CalendarDate
        var venue: ID<Venue>
        var perspectives: [Perspective]
    }

    static func venues() -> [Venue] {
        [Venue(id: "radhuset-tivoli", name: "Rådhuset Kristianstad, sal Tivoli", municipality: "Kristianstad"),
         Venue(id: "csk-forelasningssal", name: "Centralsjukhuset, föreläsningssalen", municipality: "Kristianstad"),
         Venue(id: "kulturkvarteret-konferens", name: "Kulturkvarteret, konferensrum 3", municipality: "Kristianstad")]
    }

    /// What each venue met when it was inventoried against the standard checklist.
    static let venueInventory: [ID<Venue>: Set<String>] = [
        "radhuset-tivoli": ["physical.step-free-entrance", "physical.lift", "physical.accessible-toilet", "physical.parking",
                            "physical.wayfinding", "communication.hearing-loop", "communication.microphone",
                            "information.plain-language", "activities.breaks", "activities.materials-in-advance",
                            "activities.dietary-needs"],
        "csk-forelasningssal": ["physical.step-free-entrance", "physical.lift", "physical.accessible-toilet", "physical.parking",
                                "physical.wayfinding", "physical.allergy-safe", "communication.hearing-loop",
                                "communication.microphone", "communication.captioning", "activities.breaks"],
        "kulturkvarteret-konferens": ["physical.step-free-entrance", "physical.accessible-toilet", "activities.breaks",
                                      "activities.dietary-needs", "information.plain-language"],
    ]

    static let conferencePlans: [ConferencePlan] = [
        ConferencePlan(id: "sdk-vard-omsorg", organisation: municipality, title: "Sökkonferens vård och omsorg",
                       date: CalendarDate(year: 2012, month: 10, day: 9)!, venue: "radhuset-tivoli",
                       perspectives: [.citizenUserCustomer, .recruitment, .teamworkAndLeadership]),
        ConferencePlan(id: "sdk-sjukhuset", organisation: hospital, title: "Dialogkonferens Centralsjukhuset",
                       date: CalendarDate(year: 2012, month: 10, day: 23)!, venue: "csk-forelasningssal",
                       perspectives: [.businessDevelopment, .internationalisation, .citizenUserCustomer]),
        ConferencePlan(id: "sdk-barn-utbildning", organisation: municipality, title: "Sökkonferens barn och utbildning",
                       date: CalendarDate(year: 2012, month: 11, day: 13)!, venue: "kulturkvarteret-konferens",
                       perspectives: [.socialResponsibility, .recruitment, .teamworkAndLeadership]),
        ConferencePlan(id: "sdk-sjukhuset-2", organisation: hospital, title: "Dialogkonferens vårdens ledare",
                       date: CalendarDate(year: 2012, month: 11, day: 27)!, venue: "csk-forelasningssal",
                       perspectives: [.competition, .profitability, .teamworkAndLeadership]),
    ]

    /// A proposal and the goal it serves, per perspective.
    static let proposals: [Perspective: (String, String, ID<Goal>)] = [
        .businessDevelopment: ("Inkludera mångfaldsfrågor i verksamhetsplanens dialoger", "Verksamhetschef", "handlingsformaga"),
        .teamworkAndLeadership: ("Ledare tar emot en mentor från en annan yrkesgrupp varje år", "Enhetschef", "mottagningskapacitet"),
        .recruitment: ("Kompetensbaserad rekrytering med anonymiserat första urval", "HR-specialist", "handlingsformaga"),
        .internationalisation: ("Ta tillvara medarbetares språkkunskaper i mötet med patienter", "Vårdenhetschef", "mottagningskapacitet"),
        .socialResponsibility: ("Praktikplatser för nyanlända och personer med funktionsnedsättning", "Förvaltningschef", "handlingsformaga"),
        .citizenUserCustomer: ("Klarspråksgranskning av brev och information till medborgare", "Kommunikatör", "insikt"),
        .competition: ("Lyft mångfald som styrka i arbetsgivarvarumärket", "HR-chef", "insikt"),
        .profitability: ("Följ upp personalomsättning per enhet efter mångfaldsinsatser", "Controller", "insikt"),
    ]

    static func conference(_ plan: ConferencePlan) -> DialogueConference {
        let outputs = plan.perspectives.enumerated().map { i, perspective in
            let (proposal, role, goal) = proposals[perspective]!
            return ConferenceOutput(proposal: proposal, perspective: perspective, responsibleRole: role,
                                    deadline: CalendarDate(year: 2013, month: 3 + 3 * i, day: 30)!, goals: [goal])
        }
        return DialogueConference(id: plan.id, programme: programmeID, organisation: plan.organisation, title: plan.title,
                                  date: plan.date, perspectives: plan.perspectives, outputs: outputs)
    }

    static func actionPlan(for organisation: ID<Organisation>) throws -> ActionPlan {
        ActionPlan(id: ID("handlingsplan-2013-\(organisation.rawValue)"), programme: programmeID, owner: organisation,
                   title: "Handlingsplan för mångfald och inkludering 2013", period: try DatePeriod("2013-01-01", "2013-12-31"))
    }

    /// Requests for the conference sessions: criterion codes only, never who asked.
    public static let accessibilityRequests: [AccessibilityRequest] = [
        AccessibilityRequest(id: "req-1", session: "sdk-barn-utbildning", criteria: ["communication.hearing-loop"]),
        AccessibilityRequest(id: "req-2", session: "sdk-barn-utbildning", criteria: ["physical.lift", "information.large-print"]),
        AccessibilityRequest(id: "req-3", session: "sdk-vard-omsorg", criteria: ["communication.hearing-loop"]),
        AccessibilityRequest(id: "req-4", session: "sdk-sjukhuset", criteria: ["physical.allergy-safe"]),
    ]
}
