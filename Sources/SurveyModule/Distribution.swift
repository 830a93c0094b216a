import DiversityKit
import Foundation

/// A questionnaire version sent to a population (utskick), open between two instants.
///
/// ```swift
/// let plan = DistributionPlan(questionnaire: q.reference, mode: .anonymous,
///                             population: .units([.init(unit: "viva", headcount: 40)]),
///                             opens: start, closes: end)
/// let (distribution, tokens) = try await service.distribute(plan)
/// ```
public struct SurveyDistribution: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "survey.distribution"

    /// The distribution's identifier.
    public var id: ID<SurveyDistribution>
    /// The questionnaire version it sends.
    public var questionnaire: QuestionnaireReference
    /// Anonymous or identified.
    public var mode: DistributionMode
    /// What the responses are for (baseline, pre, post, course evaluation).
    public var purpose: SurveyPurpose
    /// From when responses are accepted.
    public var opens: Date
    /// Until when responses are accepted (exclusive).
    public var closes: Date
    /// When it was closed early, if it was.
    public var closedEarly: Date?

    /// Creates a distribution.
    public init(id: ID<SurveyDistribution>, questionnaire: QuestionnaireReference, mode: DistributionMode,
                purpose: SurveyPurpose = .baseline, opens: Date, closes: Date, closedEarly: Date? = nil) {
        self.id = id
        self.questionnaire = questionnaire
        self.mode = mode
        self.purpose = purpose
        self.opens = opens
        self.closes = closes
        self.closedEarly = closedEarly
    }

    /// Whether responses are accepted at `now`.
    public func isOpen(at now: Date) -> Bool {
        now >= opens && now < (closedEarly.map { min($0, closes) } ?? closes)
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["questionnaire": questionnaire.id.rawValue, "purpose": purpose.rawValue] }
}

/// Whether responses keep any link to who answered.
public enum DistributionMode: String, Codable, Hashable, Sendable {
    /// The stored response has no token and no participant; the token is only marked used.
    case anonymous
    /// The response names its participant: only for non-sensitive course evaluations.
    case identified
}

/// What a distribution's responses are for.
public enum SurveyPurpose: String, Codable, Hashable, Sendable, CaseIterable {
    /// Nulägesmätning before interventions; tailors the training.
    case baseline
    /// Förmätning: the pre-test of a pre/post pair.
    case preTest
    /// Eftermätning: the post-test of a pre/post pair.
    case postTest
    /// Kursutvärdering.
    case courseEvaluation
}

/// Who receives tokens.
public enum SurveyPopulation: Codable, Hashable, Sendable {
    /// A number of tokens per organisation unit, handed out locally with no participant link.
    case units([UnitHeadcount])
    /// One token per participant (for reminders); the participant's unit is the reporting unit.
    case participants([ID<Participant>])
}

/// A unit and how many tokens it gets.
public struct UnitHeadcount: Codable, Hashable, Sendable {
    /// The unit.
    public var unit: ID<OrganisationUnit>
    /// How many people it has (tokens issued).
    public var headcount: Int
    /// Creates a headcount.
    public init(unit: ID<OrganisationUnit>, headcount: Int) {
        self.unit = unit
        self.headcount = headcount
    }
}

/// Everything ``SurveyService/distribute(_:)`` needs: one value, so fields can be added later.
public struct DistributionPlan: Hashable, Sendable {
    /// The published questionnaire version to send.
    public var questionnaire: QuestionnaireReference
    /// Anonymous (default) or identified.
    public var mode: DistributionMode
    /// What the responses are for.
    public var purpose: SurveyPurpose
    /// Who receives tokens.
    public var population: SurveyPopulation
    /// From when responses are accepted.
    public var opens: Date
    /// Until when responses are accepted (exclusive).
    public var closes: Date

    /// Creates a plan.
    public init(questionnaire: QuestionnaireReference, mode: DistributionMode = .anonymous, purpose: SurveyPurpose = .baseline,
                population: SurveyPopulation, opens: Date, closes: Date) {
        self.questionnaire = questionnaire
        self.mode = mode
        self.purpose = purpose
        self.population = population
        self.opens = opens
        self.closes = closes
    }
}

/// A one-time token (engångskod) as stored: which distribution, who got it, used or not — and never
/// the token itself, only its keyed hash (``TokenSecret/digest(of:)``).
///
/// There is deliberately no "used at" time: it could be joined with a response's submit time.
public struct SurveyToken: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "survey.token"
    /// Version 2 keeps the HMAC of the token instead of the token (version 1).
    public static let schemaVersion = 2
    /// Version 2 adds the `participant` key (what erasure looks up).
    public static let indexVersion = 2

    /// Hex HMAC-SHA-256 of the token under the embedder's secret: the record's id.
    public var digest: String
    /// Its distribution.
    public var distribution: ID<SurveyDistribution>
    /// The participant it was sent to, for a participant list.
    public var participant: ID<Participant>?
    /// The unit it was issued to: the response's reporting unit.
    public var unit: ID<OrganisationUnit>?
    /// Whether it has been used.
    public var isUsed: Bool

    /// Creates a token record.
    public init(digest: String, distribution: ID<SurveyDistribution>, participant: ID<Participant>? = nil,
                unit: ID<OrganisationUnit>? = nil, isUsed: Bool = false) {
        self.digest = digest
        self.distribution = distribution
        self.participant = participant
        self.unit = unit
        self.isUsed = isUsed
    }

    /// The record's key in a store.
    public var recordID: String { digest }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["distribution": distribution.rawValue, "used": isUsed ? "1" : "0"]
        if let unit { keys["unit"] = unit.rawValue }
        if let participant { keys["participant"] = participant.rawValue }
        return keys
    }

    /// A fresh unguessable token: 130 random bits in 26 characters of an unambiguous alphabet.
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        var out = [UInt8](repeating: 0, count: 26)
        generate(into: &out, using: &rng)
        return String(decoding: out, as: UTF8.self)
    }

    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789".utf8)

    /// Fills `out` with token characters: twelve unbiased base-31 digits from each uniform draw below 31¹².
    static func generate(into out: inout [UInt8], using rng: inout some RandomNumberGenerator) {
        var i = 0
        while i < out.count {
            var v = rng.next(upperBound: 787_662_783_788_549_761 as UInt64)
            for _ in 0..<12 where i < out.count {
                out[i] = alphabet[Int(v % 31)]
                v /= 31
                i += 1
            }
        }
    }
}

/// A token as handed out by ``SurveyService/distribute(_:)``: the only time its text exists outside the
/// respondent's hands. The store keeps only its digest (``SurveyToken/digest``).
public struct IssuedToken: Hashable, Sendable {
    /// The secret token text to send (26 characters).
    public var token: String
    /// Its distribution.
    public var distribution: ID<SurveyDistribution>
    /// The participant to send it to, for a participant list.
    public var participant: ID<Participant>?
    /// The unit it was issued to.
    public var unit: ID<OrganisationUnit>?
    /// Whether it is used: always `false` when issued (kept so reminder code reads alike).
    public var isUsed: Bool { false }

    /// Creates an issued token.
    public init(token: String, distribution: ID<SurveyDistribution>, participant: ID<Participant>? = nil, unit: ID<OrganisationUnit>? = nil) {
        self.token = token
        self.distribution = distribution
        self.participant = participant
        self.unit = unit
    }
}

/// The marker whose insert makes a token's use atomic across processes: a second insert of
/// the same token fails as a duplicate in any conforming store. Its id is the token's digest.
struct TokenUse: StoredRecord, Codable, Hashable, Sendable {
    static let recordType = "survey.token-use"
    var token: String
    var recordID: String { token }
}

/// An anonymous response waiting in the mix (``SurveyService``): sealed with AES-256-GCM under a key
/// derived from the embedder's secret, padded to one size per questionnaire, under a random id. Only its
/// distribution and unit are readable — the same as the token mark written beside it.
struct PendingResponse: StoredRecord, Hashable, Sendable {
    static let recordType = "survey.pending"
    var id: String
    var distribution: ID<SurveyDistribution>
    var unit: String
    var sealed: Data

    var recordID: String { id }
    var indexKeys: [String: String] { ["distribution": distribution.rawValue, "unit": unit] }
    func encodePayload() throws -> Data { sealed }
    static func decodePayload(_ data: Data, version: Int) throws -> PendingResponse {
        guard version <= schemaVersion else {
            throw StoreError.unsupportedRecordVersion(type: recordType, found: version, supported: schemaVersion)
        }
        // Distribution and unit come from the envelope's keys; see `SurveyService.pending(_:)`.
        return PendingResponse(id: "", distribution: "", unit: "", sealed: data)
    }
}
