extension Workspace {
    // MARK: Ratings

    /// Records ratings in one atomic write.
    /// - Throws: ``ValidationError``: a score outside its scale, an unknown intervention, session or
    ///   rater, a session of another intervention, an over-long comment; ``StoreError/duplicate(_:)``.
    @discardableResult
    public func record(_ ratings: [Rating]) async throws -> [ValidationIssue] {
        try await withConflictRetry { try await recordOnce(ratings) }
    }

    private func recordOnce(_ ratings: [Rating]) async throws -> [ValidationIssue] {
        var warnings: [ValidationIssue] = []
        var batch = WriteBatch()
        var known: Set<RecordKey> = []
        var sessionOwner: [ID<Session>: ID<Intervention>] = [:]
        for rating in ratings {
            let key = RecordKey.of(Rating.self, rating.id.rawValue)
            try Self.requireIdentifier(rating.id.rawValue, of: key)
            warnings += try rating.validate()
            if known.insert(.of(Intervention.self, rating.intervention.rawValue)).inserted {
                _ = try await require(Intervention.self, rating.intervention.rawValue, for: key, field: "intervention")
            }
            switch rating.subject {
            case .intervention(let i) where i != rating.intervention:
                throw ValidationError(issues: [ValidationIssue(.error, key, field: "subject", value: i.rawValue,
                                                               .interventionOfAnotherProgramme(i))])
            case .session(let s):
                if sessionOwner[s] == nil {
                    sessionOwner[s] = try await require(Session.self, s.rawValue, for: key, field: "subject").intervention
                }
                if sessionOwner[s] != rating.intervention {
                    throw ValidationError(issues: [ValidationIssue(.error, key, field: "subject", value: s.rawValue,
                                                                   .sessionOfAnotherIntervention(s))])
                }
            default: break
            }
            if case .participant(let p) = rating.rater {
                if known.insert(.of(Participant.self, p.rawValue)).inserted {
                    let rater = try await requireVersioned(Participant.self, p.rawValue, for: key, field: "rater")
                    // Moves the rater's revision, so a concurrent erasure re-reads and anonymises this rating.
                    try batch.update(rater.record, ifRevision: rater.revision)
                }
            }
            try batch.insert(rating)
        }
        try await store.write(batch)
        return warnings
    }

    /// Records one rating.
    @discardableResult
    public func record(_ rating: Rating) async throws -> [ValidationIssue] { try await record([rating]) }

    /// The ratings of an intervention (of it and of its sessions).
    public func ratings(of intervention: ID<Intervention>) async throws -> [Rating] {
        try await store.all(Rating.self, where: "intervention", equals: intervention.rawValue)
    }

    // MARK: Goals and action plans

    /// Sets (adds or replaces) a goal.
    /// - Throws: ``ValidationError``: unknown owner or programme, a measurable goal without indicator.
    /// - Returns: warnings, e.g. ``ValidationProblem/noBaseline``.
    @discardableResult
    public func set(_ goal: Goal) async throws -> [ValidationIssue] {
        let key = RecordKey.of(Goal.self, goal.id.rawValue)
        try Self.requireIdentifier(goal.id.rawValue, of: key)
        _ = try await require(Organisation.self, goal.owner.rawValue, for: key, field: "owner")
        if let p = goal.programme { _ = try await require(Programme.self, p.rawValue, for: key, field: "programme") }
        let warnings = try goal.validate()
        try await store.upsert(goal)
        return warnings
    }

    /// Adds a measurement to a goal's indicator.
    ///
    /// The measurement is appended as its own record, never by rewriting the goal, so concurrent
    /// additions are all kept; readers (``goals(of:)``, the follow-up) see it merged into the indicator.
    /// - Throws: ``ValidationError`` when the goal is unknown or has no indicator.
    public func addMeasurement(_ measurement: Measurement, to goal: ID<Goal>) async throws {
        let key = RecordKey.of(Goal.self, goal.rawValue)
        let g = try await requireVersioned(Goal.self, goal.rawValue, for: key, field: "id")
        guard g.record.indicator != nil else {
            throw ValidationError(issues: [ValidationIssue(.error, key, field: "indicator", .missing)])
        }
        try await withConflictRetry {
            var batch = WriteBatch()
            batch.expect(key, .present)
            try batch.insert(GoalMeasurement(id: ID<Goal>.random().rawValue, goal: goal, measurement: measurement))
            try await store.write(batch)
        }
    }

    /// The goals owned by an organisation, with every measurement added to them.
    public func goals(of owner: ID<Organisation>) async throws -> [Goal] {
        try await store.goals(where: [.init(key: "owner", match: .equals(owner.rawValue))])
    }

    /// Saves (adds or replaces) an action plan.
    ///
    /// Pass `ifRevision` (from ``actionPlan(_:)``) to replace a plan only if nobody changed it since you
    /// read it; without it the plan is replaced whatever it was. To add one measure without rewriting
    /// the plan, use ``addMeasure(_:to:)``.
    /// - Throws: ``ValidationError``: a measure without responsible role or deadline, an unknown goal,
    ///   unknown owner or programme, a unit of another organisation; ``StoreError/conflict(_:)`` when
    ///   `ifRevision` no longer holds.
    /// - Returns: warnings, e.g. ``ValidationProblem/measureWithoutGoal``.
    @discardableResult
    public func save(_ plan: ActionPlan, ifRevision: Int? = nil) async throws -> [ValidationIssue] {
        let key = RecordKey.of(ActionPlan.self, plan.id.rawValue)
        try Self.requireIdentifier(plan.id.rawValue, of: key)
        let owner = try await organisation(plan.owner)
        if let p = plan.programme { _ = try await require(Programme.self, p.rawValue, for: key, field: "programme") }
        let linked = Set(plan.measures.flatMap(\.linkedGoals).map(\.rawValue))
        var known: Set<ID<Goal>> = []
        var batch = WriteBatch()
        for id in linked where try await store.fetch(Goal.self, id: id) != nil {
            known.insert(ID(id))
            batch.expect(.of(Goal.self, id), .present)
        }
        let warnings = try plan.validate(owner: owner, knownGoals: known)
        if let revision = ifRevision { try batch.update(plan, ifRevision: revision) } else { try batch.upsert(plan) }
        try await store.write(batch)
        return warnings
    }

    /// An action plan with its revision, for a conditional ``save(_:ifRevision:)``.
    public func actionPlan(_ id: ID<ActionPlan>) async throws -> Versioned<ActionPlan>? {
        try await store.fetchVersioned(ActionPlan.self, id: id.rawValue)
    }

    /// Adds one measure to an action plan, re-reading and retrying if the plan changes meanwhile, so
    /// concurrent additions are all kept.
    /// - Throws: ``ValidationError`` as ``save(_:ifRevision:)``, or ``ValidationProblem/duplicateIdentifier(_:)``
    ///   when the plan already has a measure with this id; ``StoreError/notFound(_:)`` for an unknown plan.
    @discardableResult
    public func addMeasure(_ measure: Measure, to plan: ID<ActionPlan>) async throws -> [ValidationIssue] {
        try await withConflictRetry {
            guard var current = try await actionPlan(plan) else { throw StoreError.notFound(.of(ActionPlan.self, plan.rawValue)) }
            if current.record.measures.contains(where: { $0.id == measure.id }) {
                throw ValidationError(issues: [ValidationIssue(.error, .of(ActionPlan.self, plan.rawValue), field: "measures",
                                                               value: measure.id.rawValue, .duplicateIdentifier(measure.id.rawValue))])
            }
            current.record.measures.append(measure)
            return try await save(current.record, ifRevision: current.revision)
        }
    }

    /// The action plans owned by an organisation.
    public func actionPlans(of owner: ID<Organisation>) async throws -> [ActionPlan] {
        try await store.all(ActionPlan.self, where: "owner", equals: owner.rawValue)
    }
}
