extension Workspace {
    /// Replaces an intervention that already exists: a new name, duration, planned sessions,
    /// prerequisites or completion rule. Unlike ``add(_:)-(Intervention)`` it refuses an id that does not exist,
    /// so a typo cannot create a second intervention.
    ///
    /// ```swift
    /// var bas = try await workspace.intervention("bas")!
    /// bas.plannedDurationMinutes = 180
    /// try await workspace.update(bas)
    /// ```
    /// - Throws: ``StoreError/notFound(_:)`` when there is no intervention with that id;
    ///   ``ValidationError`` as ``add(_:)-(Intervention)`` (unknown programme or prerequisite, a prerequisite
    ///   cycle, non-positive duration or session count), and
    ///   ``ValidationProblem/dateOutsidePeriod(date:period:)`` when it moves to a programme whose
    ///   period does not hold its scheduled sessions.
    @discardableResult
    public func update(_ intervention: Intervention) async throws -> [ValidationIssue] {
        guard let existing = try await self.intervention(intervention.id) else {
            throw StoreError.notFound(.of(Intervention.self, intervention.id.rawValue))
        }
        if existing.programme != intervention.programme,
           let programme = try await programme(intervention.programme) {
            var c = IssueCollector(.of(Intervention.self, intervention.id.rawValue))
            for s in try await sessions(of: intervention.id) where !programme.period.contains(s.date) {
                c.error("programme", intervention.programme.rawValue, .dateOutsidePeriod(date: s.date, period: programme.period))
            }
            _ = try c.finish()
        }
        return try await add(intervention)
    }
}
