import DiversityKit

/// Records dialogue conferences and turns their outputs into measures of action plans.
public struct ConferenceService: Sendable {
    /// The store.
    public let store: any Store

    /// A service over `store`.
    public init(store: any Store) { self.store = store }

    /// Records or replaces a conference.
    /// - Throws: ``ToolkitError/emptyText(entity:field:)`` (title, proposal, responsible role),
    ///   ``ToolkitError/invalid(entity:field:reason:)`` with no perspectives,
    ///   ``ToolkitError/perspectiveNotChosen(_:conference:)``,
    ///   ``ToolkitError/unknownReference(_:)`` for an unknown organisation or goal.
    public func record(_ conference: DialogueConference) async throws {
        let key = RecordKey.of(DialogueConference.self, conference.id.rawValue)
        try Check.text(conference.title, key, "title")
        guard !conference.perspectives.isEmpty else {
            throw ToolkitError.invalid(entity: key, field: "perspectives", reason: "needs at least one perspective")
        }
        _ = try await store.require(Organisation.self, conference.organisation.rawValue)
        for output in conference.outputs {
            try Check.text(output.proposal, key, "outputs.proposal")
            try Check.text(output.responsibleRole, key, "outputs.responsibleRole")
            guard conference.perspectives.contains(output.perspective) else {
                throw ToolkitError.perspectiveNotChosen(output.perspective, conference: conference.id)
            }
            for goal in output.goals { _ = try await store.require(Goal.self, goal.rawValue) }
        }
        try await store.upsert(conference)
    }

    /// A conference.
    public func conference(_ id: ID<DialogueConference>) async throws -> DialogueConference? {
        try await store.fetch(DialogueConference.self, id: id.rawValue)
    }

    /// Adopts outputs of a conference as measures of an action plan, in one atomic write of the
    /// plan and the conference. Each measure gets origin ``/DiversityKit/MeasureOrigin/dialogueConference(_:)``
    /// (the conference id), the output's goals, role and deadline, and the id `"<conference>#<index>"`.
    /// - Parameters:
    ///   - conferenceID: the conference whose outputs are adopted.
    ///   - indices: indices into ``DialogueConference/outputs``; all not yet adopted when `nil`.
    ///   - planID: the action plan that receives the measures.
    /// - Returns: the new measures.
    /// - Throws: ``ToolkitError/unknownReference(_:)``, ``ToolkitError/unknownOutput(conference:output:)``,
    ///   ``ToolkitError/outputAlreadyAdopted(conference:output:)``,
    ///   ``ToolkitError/invalid(entity:field:reason:)`` when a deadline falls outside the plan's period.
    @discardableResult
    public func adopt(_ conferenceID: ID<DialogueConference>, outputs indices: [Int]? = nil,
                      into planID: ID<ActionPlan>) async throws -> [Measure] {
        var conference = try await store.require(DialogueConference.self, conferenceID.rawValue)
        var plan = try await store.require(ActionPlan.self, planID.rawValue)
        let chosen = indices ?? conference.outputs.indices.filter { conference.outputs[$0].adoptedAs == nil }
        try Check.unique(chosen)
        var measures: [Measure] = []
        for index in chosen {
            guard conference.outputs.indices.contains(index) else {
                throw ToolkitError.unknownOutput(conference: conferenceID, output: index)
            }
            let output = conference.outputs[index]
            guard output.adoptedAs == nil else { throw ToolkitError.outputAlreadyAdopted(conference: conferenceID, output: index) }
            guard plan.period.contains(output.deadline) else {
                throw ToolkitError.invalid(entity: .of(ActionPlan.self, planID.rawValue), field: "deadline",
                                           reason: "\(output.deadline) is outside the plan's period \(plan.period)")
            }
            let measure = Measure(id: ID("\(conferenceID.rawValue)#\(index)"), title: output.proposal,
                                  responsibleRole: output.responsibleRole, deadline: output.deadline,
                                  linkedGoals: output.goals, origin: .dialogueConference(conferenceID.rawValue))
            if plan.measures.contains(where: { $0.id == measure.id }) {
                throw ToolkitError.outputAlreadyAdopted(conference: conferenceID, output: index)
            }
            plan.measures.append(measure)
            conference.outputs[index].adoptedAs = measure.id
            conference.outputs[index].adoptedInto = planID
            measures.append(measure)
        }
        var batch = WriteBatch()
        try batch.update(plan)
        try batch.update(conference)
        try await store.write(batch)
        return measures
    }

    /// Every measure in `plan` that came from a dialogue conference, with the conference id.
    public func measuresFromConferences(in planID: ID<ActionPlan>) async throws -> [(conference: String?, measure: Measure)] {
        let plan = try await store.require(ActionPlan.self, planID.rawValue)
        return plan.measures.compactMap { m in
            if case .dialogueConference(let c) = m.origin { return (c, m) }
            return nil
        }
    }
}
