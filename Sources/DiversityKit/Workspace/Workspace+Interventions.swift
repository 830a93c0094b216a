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
    ///
    /// It takes the same conditional, retried path as ``add(_:)-(Intervention)``, so it is safe under
    /// concurrency in the same way; an intervention deleted by another writer meanwhile is not created again.
    /// - Throws: ``StoreError/notFound(_:)`` when there is no intervention with that id;
    ///   ``ValidationError`` as ``add(_:)-(Intervention)`` (unknown programme or prerequisite, a prerequisite
    ///   cycle, non-positive duration or session count, and on a move to another programme a session
    ///   outside its period or an intervention left behind that requires it).
    @discardableResult
    public func update(_ intervention: Intervention) async throws -> [ValidationIssue] {
        // The same read → validate → conditional write as `add`, refusing an id that is absent when it commits.
        try await save(intervention, mustExist: true)
    }
}
