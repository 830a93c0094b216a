import DiversityKit
import ExampleSupport
import ProgrammeToolkit

/// (o)Likabehandling (Trelleborg, ESF, 2009-09-01–2011-08-31) run end to end on synthetic data.
///
/// Reproduces the seed: the 2008 employee survey (medarbetarenkät) as baseline; 26 full training
/// days, each a plenary lecture in the morning and a choice of six elective seminars in the
/// afternoon, allocated from first and second choices within the seminars' seats; 144 reflection
/// seminars in small groups formed from workplaces, April 2010 – June 2011; 3001 employees taking
/// part; the inspiration material "(RE)Agera" presented to all managers on 2011-10-26 and then
/// used at workplace meetings. No person is named: employees are pseudonymous roster references.
///
/// ```swift
/// let outcome = try await LikabehandlingScenario.run(in: Workspace(store: InMemoryStore()))
/// outcome.distinctParticipants // 3001
/// ```
public enum LikabehandlingScenario {
    /// The programme's id.
    public static let programmeID: ID<Programme> = "olikabehandling"
    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 2009
    /// The ESF grant, which is also the total budget (synthetic: the seed gives no amount).
    public static let esfGrant = Money(kronor: 3_650_000)
    /// Employees who took part, from the seed: 3001.
    public static let plannedParticipants = 3001
    /// Full training days held, from the seed: 26.
    public static let trainingDayCount = 26
    /// Reflection seminars held, from the seed: 144.
    public static let plannedReflectionSeminars = 144
    /// The day "(RE)Agera" was presented to every manager at the leadership day: 2011-10-26.
    public static let materialPresentationDate = CalendarDate(year: 2011, month: 10, day: 26)!
    /// The day the material's coverage is measured.
    public static let coverageDate = CalendarDate(year: 2012, month: 3, day: 31)!

    /// The six elective seminars of every training day.
    public static let seminars: [ElectiveSeminar] = [
        ElectiveSeminar(id: "funktionshinder", title: "Funktionshinder", capacity: seminarCapacity),
        ElectiveSeminar(id: "genus", title: "Genus", capacity: seminarCapacity),
        ElectiveSeminar(id: "islam", title: "Islam – vad är det?", capacity: seminarCapacity),
        ElectiveSeminar(id: "rekrytering", title: "Rekrytering", capacity: seminarCapacity),
        ElectiveSeminar(id: "kulturkrockar", title: "Kulturkrockar", capacity: seminarCapacity),
        ElectiveSeminar(id: "sprak", title: "Tänk om ingen vill förstå vad du säger", capacity: seminarCapacity),
    ]

    /// The 26 training days: Tuesdays and Thursdays from 6 October 2009, with a break over Christmas.
    public static let trainingDates: [CalendarDate] = {
        let first = CalendarDate(year: 2009, month: 10, day: 6)!
        let breakStart = CalendarDate(year: 2009, month: 12, day: 19)!, breakEnd = CalendarDate(year: 2010, month: 1, day: 10)!
        return (0..<400).lazy.map { first.adding(days: $0) }
            .filter { ($0.weekday == 2 || $0.weekday == 4) && !($0 >= breakStart && $0 <= breakEnd) }
            .prefix(trainingDayCount).map { $0 }
    }()

    /// The reflection seminars' days, Tuesday to Thursday within April 2010 – June 2011 outside
    /// the summer and Christmas breaks, spread evenly over `count` seminars.
    public static func reflectionDates(count: Int) -> [CalendarDate] {
        let breaks = [(CalendarDate(year: 2010, month: 6, day: 21)!, CalendarDate(year: 2010, month: 8, day: 15)!),
                      (CalendarDate(year: 2010, month: 12, day: 20)!, CalendarDate(year: 2011, month: 1, day: 9)!)]
        let open = (0...reflectionStart.days(until: reflectionEnd)).map { reflectionStart.adding(days: $0) }
            .filter { day in (2...4).contains(day.weekday) && !breaks.contains { day >= $0.0 && day <= $0.1 } }
        guard count > 0 else { return [] }
        return (0..<count).map { open[$0 * open.count / count] }
    }

    /// The planned 144 reflection seminars' days.
    public static var reflectionDates: [CalendarDate] { reflectionDates(count: plannedReflectionSeminars) }

    /// The municipality's HR roster: 3001 pseudonymous employees over the workplaces, one manager
    /// per full 40 employees of a workplace (at least one). No names.
    public static func staffRoster() -> [RosterEntry] {
        var entries: [RosterEntry] = []
        for workplace in workplaces {
            let managers = max(1, workplace.headcount / 40)
            for i in 0..<workplace.headcount {
                entries.append(RosterEntry(employeeRef: employeeRef(entries.count + 1), organisation: municipality,
                                           unit: workplace.id, role: i < managers ? .manager : .employee))
            }
        }
        return entries
    }

    /// `trb-anst-00042`.
    static func employeeRef(_ n: Int) -> String {
        let digits = String(n)
        return "trb-anst-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
