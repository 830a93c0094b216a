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
        try await withConflictRetry {
            let day = try await store.requireVersioned(TrainingDay.self, dayID.rawValue)
            var batch = WriteBatch()
            // Conditional on the day as read, and moving each participant's revision, so a concurrent
            // change of the day or an erasure of a participant conflicts and re-reads.
            batch.expectUnchanged(day)
            var touched: Set<ID<Participant>> = []
            // Every participant in one read; the first unknown one is refused, in the choices' order.
            let people = try await store.requireAllVersioned(Participant.self, choices.map(\.participant.rawValue))
            for (c, read) in zip(choices, people) where touched.insert(c.participant).inserted {
                try batch.touch(read)
            }
            let allocation = try ElectiveAllocator.allocate(choices, for: day.record)
            try batch.upsert(allocation)
            try await store.write(batch)
            return allocation
        }
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
