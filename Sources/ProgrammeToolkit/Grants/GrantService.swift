import Foundation
import DiversityKit

/// Pilot-project grants (Experimentverkstaden): applications, assessment, decisions within the
/// fund's budget, and results reported back.
///
/// Decisions rank applications by their weighted score — the mean over assessors of
/// Σ weight × score — highest first, ties by smaller requested amount, then by id. Going down
/// the ranking, an application is granted in full when it fits in what is left of the budget;
/// one that does not fit is refused and the next is tried. When the fund allows partial grants,
/// the first one that does not fit gets what is left instead, and the budget is then spent.
public struct GrantService: Sendable {
    /// The store.
    public let store: any Store

    /// A service over `store`.
    public init(store: any Store) { self.store = store }

    /// Creates or replaces a fund.
    /// - Throws: ``ToolkitError/emptyText(entity:field:)``, ``ToolkitError/notPositive(entity:field:value:)``
    ///   (budget, weights, maximum scores), ``ToolkitError/duplicateIdentifier(_:)`` for criterion codes,
    ///   ``ToolkitError/invalid(entity:field:reason:)`` with no criteria.
    public func create(_ fund: PilotFund) async throws {
        let key = RecordKey.of(PilotFund.self, fund.id.rawValue)
        try Check.text(fund.name, key, "name")
        guard fund.budget > .zero else { throw ToolkitError.notPositive(entity: key, field: "budget", value: Int(fund.budget.kronor)) }
        guard !fund.criteria.isEmpty else { throw ToolkitError.invalid(entity: key, field: "criteria", reason: "needs at least one criterion") }
        try Check.unique(fund.criteria.map(\.code))
        for c in fund.criteria {
            try Check.text(c.title, key, "criteria.title")
            try Check.positive(c.weight, key, "criteria.weight")
            try Check.positive(c.maximumScore, key, "criteria.maximumScore")
        }
        try await store.upsert(fund)
    }

    /// Submits an application.
    /// - Throws: ``ToolkitError/missingDisseminationPlan(application:)`` when it has no plan (or an empty one),
    ///   ``ToolkitError/emptyText(entity:field:)`` (title, method), ``ToolkitError/notPositive(entity:field:value:)``
    ///   (amount, planned events), ``ToolkitError/unknownReference(_:)`` (fund, applicant),
    ///   ``ToolkitError/alreadyDecided(fund:)``, ``/DiversityKit/StoreError/duplicate(_:)``.
    public func submit(_ application: GrantApplication) async throws {
        let key = RecordKey.of(GrantApplication.self, application.id.rawValue)
        guard let plan = application.disseminationPlan,
              !plan.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ToolkitError.missingDisseminationPlan(application: application.id)
        }
        try Check.positive(plan.plannedEvents, key, "disseminationPlan.plannedEvents")
        try Check.text(application.title, key, "title")
        try Check.text(application.method, key, "method")
        guard application.requested > .zero else {
            throw ToolkitError.notPositive(entity: key, field: "requested", value: Int(application.requested.kronor))
        }
        _ = try await store.require(PilotFund.self, application.fund.rawValue)
        _ = try await store.require(Organisation.self, application.applicant.rawValue)
        try await refuseIfDecided(application.fund)
        try await store.insert(application)
    }

    /// Records (or replaces) one assessor's scores.
    /// - Throws: ``ToolkitError/unknownReference(_:)``, ``ToolkitError/unknownCriterion(_:)``,
    ///   ``ToolkitError/missingScore(criterion:)``, ``ToolkitError/scoreOutOfRange(criterion:score:maximum:)``,
    ///   ``ToolkitError/emptyText(entity:field:)`` for the assessor, ``ToolkitError/alreadyDecided(fund:)``.
    public func assess(_ assessment: GrantAssessment) async throws {
        let application = try await store.require(GrantApplication.self, assessment.application.rawValue)
        let fund = try await store.require(PilotFund.self, application.fund.rawValue)
        try Check.text(assessment.assessor, .of(GrantAssessment.self, assessment.recordID), "assessor")
        for code in assessment.scores.keys.sorted() where !fund.criteria.contains(where: { $0.code == code }) {
            throw ToolkitError.unknownCriterion(code)
        }
        for c in fund.criteria {
            guard let score = assessment.scores[c.code] else { throw ToolkitError.missingScore(criterion: c.code) }
            guard (0...c.maximumScore).contains(score) else {
                throw ToolkitError.scoreOutOfRange(criterion: c.code, score: score, maximum: c.maximumScore)
            }
        }
        try await refuseIfDecided(fund.id)
        try await store.upsert(assessment)
    }

    /// The weighted score of an application in thousandths of a point, or `nil` when unassessed.
    public func score(of applicationID: ID<GrantApplication>) async throws -> Int? {
        let application = try await store.require(GrantApplication.self, applicationID.rawValue)
        let fund = try await store.require(PilotFund.self, application.fund.rawValue)
        let assessments = try await store.all(GrantAssessment.self, where: "application", equals: applicationID.rawValue)
        guard !assessments.isEmpty else { return nil }
        let sum = assessments.reduce(0) { total, a in
            total + fund.criteria.reduce(0) { $0 + $1.weight * (a.scores[$1.code] ?? 0) }
        }
        return sum * 1000 / assessments.count
    }

    /// Ranks every application to a fund and grants within its budget, storing the decisions
    /// atomically.
    /// - Returns: decisions in rank order.
    /// - Throws: ``ToolkitError/alreadyDecided(fund:)``, ``ToolkitError/unassessed(application:)``,
    ///   ``ToolkitError/unknownReference(_:)``.
    @discardableResult
    public func decide(_ fundID: ID<PilotFund>) async throws -> [GrantDecision] {
        let fund = try await store.require(PilotFund.self, fundID.rawValue)
        try await refuseIfDecided(fundID)
        var scored: [(GrantApplication, Int)] = []
        for a in try await applications(to: fundID) {
            guard let s = try await score(of: a.id) else { throw ToolkitError.unassessed(application: a.id) }
            scored.append((a, s))
        }
        scored.sort { ($1.1, $0.0.requested, $0.0.id) < ($0.1, $1.0.requested, $1.0.id) }
        var left = fund.budget
        var decisions: [GrantDecision] = []
        for (rank, (application, score)) in scored.enumerated() {
            var amount = Money.zero
            if application.requested <= left {
                amount = application.requested
            } else if fund.allowsPartialGrants && left > .zero {
                amount = left
            }
            left = left - amount
            decisions.append(GrantDecision(application: application.id, fund: fundID, rank: rank + 1, scoreMilli: score,
                                           granted: amount, isPartial: amount > .zero && amount < application.requested))
        }
        var batch = WriteBatch()
        for d in decisions { try batch.insert(d) }
        try await store.write(batch)
        return decisions
    }

    /// The applications to a fund, ordered by id.
    public func applications(to fund: ID<PilotFund>) async throws -> [GrantApplication] {
        try await store.all(GrantApplication.self, where: "fund", equals: fund.rawValue)
    }

    /// The decisions on a fund, in rank order.
    public func decisions(on fund: ID<PilotFund>) async throws -> [GrantDecision] {
        try await store.all(GrantDecision.self, where: "fund", equals: fund.rawValue).sorted { $0.rank < $1.rank }
    }

    /// Records (or replaces) what a granted project reports back.
    /// - Throws: ``ToolkitError/notGranted(application:)`` (also before any decision),
    ///   ``ToolkitError/emptyText(entity:field:)``, ``ToolkitError/notPositive(entity:field:value:)``
    ///   for an event's attendees.
    public func report(_ report: GrantReport) async throws {
        let key = RecordKey.of(GrantReport.self, report.recordID)
        guard let decision = try await store.fetch(GrantDecision.self, id: report.application.rawValue), decision.isGranted else {
            throw ToolkitError.notGranted(application: report.application)
        }
        try Check.text(report.results, key, "results")
        for e in report.events {
            try Check.text(e.title, key, "events.title")
            try Check.positive(e.attendees, key, "events.attendees")
        }
        try await store.upsert(report)
    }

    /// Dissemination held against planned, per granted application: `(planned, held)`.
    public func disseminationFollowUp(_ fundID: ID<PilotFund>) async throws -> [ID<GrantApplication>: (planned: Int, held: Int)] {
        var result: [ID<GrantApplication>: (planned: Int, held: Int)] = [:]
        for d in try await decisions(on: fundID) where d.isGranted {
            let application = try await store.require(GrantApplication.self, d.application.rawValue)
            let held = try await store.fetch(GrantReport.self, id: d.application.rawValue)?.events.count ?? 0
            result[d.application] = (application.disseminationPlan?.plannedEvents ?? 0, held)
        }
        return result
    }

    private func refuseIfDecided(_ fund: ID<PilotFund>) async throws {
        if try await store.count(RecordQuery(type: GrantDecision.recordType).where("fund", equals: fund.rawValue)) > 0 {
            throw ToolkitError.alreadyDecided(fund: fund)
        }
    }
}
