import DiversityKit
import ExampleSupport
import ProgrammeToolkit

extension LikabehandlingScenario {
    /// The inspiration material's id.
    public static let materialID: ID<LearningMaterial> = "reagera"
    /// The parts of "(RE)Agera" (films, case types, value exercises, unfinished sentences).
    public static let materialParts = ["film 1", "film 2", "film 3", "typfall 1", "typfall 2", "typfall 3", "typfall 4",
                                       "värderingsövning", "oavslutade meningar"]

    /// Registers "(RE)Agera" for every workplace, has it presented to all managers on the
    /// leadership day and used at some workplace meetings (arbetsplatsträffar) the months after.
    static func introduceMaterial(to staff: [Participant], toolkit: ProgrammeToolkit,
                                  rng: inout SeededGenerator) async throws -> MaterialIntroduction {
        let units = Array(Set(staff.compactMap(\.unit))).sorted()
        let material = LearningMaterial(id: materialID, title: "(RE)Agera", organisation: municipality, unitsInScope: units)
        try await toolkit.learningMaterial.register(material)
        let headcount = Dictionary(grouping: staff.compactMap(\.unit), by: { $0 }).mapValues(\.count)
        var uses: [MaterialUse] = []
        for unit in units where rng.chance(62) {
            var used: Set<CalendarDate> = []
            for _ in 0..<rng.int(in: 1...3) {
                let date = materialPresentationDate.adding(days: rng.int(in: 7...(materialPresentationDate.days(until: coverageDate))))
                guard used.insert(date).inserted else { continue }
                let use = MaterialUse(material: materialID, unit: unit, date: date,
                                      parts: rng.sample(materialParts, count: rng.int(in: 2...4)),
                                      participantCount: max(1, (headcount[unit] ?? 1) * rng.int(in: 55...90) / 100))
                try await toolkit.learningMaterial.log(use)
                uses.append(use)
            }
        }
        return MaterialIntroduction(
            material: material, presentedOn: materialPresentationDate,
            managersPresent: staff.filter { $0.role == .manager }.count,
            uses: uses.sorted { ($0.date, $0.unit) < ($1.date, $1.unit) },
            coverage: try await toolkit.learningMaterial.coverage(of: materialID, through: coverageDate))
    }
}
