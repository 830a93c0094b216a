import DiversityKit

/// One stage of the completion funnel.
public struct FunnelStage: Hashable, Sendable, Codable {
    /// The intervention of this stage.
    public let intervention: ID<Intervention>
    /// Its name.
    public let name: String
    /// Participants who completed this and every earlier stage.
    public let completed: Int
}

/// Sessions held against planned for one intervention.
public struct SessionDelivery: Hashable, Sendable, Codable {
    /// The intervention.
    public let intervention: ID<Intervention>
    /// Its name.
    public let name: String
    /// Planned sessions; `nil` when not planned in numbers.
    public let planned: Int?
    /// Sessions dated on or before the follow-up date.
    public let held: Int
    /// Sessions scheduled after the follow-up date.
    public let scheduled: Int
    /// held − planned.
    public var difference: Int? { planned.map { held - $0 } }
}

extension FollowUp {
    /// The prerequisite chain ending at `last` (e.g. base training → leader forum → diversity forum),
    /// following each intervention's first prerequisite, earliest first.
    /// - Throws: ``FollowUpError/unknownIntervention(_:)``, ``FollowUpError/prerequisiteCycle(_:)``.
    public static func prerequisiteChain(endingAt last: ID<Intervention>, in interventions: [Intervention]) throws -> [Intervention] {
        let byID = Dictionary(interventions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var chain: [Intervention] = []
        var next: ID<Intervention>? = last
        while let id = next {
            guard let i = byID[id] else { throw FollowUpError.unknownIntervention(id) }
            if chain.contains(where: { $0.id == id }) { throw FollowUpError.prerequisiteCycle(id) }
            chain.append(i)
            next = i.prerequisites.first
        }
        return chain.reversed()
    }

    /// The completion funnel through a chain: how many completed stage 1, stages 1–2, and so on.
    ///
    /// Completion follows each intervention's ``/DiversityKit/CompletionRule`` over the participant's attendance records.
    public static func completionFunnel(chain: [Intervention], attendances: [Attendance]) -> [FunnelStage] {
        // Counts live in flat arrays indexed by (person, stage): one hash lookup per record instead of a
        // table of (person, intervention) string keys, which outgrows the cache and made the cost superlinear.
        let k = chain.count
        let stageOf = Dictionary(chain.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var personOf: [ID<Participant>: Int] = [:]
        var registered: [Int] = [], attended: [Int] = []
        var lastIntervention: ID<Intervention>?, lastStage: Int?
        for a in attendances {
            guard let p = a.participant else { continue }
            let person: Int
            if let known = personOf[p] { person = known } else {
                person = personOf.count
                personOf[p] = person
                registered.append(contentsOf: repeatElement(0, count: k))
                attended.append(contentsOf: repeatElement(0, count: k))
            }
            if a.intervention != lastIntervention {
                lastIntervention = a.intervention
                lastStage = stageOf[a.intervention]
            }
            guard let stage = lastStage else { continue }
            registered[person * k + stage] += 1
            if a.status == .attended { attended[person * k + stage] += 1 }
        }
        var remaining = Array(repeating: true, count: personOf.count)
        return chain.map { intervention in
            let stage = stageOf[intervention.id]!
            var completed = 0
            for person in remaining.indices where remaining[person] {
                let i = person * k + stage
                remaining[person] = intervention.completion.isSatisfied(attended: attended[i], registered: registered[i])
                if remaining[person] { completed += 1 }
            }
            return FunnelStage(intervention: intervention.id, name: intervention.name, completed: completed)
        }
    }

    /// Sessions held against planned per intervention (Trelleborg: 26 training days, 144 reflection seminars).
    public static func sessionsAgainstPlan(interventions: [Intervention], sessions: [Session],
                                           asOf date: CalendarDate) -> [SessionDelivery] {
        interventions.map { i in
            let own = sessions.filter { $0.intervention == i.id }
            let held = own.filter { $0.date <= date }.count
            return SessionDelivery(intervention: i.id, name: i.name, planned: i.plannedSessions, held: held,
                                   scheduled: own.count - held)
        }
    }
}
