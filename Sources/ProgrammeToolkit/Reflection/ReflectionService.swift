import DiversityKit

/// Reflection seminars (reflektionsseminarier): form small groups from workplaces, give each
/// its case material, record the sessions each group holds.
public struct ReflectionService: Sendable {
    /// The store.
    public let store: any Store

    /// A service over `store`.
    public init(store: any Store) { self.store = store }

    /// Forms and stores the groups of a round from registered participants (see ``GroupFormer``).
    /// Groups get ids `"<round>-g<n>"`, numbered in formation order.
    /// - Throws: ``ToolkitError/unknownReference(_:)``, ``ToolkitError/missingUnit(participant:)``,
    ///   and the errors of ``GroupFormer/form(_:minimum:maximum:)``; ``/DiversityKit/StoreError/duplicate(_:)``
    ///   when the round was already formed.
    @discardableResult
    public func formGroups(round: String, participants: [ID<Participant>], minimum: Int, maximum: Int) async throws -> [ReflectionGroup] {
        try Check.text(round, RecordKey(type: ReflectionGroup.recordType, id: round), "round")
        return try await withConflictRetry { try await formGroupsOnce(round: round, participants: participants, minimum: minimum, maximum: maximum) }
    }

    private func formGroupsOnce(round: String, participants: [ID<Participant>], minimum: Int, maximum: Int) async throws -> [ReflectionGroup] {
        var members: [GroupFormer.Member] = []
        var batch = WriteBatch()
        var touched: Set<ID<Participant>> = []
        // One read for everyone; refusals still come in the participants' order.
        let found = try await store.fetchVersioned(Participant.self, ids: participants.map(\.rawValue))
        for (id, read) in zip(participants, found) {
            guard let read else { throw ToolkitError.unknownReference(.of(Participant.self, id.rawValue)) }
            guard let unit = read.record.unit else { throw ToolkitError.missingUnit(participant: id) }
            // Moves the participant's revision, so an erasure racing this write re-reads the new group.
            if touched.insert(id).inserted { try batch.touch(read) }
            members.append((id, unit))
        }
        let formed = try GroupFormer.form(members, minimum: minimum, maximum: maximum)
        let groups = formed.enumerated().map { i, people in
            var units: [ID<OrganisationUnit>] = []
            for p in people where !units.contains(p.workplace) { units.append(p.workplace) }
            return ReflectionGroup(id: ID("\(round)-g\(i + 1)"), round: round, members: people.map(\.participant),
                                   workplaces: units.sorted())
        }
        for g in groups { try batch.insert(g) }
        try await store.write(batch)
        return groups
    }

    /// The groups of a round, ordered by id.
    public func groups(round: String) async throws -> [ReflectionGroup] {
        try await store.all(ReflectionGroup.self, where: "round", equals: round)
    }

    /// Adds case material to a group.
    ///
    /// A compare-and-swap on the group, retried on conflict: concurrent additions are all kept, and a
    /// member removed meanwhile (by erasure) is not written back.
    /// - Throws: ``ToolkitError/unknownReference(_:)``, ``ToolkitError/emptyText(entity:field:)``.
    public func attach(_ material: CaseMaterial, to groupID: ID<ReflectionGroup>) async throws {
        let key = RecordKey.of(ReflectionGroup.self, groupID.rawValue)
        try Check.text(material.title, key, "caseMaterial.title")
        try Check.text(material.description, key, "caseMaterial.description")
        try await withConflictRetry {
            let read = try await store.requireVersioned(ReflectionGroup.self, groupID.rawValue)
            var group = read.record
            group.caseMaterial.append(material)
            var batch = WriteBatch()
            try batch.update(group, ifRevision: read.revision)
            try await store.write(batch)
        }
    }

    /// Records (or replaces) a session a group held.
    /// - Throws: ``ToolkitError/unknownReference(_:)``, ``ToolkitError/notAGroupMember(_:group:)``,
    ///   ``ToolkitError/invalid(entity:field:reason:)`` for a case the group does not have.
    ///
    /// The write moves the group's revision, so an erasure racing it (which rewrites the group) conflicts
    /// and re-reads this session; an attendee removed from the group meanwhile is refused.
    public func record(_ session: ReflectionSession) async throws {
        try Check.unique(session.attendees)
        try await withConflictRetry { try await recordOnce(session) }
    }

    private func recordOnce(_ session: ReflectionSession) async throws {
        let read = try await store.requireVersioned(ReflectionGroup.self, session.group.rawValue)
        let group = read.record
        for p in session.attendees where !group.members.contains(p) {
            throw ToolkitError.notAGroupMember(p, group: group.id)
        }
        for c in session.casesDiscussed where !group.caseMaterial.contains(where: { $0.title == c }) {
            throw ToolkitError.invalid(entity: .of(ReflectionSession.self, session.recordID), field: "casesDiscussed",
                                       reason: "names a case the group does not have")
        }
        var batch = WriteBatch()
        try batch.touch(read)
        try batch.upsert(session)
        try await store.write(batch)
    }

    /// Sessions held per group of a round, every group included.
    public func sessionsHeld(round: String) async throws -> [ID<ReflectionGroup>: Int] {
        var result: [ID<ReflectionGroup>: Int] = [:]
        for g in try await groups(round: round) {
            result[g.id] = try await store.count(RecordQuery(type: ReflectionSession.recordType).where("group", equals: g.id.rawValue))
        }
        return result
    }
}
