/// A score on a dimension (betyg): "content 4 of 5" for a session or an intervention.
public struct Rating: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "rating"

    /// The rating's identifier.
    public var id: ID<Rating>
    /// Who rated: a participant, or anonymous.
    public var rater: Rater
    /// What was rated.
    public var subject: RatingSubject
    /// The intervention rated (directly or through the session), kept for queries.
    public var intervention: ID<Intervention>
    /// The dimension rated.
    public var dimension: RatingDimension
    /// The score; must lie on ``scale``.
    public var score: Int
    /// The scale; default 1–5 (1 very bad, 5 best).
    public var scale: RatingScale
    /// An optional free-text comment.
    public var comment: String?

    /// Creates a rating.
    public init(id: ID<Rating>, rater: Rater = .anonymous, subject: RatingSubject,
                intervention: ID<Intervention>, dimension: RatingDimension, score: Int,
                scale: RatingScale = .oneToFive, comment: String? = nil) {
        self.id = id
        self.rater = rater
        self.subject = subject
        self.intervention = intervention
        self.dimension = dimension
        self.score = score
        self.scale = scale
        self.comment = comment
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["intervention": intervention.rawValue, "dimension": dimension.code]
        if case .session(let s) = subject { keys["session"] = s.rawValue }
        if case .participant(let p) = rater { keys["participant"] = p.rawValue }
        return keys
    }
}

/// Who gave a rating.
public enum Rater: Codable, Hashable, Sendable {
    /// A known participant.
    case participant(ID<Participant>)
    /// Anonymous (or a participant since erased).
    case anonymous
}

/// What a rating is about.
public enum RatingSubject: Codable, Hashable, Sendable {
    /// One session.
    case session(ID<Session>)
    /// An intervention as a whole.
    case intervention(ID<Intervention>)
}

/// A dimension rated.
public enum RatingDimension: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Innehåll.
    case content
    /// Utbildare.
    case trainer
    /// Relevans.
    case relevance
    /// Organisation, upplägg.
    case organisation
    /// Helhetsbetyg.
    case overall
    /// An embedder's own dimension, by code.
    case custom(String)

    /// A stable code: `"content"`, … or the custom code.
    public var code: String {
        switch self {
        case .content: return "content"
        case .trainer: return "trainer"
        case .relevance: return "relevance"
        case .organisation: return "organisation"
        case .overall: return "overall"
        case .custom(let c): return c
        }
    }

    /// The dimension for a code (unknown codes become ``custom(_:)``).
    public init(code: String) {
        switch code {
        case "content": self = .content
        case "trainer": self = .trainer
        case "relevance": self = .relevance
        case "organisation": self = .organisation
        case "overall": self = .overall
        default: self = .custom(code)
        }
    }

    /// A readable description.
    public var description: String { code }

    /// Decodes the value.
    public init(from decoder: Decoder) throws { self.init(code: try decoder.singleValueContainer().decode(String.self)) }
    /// Encodes the value.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}

/// An integer rating scale, e.g. 1–5.
public struct RatingScale: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The lowest score.
    public let minimum: Int
    /// The highest score.
    public let maximum: Int

    /// 1 (very bad) to 5 (best), as MDSS used.
    public static let oneToFive = RatingScale(uncheckedMinimum: 1, maximum: 5)

    /// The scores a scale may span: the 32-bit integers, so that differences of scores never
    /// overflow.
    public static let allowedScores = Int(Int32.min)...Int(Int32.max)

    /// Creates a scale.
    /// - Throws: ``ValueError/invalidScale(minimum:maximum:)`` unless `minimum < maximum`, both
    ///   within ``allowedScores``.
    public init(minimum: Int, maximum: Int) throws {
        guard minimum < maximum, Self.allowedScores.contains(minimum), Self.allowedScores.contains(maximum) else { throw ValueError.invalidScale(minimum: minimum, maximum: maximum) }
        self.minimum = minimum
        self.maximum = maximum
    }

    private init(uncheckedMinimum: Int, maximum: Int) {
        self.minimum = uncheckedMinimum
        self.maximum = maximum
    }

    /// Whether `score` lies on the scale.
    public func contains(_ score: Int) -> Bool { (minimum...maximum).contains(score) }

    /// The scale's points, low to high.
    public var points: ClosedRange<Int> { minimum...maximum }

    /// `"1–5"`.
    public var description: String { "\(minimum)–\(maximum)" }

    private enum CodingKeys: String, CodingKey { case minimum, maximum }
    /// Decodes the value.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let lo = try c.decode(Int.self, forKey: .minimum), hi = try c.decode(Int.self, forKey: .maximum)
        guard lo < hi else {
            throw DecodingError.dataCorruptedError(forKey: .maximum, in: c, debugDescription: "scale maximum must exceed minimum")
        }
        guard Self.allowedScores.contains(lo), Self.allowedScores.contains(hi) else {
            throw DecodingError.dataCorruptedError(forKey: .maximum, in: c, debugDescription: "scale points must fit in 32 bits")
        }
        minimum = lo
        maximum = hi
    }
}
