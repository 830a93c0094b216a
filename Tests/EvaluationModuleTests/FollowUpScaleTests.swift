import DiversityKit
import Testing
@testable import EvaluationModule

/// The follow-up's linear-time counting agrees with the definitions it replaced, on mixed inputs.
@Suite("Programme follow-up at scale")
struct FollowUpScaleTests {
    /// 400 people at 7 organisations, attendance to the chain's stages and to an intervention outside it,
    /// interleaved, some records without a person.
    static func attendances() -> [Attendance] {
        var rng = SplitMix64(seed: 9)
        var result: [Attendance] = []
        for i in 0..<4000 {
            let person = Int(rng.next() % 400)
            let intervention: ID<Intervention> = ["base", "leader", "diversity", "elective"][Int(rng.next() % 4)]
            result.append(Attendance(id: ID("a\(i)"), session: ID("s\(i % 9)"), intervention: intervention,
                                     participant: rng.next() % 50 == 0 ? nil : ID("p\(person)"), organisation: ID("o\(person % 7)"),
                                     status: rng.next() % 3 == 0 ? .absent : .attended))
        }
        return result
    }

    /// The funnel by its definition: people with any record; at each stage those still in who satisfy its rule.
    static func referenceFunnel(_ chain: [Intervention], _ attendances: [Attendance]) -> [Int] {
        var remaining = Set(attendances.compactMap(\.participant))
        return chain.map { stage in
            remaining = remaining.filter { p in
                let own = attendances.filter { $0.participant == p && $0.intervention == stage.id }
                return stage.completion.isSatisfied(attended: own.filter { $0.status == .attended }.count, registered: own.count)
            }
            return remaining.count
        }
    }

    @Test("the funnel equals its definition, whatever the completion rules")
    func funnel() {
        let records = Self.attendances()
        let rules: [(CompletionRule, CompletionRule)] = [(.minimumSessions(2), .minimumSessions(1)), (.allRegisteredSessions, .minimumSessions(2))]
        for (first, second) in rules {
            let chain = [Intervention(id: "base", programme: "p", name: "Bas", kind: .baseTraining, completion: first),
                         Intervention(id: "leader", programme: "p", name: "Ledare", kind: .leaderForum, completion: second),
                         Intervention(id: "diversity", programme: "p", name: "Mångfald", kind: .diversityForum)]
            let stages = FollowUp.completionFunnel(chain: chain, attendances: records)
            #expect(stages.map(\.completed) == Self.referenceFunnel(chain, records))
            #expect(stages.map(\.completed).allSatisfy { $0 > 0 })
        }
    }

    @Test("participation lists each organisation once, programme order first, and counts distinct attendees")
    func participation() {
        let records = Self.attendances()
        let programme = Programme(id: "p", name: "P", owner: "o3", partners: ["o1", "o3"], period: try! DatePeriod("2026-01-01", "2026-12-31"),
                                  plannedParticipants: ["o9": 4, "o1": 10, "o0": 7])
        let p = FollowUp.participation(programme: programme, attendances: records)
        #expect(p.rows.map(\.organisation) == ["o3", "o1", "o0", "o9", "o2", "o4", "o5", "o6"])
        for row in p.rows {
            let people = Set(records.filter { $0.organisation == row.organisation && $0.status == .attended }.compactMap(\.participant))
            #expect(row.actual == people.count)
        }
    }
}
