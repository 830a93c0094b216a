import DiversityKit

/// Participants against plan for one organisation (deltagande mot plan).
public struct ParticipationRow: Hashable, Sendable, Codable {
    /// The organisation.
    public let organisation: ID<Organisation>
    /// Planned participants; `nil` when the plan names no number for it.
    public let planned: Int?
    /// Distinct participants who attended at least one session.
    public let actual: Int
    /// actual − planned: positive over plan, negative under.
    public var difference: Int? { planned.map { actual - $0 } }
    /// actual ÷ planned; `nil` without a positive plan.
    public var attainment: Double? { planned.flatMap { $0 > 0 ? Double(actual) / Double($0) : nil } }
}

/// Participation against plan per organisation and in total.
public struct ParticipationFollowUp: Hashable, Sendable, Codable {
    /// One row per organisation: the programme's organisations first, then others that attended.
    public let rows: [ParticipationRow]
    /// The programme's total planned participants.
    public var totalPlanned: Int { rows.compactMap(\.planned).reduce(0, +) }
    /// Distinct participants in total.
    public var totalActual: Int { rows.map(\.actual).reduce(0, +) }
    /// Organisations under plan.
    public var underPlan: [ID<Organisation>] { rows.filter { ($0.difference ?? 0) < 0 }.map(\.organisation) }
    /// Organisations over plan.
    public var overPlan: [ID<Organisation>] { rows.filter { ($0.difference ?? 0) > 0 }.map(\.organisation) }
}

extension FollowUp {
    /// Participation against plan (like MDSS: health centres under plan, other organisations over).
    ///
    /// A participant counts once, in their organisation, when they attended at least one session.
    /// Attendance records of erased participants carry no person and cannot be told apart, so they are not counted.
    public static func participation(programme: Programme, attendances: [Attendance]) -> ParticipationFollowUp {
        var people: [ID<Organisation>: Set<ID<Participant>>] = [:]
        for a in attendances where a.status == .attended {
            if let p = a.participant { people[a.organisation, default: []].insert(p) }
        }
        var order = programme.organisations
        // A set beside the order: `order.contains` made this quadratic in the number of organisations.
        var listed = Set(order)
        for org in programme.plannedParticipants.keys.sorted() where listed.insert(org).inserted { order.append(org) }
        for org in people.keys.sorted() where listed.insert(org).inserted { order.append(org) }
        return ParticipationFollowUp(rows: order.map {
            ParticipationRow(organisation: $0, planned: programme.plannedParticipants[$0], actual: people[$0]?.count ?? 0)
        })
    }
}
