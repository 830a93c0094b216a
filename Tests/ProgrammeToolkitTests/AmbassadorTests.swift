import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Ambassadors")
struct AmbassadorTests {
    /// The 13 municipalities of Östergötland, as an embedder would supply them.
    static let ostergotland = ["Boxholm", "Finspång", "Kinda", "Linköping", "Mjölby", "Motala", "Norrköping",
                               "Söderköping", "Vadstena", "Valdemarsvik", "Ydre", "Åtvidaberg", "Ödeshög"]

    static func setUp() async throws -> AmbassadorService {
        let store = try await Kristianstad.store()
        let service = ProgrammeToolkit(store: store).ambassadors
        try await service.register(Ambassador(id: "a1", organisation: "ks", municipality: "Norrköping", county: "Östergötland",
                                              trainedOn: try day("2006-03-01")))
        try await service.register(Ambassador(id: "a2", organisation: "ks", municipality: "norrköping", county: "Östergötland",
                                              trainedOn: try day("2006-03-01")))
        try await service.register(Ambassador(id: "a3", organisation: "co", municipality: "Linköping", county: "Östergötland",
                                              trainedOn: try day("2006-09-01")))
        try await service.register(Ambassador(id: "a4", organisation: "co", municipality: "Motala", county: "Östergötland"))
        return service
    }

    @Test("coverage counts municipalities with a trained ambassador against the county's list")
    func coverage() async throws {
        let service = try await Self.setUp()
        let spring = try await service.coverage(county: "Östergötland", municipalities: Self.ostergotland, on: try day("2006-06-01"))
        #expect(spring.covered == ["Norrköping"])
        #expect(spring.ambassadorsPerMunicipality["Norrköping"] == 2)
        #expect(spring.uncovered.count == 12)
        let autumn = try await service.coverage(county: "Östergötland", municipalities: Self.ostergotland, on: try day("2006-12-01"))
        #expect(autumn.covered == ["Linköping", "Norrköping"])
        #expect(abs(autumn.share - 2.0 / 13.0) < 1e-12)
        #expect(!autumn.goalMet)
        let partial = try await service.coverage(county: "Östergötland", municipalities: ["Linköping"], on: try day("2006-12-01"))
        #expect(partial.goalMet && partial.outsideList == ["a1", "a2"])
    }

    @Test("workshops are counted per ambassador and cannot precede training")
    func workshops() async throws {
        let service = try await Self.setUp()
        try await service.record(AmbassadorWorkshop(id: "w1", ambassador: "a1", date: try day("2006-04-01"), audience: "företag",
                                                    material: "Blåögd", participantCount: 14))
        try await service.record(AmbassadorWorkshop(id: "w2", ambassador: "a1", date: try day("2006-05-01"), audience: "kommun",
                                                    material: "Blåögd", participantCount: 20))
        #expect(try await service.workshopsPerAmbassador(county: "Östergötland") == ["a1": 2, "a2": 0, "a3": 0, "a4": 0])
        await #expect(throws: ToolkitError.workshopBeforeTraining(ambassador: "a3", date: try day("2006-05-01"))) {
            try await service.record(AmbassadorWorkshop(id: "w3", ambassador: "a3", date: try day("2006-05-01"), audience: "förening",
                                                        material: "Blåögd", participantCount: 8))
        }
        await #expect(throws: ToolkitError.workshopBeforeTraining(ambassador: "a4", date: try day("2007-01-01"))) {
            try await service.record(AmbassadorWorkshop(id: "w4", ambassador: "a4", date: try day("2007-01-01"), audience: "förening",
                                                        material: "Blåögd", participantCount: 8))
        }
        await #expect(throws: ToolkitError.notPositive(entity: .of(AmbassadorWorkshop.self, "w5"), field: "participantCount", value: 0)) {
            try await service.record(AmbassadorWorkshop(id: "w5", ambassador: "a1", date: try day("2007-01-01"), audience: "företag",
                                                        material: "Blåögd", participantCount: 0))
        }
    }

    @Test("registration needs a municipality, a county and a known organisation; coverage needs a list")
    func errors() async throws {
        let service = try await Self.setUp()
        await #expect(throws: ToolkitError.emptyText(entity: .of(Ambassador.self, "x"), field: "municipality")) {
            try await service.register(Ambassador(id: "x", organisation: "ks", municipality: "", county: "Östergötland"))
        }
        await #expect(throws: ToolkitError.unknownReference(.of(Organisation.self, "none"))) {
            try await service.register(Ambassador(id: "x", organisation: "none", municipality: "Ydre", county: "Östergötland"))
        }
        await #expect(throws: ToolkitError.self) {
            try await service.coverage(county: "Östergötland", municipalities: [], on: try day("2006-12-01"))
        }
    }
}
