import Foundation
import DiversityKit
import ExampleSupport

/// The partnership of Mångfaldens ansikten: twelve actors, the county's municipalities, goals.
extension MangfaldensAnsiktenScenario {
    /// The county.
    public static let county = "Östergötland"
    /// Östergötland's 13 municipalities, for the goal "an ambassador in every municipality".
    public static let countyMunicipalities = ["Boxholm", "Finspång", "Kinda", "Linköping", "Mjölby", "Motala", "Norrköping",
                                              "Söderköping", "Vadstena", "Valdemarsvik", "Ydre", "Åtvidaberg", "Ödeshög"]
    /// The partnership's coordinating actor.
    public static let norrkoping: ID<Organisation> = "norrkopings-kommun"
    /// The transnational partnership (The X Train) and its countries.
    public static let transnationalNote = "Transnationellt samarbete (The X Train) med utvecklingspartnerskap i Skottland, Nederländerna, Portugal och Italien: attitydpåverkan, spridning av resultat och verktyg för distanslärande."

    /// One actor: id, name, kind, municipality, and its units (id suffix, name).
    struct Actor {
        var id: ID<Organisation>
        var name: String
        var kind: OrganisationKind
        var municipality: String
        var units: [(String, String)]
        var staff: Int
    }

    static let actors: [Actor] = [
        Actor(id: norrkoping, name: "Norrköpings kommun", kind: .municipality, municipality: "Norrköping",
              units: [("kf", "Kommunstyrelsens förvaltning"), ("vof", "Vård- och omsorgskontoret"), ("uk", "Utbildningskontoret"),
                      ("ak", "Arbetsmarknadskontoret")], staff: 640),
        Actor(id: "linkopings-kommun", name: "Linköpings kommun", kind: .municipality, municipality: "Linköping",
              units: [("kl", "Kommunledningsförvaltningen"), ("omsorg", "Omsorgsförvaltningen"), ("utb", "Utbildningsförvaltningen")],
              staff: 560),
        Actor(id: "motala-kommun", name: "Motala kommun", kind: .municipality, municipality: "Motala",
              units: [("kf", "Kommunstyrelseförvaltningen"), ("soc", "Socialförvaltningen")], staff: 260),
        Actor(id: "region-ostergotland", name: "Region Östergötland", kind: .region, municipality: "Linköping",
              units: [("us", "Universitetssjukhuset"), ("vn", "Vrinnevisjukhuset"), ("pv", "Primärvården")], staff: 520),
        Actor(id: "lansstyrelsen-ostergotland", name: "Länsstyrelsen Östergötland", kind: .stateAgency, municipality: "Linköping",
              units: [("integration", "Integrationsenheten"), ("adm", "Administrativa enheten")], staff: 140),
        Actor(id: "arbetsformedlingen-ostergotland", name: "Arbetsförmedlingen Östergötland", kind: .stateAgency, municipality: "Norrköping",
              units: [("nkpg", "Kontor Norrköping"), ("lkpg", "Kontor Linköping"), ("soderkoping", "Kontor Söderköping")], staff: 210),
        Actor(id: "linkopings-universitet", name: "Linköpings universitet", kind: .stateAgency, municipality: "Linköping",
              units: [("hr", "Personalavdelningen"), ("isak", "Institutionen för samhälls- och välfärdsstudier")], staff: 230),
        Actor(id: "ostgota-bemanning", name: "Östgöta Bemanning AB", kind: .privateCompany, municipality: "Norrköping",
              units: [("rekrytering", "Rekrytering"), ("konsult", "Konsultverksamhet")], staff: 120),
        Actor(id: "ostsvenska-handelskammaren", name: "Östsvenska Handelskammaren", kind: .association, municipality: "Linköping",
              units: [("kansli", "Kansliet")], staff: 30),
        Actor(id: "integrationsforeningen", name: "Integrationsföreningen i Östergötland", kind: .association, municipality: "Norrköping",
              units: [("verksamhet", "Verksamheten")], staff: 40),
        Actor(id: "kommunal-ostergotland", name: "Kommunal Östergötland", kind: .tradeUnion, municipality: "Norrköping",
              units: [("avd", "Avdelningskontoret")], staff: 60),
        Actor(id: "unionen-ostergotland", name: "Unionen Östergötland", kind: .tradeUnion, municipality: "Finspång",
              units: [("region", "Regionkontoret")], staff: 50),
    ]

    static func organisations() -> [Organisation] {
        actors.map { a in
            Organisation(id: a.id, name: a.name, kind: a.kind, municipality: a.municipality, county: county,
                         units: a.units.map { OrganisationUnit(id: ID("\(a.id.rawValue)-\($0.0)"), name: $0.1) })
        }
    }

    static func programme() throws -> Programme {
        Programme(id: programmeID, name: "Mångfaldens ansikten", owner: norrkoping,
                  partners: actors.map(\.id).filter { $0 != norrkoping },
                  period: try DatePeriod("2005-01-01", "2007-12-31"),
                  phases: [Phase(kind: .mobilisation, period: try DatePeriod("2005-01-01", "2005-06-30")),
                           Phase(kind: .implementation, period: try DatePeriod("2005-07-01", "2007-09-30")),
                           Phase(kind: .closing, period: try DatePeriod("2007-10-01", "2007-12-31"))],
                  steeringGroup: [SteeringGroupMember(role: "Ordförande, kommundirektör", organisation: norrkoping),
                                  SteeringGroupMember(role: "Länsråd", organisation: "lansstyrelsen-ostergotland"),
                                  SteeringGroupMember(role: "Personaldirektör", organisation: "region-ostergotland"),
                                  SteeringGroupMember(role: "Ombudsman", organisation: "kommunal-ostergotland"),
                                  SteeringGroupMember(role: "VD", organisation: "ostsvenska-handelskammaren")],
                  targetGroup: "Näringsliv, offentlig sektor, föreningsliv och fackförbund i Östergötland",
                  contactRole: "Koordinator för utvecklingspartnerskapet")
    }

    /// The goal ids.
    public static let visionGoal: ID<Goal> = "europas-framsta-mangfaldsregion"
    /// The goal "an ambassador in every municipality of the county".
    public static let ambassadorGoal: ID<Goal> = "ambassador-i-varje-kommun"

    static func goals() throws -> [Goal] {
        [Goal(id: visionGoal, programme: programmeID, owner: norrkoping, level: .vision,
              grounds: [.sex, .age, .ethnicity, .sexualOrientation, .disability],
              title: "Östergötland ska bli Europas främsta mångfaldsregion, där varje individ kan använda sin kompetens oavsett kön, ålder, etnicitet, sexuell läggning eller funktionshinder"),
         Goal(id: ambassadorGoal, programme: programmeID, owner: norrkoping, level: .measurable,
              title: "Mångfaldsambassadörer i varje kommun i länet",
              indicator: Indicator(name: "Kommuner med utbildad ambassadör", unit: "antal",
                                   baseline: .measured(value: 0, date: try CalendarDate("2005-01-01")),
                                   target: Double(countyMunicipalities.count)))]
    }

    /// The partnership's action plan: the ambassador training and the Blåögd workshops, both
    /// serving the goal of an ambassador in every municipality, so the goal has its measures.
    static func partnershipPlan() throws -> ActionPlan {
        ActionPlan(id: "handlingsplan-partnerskapet", programme: programmeID, owner: norrkoping,
                   title: "Partnerskapets handlingsplan", period: try DatePeriod("2005-01-01", "2007-12-31"), measures: [
                       Measure(id: "utbilda-ambassadorer", title: "Utbilda mångfaldsambassadörer i länets kommuner",
                               responsibleRole: "Projektledare", deadline: try CalendarDate("2006-06-30"), status: .done,
                               linkedGoals: [ambassadorGoal], area: .trainingAndSkills, step: .act),
                       Measure(id: "blaogd-workshoppar", title: "Blåögd-workshoppar som ambassadörerna leder",
                               responsibleRole: "Mångfaldsambassadör", deadline: try CalendarDate("2007-09-30"), status: .done,
                               linkedGoals: [ambassadorGoal], area: .trainingAndSkills, step: .followUp),
                   ])
    }

    /// The partners' staff as an HR roster: pseudonymous references, units and roles, no names.
    public static func staffRoster(seed: UInt64) -> [RosterEntry] {
        var rng = SeededGenerator(seed: seed ^ 0x5EED_0FF1CE)
        var entries: [RosterEntry] = []
        for actor in actors {
            for n in 1...actor.staff {
                let (suffix, _) = rng.pick(actor.units)!
                let role: ParticipantRole = rng.chance(9) ? .manager : (rng.chance(3) ? .keyPerson : .employee)
                entries.append(RosterEntry(employeeRef: "\(actor.id.rawValue)-\(String(format: "%05d", n))",
                                           organisation: actor.id, unit: ID("\(actor.id.rawValue)-\(suffix)"), role: role))
            }
        }
        return entries
    }
}
