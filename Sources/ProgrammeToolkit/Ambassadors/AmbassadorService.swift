import Foundation
import DiversityKit

/// Diversity ambassadors: who is trained where, the workshops they run, and coverage of a county.
///
/// The library holds no list of municipalities: the embedder supplies the county's list
/// (Östergötland has 13: Boxholm, Finspång, Kinda, Linköping, Mjölby, Motala, Norrköping,
/// Söderköping, Vadstena, Valdemarsvik, Ydre, Åtvidaberg, Ödeshög).
public struct AmbassadorService: Sendable {
    /// The store.
    public let store: any Store

    /// A service over `store`.
    public init(store: any Store) { self.store = store }

    /// Registers or replaces an ambassador.
    /// - Throws: ``ToolkitError/emptyText(entity:field:)`` (municipality, county),
    ///   ``ToolkitError/unknownReference(_:)`` for an unknown organisation or participant.
    public func register(_ ambassador: Ambassador) async throws {
        let key = RecordKey.of(Ambassador.self, ambassador.id.rawValue)
        try Check.text(ambassador.municipality, key, "municipality")
        try Check.text(ambassador.county, key, "county")
        _ = try await store.require(Organisation.self, ambassador.organisation.rawValue)
        try await withConflictRetry {
            var batch = WriteBatch()
            // Moves the participant's revision, so an erasure racing this write re-reads and unlinks it.
            if let p = ambassador.participant { try batch.touch(try await store.requireVersioned(Participant.self, p.rawValue)) }
            try batch.upsert(ambassador)
            try await store.write(batch)
        }
    }

    /// Records a workshop.
    /// - Throws: ``ToolkitError/unknownReference(_:)``, ``ToolkitError/workshopBeforeTraining(ambassador:date:)``
    ///   (also while the ambassador is untrained), ``ToolkitError/emptyText(entity:field:)``,
    ///   ``ToolkitError/notPositive(entity:field:value:)`` for the participant count.
    public func record(_ workshop: AmbassadorWorkshop) async throws {
        let key = RecordKey.of(AmbassadorWorkshop.self, workshop.id.rawValue)
        let ambassador = try await store.require(Ambassador.self, workshop.ambassador.rawValue)
        guard let trained = ambassador.trainedOn, trained <= workshop.date else {
            throw ToolkitError.workshopBeforeTraining(ambassador: ambassador.id, date: workshop.date)
        }
        try Check.text(workshop.audience, key, "audience")
        try Check.text(workshop.material, key, "material")
        try Check.positive(workshop.participantCount, key, "participantCount")
        try await store.upsert(workshop)
    }

    /// Workshops per ambassador (every ambassador of the county included, with 0).
    public func workshopsPerAmbassador(county: String) async throws -> [ID<Ambassador>: Int] {
        var result: [ID<Ambassador>: Int] = [:]
        for a in try await store.all(Ambassador.self, where: "county", equals: county) {
            result[a.id] = try await store.count(RecordQuery(type: AmbassadorWorkshop.recordType)
                .where("ambassador", equals: a.id.rawValue))
        }
        return result
    }

    /// Coverage of `county` on `date`: municipalities with at least one ambassador trained by then.
    /// Names compare case-insensitively.
    /// - Throws: ``ToolkitError/invalid(entity:field:reason:)`` when `municipalities` is empty.
    public func coverage(county: String, municipalities: [String], on date: CalendarDate) async throws -> AmbassadorCoverage {
        guard !municipalities.isEmpty else {
            throw ToolkitError.invalid(entity: RecordKey(type: Ambassador.recordType, id: county),
                                       field: "municipalities", reason: "must list the county's municipalities")
        }
        func norm(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces).lowercased() }
        let names = Dictionary(municipalities.map { (norm($0), $0) }, uniquingKeysWith: { a, _ in a })
        var perMunicipality = Dictionary(uniqueKeysWithValues: names.values.map { ($0, 0) })
        var outside: [ID<Ambassador>] = []
        for a in try await store.all(Ambassador.self, where: "county", equals: county) {
            guard let trained = a.trainedOn, trained <= date else { continue }
            if let name = names[norm(a.municipality)] { perMunicipality[name, default: 0] += 1 } else { outside.append(a.id) }
        }
        return AmbassadorCoverage(county: county,
                                  covered: perMunicipality.filter { $0.value > 0 }.keys.sorted(),
                                  uncovered: perMunicipality.filter { $0.value == 0 }.keys.sorted(),
                                  ambassadorsPerMunicipality: perMunicipality, outsideList: outside)
    }
}
