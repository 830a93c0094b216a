import DiversityKit
import ExampleSupport

/// The partner organisations' synthetic staff: pseudonymous ids with a unit and a role, no names.
extension MDSSScenario {
    /// One workplace: how many work there, how many of them the project reached, how many lead.
    struct Workplace {
        var unit: ID<OrganisationUnit>
        var organisation: ID<Organisation>
        var staff: Int
        var reached: Int
        var managers: Int
        var keyPersons: Int
        /// Whether its staff got the baseline survey (the association's board and preparation
        /// group took the training but are not employees of the partners).
        var surveyed: Bool = true
        /// Where its base training sessions were held.
        var venueName: String
        /// The municipality the workplace is in.
        var place = "Umeå"
    }

    /// Health centres reached few of their staff: they lacked the time and the people to take part.
    static let workplaces: [Workplace] = [
        Workplace(unit: "sf-styrelse", organisation: coordinationAssociation, staff: 8, reached: 8, managers: 0, keyPersons: 8,
                  surveyed: false, venueName: "Samordningsförbundets sammanträdesrum"),
        Workplace(unit: "sf-beredningsgrupp", organisation: coordinationAssociation, staff: 7, reached: 6, managers: 0, keyPersons: 7,
                  surveyed: false, venueName: "Samordningsförbundets sammanträdesrum"),
        Workplace(unit: "fk-umea", organisation: socialInsurance, staff: 85, reached: 68, managers: 6, keyPersons: 3,
                  venueName: "Försäkringskassan Umeå, konferensrummet"),
        Workplace(unit: "fk-lycksele", organisation: socialInsurance, staff: 40, reached: 34, managers: 3, keyPersons: 1,
                  venueName: "Försäkringskassan Lycksele, personalrummet", place: "Lycksele"),
        Workplace(unit: "af-umea", organisation: employmentService, staff: 60, reached: 52, managers: 4, keyPersons: 2,
                  venueName: "Arbetsförmedlingen Umeå, konferensrummet"),
        Workplace(unit: "af-vannas", organisation: employmentService, staff: 14, reached: 11, managers: 1, keyPersons: 0,
                  venueName: "Arbetsförmedlingen Vännäs", place: "Vännäs"),
        Workplace(unit: "af-nordmaling", organisation: employmentService, staff: 12, reached: 10, managers: 1, keyPersons: 0,
                  venueName: "Arbetsförmedlingen Nordmaling", place: "Nordmaling"),
        Workplace(unit: "af-robertsfors", organisation: employmentService, staff: 12, reached: 10, managers: 1, keyPersons: 0,
                  venueName: "Arbetsförmedlingen Robertsfors", place: "Robertsfors"),
        Workplace(unit: "uk-viva", organisation: municipality, staff: 55, reached: 48, managers: 4, keyPersons: 2,
                  venueName: "VIVA Resurs, samlingssalen"),
        Workplace(unit: "uk-socialtjansten", organisation: municipality, staff: 130, reached: 110, managers: 9, keyPersons: 3,
                  venueName: "Socialtjänsten, Skolgatan, konferensrummet"),
        Workplace(unit: "vll-psyk-oppenvard", organisation: psychiatry, staff: 50, reached: 42, managers: 4, keyPersons: 1,
                  venueName: "Vuxenpsykiatrins öppenvård, samlingsrummet"),
        Workplace(unit: "vll-psyk-slutenvard", organisation: psychiatry, staff: 45, reached: 36, managers: 3, keyPersons: 1,
                  venueName: "Vuxenpsykiatrin, NUS, lärosalen"),
        Workplace(unit: "hc-ersboda", organisation: healthCentres, staff: 35, reached: 10, managers: 1, keyPersons: 1,
                  venueName: "Ersboda hälsocentral, personalrummet"),
        Workplace(unit: "hc-alidhem", organisation: healthCentres, staff: 30, reached: 6, managers: 1, keyPersons: 0,
                  venueName: "Alidhems hälsocentral, personalrummet"),
        Workplace(unit: "hc-holmsund", organisation: healthCentres, staff: 28, reached: 5, managers: 1, keyPersons: 0,
                  venueName: "Holmsunds hälsocentral, personalrummet"),
    ]

    /// A workplace's staff, managers and key persons first.
    static func staff(of workplace: Workplace) -> [Participant] {
        (1...workplace.staff).map { n in
            let role: ParticipantRole = n <= workplace.managers ? .manager
                : n <= workplace.managers + workplace.keyPersons ? .keyPerson : .employee
            let number = String(repeating: "0", count: 3 - String(n).count) + String(n)
            let id = ID<Participant>("\(workplace.unit.rawValue)-\(number)")
            return Participant(id: id, organisation: workplace.organisation, unit: workplace.unit, role: role,
                               indicators: SyntheticIndicators.indicators(for: id))
        }
    }

    /// Who the base training reached at a workplace: every manager and key person (they go on to
    /// the leader forum) and a seeded sample of the employees, ±1 around the workplace's figure.
    static func reached(at workplace: Workplace, staff: [Participant], rng: inout SeededGenerator) -> [Participant] {
        let leaders = staff.filter { $0.role != .employee }
        let employees = staff.filter { $0.role == .employee }
        let wanted = min(staff.count, max(leaders.count, workplace.reached + rng.int(in: -1...1)))
        return leaders + rng.sample(employees, count: wanted - leaders.count)
    }
}
