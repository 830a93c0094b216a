import Foundation

// The validation rules of the core entities. Each takes what it needs to know of the
// rest of the store as plain arguments, so the rules are pure and testable on their own;
// `Workspace` gathers the arguments and enforces the result.

extension Organisation {
    /// Checks the organisation on its own: name, unique units, parents inside, no cycles.
    public func validate() throws -> [ValidationIssue] {
        var c = IssueCollector(.of(Organisation.self, id.rawValue))
        c.requireText("name", name)
        var seen: Set<ID<OrganisationUnit>> = []
        for (i, unit) in units.enumerated() {
            c.requireText("units[\(i)].name", unit.name)
            if !seen.insert(unit.id).inserted { c.error("units[\(i)].id", unit.id.rawValue, .duplicateIdentifier(unit.id.rawValue)) }
            if let parent = unit.parent, self.unit(parent) == nil {
                c.error("units[\(i)].parent", parent.rawValue, .unitOfAnotherOrganisation(unit: parent, organisation: id))
            }
        }
        for (i, unit) in units.enumerated() where hasCycle(from: unit.id) {
            c.error("units[\(i)].parent", unit.parent?.rawValue, .unitCycle)
        }
        return try c.finish()
    }

    private func hasCycle(from start: ID<OrganisationUnit>) -> Bool {
        var seen: Set<ID<OrganisationUnit>> = []
        var current: ID<OrganisationUnit>? = start
        while let c = current, let unit = unit(c) {
            if !seen.insert(c).inserted { return true }
            current = unit.parent
        }
        return false
    }
}

extension Programme {
    /// Checks the programme against the organisations that exist.
    public func validate(knownOrganisations: Set<ID<Organisation>>) throws -> [ValidationIssue] {
        var c = IssueCollector(.of(Programme.self, id.rawValue))
        c.requireText("name", name)
        for (field, org) in [("owner", owner)] + partners.enumerated().map({ ("partners[\($0.offset)]", $0.element) })
        where !knownOrganisations.contains(org) {
            c.error(field, org.rawValue, .unknownReference(.of(Organisation.self, org.rawValue)))
        }
        for (i, phase) in phases.enumerated() where !period.contains(phase.period) {
            c.error("phases[\(i)].period", phase.period.description, .periodOutsidePeriod(inner: phase.period, outer: period))
        }
        func amount(_ field: String, _ value: Money) {
            if value < .zero { c.error(field, value.description, .negativeAmount(value)) }
            if !value.isWithinLimit { c.error(field, value.description, .amountBeyondLimit(value)) }
        }
        for (i, source) in funding.enumerated() { amount("funding[\(i)].amount", source.amount) }
        for (i, line) in budget.enumerated() {
            amount("budget[\(i)].planned", line.planned)
            if let outcome = line.outcome {
                amount("budget[\(i)].outcome", outcome)
                if outcome > line.planned {
                    c.warning("budget[\(i)].outcome", outcome.description, .outcomeExceedsPlan(outcome: outcome, planned: line.planned))
                }
            }
        }
        if let rate = indirectCostRate, !(0...100).contains(rate) {
            c.error("indirectCostRate", String(rate), .notPositive(rate))
        }
        // Each amount is within the limit, but many of them may still add up beyond it.
        if !totalFunding.isWithinLimit { c.error("funding", totalFunding.description, .amountBeyondLimit(totalFunding)) }
        if !totalBudget.isWithinLimit { c.error("budget", totalBudget.description, .amountBeyondLimit(totalBudget)) }
        if !funding.isEmpty, totalBudget > totalFunding {
            c.error("budget", totalBudget.description, .budgetExceedsFunding(budget: totalBudget, funding: totalFunding))
        }
        let members = Set(organisations)
        for (org, planned) in plannedParticipants.sorted(by: { $0.key < $1.key }) {
            if !members.contains(org) { c.error("plannedParticipants", org.rawValue, .notInProgramme(org)) }
            if planned < 0 { c.error("plannedParticipants[\(org)]", String(planned), .notPositive(planned)) }
        }
        for (i, member) in steeringGroup.enumerated() {
            c.requireText("steeringGroup[\(i)].role", member.role)
            if !knownOrganisations.contains(member.organisation) {
                c.error("steeringGroup[\(i)].organisation", member.organisation.rawValue,
                        .unknownReference(.of(Organisation.self, member.organisation.rawValue)))
            }
        }
        for (i, m) in milestones.enumerated() {
            c.requireText("milestones[\(i)].name", m.name)
            if !period.contains(m.planned) {
                c.warning("milestones[\(i)].planned", m.planned.description, .dateOutsidePeriod(date: m.planned, period: period))
            }
        }
        return try c.finish()
    }
}

extension Intervention {
    /// Checks the intervention within its programme; `siblings` are the programme's other interventions.
    public func validate(siblings: [Intervention]) throws -> [ValidationIssue] {
        var c = IssueCollector(.of(Intervention.self, id.rawValue))
        c.requireText("name", name)
        if let d = plannedDurationMinutes, d <= 0 { c.error("plannedDurationMinutes", String(d), .notPositive(d)) }
        if let n = plannedSessions, n <= 0 { c.error("plannedSessions", String(n), .notPositive(n)) }
        if case .minimumSessions(let n) = completion, n <= 0 { c.error("completion", String(n), .notPositive(n)) }
        var byID = Dictionary(siblings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        byID[id] = self
        for (i, p) in prerequisites.enumerated() {
            guard let pre = byID[p] else {
                c.error("prerequisites[\(i)]", p.rawValue, .unknownReference(.of(Intervention.self, p.rawValue)))
                continue
            }
            if pre.programme != programme { c.error("prerequisites[\(i)]", p.rawValue, .interventionOfAnotherProgramme(p)) }
        }
        if let cycle = Intervention.prerequisiteCycle(from: id, in: byID) {
            c.error("prerequisites", nil, .prerequisiteCycle(cycle))
        }
        return try c.finish()
    }

    /// A path `start → … → start` through prerequisites, if one exists.
    static func prerequisiteCycle(from start: ID<Intervention>, in all: [ID<Intervention>: Intervention]) -> [ID<Intervention>]? {
        var path: [ID<Intervention>] = []
        var onPath: Set<ID<Intervention>> = []
        var done: Set<ID<Intervention>> = []
        func visit(_ node: ID<Intervention>) -> [ID<Intervention>]? {
            if onPath.contains(node) {
                let from = path.firstIndex(of: node)!
                return Array(path[from...]) + [node]
            }
            if done.contains(node) { return nil }
            path.append(node)
            onPath.insert(node)
            for next in all[node]?.prerequisites ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            onPath.remove(node)
            done.insert(node)
            return nil
        }
        return visit(start)
    }
}

extension Session {
    /// Checks the session against its intervention's programme period.
    public func validate(programme: Programme) throws -> [ValidationIssue] {
        var c = IssueCollector(.of(Session.self, id.rawValue))
        if durationMinutes <= 0 { c.error("durationMinutes", String(durationMinutes), .notPositive(durationMinutes)) }
        if let cap = capacity, cap <= 0 { c.error("capacity", String(cap), .notPositive(cap)) }
        if !programme.period.contains(date) {
            c.error("date", date.description, .dateOutsidePeriod(date: date, period: programme.period))
        }
        var seen: Set<ID<Facilitator>> = []
        for f in facilitators where !seen.insert(f).inserted {
            c.error("facilitators", f.rawValue, .duplicateIdentifier(f.rawValue))
        }
        return try c.finish()
    }
}

extension Participant {
    /// Checks the participant's unit belongs to its organisation.
    public func validate(organisation org: Organisation?) throws -> [ValidationIssue] {
        var c = IssueCollector(.of(Participant.self, id.rawValue))
        c.requireText("id", id.rawValue)
        if let org {
            if let unit, org.unit(unit) == nil {
                c.error("unit", unit.rawValue, .unitOfAnotherOrganisation(unit: unit, organisation: org.id))
            }
        } else {
            c.error("organisation", organisation.rawValue, .unknownReference(.of(Organisation.self, organisation.rawValue)))
        }
        return try c.finish()
    }
}

extension Rating {
    /// The longest comment accepted, in characters.
    public static let maximumCommentLength = 4000

    /// Checks the score against the scale and the comment's length.
    public func validate() throws -> [ValidationIssue] {
        var c = IssueCollector(.of(Rating.self, id.rawValue))
        if !scale.contains(score) { c.error("score", String(score), .scoreOutsideScale(score: score, scale: scale)) }
        if case .custom(let code) = dimension { c.requireText("dimension", code) }
        if let comment, comment.count > Rating.maximumCommentLength {
            c.error("comment", nil, .tooLong(length: comment.count, maximum: Rating.maximumCommentLength))
        }
        return try c.finish()
    }
}

extension Goal {
    /// Checks the goal: a measurable goal needs an indicator; no baseline is a warning.
    public func validate() throws -> [ValidationIssue] {
        var c = IssueCollector(.of(Goal.self, id.rawValue))
        c.requireText("title", title)
        if level == .measurable && indicator == nil { c.error("indicator", nil, .measurableGoalWithoutIndicator) }
        if let indicator {
            c.requireText("indicator.name", indicator.name)
            if indicator.baseline == .none { c.warning("indicator.baseline", nil, .noBaseline) }
        }
        return try c.finish()
    }
}

extension ActionPlan {
    /// Checks the plan: every measure needs a responsible role and a deadline; links must exist.
    public func validate(owner org: Organisation?, knownGoals: Set<ID<Goal>>) throws -> [ValidationIssue] {
        var c = IssueCollector(.of(ActionPlan.self, id.rawValue))
        c.requireText("title", title)
        if let org {
            if let unit, org.unit(unit) == nil {
                c.error("unit", unit.rawValue, .unitOfAnotherOrganisation(unit: unit, organisation: org.id))
            }
        } else {
            c.error("owner", owner.rawValue, .unknownReference(.of(Organisation.self, owner.rawValue)))
        }
        var seen: Set<ID<Measure>> = []
        for (i, m) in measures.enumerated() {
            let f = "measures[\(i)]"
            if !seen.insert(m.id).inserted { c.error("\(f).id", m.id.rawValue, .duplicateIdentifier(m.id.rawValue)) }
            c.requireText("\(f).title", m.title)
            if (m.responsibleRole ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                c.error("\(f).responsibleRole", m.responsibleRole, .missing)
            }
            if let deadline = m.deadline {
                if !period.contains(deadline) {
                    c.warning("\(f).deadline", deadline.description, .dateOutsidePeriod(date: deadline, period: period))
                }
            } else {
                c.error("\(f).deadline", nil, .missing)
            }
            if m.linkedGoals.isEmpty { c.warning("\(f).linkedGoals", nil, .measureWithoutGoal) }
            for g in m.linkedGoals where !knownGoals.contains(g) {
                c.error("\(f).linkedGoals", g.rawValue, .unknownReference(.of(Goal.self, g.rawValue)))
            }
        }
        return try c.finish()
    }
}
