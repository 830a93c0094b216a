extension Workspace {
    // MARK: Ratings

    /// Records ratings in one atomic write.
    /// - Throws: ``ValidationError``: a score outside its scale, an unknown intervention, session or
    ///   rater, a session of another intervention, an over-long comment; ``StoreError/duplicate(_:)``.
    @discardableResult
    public func record(_ ratings: [Rating]) async throws -> [ValidationIssue] {
        var warnings: [ValidationIssue] = []
        var batch = WriteBatch()
        var known: Set<RecordKey> = []
        var sessionOwner: [ID<Session>: ID<Intervention>] = [:]
        for rating in ratings {
            let key = RecordKey.of(Rating.self, rating.id.rawValue)
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
                    _ = try await require(Participant.self, p.rawValue, for: key, field: "rater")
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
        _ = try await require(Organisation.self, goal.owner.rawValue, for: key, field: "owner")
        if let p = goal.programme { _ = try await require(Programme.self, p.rawValue, for: key, field: "programme") }
        let warnings = try goal.validate()
        try await store.upsert(goal)
        return warnings
    }

    /// Adds a measurement to a goal's indicator.
    /// - Throws: ``ValidationError`` when the goal is unknown or has no indicator.
    public func addMeasurement(_ measurement: Measurement, to goal: ID<Goal>) async throws {
        let key = RecordKey.of(Goal.self, goal.rawValue)
        var g = try await require(Goal.self, goal.rawValue, for: key, field: "id")
        guard g.indicator != nil else {
            throw ValidationError(issues: [ValidationIssue(.error, key, field: "indicator", .missing)])
        }
        g.indicator!.measurements.append(measurement)
        try await store.update(g)
    }

    /// The goals owned by an organisation.
    public func goals(of owner: ID<Organisation>) async throws -> [Goal] {
        try await store.all(Goal.self, where: "owner", equals: owner.rawValue)
    }

    /// Saves (adds or replaces) an action plan.
    /// - Throws: ``ValidationError``: a measure without responsible role or deadline, an unknown goal,
    ///   unknown owner, a unit of another organisation.
    /// - Returns: warnings, e.g. ``ValidationProblem/measureWithoutGoal``.
    @discardableResult
    public func save(_ plan: ActionPlan) async throws -> [ValidationIssue] {
        let owner = try await organisation(plan.owner)
        let linked = Set(plan.measures.flatMap(\.linkedGoals).map(\.rawValue))
        var known: Set<ID<Goal>> = []
        for id in linked where try await store.fetch(Goal.self, id: id) != nil { known.insert(ID(id)) }
        let warnings = try plan.validate(owner: owner, knownGoals: known)
        try await store.upsert(plan)
        return warnings
    }

    /// The action plans owned by an organisation.
    public func actionPlans(of owner: ID<Organisation>) async throws -> [ActionPlan] {
        try await store.all(ActionPlan.self, where: "owner", equals: owner.rawValue)
    }
}
