import DiversityKit
import ExampleSupport
import ProgrammeToolkit

extension LikabehandlingScenario {
    /// The reflection groups as formed and held: their sessions and the attendance to record.
    struct ReflectionPlan {
        var groups: [ReflectionGroup]
        var sessions: [ReflectionSession]
        var attendance: [Workspace.AttendanceEntry]
    }

    /// The round every group belongs to.
    public static let reflectionRound = "2010-2011"

    /// Case types from daily work (praktiska fall), anonymised; each group gets two.
    static let caseBank: [CaseMaterial] = [
        CaseMaterial(title: "Tolken som inte kom", description: "En brukare med begränsad svenska får vänta på besked eftersom ingen ordnat tolk."),
        CaseMaterial(title: "Skämtet i fikarummet", description: "En kollega skämtar om en grupps religion; ingen säger emot."),
        CaseMaterial(title: "Rekryteringen", description: "En sökande med utländskt namn sorteras bort tidigt utan att meritlistan lästs."),
        CaseMaterial(title: "Den otillgängliga entrén", description: "En besökare med rullstol kommer inte in till mötet och får vänta ute."),
        CaseMaterial(title: "Föräldramötet", description: "En förälder uppfattas som ointresserad men förstod inte kallelsen."),
        CaseMaterial(title: "Önskemålet om vårdare", description: "En brukare vill bara ha hjälp av personal av samma kön."),
        CaseMaterial(title: "Jargongen i arbetslaget", description: "En ny medarbetare känner sig utanför arbetslagets interna språk."),
        CaseMaterial(title: "Blanketten", description: "Information finns bara på svenska och i ett format som inte alla kan läsa."),
    ]

    /// The reflection seminar's session of group number `n` (1-based).
    static func reflectionSession(_ n: Int) -> ID<Session> {
        let digits = String(n)
        return ID("reflektion-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits)
    }

    /// Forms the groups from workplaces, gives each two cases, schedules one seminar per group
    /// within April 2010 – June 2011 and records who came.
    static func planReflection(for staff: [Participant], in workspace: Workspace, toolkit: ProgrammeToolkit,
                               rng: inout SeededGenerator) async throws -> ReflectionPlan {
        for start in stride(from: 0, to: staff.count, by: chunkSize) {
            try await workspace.enrol(staff[start..<min(start + chunkSize, staff.count)].map { ($0.id, reflectionIntervention) },
                                      on: reflectionStart)
        }
        let formed = try await toolkit.reflection.formGroups(round: reflectionRound, participants: staff.map(\.id),
                                                             minimum: reflectionGroupSize.lowerBound, maximum: reflectionGroupSize.upperBound)
        for group in formed {
            for material in rng.sample(caseBank, count: 2) {
                var local = material
                local.workplace = group.workplaces.first
                try await toolkit.reflection.attach(local, to: group.id)
            }
        }
        let groups = try await toolkit.reflection.groups(round: reflectionRound)
        let dates = reflectionDates(count: groups.count)
        var plan = ReflectionPlan(groups: groups, sessions: [], attendance: [])
        var sessions: [Session] = []
        for (i, group) in groups.enumerated() {
            let sessionID = reflectionSession(i + 1)
            sessions.append(Session(id: sessionID, intervention: reflectionIntervention, date: dates[i],
                                    start: TimeOfDay(hour: 13), durationMinutes: 180, capacity: reflectionGroupSize.upperBound))
            var came: [ID<Participant>] = []
            for member in group.members {
                let status: AttendanceStatus = rng.chance(91) ? .attended : (rng.chance(70) ? .excused : .absent)
                if status == .attended { came.append(member) }
                plan.attendance.append(.init(participant: member, session: sessionID, status: status))
            }
            let held = ReflectionSession(group: group.id, date: dates[i], attendees: came, casesDiscussed: group.caseMaterial.map(\.title))
            try await toolkit.reflection.record(held)
            plan.sessions.append(held)
        }
        try await workspace.schedule(sessions)
        return plan
    }
}
