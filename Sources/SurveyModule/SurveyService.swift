import DiversityKit
import Foundation

/// The façade for surveys over any ``/DiversityKit/Store``: publish questionnaires, distribute them with
/// one-time tokens, accept responses, close, remind, report response rates, load responses.
///
/// Every operation validates first and writes in one atomic batch, so a refused call leaves
/// the store as it was.
///
/// ```swift
/// let service = SurveyService(store: InMemoryStore())
/// let q = try await service.publish(ItemBank.baselineBattery())
/// let (d, tokens) = try await service.distribute(DistributionPlan(
///     questionnaire: q.reference, population: .units([.init(unit: "viva", headcount: 30)]),
///     opens: start, closes: end))
/// try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: q.reference,
///                                              answers: ["K01": .value(2)]))
/// ```
public actor SurveyService {
    /// Where questionnaires, distributions, tokens and responses live.
    public let store: any Store
    /// The current time, injected so tests and examples are repeatable.
    public let clock: @Sendable () -> Date
    /// Makes distribution identifiers. Response identifiers are always random (anonymity).
    public let ids: any IDGenerator

    /// Creates a service.
    /// - Parameters:
    ///   - store: where records live.
    ///   - clock: the current time (default: the system clock).
    ///   - ids: how distribution identifiers are made.
    public init(store: any Store, clock: @escaping @Sendable () -> Date = { Date() }, ids: any IDGenerator = RandomIDGenerator()) {
        self.store = store
        self.clock = clock
        self.ids = ids
    }

    // MARK: Questionnaires

    /// Publishes `questionnaire` at its version, which must be 1 for a new questionnaire or
    /// follow the latest published version. Published versions are immutable.
    /// - Throws: ``QuestionnaireError`` for a malformed questionnaire;
    ///   ``SurveyError/questionnaireAlreadyPublished(_:)``; ``SurveyError/versionNotNext(_:latest:)``.
    @discardableResult
    public func publish(_ questionnaire: Questionnaire) async throws -> Questionnaire {
        try questionnaire.validate()
        let latest = try await latestVersion(of: questionnaire.id)?.version ?? 0
        if questionnaire.version <= latest { throw SurveyError.questionnaireAlreadyPublished(questionnaire.reference) }
        guard questionnaire.version == latest + 1 else {
            throw SurveyError.versionNotNext(questionnaire.reference, latest: latest)
        }
        do { try await store.insert(questionnaire) } catch StoreError.duplicate {
            throw SurveyError.questionnaireAlreadyPublished(questionnaire.reference)
        }
        return questionnaire
    }

    /// Publishes a change to the latest version of `id` as the next version.
    ///
    /// ```swift
    /// let v2 = try await service.publishNewVersion(of: "baseline") { $0.sections[0].items.removeLast() }
    /// ```
    /// - Throws: ``SurveyError/unknownQuestionnaire(_:)`` when nothing is published; see ``publish(_:)``.
    @discardableResult
    public func publishNewVersion(of id: ID<Questionnaire>, _ change: @Sendable (inout Questionnaire) -> Void) async throws -> Questionnaire {
        guard var next = try await latestVersion(of: id) else {
            throw SurveyError.unknownQuestionnaire(QuestionnaireReference(id: id, version: 1))
        }
        change(&next)
        next.id = id
        next.version += 1
        return try await publish(next)
    }

    /// The published version `reference`.
    /// - Throws: ``SurveyError/unknownQuestionnaire(_:)``.
    public func questionnaire(_ reference: QuestionnaireReference) async throws -> Questionnaire {
        guard let q = try await store.fetch(Questionnaire.self, id: reference.description) else {
            throw SurveyError.unknownQuestionnaire(reference)
        }
        return q
    }

    /// The highest published version of `id`, or `nil`.
    public func latestVersion(of id: ID<Questionnaire>) async throws -> Questionnaire? {
        try await store.all(Questionnaire.self, where: "questionnaire", equals: id.rawValue).max { $0.version < $1.version }
    }

    // MARK: Distribution

    /// Creates a distribution and its one-time tokens in one batch.
    ///
    /// For a unit population, each unit gets `headcount` tokens with no participant link. For a
    /// participant list, each participant gets one token; their stored unit (if registered) becomes
    /// the reporting unit.
    /// - Returns: the distribution and the tokens to hand out (the only time they are listed together
    ///   with their recipients outside the store).
    /// - Throws: ``SurveyError/unknownQuestionnaire(_:)``; ``SurveyError/invalidDistribution(reason:)``;
    ///   ``SurveyError/sensitiveItemsNeedAnonymity(items:)`` for an identified survey with sensitive items.
    public func distribute(_ plan: DistributionPlan) async throws -> (SurveyDistribution, [SurveyToken]) {
        let q = try await questionnaire(plan.questionnaire)
        guard plan.closes > plan.opens else { throw SurveyError.invalidDistribution(reason: "closes before it opens") }
        if plan.mode == .identified, q.hasSensitiveItems {
            throw SurveyError.sensitiveItemsNeedAnonymity(items: q.items.filter(\.isSensitive).map(\.code))
        }
        let distribution = SurveyDistribution(id: ID(ids.next(for: SurveyDistribution.recordType)),
                                              questionnaire: plan.questionnaire, mode: plan.mode, purpose: plan.purpose,
                                              opens: plan.opens, closes: plan.closes)
        var tokens: [SurveyToken] = []
        switch plan.population {
        case .units(let units):
            guard units.allSatisfy({ $0.headcount >= 0 }) else {
                throw SurveyError.invalidDistribution(reason: "a negative headcount")
            }
            for u in units {
                for _ in 0..<u.headcount { tokens.append(SurveyToken(token: SurveyToken.generate(), distribution: distribution.id, unit: u.unit)) }
            }
        case .participants(let participants):
            guard Set(participants).count == participants.count else {
                throw SurveyError.invalidDistribution(reason: "a participant is listed twice")
            }
            for p in participants {
                let unit = try await store.fetch(Participant.self, id: p.rawValue)?.unit
                tokens.append(SurveyToken(token: SurveyToken.generate(), distribution: distribution.id, participant: p, unit: unit))
            }
        }
        guard !tokens.isEmpty else { throw SurveyError.invalidDistribution(reason: "the population is empty") }
        var batch = WriteBatch()
        try batch.insert(distribution)
        for t in tokens { try batch.insert(t) }
        try await store.write(batch)
        return (distribution, tokens)
    }

    /// The distribution `id`.
    /// - Throws: ``SurveyError/unknownDistribution(_:)``.
    public func distribution(_ id: ID<SurveyDistribution>) async throws -> SurveyDistribution {
        guard let d = try await store.fetch(SurveyDistribution.self, id: id.rawValue) else { throw SurveyError.unknownDistribution(id) }
        return d
    }

    /// Closes `id` now; later submissions are refused with ``SurveyError/surveyClosed(_:)``.
    /// - Throws: ``SurveyError/unknownDistribution(_:)``.
    @discardableResult
    public func close(_ id: ID<SurveyDistribution>) async throws -> SurveyDistribution {
        var d = try await distribution(id)
        if d.closedEarly == nil { d.closedEarly = clock() }
        try await store.update(d)
        return d
    }

    /// The tokens of `id` not yet used, in token order: whom to remind (påminnelse).
    public func unusedTokens(of id: ID<SurveyDistribution>) async throws -> [SurveyToken] {
        _ = try await distribution(id)
        return try await store.all(SurveyToken.self, where: [.init(key: "distribution", match: .equals(id.rawValue)),
                                                             .init(key: "used", match: .equals("0"))])
    }

    /// Tokens issued and used per reporting unit of `id`, ordered by unit (no unit last).
    public func responseRates(of id: ID<SurveyDistribution>) async throws -> [UnitResponseRate] {
        _ = try await distribution(id)
        var issued: [String: (ID<OrganisationUnit>?, Int, Int)] = [:]
        try await store.forEach(SurveyToken.self, matching: RecordQuery(type: SurveyToken.recordType).where("distribution", equals: id.rawValue)) { t in
            let key = t.unit?.rawValue ?? "\u{10FFFF}"
            var entry = issued[key] ?? (t.unit, 0, 0)
            entry.1 += 1
            if t.isUsed { entry.2 += 1 }
            issued[key] = entry
        }
        return issued.keys.sorted().map { k in
            let e = issued[k]!
            return UnitResponseRate(unit: e.0, issued: e.1, responded: e.2)
        }
    }
}

/// How many tokens a unit was issued and how many were used (svarsfrekvens).
public struct UnitResponseRate: Codable, Hashable, Sendable {
    /// The unit, or `nil` for tokens with no unit.
    public var unit: ID<OrganisationUnit>?
    /// Tokens issued.
    public var issued: Int
    /// Tokens used.
    public var responded: Int
    /// Creates a rate.
    public init(unit: ID<OrganisationUnit>?, issued: Int, responded: Int) {
        self.unit = unit
        self.issued = issued
        self.responded = responded
    }
    /// `responded / issued`, 0 when nothing was issued.
    public var rate: Double { issued == 0 ? 0 : Double(responded) / Double(issued) }
}
