import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Learning material")
struct LearningMaterialTests {
    static func setUp() async throws -> LearningMaterialService {
        let service = ProgrammeToolkit(store: try await Kristianstad.store()).learningMaterial
        try await service.register(LearningMaterial(id: "reagera", title: "(RE)Agera", organisation: "ks",
                                                    unitsInScope: ["ks-care", "ks-care-home", "ks-school"]))
        return service
    }

    @Test("use at workplace meetings is tracked per unit, and coverage is units reached over units in scope")
    func coverage() async throws {
        let service = try await Self.setUp()
        try await service.log(MaterialUse(material: "reagera", unit: "ks-care", date: try day("2011-11-15"), parts: ["film 1"], participantCount: 12))
        try await service.log(MaterialUse(material: "reagera", unit: "ks-care", date: try day("2011-12-13"), parts: ["typfall 3"]))
        try await service.log(MaterialUse(material: "reagera", unit: "ks-school", date: try day("2012-01-17")))
        let december = try await service.coverage(of: "reagera", through: try day("2011-12-31"))
        #expect(december.unitsReached == ["ks-care"])
        #expect(december.usesPerUnit == ["ks-care": 2, "ks-care-home": 0, "ks-school": 0])
        let all = try await service.coverage(of: "reagera")
        #expect(all.unitsNotReached == ["ks-care-home"])
        #expect(abs(all.share - 2.0 / 3.0) < 1e-12)
    }

    @Test("use outside the scope, unknown material and units of another organisation are refused")
    func errors() async throws {
        let service = try await Self.setUp()
        await #expect(throws: ToolkitError.unitNotInScope("ks-top", material: "reagera")) {
            try await service.log(MaterialUse(material: "reagera", unit: "ks-top", date: try day("2011-11-15")))
        }
        await #expect(throws: ToolkitError.unknownReference(.of(LearningMaterial.self, "other"))) {
            try await service.log(MaterialUse(material: "other", unit: "ks-care", date: try day("2011-11-15")))
        }
        await #expect(throws: ToolkitError.unknownReference(RecordKey(type: "organisationUnit", id: "co-hq"))) {
            try await service.register(LearningMaterial(id: "m", title: "M", organisation: "ks", unitsInScope: ["co-hq"]))
        }
        await #expect(throws: ToolkitError.notPositive(entity: .of(MaterialUse.self, "reagera/ks-care@2011-11-15"), field: "participantCount", value: 0)) {
            try await service.log(MaterialUse(material: "reagera", unit: "ks-care", date: try day("2011-11-15"), participantCount: 0))
        }
    }
}
