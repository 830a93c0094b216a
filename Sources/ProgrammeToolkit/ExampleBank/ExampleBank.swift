import DiversityKit

/// The good-example bank: add method descriptions, find them by words, focus area and ground.
///
/// ```swift
/// let bank = ProgrammeToolkit(store: store).examples
/// try await bank.add(GoodExample(id: "anon", title: "Anonymiserad rekrytering", method: "…",
///                                focusAreas: [.recruitment], grounds: [.ethnicity]))
/// let hits = try await bank.search(ExampleQuery(text: "anonymiserad", focusArea: .recruitment))
/// ```
public struct ExampleBank: Sendable {
    /// The store.
    public let store: any Store

    /// A bank over `store`.
    public init(store: any Store) { self.store = store }

    /// Adds or replaces an example.
    /// - Throws: ``ToolkitError/emptyText(entity:field:)`` (title, method),
    ///   ``ToolkitError/invalid(entity:field:reason:)`` with no focus area,
    ///   ``ToolkitError/unknownReference(_:)`` for an unknown organisation.
    public func add(_ example: GoodExample) async throws {
        let key = RecordKey.of(GoodExample.self, example.id.rawValue)
        try Check.text(example.title, key, "title")
        try Check.text(example.method, key, "method")
        guard !example.focusAreas.isEmpty else {
            throw ToolkitError.invalid(entity: key, field: "focusAreas", reason: "needs at least one focus area")
        }
        if let org = example.organisation { _ = try await store.require(Organisation.self, org.rawValue) }
        try await store.upsert(example)
    }

    /// The examples matching `query`: words found in the title rank before words found only in
    /// the method or keywords, then by id. Filters on focus area and ground go to the store's index.
    public func search(_ query: ExampleQuery) async throws -> [GoodExample] {
        var filters: [RecordQuery.Filter] = []
        if let f = query.focusArea { filters.append(.init(key: "focusArea", match: .contains(f.rawValue))) }
        if let g = query.ground { filters.append(.init(key: "ground", match: .contains(g.rawValue))) }
        let candidates = try await store.all(GoodExample.self, where: filters)
        let wanted = SearchFolding.words(query.text)
        guard !wanted.isEmpty else { return candidates }
        var ranked: [(titleHits: Int, example: GoodExample)] = []
        for example in candidates {
            let title = SearchFolding.words(example.title)
            let body = Set(title + SearchFolding.words(example.method + " " + example.keywords.joined(separator: " ")))
            guard wanted.allSatisfy({ w in body.contains { $0.hasPrefix(w) } }) else { continue }
            ranked.append((wanted.filter { w in title.contains { $0.hasPrefix(w) } }.count, example))
        }
        return ranked.sorted { ($1.titleHits, $0.example.id) < ($0.titleHits, $1.example.id) }.map(\.example)
    }
}
