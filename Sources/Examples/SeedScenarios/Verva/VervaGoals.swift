import DiversityKit
import ExampleSupport

/// Each authority's goals for its participation and its activities, generated so that the
/// report's findings hold: some goals without concrete measures, some activities linked to no
/// goal, few authorities with a baseline analysis (nulägesanalys).
extension VervaScenario {
    /// How far an authority has come with its goals.
    enum GoalProfile {
        /// A vision and overall goals, but no concrete measures linked to them.
        case visionWithoutMeasures
        /// Activities carried out with no link to the authority's goals.
        case activitiesWithoutGoals
        /// Measurable goals with linked measures.
        case integrated
    }

    /// The overall goal, a measurable indicator and linked measures per focus area.
    static let focusTemplates: [FocusArea: (overall: String, indicator: String, target: Double, measures: [String])] = [
        .process: ("Mångfaldsarbetet integreras i verksamhetsplaneringen",
                   "Andel enheter med mångfaldsmål i verksamhetsplanen", 100,
                   ["Föra in mångfaldsmål i verksamhetsplanen enligt Snäckmodellen", "Följa upp mångfaldsarbetet med Vervas uppföljningsmodell"]),
        .workingConditionsAndHarassment: ("Arbetsplatsen är fri från trakasserier och diskriminering",
                                          "Andel medarbetare som känner sig trygga att anmäla trakasserier", 90,
                                          ["Ta fram en rutin mot trakasserier och kränkande särbehandling", "Medarbetarenkät om arbetsklimat och attityder"]),
        .recruitment: ("Fler medarbetare med utländsk bakgrund", "Andel sökande med utländsk bakgrund", 20,
                       ["Avkodifierat första urval i Offentliga Jobb", "Annonsera i fler kanaler och nätverk"]),
        .citizenPerspective: ("Alla medborgare får ett likvärdigt bemötande",
                              "Andel medarbetare som gått utbildning i bemötande", 80,
                              ["Seminarier om interkulturell kommunikation och bemötande", "Inventera medarbetarnas språk- och kulturkompetens"]),
    ]
    /// Activities some authorities carried out without a goal to serve.
    static let unlinkedActivities = ["Föreläsning om mångfald för alla medarbetare", "Mångfaldsdag", "Studiebesök hos en annan myndighet",
                                     "Temadag om mänskliga rättigheter"]
    static let responsibleRoles = ["HR-chef", "Personalhandläggare", "Kontaktperson i projektet", "Enhetschef"]

    /// The profile of every participating authority, from the seed: 8–12 with goals but no measures,
    /// 5–8 with activities but no goals, the rest integrated; 3–6 of the integrated have a baseline.
    static func profiles(rng: inout SeededGenerator) -> (profiles: [ID<Organisation>: GoalProfile], baseline: Set<ID<Organisation>>) {
        var shuffled = counties.flatMap { $0.participants.map(\.id) }
        for i in shuffled.indices.reversed() where i > 0 { shuffled.swapAt(i, rng.int(in: 0...i)) }
        let visionOnly = rng.int(in: 8...12), activitiesOnly = rng.int(in: 5...8)
        var profiles: [ID<Organisation>: GoalProfile] = [:]
        for (i, id) in shuffled.enumerated() {
            profiles[id] = i < visionOnly ? .visionWithoutMeasures : i < visionOnly + activitiesOnly ? .activitiesWithoutGoals : .integrated
        }
        let integrated = shuffled.dropFirst(visionOnly + activitiesOnly)
        return (profiles, Set(integrated.prefix(rng.int(in: 3...6))))
    }

    /// An authority's goals and action plan for its participation.
    static func goalsAndPlan(for authority: ID<Organisation>, profile: GoalProfile, hasBaseline: Bool,
                             rng: inout SeededGenerator) throws -> ([Goal], ActionPlan) {
        let areas = rng.sample(FocusArea.allCases, count: rng.int(in: 1...3))
        var goals = [Goal(id: ID("\(authority.rawValue)-vision"), programme: programmeID, owner: authority, level: .vision,
                          title: "En öppen och fördomsfri myndighet som tar tillvara olikheter")]
        var plan = ActionPlan(id: ID("handlingsplan-\(authority.rawValue)"), programme: programmeID, owner: authority,
                              title: "Mål och aktiviteter för medverkan i projektet", period: try DatePeriod("2006-07-01", "2007-12-31"))
        func measure(_ title: String, goals linked: [ID<Goal>], rng: inout SeededGenerator) -> Measure {
            // A few deadlines fall in the autumn of 2006; most such measures were done by then.
            let early = rng.chance(20)
            let deadline = early ? CalendarDate(year: 2006, month: rng.int(in: 10...12), day: 15)!
                : CalendarDate(year: 2007, month: rng.int(in: 3...11), day: 30)!
            let status: MeasureStatus = early ? (rng.chance(60) ? .done : .inProgress) : (rng.chance(30) ? .inProgress : .planned)
            return Measure(id: ID("\(authority.rawValue)-atgard-\(plan.measures.count + 1)"), title: title,
                           responsibleRole: rng.pick(responsibleRoles)!, deadline: deadline, status: status, linkedGoals: linked,
                           origin: hasBaseline ? .baselineAnalysis : .other)
        }
        switch profile {
        case .visionWithoutMeasures:
            for area in areas {
                goals.append(Goal(id: ID("\(authority.rawValue)-\(area.rawValue)"), programme: programmeID, owner: authority,
                                  level: .overall, focusArea: area, title: focusTemplates[area]!.overall))
            }
        case .activitiesWithoutGoals:
            for title in rng.sample(unlinkedActivities, count: rng.int(in: 1...3)) {
                plan.measures.append(measure(title, goals: [], rng: &rng))
            }
        case .integrated:
            for area in areas {
                let template = focusTemplates[area]!
                let overall = ID<Goal>("\(authority.rawValue)-\(area.rawValue)")
                let measurable = ID<Goal>("\(authority.rawValue)-\(area.rawValue)-matbart")
                let baseline: Baseline = hasBaseline
                    ? .measured(value: (template.target * Double(rng.int(in: 25...60)) / 100).rounded(), date: CalendarDate(year: 2006, month: 9, day: 30)!)
                    : .none
                goals.append(Goal(id: overall, programme: programmeID, owner: authority, level: .overall, focusArea: area, title: template.overall))
                goals.append(Goal(id: measurable, programme: programmeID, owner: authority, level: .measurable, focusArea: area,
                                  title: "\(template.indicator) ska nå \(Int(template.target)) % senast 2007",
                                  indicator: Indicator(name: template.indicator, unit: "%", baseline: baseline, target: template.target)))
                for title in rng.sample(template.measures, count: rng.int(in: 1...2)) {
                    plan.measures.append(measure(title, goals: [overall, measurable], rng: &rng))
                }
            }
        }
        return (goals, plan)
    }

    /// County-wide goals (länsövergripande mål), extracted from the authorities' goals as the project
    /// did: every focus area that at least three of the county's authorities set a goal in, or the
    /// county's most common area when none reaches three. Owned by the county board, each with a
    /// measure in the board's joint competence programme.
    static func countyGoals(for county: County, from goals: [Goal]) throws -> ([Goal], ActionPlan) {
        let members = Set(county.participants.map(\.id))
        var owners: [FocusArea: Set<ID<Organisation>>] = [:]
        for goal in goals where members.contains(goal.owner) {
            if let area = goal.focusArea { owners[area, default: []].insert(goal.owner) }
        }
        var chosen = FocusArea.allCases.filter { (owners[$0]?.count ?? 0) >= 3 }
        if chosen.isEmpty, let top = FocusArea.allCases.max(by: { (owners[$0]?.count ?? 0) < (owners[$1]?.count ?? 0) }) { chosen = [top] }
        let countyGoals = chosen.map { area in
            Goal(id: ID("lan-\(slug(county.name))-\(area.rawValue)"), programme: programmeID, owner: county.board, level: .overall,
                 focusArea: area, title: "\(county.name): \(focusTemplates[area]!.overall.lowercased()) (\(owners[area]?.count ?? 0) myndigheter)")
        }
        let plan = ActionPlan(
            id: ID("kompetensprogram-\(slug(county.name))"), programme: programmeID, owner: county.board,
            title: "Länsgemensamt kompetensutvecklingsprogram 2007", period: try DatePeriod("2007-01-01", "2007-12-31"),
            measures: countyGoals.enumerated().map { i, goal in
                Measure(id: ID("\(goal.id.rawValue)-insats"), title: "Länsgemensam kompetensinsats: \(focusName[goal.focusArea!]!)",
                        responsibleRole: "Regional projektledare", deadline: CalendarDate(year: 2007, month: 4 + 2 * i, day: 30)!,
                        linkedGoals: [goal.id])
            })
        return (countyGoals, plan)
    }

    /// Swedish names of the four focus areas.
    public static let focusName: [FocusArea: String] = [
        .process: "process", .workingConditionsAndHarassment: "arbetsförhållanden/trakasserier",
        .recruitment: "rekrytering", .citizenPerspective: "medborgarperspektiv",
    ]
}
