import DiversityKit

/// Learning material for workplace meetings, e.g. Trelleborg's "(RE)Agera" discussion kit
/// (films, cases, value exercises, unfinished sentences).
public struct LearningMaterial: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.learningMaterial"

    /// The material's identifier.
    public var id: ID<LearningMaterial>
    /// Its title, e.g. "(RE)Agera".
    public var title: String
    /// The organisation using it.
    public var organisation: ID<Organisation>
    /// The units expected to use it (the scope coverage is measured against).
    public var unitsInScope: [ID<OrganisationUnit>]

    /// Creates a material.
    public init(id: ID<LearningMaterial>, title: String, organisation: ID<Organisation>, unitsInScope: [ID<OrganisationUnit>]) {
        self.id = id
        self.title = title
        self.organisation = organisation
        self.unitsInScope = unitsInScope
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
}

/// One use of a material at a unit's workplace meeting (arbetsplatsträff, APT).
public struct MaterialUse: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.learningMaterial.use"

    /// The material.
    public var material: ID<LearningMaterial>
    /// The unit whose meeting it was.
    public var unit: ID<OrganisationUnit>
    /// The day.
    public var date: CalendarDate
    /// Which parts were used, e.g. "film 2", "typfall 4".
    public var parts: [String]
    /// How many took part, if counted.
    public var participantCount: Int?

    /// Creates a use.
    public init(material: ID<LearningMaterial>, unit: ID<OrganisationUnit>, date: CalendarDate,
                parts: [String] = [], participantCount: Int? = nil) {
        self.material = material
        self.unit = unit
        self.date = date
        self.parts = parts
        self.participantCount = participantCount
    }

    /// The record's key in a store.
    public var recordID: String { "\(material.rawValue)/\(unit.rawValue)@\(date)" }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["material": material.rawValue, "unit": unit.rawValue] }
}

/// How far a material has reached its units.
public struct MaterialCoverage: Hashable, Sendable {
    /// The material.
    public var material: ID<LearningMaterial>
    /// Uses per unit in scope (0 included).
    public var usesPerUnit: [ID<OrganisationUnit>: Int]
    /// Units in scope that have used it, sorted.
    public var unitsReached: [ID<OrganisationUnit>]
    /// Units in scope that have not, sorted.
    public var unitsNotReached: [ID<OrganisationUnit>]
    /// Reached ÷ in scope.
    public var share: Double {
        let all = unitsReached.count + unitsNotReached.count
        return all == 0 ? 0 : Double(unitsReached.count) / Double(all)
    }
}
