import DiversityKit

/// ProgrammeToolkit's part in erasure (``/DiversityKit/Workspace/erase(_:identifyingTexts:)``): every toolkit record
/// that names the participant is erased or re-pointed to the request's random stand-in, so counts
/// (meetings held, seats taken, seminars attended) still add up.
///
/// - Mentoring: the participant's profiles are deleted. A pair naming them is re-pointed to the stand-in
///   in place (its id is opaque), so its meeting log stays with it; a pair stored under an old id that
///   embeds participant ids (`"<pool>/<mentor>+<adept>"`) is moved, with its log, to an opaque id.
/// - Reflection groups and seminars: the participant leaves the member list; their attendance is kept
///   under the stand-in.
/// - Ambassadors: the participant link is removed; the ambassador's workshops stay.
/// - Accessibility requests: a request tied to one of the participant's enrolments is deleted (it can
///   reveal a disability).
/// - Elective allocations: the participant's seat and outcome move to the stand-in.
///
/// ```swift
/// let workspace = Workspace(store: store, dataOwners: [ToolkitParticipantData()])
/// ```
public struct ToolkitParticipantData: ParticipantDataOwner {
    /// `"toolkit"`.
    public let name = "toolkit"

    /// Creates the owner.
    public init() {}

    /// The operations that erase `request.participant` from the toolkit's records.
    public func erasure(for request: ErasureRequest, in store: any Store) async throws -> WriteBatch {
        let p = request.participant, standIn = request.standIn
        var batch = WriteBatch()

        for profile in try await store.allVersioned(MentoringProfile.self) where profile.record.participant == p {
            batch.delete(MentoringProfile.self, id: profile.record.recordID, ifRevision: profile.revision)
        }
        for key in ["mentor", "adept"] {
            for pair in try await store.allVersioned(MentoringPair.self, where: [.init(key: key, match: .equals(p.rawValue))]) {
                var moved = pair.record
                if moved.mentor == p { moved.mentor = standIn }
                if moved.adept == p { moved.adept = standIn }
                guard pair.record.id.rawValue.contains(p.rawValue) else {
                    try batch.update(moved, ifRevision: pair.revision) // an opaque key: re-pointed in place
                    continue
                }
                // A key from before opaque pair ids names the participant: move the pair and its log to an opaque one.
                moved.id = .random()
                batch.delete(MentoringPair.self, id: pair.record.recordID, ifRevision: pair.revision)
                try batch.insert(moved)
                for meeting in try await store.allVersioned(MentoringMeeting.self, where: [.init(key: "pair", match: .equals(pair.record.id.rawValue))]) {
                    var log = meeting.record
                    log.pair = moved.id
                    batch.delete(MentoringMeeting.self, id: meeting.record.recordID, ifRevision: meeting.revision)
                    try batch.insert(log)
                }
            }
        }

        for group in try await store.allVersioned(ReflectionGroup.self) where group.record.members.contains(p) {
            var g = group.record
            g.members.removeAll { $0 == p }
            try batch.update(g, ifRevision: group.revision)
        }
        for session in try await store.allVersioned(ReflectionSession.self) where session.record.attendees.contains(p) {
            var s = session.record
            s.attendees = s.attendees.map { $0 == p ? standIn : $0 }
            try batch.update(s, ifRevision: session.revision)
        }

        for ambassador in try await store.allVersioned(Ambassador.self) where ambassador.record.participant == p {
            var a = ambassador.record
            a.participant = nil
            try batch.update(a, ifRevision: ambassador.revision)
        }

        let enrolments = Set(try await store.all(Enrolment.self, where: "participant", equals: p.rawValue).map(\.id))
        if !enrolments.isEmpty {
            for r in try await store.allVersioned(AccessibilityRequest.self) {
                if let e = r.record.enrolment, enrolments.contains(e) {
                    batch.delete(AccessibilityRequest.self, id: r.record.recordID, ifRevision: r.revision)
                }
            }
        }

        for allocation in try await store.allVersioned(ElectiveAllocation.self)
        where allocation.record.seats[p] != nil || allocation.record.outcomes[p] != nil {
            var a = allocation.record
            if let seat = a.seats.removeValue(forKey: p) { a.seats[standIn] = seat }
            if let outcome = a.outcomes.removeValue(forKey: p) { a.outcomes[standIn] = outcome }
            try batch.update(a, ifRevision: allocation.revision)
        }
        return batch
    }
}
