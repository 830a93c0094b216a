import DiversityKit
@testable import ProgrammeToolkit

/// The seeded generator random instances come from, so they are the same on every run.
typealias SeededRandom = SplitMix64

func day(_ text: String) throws -> CalendarDate { try CalendarDate(text) }

/// Kristianstad-like world: the municipality with a unit tree, a company and a region.
enum Kristianstad {
    static let municipality = Organisation(id: "ks", name: "Kristianstads kommun", kind: .municipality, units: [
        OrganisationUnit(id: "ks-top", name: "Kommunledningskontoret"),
        OrganisationUnit(id: "ks-care", name: "Omsorgsförvaltningen", parent: "ks-top"),
        OrganisationUnit(id: "ks-care-home", name: "Äldreboende Näsby", parent: "ks-care"),
        OrganisationUnit(id: "ks-school", name: "Barn- och utbildningsförvaltningen", parent: "ks-top"),
    ])
    static let company = Organisation(id: "co", name: "Företaget AB", kind: .privateCompany, units: [
        OrganisationUnit(id: "co-hq", name: "Huvudkontor"),
        OrganisationUnit(id: "co-sales", name: "Försäljning", parent: "co-hq"),
    ])
    static let region = Organisation(id: "rs", name: "Region Skåne", kind: .region, units: [
        OrganisationUnit(id: "rs-hosp", name: "Centralsjukhuset"),
    ])
    static let organisations = [municipality, company, region]

    /// A store with the organisations and these participants registered.
    static func store(participants: [Participant] = []) async throws -> InMemoryStore {
        let store = InMemoryStore()
        for o in organisations { try await store.insert(o) }
        for p in participants { try await store.insert(p) }
        return store
    }
}
