import DiversityKit
import ExampleSupport
import ProgrammeToolkit

/// Experimentverkstaden: pilot-project applications, assessment, decisions, results.
extension MangfaldensAnsiktenScenario {
    /// The pilot fund's id.
    public static let fundID: ID<PilotFund> = "experimentverkstaden"
    /// The application refused for lacking a dissemination plan.
    public static let applicationWithoutPlan: ID<GrantApplication> = "ev-handelskammaren-diplom"
    /// Norrköpings kommun's application on attitudes and values in work teams (granted in the seed).
    public static let norrkopingApplication: ID<GrantApplication> = "ev-norrkoping-attityder"

    static func fund() -> PilotFund {
        PilotFund(id: fundID, name: "Experimentverkstaden", budget: Money(kronor: 1_200_000), criteria: [
            GrantCriterion(code: "metod", title: "Utvecklar och prövar en metod", weight: 2),
            GrantCriterion(code: "spridning", title: "Resultaten sprids, t.ex. på seminarier", weight: 2),
            GrantCriterion(code: "mangfald", title: "Ökar mångfald och minskar diskriminering", weight: 1),
            GrantCriterion(code: "genomforbarhet", title: "Genomförbarhet och budget", weight: 1),
        ])
    }

    struct ApplicationPlan {
        var application: GrantApplication
        /// The assessors' base score per criterion; each assessor may score one lower.
        var baseScore: Int
    }

    static func applications() -> [ApplicationPlan] {
        func plan(_ description: String, _ events: Int) -> DisseminationPlan { DisseminationPlan(description: description, plannedEvents: events) }
        func app(_ id: ID<GrantApplication>, _ applicant: ID<Organisation>, _ title: String, _ method: String,
                 _ kronor: Int64, _ dissemination: DisseminationPlan?, base: Int) -> ApplicationPlan {
            ApplicationPlan(application: GrantApplication(id: id, fund: fundID, applicant: applicant, title: title, method: method,
                                                          requested: Money(kronor: kronor), disseminationPlan: dissemination),
                            baseScore: base)
        }
        return [
            app(norrkopingApplication, norrkoping, "Attityder och värdegrund i arbetslag",
                "Ett verktyg för attitydpåverkan och värdegrundsarbete i arbetslag och arbetsgrupper", 180_000,
                plan("Seminarier för länets kommuner och Erfarenhetsdialogen", 3), base: 5),
            app("ev-bemanning-rekrytering", "ostgota-bemanning", "Rekrytera medarbetare med mångfaldsbakgrund",
                "Metoder för rekrytering med kompetensbaserat urval", 240_000,
                plan("Frukostseminarier för arbetsgivare", 2), base: 4),
            app("ev-linkoping-mentorskap", "linkopings-kommun", "Mentorskap för nyanlända akademiker",
                "Mentorskap mellan kommunens chefer och nyanlända akademiker", 220_000,
                plan("Öppet seminarium och skrift", 2), base: 4),
            app("ev-region-sprakstod", "region-ostergotland", "Språkstöd i vården",
                "Medarbetares språkkunskaper i mötet med patienter", 260_000,
                plan("Seminarium för vårdens chefer", 1), base: 3),
            app("ev-kommunal-fortroendevalda", "kommunal-ostergotland", "Facklig mångfaldsutbildning",
                "Utbildning för förtroendevalda om diskrimineringsgrunderna", 150_000,
                plan("Studiecirkelmaterial och avdelningsmöten", 2), base: 3),
            app("ev-integrationsforeningen-unga", "integrationsforeningen", "Arbetsplatsbesök för unga",
                "Unga med utländsk bakgrund möter arbetsplatser i länet", 120_000,
                plan("Erfarenhetsseminarium", 1), base: 3),
            app("ev-motala-tillganglig", "motala-kommun", "Tillgänglig rekrytering",
                "Rekrytering av personer med funktionsnedsättning", 200_000,
                plan("Seminarium i Motala", 1), base: 3),
            app("ev-liu-distans", "linkopings-universitet", "Distanslärande för utestängda grupper",
                "Verktyg för distanslärande tillsammans med de transnationella partnerna", 480_000,
                plan("Konferens och webbplats", 2), base: 4),
            app(applicationWithoutPlan, "ostsvenska-handelskammaren", "Mångfaldsdiplom för småföretag",
                "Ett diplom för småföretag som arbetar med mångfald", 90_000, nil, base: 3),
        ]
    }

    /// Two assessors' scores: the base score, sometimes one lower (never below zero).
    static func assessments(of plan: ApplicationPlan, criteria: [GrantCriterion], rng: inout SeededGenerator) -> [GrantAssessment] {
        ["Bedömare 1", "Bedömare 2"].map { assessor in
            GrantAssessment(application: plan.application.id, assessor: assessor, scores: Dictionary(uniqueKeysWithValues: criteria.map {
                ($0.code, max(0, min($0.maximumScore, plan.baseScore - (rng.chance(35) ? 1 : 0))))
            }))
        }
    }

    /// What a granted project reports back: results and its dissemination seminars.
    static func report(for application: GrantApplication, rng: inout SeededGenerator) -> GrantReport {
        let planned = application.disseminationPlan?.plannedEvents ?? 0
        let held = max(1, planned - (rng.chance(25) ? 1 : 0))
        let events = (0..<held).map { n in
            DisseminationEvent(date: CalendarDate(year: 2007, month: 3 + 3 * n, day: rng.int(in: 5...25))!,
                               title: "\(application.title): spridningsseminarium \(n + 1)", attendees: rng.int(in: 20...80))
        }
        return GrantReport(application: application.id, results: "Metoden prövad och dokumenterad: \(application.method.lowercased()).",
                           events: events)
    }
}
