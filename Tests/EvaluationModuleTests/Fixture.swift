import DiversityKit
@testable import EvaluationModule

/// A small MDSS-like programme: health centres under plan, an association over plan,
/// base training → leader forum → diversity forum, ratings, goals and an action plan.
enum Fixture {
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(text) }
    static let asOf = date("2026-06-30")

    static let organisations = [
        Organisation(id: "owner", name: "Kommunen", kind: .municipality),
        Organisation(id: "hc", name: "Vårdcentralerna", kind: .region),
        Organisation(id: "assoc", name: "Föreningen", kind: .association),
    ]

    static let programme = Programme(
        id: "p1", name: "Mångfald i vården", owner: "owner", partners: ["hc", "assoc"],
        period: try! DatePeriod("2026-01-01", "2026-12-31"),
        funding: [FundingSource(kind: .esfGrant, name: "ESF-rådet", amount: Money(kronor: 120_000)),
                  FundingSource(kind: .ownFunding, amount: Money(kronor: 50_000))],
        budget: [BudgetLine(category: .salaries, planned: Money(kronor: 100_000), outcome: Money(kronor: 90_000)),
                 BudgetLine(category: .consultants, planned: Money(kronor: 50_000), outcome: Money(kronor: 60_000))],
        indirectCostRate: 20,
        plannedParticipants: ["owner": 5, "hc": 10, "assoc": 3],
        milestones: [Milestone(name: "Start", planned: date("2026-02-01"), actual: date("2026-02-15")),
                     Milestone(name: "Delrapport", planned: date("2026-05-01")),
                     Milestone(name: "Slutrapport", planned: date("2026-12-01")),
                     Milestone(name: "Styrgrupp", planned: date("2026-03-10"), actual: date("2026-03-08"))])

    static let base = Intervention(id: "base", programme: "p1", name: "Basutbildning", kind: .baseTraining,
                                   plannedSessions: 2, completion: .minimumSessions(2))
    static let leader = Intervention(id: "leader", programme: "p1", name: "Ledarforum", kind: .leaderForum,
                                     plannedSessions: 1, prerequisites: ["base"])
    static let diversity = Intervention(id: "diversity", programme: "p1", name: "Mångfaldsforum", kind: .diversityForum,
                                        plannedSessions: 1, prerequisites: ["leader"])
    static let interventions = [base, leader, diversity]

    static let sessions = [
        Session(id: "s1", intervention: "base", date: date("2026-03-01"), durationMinutes: 240, facilitators: ["f1"]),
        Session(id: "s2", intervention: "base", date: date("2026-03-15"), durationMinutes: 240, facilitators: ["f1"]),
        Session(id: "s3", intervention: "leader", date: date("2026-04-01"), durationMinutes: 180, facilitators: ["f2"]),
        Session(id: "s4", intervention: "diversity", date: date("2026-09-01"), durationMinutes: 180),
    ]
    static let facilitators = [Facilitator(id: "f1", label: "Kursledare A"), Facilitator(id: "f2", label: "Kursledare B")]

    /// p1–p6 at the health centres, p7–p11 at the association; p11 has no funder indicators.
    static let participants: [Participant] = (1...11).map { i in
        let gender: FunderIndicators.Gender = i <= 7 ? .woman : .man
        return Participant(id: ID("p\(i)"), organisation: i <= 6 ? "hc" : "assoc",
                           indicators: i == 11 ? nil : FunderIndicators(gender: gender, ageBand: .from30to54, education: .isced5to8))
    }

    static let attendances: [Attendance] = {
        var result: [Attendance] = []
        func add(_ session: ID<Session>, _ intervention: ID<Intervention>, _ i: Int, _ status: AttendanceStatus) {
            let p = participants[i - 1]
            result.append(Attendance(id: ID("a\(result.count)"), session: session, intervention: intervention,
                                     participant: p.id, organisation: p.organisation, status: status))
        }
        for i in 1...11 { add("s1", "base", i, .attended) }
        for i in 1...11 { add("s2", "base", i, i <= 8 ? .attended : .absent) }
        for i in 1...7 { add("s3", "leader", i, i <= 6 ? .attended : .absent) }
        return result
    }()

    static let ratings: [Rating] = {
        var result: [Rating] = []
        func add(_ scores: [Int], _ intervention: ID<Intervention>, _ session: ID<Session>, _ dimension: RatingDimension) {
            for s in scores {
                result.append(Rating(id: ID("r\(result.count)"), subject: .session(session), intervention: intervention,
                                     dimension: dimension, score: s))
            }
        }
        add([4, 5, 4, 3, 4, 5, 4, 4], "base", "s1", .content)
        add([4, 4, 5, 4, 3], "base", "s2", .trainer)
        add([5, 4, 4], "leader", "s3", .content)
        return result
    }()

    static let goals = [
        Goal(id: "g1", programme: "p1", owner: "owner", level: .measurable, title: "Fler chefer med utländsk bakgrund",
             indicator: Indicator(name: "Andel", unit: "%", baseline: .measured(value: 40, date: date("2025-01-01")), target: 60,
                                  measurements: [Measurement(date: date("2026-05-01"), value: 50)])),
        Goal(id: "g2", programme: "p1", owner: "owner", level: .measurable, title: "Färre anmälningar om trakasserier",
             indicator: Indicator(name: "Anmälningar", unit: "st", baseline: .measured(value: 12, date: date("2025-01-01")), target: 5,
                                  direction: .decrease, measurements: [Measurement(date: date("2026-05-01"), value: 4)])),
        Goal(id: "g3", programme: "p1", owner: "owner", level: .measurable, title: "Bättre bemötande",
             indicator: Indicator(name: "Index", unit: "p", baseline: .none, target: 80,
                                  measurements: [Measurement(date: date("2026-05-01"), value: 70)])),
        Goal(id: "g4", programme: "p1", owner: "owner", level: .vision, title: "En organisation för alla"),
        Goal(id: "g5", programme: "p1", owner: "owner", level: .overall, title: "Jämlik rekrytering",
             indicator: Indicator(name: "Andel", unit: "%", baseline: .measured(value: 10, date: date("2025-01-01")), target: 20)),
    ]

    static let plan = ActionPlan(
        id: "plan1", programme: "p1", owner: "owner", title: "Handlingsplan", period: try! DatePeriod("2026-01-01", "2026-12-31"),
        measures: [
            Measure(id: "m1", title: "Kartlägga chefsrekrytering", responsibleRole: "HR", deadline: date("2026-03-01"),
                    linkedGoals: ["g1"], area: .workingConditions, step: .investigate),
            Measure(id: "m2", title: "Lönekartläggning", responsibleRole: "HR", deadline: date("2026-04-01"), status: .done,
                    area: .payAndTerms, step: .analyse),
            Measure(id: "m3", title: "Inställd", responsibleRole: nil, deadline: date("2026-02-01"), status: .cancelled, linkedGoals: ["g5"]),
            Measure(id: "m4", title: "Rutin för anmälan", responsibleRole: "Chef", deadline: date("2026-12-01"), status: .inProgress,
                    linkedGoals: ["g2"]),
        ])

    static var records: ProgrammeRecords {
        ProgrammeRecords(programme: programme, organisations: organisations, interventions: interventions, sessions: sessions,
                         attendances: attendances, participants: participants, ratings: ratings, facilitators: facilitators,
                         goals: goals, plans: [plan])
    }
}
