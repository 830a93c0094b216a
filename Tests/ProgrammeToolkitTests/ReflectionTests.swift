import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Reflection groups")
struct ReflectionTests {
    static func members(_ sizes: [Int]) -> [GroupFormer.Member] {
        sizes.enumerated().flatMap { w, n in
            (0..<n).map { (ID<Participant>("w\(w)-p\($0)"), ID<OrganisationUnit>("w\(w)")) }
        }
    }

    @Test("every group is within the size limits and everyone is placed once", arguments: 1...60)
    func withinLimits(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let minimum = Int.random(in: 3...6, using: &rng)
        let maximum = minimum + Int.random(in: 0...4, using: &rng)
        let sizes = (0..<Int.random(in: 1...8, using: &rng)).map { _ in Int.random(in: 1...20, using: &rng) }
        let people = Self.members(sizes)
        let total = people.count
        let feasible = (1...total).contains { $0 * minimum <= total && total <= $0 * maximum }
        if feasible {
            let groups = try GroupFormer.form(people, minimum: minimum, maximum: maximum)
            #expect(groups.allSatisfy { (minimum...maximum).contains($0.count) })
            #expect(Set(groups.flatMap { $0.map(\.participant) }).count == total)
            #expect(groups.reduce(0) { $0 + $1.count } == total)
        } else {
            #expect(throws: ToolkitError.groupsImpossible(total: total, minimum: minimum, maximum: maximum)) {
                try GroupFormer.form(people, minimum: minimum, maximum: maximum)
            }
        }
    }

    @Test("a workplace that fills whole groups keeps its colleagues to itself")
    func workplacesStayTogether() throws {
        let groups = try GroupFormer.form(Self.members([12, 7, 3, 2]), minimum: 4, maximum: 8)
        let workplaceSets = groups.map { Set($0.map(\.workplace)) }
        #expect(workplaceSets.filter { $0 == ["w0"] }.count == 2)  // 12 → 6 + 6
        #expect(workplaceSets.contains(["w1"]))                      // 7 on its own
        #expect(workplaceSets.contains(["w2", "w3"]))                // 3 + 2 together, neither split
        #expect(groups.count == 4)
    }

    @Test("the same people give the same groups", arguments: 1...10)
    func deterministic(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed) + 99)
        let people = Self.members((0..<5).map { _ in Int.random(in: 2...9, using: &rng) })
        #expect(try GroupFormer.form(people, minimum: 4, maximum: 7).map { $0.map(\.participant) }
            == GroupFormer.form(people.reversed(), minimum: 4, maximum: 7).map { $0.map(\.participant) })
    }

    @Test("limits must be a range of positive sizes")
    func badLimits() {
        #expect(throws: ToolkitError.self) { try GroupFormer.form(Self.members([5]), minimum: 6, maximum: 4) }
        #expect(throws: ToolkitError.self) { try GroupFormer.form(Self.members([5]), minimum: 0, maximum: 4) }
    }

    @Test("the service forms groups, attaches case material and counts sessions held per group")
    func serviceFlow() async throws {
        let participants = (0..<9).map { Participant(id: ID("p\($0)"), organisation: "ks", unit: $0 < 5 ? "ks-care" : "ks-school") }
        let store = try await Kristianstad.store(participants: participants + [Participant(id: "x", organisation: "ks")])
        let service = ProgrammeToolkit(store: store).reflection
        let groups = try await service.formGroups(round: "vt10", participants: participants.map(\.id), minimum: 4, maximum: 6)
        #expect(groups.map(\.id) == ["vt10-g1", "vt10-g2"])
        #expect(groups[0].workplaces == ["ks-care"] && groups[1].workplaces == ["ks-school"])
        try await service.attach(CaseMaterial(title: "Fallet i personalrummet", description: "En kollega skämtar om …"), to: "vt10-g1")
        try await service.record(ReflectionSession(group: "vt10-g1", date: try day("2010-04-12"), attendees: ["p0", "p1"],
                                                   casesDiscussed: ["Fallet i personalrummet"]))
        try await service.record(ReflectionSession(group: "vt10-g1", date: try day("2010-05-10"), attendees: ["p0"]))
        #expect(try await service.sessionsHeld(round: "vt10") == ["vt10-g1": 2, "vt10-g2": 0])
        await #expect(throws: ToolkitError.notAGroupMember("p6", group: "vt10-g1")) {
            try await service.record(ReflectionSession(group: "vt10-g1", date: try day("2010-06-01"), attendees: ["p6"]))
        }
        await #expect(throws: ToolkitError.invalid(entity: .of(ReflectionSession.self, "vt10-g1@2010-06-01"), field: "casesDiscussed",
                                                   reason: "names a case the group does not have")) {
            try await service.record(ReflectionSession(group: "vt10-g1", date: try day("2010-06-01"), attendees: ["p0"], casesDiscussed: ["Okänt"]))
        }
        await #expect(throws: ToolkitError.missingUnit(participant: "x")) {
            try await service.formGroups(round: "ht10", participants: ["x"], minimum: 1, maximum: 2)
        }
        await #expect(throws: ToolkitError.emptyText(entity: .of(ReflectionGroup.self, "vt10-g2"), field: "caseMaterial.description")) {
            try await service.attach(CaseMaterial(title: "T", description: ""), to: "vt10-g2")
        }
        await #expect(throws: StoreError.self) {
            try await service.formGroups(round: "vt10", participants: participants.map(\.id), minimum: 4, maximum: 6)
        }
    }
}
