import DiversityKit

/// Accessibility: inventory venues against the checklist, take requests for sessions, and flag
/// sessions at risk before they happen.
///
/// ```swift
/// let access = ProgrammeToolkit(store: store).accessibility
/// try await access.inventory("radhuset", meets: ["physical.step-free-entrance", "communication.hearing-loop"])
/// try await access.request(AccessibilityRequest(id: "r1", session: "s1", criteria: ["physical.lift"]))
/// for risk in try await access.sessionsAtRisk(from: today) { print(risk) }
/// ```
public struct AccessibilityService: Sendable {
    /// The store.
    public let store: any Store
    /// The checklist codes are checked against.
    public let checklist: AccessibilityChecklist

    /// A service over `store` using `checklist`.
    public init(store: any Store, checklist: AccessibilityChecklist = .standard) {
        self.store = store
        self.checklist = checklist
    }

    /// Records which criteria a venue meets (replacing the earlier inventory).
    /// - Throws: ``ToolkitError/unknownReference(_:)``, ``ToolkitError/unknownAccessibilityCriterion(_:)``.
    ///
    /// A compare-and-swap on the venue, retried on conflict, so a concurrent change of the venue's other
    /// fields is kept.
    public func inventory(_ venueID: ID<Venue>, meets codes: Set<String>) async throws {
        try checkCodes(codes)
        try await withConflictRetry {
            let read = try await store.requireVersioned(Venue.self, venueID.rawValue)
            var venue = read.record
            venue.accessibilityMet = codes
            var batch = WriteBatch()
            try batch.update(venue, ifRevision: read.revision)
            try await store.write(batch)
        }
    }

    /// Criteria of the checklist a venue does not meet, by perspective.
    /// - Throws: ``ToolkitError/unknownReference(_:)``.
    public func gaps(of venueID: ID<Venue>) async throws -> [AccessibilityPerspective: [AccessibilityCriterion]] {
        let venue = try await store.require(Venue.self, venueID.rawValue)
        return Dictionary(grouping: checklist.criteria.filter { !venue.accessibilityMet.contains($0.code) }, by: \.perspective)
    }

    /// Stores a request for a session.
    /// - Throws: ``ToolkitError/unknownReference(_:)`` (session, enrolment),
    ///   ``ToolkitError/unknownAccessibilityCriterion(_:)``, ``ToolkitError/invalid(entity:field:reason:)``
    ///   when no criterion is named or the enrolment is for another intervention.
    public func request(_ request: AccessibilityRequest) async throws {
        let key = RecordKey.of(AccessibilityRequest.self, request.id.rawValue)
        guard !request.criteria.isEmpty else {
            throw ToolkitError.invalid(entity: key, field: "criteria", reason: "names no criterion")
        }
        try checkCodes(request.criteria)
        try await withConflictRetry {
            let session = try await store.requireVersioned(Session.self, request.session.rawValue)
            var batch = WriteBatch()
            batch.expectUnchanged(session)
            if let e = request.enrolment {
                let enrolment = try await store.requireVersioned(Enrolment.self, e.rawValue)
                guard enrolment.record.intervention == session.record.intervention else {
                    throw ToolkitError.invalid(entity: key, field: "enrolment", reason: "is for another intervention than the session")
                }
                // Moves the enrolment's revision: an erasure racing this write conflicts and deletes the request too.
                try batch.touch(enrolment)
            }
            try batch.upsert(request)
            try await store.write(batch)
        }
    }

    /// Withdraws (deletes) a request.
    /// - Throws: ``/DiversityKit/StoreError/notFound(_:)``.
    public func withdraw(_ id: ID<AccessibilityRequest>) async throws {
        try await store.delete(AccessibilityRequest.self, id: id.rawValue)
    }

    /// Sessions on or after `date` whose venue fails a requested criterion, ordered by date then id.
    public func sessionsAtRisk(from date: CalendarDate) async throws -> [SessionAtRisk] {
        var requested: [ID<Session>: Set<String>] = [:]
        try await store.forEach(AccessibilityRequest.self) { requested[$0.session, default: []].formUnion($0.criteria) }
        var result: [SessionAtRisk] = []
        for (sessionID, codes) in requested {
            guard let session = try await store.fetch(Session.self, id: sessionID.rawValue), session.date >= date else { continue }
            var met: Set<String> = []
            if let v = session.venue, let venue = try await store.fetch(Venue.self, id: v.rawValue) { met = venue.accessibilityMet }
            let unmet = codes.subtracting(met).sorted()
            if !unmet.isEmpty {
                result.append(SessionAtRisk(session: sessionID, date: session.date, venue: session.venue, unmetCriteria: unmet))
            }
        }
        return result.sorted { ($0.date, $0.session) < ($1.date, $1.session) }
    }

    /// Deletes every request for a session held before `date`, atomically.
    /// - Returns: how many requests were deleted.
    @discardableResult
    public func purgeRequests(heldBefore date: CalendarDate) async throws -> Int {
        var batch = WriteBatch()
        var dates: [ID<Session>: CalendarDate?] = [:]
        for r in try await store.all(AccessibilityRequest.self) {
            if dates[r.session] == nil { dates[r.session] = .some(try await store.fetch(Session.self, id: r.session.rawValue)?.date) }
            // A request whose session was deleted has nothing left to protect and goes too.
            if let held = dates[r.session]!, held >= date { continue }
            batch.delete(AccessibilityRequest.self, id: r.recordID)
        }
        try await store.write(batch)
        return batch.operations.count
    }

    /// Requests per criterion for a session, suppressing counts below `threshold` (default 5)
    /// so that a small number cannot point to a person.
    public func summary(of session: ID<Session>, threshold: Int = 5) async throws -> RequestSummary {
        var counts: [String: Int] = [:]
        for r in try await store.all(AccessibilityRequest.self, where: "session", equals: session.rawValue) {
            for c in r.criteria { counts[c, default: 0] += 1 }
        }
        return RequestSummary(session: session, counts: counts.filter { $0.value >= threshold },
                              suppressed: counts.filter { $0.value < threshold }.keys.sorted())
    }

    private func checkCodes(_ codes: Set<String>) throws {
        let known = checklist.codes
        if let unknown = codes.sorted().first(where: { !known.contains($0) }) {
            throw ToolkitError.unknownAccessibilityCriterion(unknown)
        }
    }
}
