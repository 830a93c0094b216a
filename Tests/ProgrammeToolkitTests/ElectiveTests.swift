import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Training days with electives")
struct ElectiveTests {
    /// Trelleborg's six afternoon seminars.
    static func trelleborgDay(capacity: Int = 2) throws -> TrainingDay {
        TrainingDay(id: "dag1", date: try day("2009-10-05"), plenary: "Kulturkompetens", seminars: [
            ElectiveSeminar(id: "funk", title: "Funktionshinder", capacity: capacity),
            ElectiveSeminar(id: "genus", title: "Genus", capacity: capacity),
            ElectiveSeminar(id: "islam", title: "Islam – vad är det?", capacity: capacity),
            ElectiveSeminar(id: "rek", title: "Rekrytering", capacity: capacity),
            ElectiveSeminar(id: "krock", title: "Kulturkrockar", capacity: capacity),
            ElectiveSeminar(id: "sprak", title: "Tänk om ingen vill förstå vad du säger", capacity: capacity),
        ])
    }

    static func bruteForce(_ choices: [ElectiveChoice], _ day: TrainingDay) -> Int {
        let caps = Dictionary(uniqueKeysWithValues: day.seminars.map { ($0.id, $0.capacity) })
        func go(_ i: Int, _ left: [String: Int]) -> Int {
            guard i < choices.count else { return 0 }
            var best = go(i + 1, left)
            for (s, w) in [(choices[i].first, 2)] + (choices[i].second.map { [($0, 1)] } ?? []) where left[s]! > 0 {
                var next = left
                next[s]! -= 1
                best = max(best, w + go(i + 1, next))
            }
            return best
        }
        return go(0, caps)
    }

    @Test("the allocation maximises satisfied preferences within capacity (vs brute force)", arguments: 1...50)
    func optimal(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let ids = ["a", "b", "c"]
        let day = TrainingDay(id: "d", date: try day("2010-01-01"), plenary: "P",
                              seminars: ids.map { ElectiveSeminar(id: $0, title: $0, capacity: Int.random(in: 1...3, using: &rng)) })
        let choices = (0..<Int.random(in: 1...7, using: &rng)).map { i -> ElectiveChoice in
            let first = ids.randomElement(using: &rng)!
            let second = Bool.random(using: &rng) ? ids.filter { $0 != first }.randomElement(using: &rng) : nil
            return ElectiveChoice(participant: ID("p\(i)"), first: first, second: second)
        }
        let allocation = try ElectiveAllocator.allocate(choices, for: day)
        #expect(allocation.satisfaction == Self.bruteForce(choices, day))
        for s in day.seminars { #expect(allocation.countsPerSeminar[s.id]! <= s.capacity) }
        #expect(allocation.firstChoices + allocation.secondChoices + allocation.unassigned == choices.count)
        #expect(allocation.seats.count == allocation.firstChoices + allocation.secondChoices)
    }

    @Test("when a seminar is full the next person gets a second choice, and counts per seminar are reported")
    func overflow() throws {
        let day = try Self.trelleborgDay(capacity: 2)
        let choices = [ElectiveChoice(participant: "p1", first: "genus", second: "rek"),
                       ElectiveChoice(participant: "p2", first: "genus", second: "islam"),
                       ElectiveChoice(participant: "p3", first: "genus", second: "islam"),
                       ElectiveChoice(participant: "p4", first: "genus")]
        let a = try ElectiveAllocator.allocate(choices, for: day)
        #expect(a.countsPerSeminar["genus"] == 2)
        #expect(a.firstChoices == 2 && a.secondChoices == 2 && a.unassigned == 0)
        #expect(a.seats["p4"] == "genus")
        #expect(a.countsPerSeminar["funk"] == 0)
    }

    @Test("choices of a seminar not offered, the same seminar twice, or a participant twice are refused")
    func choiceErrors() throws {
        let day = try Self.trelleborgDay()
        #expect(throws: ToolkitError.unknownSeminar("yoga", participant: "p1")) {
            try ElectiveAllocator.allocate([ElectiveChoice(participant: "p1", first: "genus", second: "yoga")], for: day)
        }
        #expect(throws: ToolkitError.sameChoiceTwice(participant: "p1")) {
            try ElectiveAllocator.allocate([ElectiveChoice(participant: "p1", first: "genus", second: "genus")], for: day)
        }
        #expect(throws: ToolkitError.duplicateIdentifier("p1")) {
            try ElectiveAllocator.allocate([ElectiveChoice(participant: "p1", first: "genus"),
                                            ElectiveChoice(participant: "p1", first: "rek")], for: day)
        }
    }

    @Test("a day needs seminars with seats and unique ids")
    func dayErrors() async throws {
        let service = ElectiveService(store: InMemoryStore())
        var day = try Self.trelleborgDay()
        day.seminars[0].capacity = 0
        await #expect(throws: ToolkitError.notPositive(entity: .of(TrainingDay.self, "dag1"), field: "seminars.capacity", value: 0)) {
            try await service.plan(day)
        }
        day = try Self.trelleborgDay()
        day.seminars[1].id = "funk"
        await #expect(throws: ToolkitError.duplicateIdentifier("funk")) { try await service.plan(day) }
        day.seminars = []
        await #expect(throws: ToolkitError.invalid(entity: .of(TrainingDay.self, "dag1"), field: "seminars", reason: "needs at least one seminar")) {
            try await service.plan(day)
        }
    }

    @Test("the service stores each day's allocation and totals participants per seminar over days")
    func serviceTotals() async throws {
        let store = try await Kristianstad.store(participants: (1...3).map { Participant(id: ID("p\($0)"), organisation: "ks") })
        let service = ProgrammeToolkit(store: store).electives
        try await service.plan(try Self.trelleborgDay())
        var second = try Self.trelleborgDay()
        second = TrainingDay(id: "dag2", date: try day("2009-10-06"), plenary: second.plenary, seminars: second.seminars)
        try await service.plan(second)
        try await service.allocate([ElectiveChoice(participant: "p1", first: "genus"), ElectiveChoice(participant: "p2", first: "rek")], on: "dag1")
        try await service.allocate([ElectiveChoice(participant: "p3", first: "genus")], on: "dag2")
        #expect(try await service.allocation(of: "dag1")?.seats["p2"] == "rek")
        let totals = try await service.totalsPerSeminar()
        #expect(totals["Genus"] == 2 && totals["Rekrytering"] == 1 && totals["Funktionshinder"] == 0)
        await #expect(throws: ToolkitError.unknownReference(.of(Participant.self, "ghost"))) {
            try await service.allocate([ElectiveChoice(participant: "ghost", first: "genus")], on: "dag1")
        }
    }
}
