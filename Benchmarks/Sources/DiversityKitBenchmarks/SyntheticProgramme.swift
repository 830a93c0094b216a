import DiversityKit
import EvaluationModule
import Foundation

/// A synthetic programme shaped like Trelleborg's (o)Likabehandling, scaled to `participants`:
/// one organisation per 250 participants (each with a planned head count), base training in groups of
/// 25 over two sessions, a leader forum for one in ten, a diversity forum for a quarter of the leaders,
/// and about two ratings per base-training participant. Deterministic for a given size.
struct SyntheticProgramme {
    static let asOf = try! CalendarDate("2011-06-30")
    let participants: Int

    private var kronor: Int64 { Int64(participants) * 100 }

    var records: ProgrammeRecords {
        var rng = SplitMix64(seed: UInt64(participants))
        let orgCount = max(4, participants / 250)
        let organisations = [Organisation(id: "owner", name: "Kommunen", kind: .municipality)]
            + (0..<orgCount).map { Organisation(id: ID("org\($0)"), name: "Förvaltning \($0 + 1)", kind: .municipality) }
        let people = (0..<participants).map { i in
            Participant(id: ID("p\(i)"), organisation: ID("org\(i % orgCount)"),
                        indicators: i % 13 == 0 ? nil : FunderIndicators(
                            gender: i % 5 < 3 ? .woman : .man, ageBand: i % 7 == 0 ? .from18to29 : .from30to54,
                            education: i % 3 == 0 ? .isced3to4 : .isced5to8))
        }
        var planned: [ID<Organisation>: Int] = [:]
        for p in people { planned[p.organisation, default: 0] += 1 }
        for (org, n) in planned { planned[org] = n + Int(rng.next() % 21) - 10 }
        let programme = Programme(
            id: "prog", name: "(o)Likabehandling", owner: "owner", partners: organisations.dropFirst().map(\.id),
            period: try! DatePeriod("2010-04-01", "2011-06-30"),
            funding: [FundingSource(kind: .esfGrant, name: "ESF-rådet", amount: Money(kronor: 6 * kronor)),
                      FundingSource(kind: .ownFunding, amount: Money(kronor: 2 * kronor))],
            budget: [BudgetLine(category: .salaries, planned: Money(kronor: 5 * kronor), outcome: Money(kronor: 48 * kronor / 10)),
                     BudgetLine(category: .consultants, planned: Money(kronor: 3 * kronor), outcome: Money(kronor: 31 * kronor / 10))],
            indirectCostRate: 20, plannedParticipants: planned,
            milestones: [Milestone(name: "Start", planned: try! CalendarDate("2010-04-01"), actual: try! CalendarDate("2010-04-12")),
                         Milestone(name: "Slutrapport", planned: try! CalendarDate("2011-06-15"))])
        let base = Intervention(id: "base", programme: "prog", name: "Basutbildning", kind: .baseTraining,
                                plannedSessions: 2 * ((participants + 24) / 25), completion: .minimumSessions(2))
        let leader = Intervention(id: "leader", programme: "prog", name: "Ledarforum", kind: .leaderForum,
                                  plannedSessions: participants / 200 + 1, prerequisites: ["base"])
        let diversity = Intervention(id: "diversity", programme: "prog", name: "Mångfaldsforum", kind: .diversityForum,
                                     plannedSessions: participants / 800 + 1, prerequisites: ["leader"])

        var sessions: [Session] = [], attendances: [Attendance] = [], ratings: [Rating] = []
        let start = try! CalendarDate("2010-05-03")
        func session(_ intervention: ID<Intervention>, _ n: Int) -> ID<Session> {
            let id = ID<Session>("s\(sessions.count)")
            sessions.append(Session(id: id, intervention: intervention, date: start.adding(days: n % 400), durationMinutes: 240))
            return id
        }
        func attend(_ s: ID<Session>, _ intervention: ID<Intervention>, _ p: Participant, _ attended: Bool) {
            attendances.append(Attendance(id: ID("a\(attendances.count)"), session: s, intervention: intervention,
                                          participant: p.id, organisation: p.organisation, status: attended ? .attended : .absent))
        }
        for (g, group) in stride(from: 0, to: participants, by: 25).enumerated() {
            let first = session("base", 2 * g), second = session("base", 2 * g + 14)
            for p in people[group..<min(group + 25, participants)] {
                attend(first, "base", p, rng.next() % 100 < 97)
                attend(second, "base", p, rng.next() % 100 < 90)
                for dimension in [RatingDimension.content, .trainer] where rng.next() % 100 < 80 {
                    ratings.append(Rating(id: ID("r\(ratings.count)"), subject: .session(first), intervention: "base",
                                          dimension: dimension, score: 3 + Int(rng.next() % 3)))
                }
            }
        }
        let leaders = people.enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
        for (g, group) in stride(from: 0, to: leaders.count, by: 20).enumerated() {
            let s = session("leader", 60 + 3 * g)
            for p in leaders[group..<min(group + 20, leaders.count)] { attend(s, "leader", p, rng.next() % 100 < 92) }
        }
        let forum = leaders.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        for (g, group) in stride(from: 0, to: forum.count, by: 20).enumerated() {
            let s = session("diversity", 200 + 5 * g)
            for p in forum[group..<min(group + 20, forum.count)] { attend(s, "diversity", p, rng.next() % 100 < 88) }
        }
        return ProgrammeRecords(programme: programme, organisations: organisations, interventions: [base, leader, diversity],
                                sessions: sessions, attendances: attendances, participants: people, ratings: ratings)
    }
}
