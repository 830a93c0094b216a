import DiversityKit

/// A trained diversity ambassador (mångfaldsambassadör, Östergötland).
public struct Ambassador: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.ambassador"

    /// The ambassador's identifier.
    public var id: ID<Ambassador>
    /// The person, when registered as a participant.
    public var participant: ID<Participant>?
    /// The organisation they represent.
    public var organisation: ID<Organisation>
    /// The municipality (kommun) they work in, e.g. "Norrköping".
    public var municipality: String
    /// The county (län), e.g. "Östergötland".
    public var county: String
    /// When their training was completed; `nil` while still in training.
    public var trainedOn: CalendarDate?

    /// Creates an ambassador.
    public init(id: ID<Ambassador>, participant: ID<Participant>? = nil, organisation: ID<Organisation>,
                municipality: String, county: String, trainedOn: CalendarDate? = nil) {
        self.id = id
        self.participant = participant
        self.organisation = organisation
        self.municipality = municipality
        self.county = county
        self.trainedOn = trainedOn
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["county": county, "municipality": municipality] }
}

/// A workshop an ambassador ran (e.g. on the film "Blåögd").
public struct AmbassadorWorkshop: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.ambassador.workshop"

    /// The workshop's identifier.
    public var id: ID<AmbassadorWorkshop>
    /// Who ran it.
    public var ambassador: ID<Ambassador>
    /// The day.
    public var date: CalendarDate
    /// For whom, e.g. "företag", "kommun", "förening".
    public var audience: String
    /// The material used, e.g. "Blåögd".
    public var material: String
    /// How many took part.
    public var participantCount: Int

    /// Creates a workshop record.
    public init(id: ID<AmbassadorWorkshop>, ambassador: ID<Ambassador>, date: CalendarDate, audience: String,
                material: String, participantCount: Int) {
        self.id = id
        self.ambassador = ambassador
        self.date = date
        self.audience = audience
        self.material = material
        self.participantCount = participantCount
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["ambassador": ambassador.rawValue] }
}

/// Coverage of a county against the goal "an ambassador in every municipality".
public struct AmbassadorCoverage: Hashable, Sendable {
    /// The county.
    public var county: String
    /// Municipalities with at least one trained ambassador, sorted.
    public var covered: [String]
    /// Municipalities without one, sorted.
    public var uncovered: [String]
    /// Trained ambassadors per municipality of the county (0 included).
    public var ambassadorsPerMunicipality: [String: Int]
    /// Ambassadors registered in the county under a municipality not in the supplied list.
    public var outsideList: [ID<Ambassador>]
    /// Covered ÷ all municipalities.
    public var share: Double { Double(covered.count) / Double(covered.count + uncovered.count) }
    /// Whether the goal is met.
    public var goalMet: Bool { uncovered.isEmpty }
}
