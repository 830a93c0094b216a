import DiversityKit
import Foundation

/// The façade for surveys over any ``/DiversityKit/Store``: publish questionnaires, distribute them with
/// one-time tokens, accept responses, close, remind, report response rates, load responses.
///
/// Every operation validates first and writes in one atomic batch, so a refused call leaves
/// the store as it was. Tokens are stored only as keyed hashes under the embedder's ``TokenSecret``;
/// anonymous responses wait, sealed, in a mix and reach the store in shuffled batches of at least
/// ``SurveyConfiguration/reportingThreshold`` per unit, never in the write that marks their token used
/// (see `Docs/Privacy.md`).
///
/// ```swift
/// let service = SurveyService(store: InMemoryStore(), secret: secret)
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
    /// Makes distribution identifiers. Response identifiers are store-assigned row ids (anonymity).
    public let ids: any IDGenerator
    /// The embedder's secret: tokens are stored as its HMAC, pending responses sealed under a key from it.
    public let secret: TokenSecret
    /// Limits and the reporting threshold.
    public let configuration: SurveyConfiguration

    /// Creates a service.
    /// - Parameters:
    ///   - store: where records live.
    ///   - secret: the embedder's secret (``TokenSecret``), the same for every process serving `store`.
    ///   - configuration: limits and the reporting threshold (documented defaults).
    ///   - clock: the current time (default: the system clock).
    ///   - ids: how distribution identifiers are made.
    public init(store: any Store, secret: TokenSecret, configuration: SurveyConfiguration = SurveyConfiguration(),
                clock: @escaping @Sendable () -> Date = { Date() }, ids: any IDGenerator = RandomIDGenerator()) {
        self.store = store
        self.secret = secret
        self.configuration = configuration
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
    /// For a unit population, each unit gets `headcount` tokens with no participant link; every unit must
    /// belong to a stored organisation, appear once, and have at least the reporting threshold of people.
    /// For a participant list, each registered participant gets one token; their stored unit becomes the
    /// reporting unit. The store keeps only each token's keyed hash.
    /// - Returns: the distribution and the tokens to hand out (the only time they exist in clear outside
    ///   the respondents' hands).
    /// - Throws: ``SurveyError/unknownQuestionnaire(_:)``; ``SurveyError/invalidDistribution(reason:)`` (no
    ///   population, a unit twice or unknown or below the threshold, an unregistered participant, more tokens
    ///   than ``SurveyConfiguration/maximumTokensPerDistribution``);
    ///   ``SurveyError/sensitiveItemsNeedAnonymity(items:)`` for an identified survey with sensitive items.
    ///
    /// Safe under concurrency: a participant-list distribution moves each participant's revision, so an
    /// erasure racing it conflicts and re-reads (and unlinks the new token), and a distribution racing an
    /// erasure re-reads and refuses the participant as unregistered.
    public func distribute(_ plan: DistributionPlan) async throws -> (SurveyDistribution, [IssuedToken]) {
        try await withConflictRetry { try await distributeOnce(plan) }
    }

    private func distributeOnce(_ plan: DistributionPlan) async throws -> (SurveyDistribution, [IssuedToken]) {
        let q = try await questionnaire(plan.questionnaire)
        guard plan.opens.timeIntervalSince1970.isFinite, plan.closes.timeIntervalSince1970.isFinite else {
            throw SurveyError.invalidDistribution(reason: "an open or close time that is not a finite instant")
        }
        guard plan.closes > plan.opens else { throw SurveyError.invalidDistribution(reason: "closes before it opens") }
        if plan.mode == .identified, q.hasSensitiveItems {
            throw SurveyError.sensitiveItemsNeedAnonymity(items: q.items.filter(\.isSensitive).map(\.code))
        }
        let limit = configuration.maximumTokensPerDistribution
        let k = configuration.reportingThreshold
        // Recipients first (validated in full), tokens after: one pass, nothing kept twice.
        var recipients: [(unit: ID<OrganisationUnit>?, participant: ID<Participant>?, count: Int)] = []
        var registered: [Versioned<Participant>] = []
        switch plan.population {
        case .units(let units):
            var seen = Set<ID<OrganisationUnit>>()
            var total = 0
            for u in units {
                guard u.headcount >= 0 else { throw SurveyError.invalidDistribution(reason: "a negative headcount") }
                guard seen.insert(u.unit).inserted else {
                    throw SurveyError.invalidDistribution(reason: "unit \(u.unit) is listed twice")
                }
                guard u.headcount >= k else {
                    throw SurveyError.invalidDistribution(
                        reason: "unit \(u.unit) has \(u.headcount) people, below the reporting threshold of \(k)")
                }
                total += u.headcount
                guard total <= limit else {
                    throw SurveyError.invalidDistribution(reason: "more than \(limit) tokens (maximumTokensPerDistribution)")
                }
                recipients.append((u.unit, nil, u.headcount))
            }
            if !units.isEmpty {
                var known = Set<ID<OrganisationUnit>>()
                try await store.forEach(Organisation.self) { o in for unit in o.units { known.insert(unit.id) } }
                if let missing = units.first(where: { !known.contains($0.unit) }) {
                    throw SurveyError.invalidDistribution(reason: "unit \(missing.unit) belongs to no stored organisation")
                }
            }
        case .participants(let participants):
            guard participants.count <= limit else {
                throw SurveyError.invalidDistribution(reason: "more than \(limit) tokens (maximumTokensPerDistribution)")
            }
            guard Set(participants).count == participants.count else {
                throw SurveyError.invalidDistribution(reason: "a participant is listed twice")
            }
            for p in participants {
                guard let participant = try await store.fetchVersioned(Participant.self, id: p.rawValue) else {
                    throw SurveyError.invalidDistribution(reason: "participant \(p) is not registered")
                }
                registered.append(participant)
                recipients.append((participant.record.unit, p, 1))
            }
        }
        let total = recipients.reduce(0) { $0 + $1.count }
        guard total > 0 else { throw SurveyError.invalidDistribution(reason: "the population is empty") }
        let distribution = SurveyDistribution(id: ID(ids.next(for: SurveyDistribution.recordType)),
                                              questionnaire: plan.questionnaire, mode: plan.mode, purpose: plan.purpose,
                                              opens: plan.opens, closes: plan.closes)
        var issued: [IssuedToken] = []
        issued.reserveCapacity(total)
        var batch = WriteBatch()
        batch.operations.reserveCapacity(total + 1 + 2 * registered.count)
        try batch.insert(distribution)
        for p in registered { try batch.touch(p) }
        var rng = SystemRandomNumberGenerator()
        var text = [UInt8](repeating: 0, count: 26)
        for r in recipients {
            for _ in 0..<r.count {
                SurveyToken.generate(into: &text, using: &rng)
                let token = String(decoding: text, as: UTF8.self)
                issued.append(IssuedToken(token: token, distribution: distribution.id, participant: r.participant, unit: r.unit))
                try batch.insert(SurveyToken(digest: secret.digest(of: token), distribution: distribution.id,
                                             participant: r.participant, unit: r.unit))
            }
        }
        try await store.write(batch)
        return (distribution, issued)
    }

    /// The distribution `id`.
    /// - Throws: ``SurveyError/unknownDistribution(_:)``.
    public func distribution(_ id: ID<SurveyDistribution>) async throws -> SurveyDistribution {
        guard let d = try await store.fetch(SurveyDistribution.self, id: id.rawValue) else { throw SurveyError.unknownDistribution(id) }
        return d
    }

    /// Closes `id` now; later submissions are refused with ``SurveyError/surveyClosed(_:)``. Then releases
    /// every response still waiting in the mix (in its own batches, after the close).
    /// - Throws: ``SurveyError/unknownDistribution(_:)``.
    @discardableResult
    public func close(_ id: ID<SurveyDistribution>) async throws -> SurveyDistribution {
        var d: SurveyDistribution
        var attempts = 0
        while true {
            guard let v = try await store.fetchVersioned(SurveyDistribution.self, id: id.rawValue) else {
                throw SurveyError.unknownDistribution(id)
            }
            d = v.record
            guard d.closedEarly == nil else { break }
            d.closedEarly = clock()
            var batch = WriteBatch()
            try batch.update(d, ifRevision: v.revision)
            do {
                try await store.write(batch)
                break
            } catch StoreError.conflict where attempts < 12 {
                attempts += 1 // changed meanwhile: read again
            }
        }
        _ = try await releaseMix(of: id)
        return d
    }

    /// The tokens of `id` not yet used, in digest order: whom to remind (påminnelse) — their participants
    /// and units; the token texts are not stored.
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
