import DiversityKit

/// Tracks use of learning material at workplace meetings, per unit, and its coverage.
public struct LearningMaterialService: Sendable {
    /// The store.
    public let store: any Store

    /// A service over `store`.
    public init(store: any Store) { self.store = store }

    /// Registers or replaces a material.
    /// - Throws: ``ToolkitError/emptyText(entity:field:)``, ``ToolkitError/unknownReference(_:)``
    ///   for the organisation or a unit not of it, ``ToolkitError/invalid(entity:field:reason:)``
    ///   for an empty scope, ``ToolkitError/duplicateIdentifier(_:)``.
    public func register(_ material: LearningMaterial) async throws {
        let key = RecordKey.of(LearningMaterial.self, material.id.rawValue)
        try Check.text(material.title, key, "title")
        let org = try await store.require(Organisation.self, material.organisation.rawValue)
        guard !material.unitsInScope.isEmpty else {
            throw ToolkitError.invalid(entity: key, field: "unitsInScope", reason: "needs at least one unit")
        }
        try Check.unique(material.unitsInScope)
        for u in material.unitsInScope where org.unit(u) == nil {
            throw ToolkitError.unknownReference(RecordKey(type: "organisationUnit", id: u.rawValue))
        }
        try await store.upsert(material)
    }

    /// Logs (or replaces) a use at a unit's workplace meeting.
    /// - Throws: ``ToolkitError/unknownReference(_:)``, ``ToolkitError/unitNotInScope(_:material:)``,
    ///   ``ToolkitError/notPositive(entity:field:value:)`` for a participant count below 1.
    public func log(_ use: MaterialUse) async throws {
        let material = try await store.require(LearningMaterial.self, use.material.rawValue)
        guard material.unitsInScope.contains(use.unit) else {
            throw ToolkitError.unitNotInScope(use.unit, material: material.id)
        }
        if let n = use.participantCount { try Check.positive(n, .of(MaterialUse.self, use.recordID), "participantCount") }
        try await store.upsert(use)
    }

    /// Coverage of a material up to and including `date` (all uses when `nil`).
    /// - Throws: ``ToolkitError/unknownReference(_:)``.
    public func coverage(of materialID: ID<LearningMaterial>, through date: CalendarDate? = nil) async throws -> MaterialCoverage {
        let material = try await store.require(LearningMaterial.self, materialID.rawValue)
        var uses = Dictionary(uniqueKeysWithValues: material.unitsInScope.map { ($0, 0) })
        for use in try await store.all(MaterialUse.self, where: "material", equals: materialID.rawValue)
        where date.map({ use.date <= $0 }) ?? true && uses[use.unit] != nil {
            uses[use.unit]! += 1
        }
        return MaterialCoverage(material: materialID, usesPerUnit: uses,
                                unitsReached: uses.filter { $0.value > 0 }.keys.sorted(),
                                unitsNotReached: uses.filter { $0.value == 0 }.keys.sorted())
    }
}
