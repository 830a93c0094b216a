import DiversityKit

/// Optimal allocation of participants to elective seminars.
///
/// Maximises satisfied preferences — 2 points for a first choice, 1 for a second, 0 for no
/// seat — without exceeding any seminar's capacity. Solved exactly with the Hungarian algorithm
/// over seat slots (each seminar contributes min(capacity, participants) slots) plus one
/// "unassigned" column per participant. Participants outside both their choices are never
/// placed: a seat someone did not ask for is not a satisfied preference. Participants and
/// seminars are taken in id order, so equal input gives equal output.
public enum ElectiveAllocator {
    /// Allocates `choices` to `day`'s seminars.
    /// - Throws: ``ToolkitError/unknownSeminar(_:participant:)``, ``ToolkitError/sameChoiceTwice(participant:)``,
    ///   ``ToolkitError/duplicateIdentifier(_:)`` for a participant who chose twice,
    ///   ``ToolkitError/notPositive(entity:field:value:)`` for a seminar with no seats.
    public static func allocate(_ choices: [ElectiveChoice], for day: TrainingDay) throws -> ElectiveAllocation {
        try validate(day)
        try Check.unique(choices.map(\.participant))
        let offered = Set(day.seminars.map(\.id))
        for c in choices {
            for s in [c.first] + (c.second.map { [$0] } ?? []) where !offered.contains(s) {
                throw ToolkitError.unknownSeminar(s, participant: c.participant)
            }
            if c.second == c.first { throw ToolkitError.sameChoiceTwice(participant: c.participant) }
        }
        let people = choices.sorted { $0.participant < $1.participant }
        let seminars = day.seminars.sorted { $0.id < $1.id }
        var slots: [String] = []
        for s in seminars { slots += Array(repeating: s.id, count: min(s.capacity, people.count)) }
        let cost: [[Int64]] = people.map { c in
            slots.map { $0 == c.first ? -2 : ($0 == c.second ? -1 : 0) } + Array(repeating: 0, count: people.count)
        }
        let assignment = Hungarian.minimise(cost)
        var seats: [ID<Participant>: String] = [:]
        var outcomes: [ID<Participant>: ChoiceOutcome] = [:]
        var counts = Dictionary(uniqueKeysWithValues: seminars.map { ($0.id, 0) })
        for (i, c) in people.enumerated() {
            let column = assignment[i]
            guard column >= 0, column < slots.count else {
                outcomes[c.participant] = .unassigned
                continue
            }
            let seminar = slots[column]
            // Zero-cost columns tie with unchosen seminars; only a chosen seat counts as a placement.
            guard seminar == c.first || seminar == c.second else {
                outcomes[c.participant] = .unassigned
                continue
            }
            outcomes[c.participant] = seminar == c.first ? .first : .second
            seats[c.participant] = seminar
            counts[seminar, default: 0] += 1
        }
        return ElectiveAllocation(day: day.id, seats: seats, outcomes: outcomes, countsPerSeminar: counts)
    }

    /// Checks a training day's own fields.
    static func validate(_ day: TrainingDay) throws {
        let key = RecordKey.of(TrainingDay.self, day.id.rawValue)
        try Check.text(day.plenary, key, "plenary")
        guard !day.seminars.isEmpty else {
            throw ToolkitError.invalid(entity: key, field: "seminars", reason: "needs at least one seminar")
        }
        try Check.unique(day.seminars.map(\.id))
        for s in day.seminars {
            try Check.text(s.title, key, "seminars.title")
            try Check.positive(s.capacity, key, "seminars.capacity")
        }
    }
}
