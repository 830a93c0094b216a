import DiversityKit

/// Training days with elective seminars: plan the day, allocate seats, read the numbers.
public struct ElectiveService: Sendable {
    /// The store.
    public let store: any Store

    /// A service over `store`.
    public init(store: any Store) { self.store = store }

    /// Plans or replaces a training day.
    /// - Throws: ``ToolkitError/emptyText(entity:field:)``, ``ToolkitError/notPositive(entity:field:value:)``,
    ///   ``ToolkitError/duplicateIdentifier(_:)`` for two seminars with one id,
    ///   ``ToolkitError/invalid(entity:field:reason:)`` with no seminars.
    public func plan(_ day: TrainingDay) async throws {
        try ElectiveAllocator.validate(day)
        try await store.upsert(day)
    }

    /// Allocates the day's seats from participants' choices and stores the allocation
    /// (replacing an earlier one for the day).
    /// - Throws: ``ToolkitError/unknownReference(_:)`` for an unknown day or participant, and
    ///   every error of ``ElectiveAllocator/allocate(_:for:)``.
    @discardableResult
    public func allocate(_ choices: [ElectiveChoice], on dayID: ID<TrainingDay>) async throws -> ElectiveAllocation {
        let day = try await store.require(TrainingDay.self, dayID.rawValue)
        _ = try await store.requireAll(Participant.self, choices.map(\.participant.rawValue))
        let allocation = try ElectiveAllocator.allocate(choices, for: day)
        try await store.upsert(allocation)
        return allocation
    }

    /// The stored allocation of a day.
    public func allocation(of day: ID<TrainingDay>) async throws -> ElectiveAllocation? {
        try await store.fetch(ElectiveAllocation.self, id: day.rawValue)
    }

    /// Participants per seminar title over every allocated day (e.g. all 26 days of (o)Likabehandling).
    public func totalsPerSeminar() async throws -> [String: Int] {
        var titles: [String: String] = [:]
        for day in try await store.all(TrainingDay.self) {
            for s in day.seminars { titles["\(day.id.rawValue)/\(s.id)"] = s.title }
        }
        var totals: [String: Int] = [:]
        for allocation in try await store.all(ElectiveAllocation.self) {
            for (seminar, n) in allocation.countsPerSeminar {
                totals[titles["\(allocation.day.rawValue)/\(seminar)"] ?? seminar, default: 0] += n
            }
        }
        return totals
    }
}
