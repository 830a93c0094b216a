import DiversityKit
import Foundation
@testable import SurveyModule

/// A clock tests move by hand. Lock-guarded, hence `@unchecked Sendable`: every access takes `lock`.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = Date(timeIntervalSince1970: 1_300_000_000)) { current = start }
    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
    func advance(_ seconds: TimeInterval) {
        lock.lock()
        current += seconds
        lock.unlock()
    }
    var function: @Sendable () -> Date { { [self] in self.now } }
}

enum Fixture {
    static let t0 = Date(timeIntervalSince1970: 1_300_000_000)
    static let day: TimeInterval = 86_400

    /// A small questionnaire: a required Likert grid of 5, a knowledge item, a numeric, a text, a multiple choice.
    static func small(id: ID<Questionnaire> = "small", version: Int = 1) -> Questionnaire {
        let grid = (1...5).map { i in
            Item(code: "L\(i)", prompt: LocalizedText(sv: "Påstående \(i)", en: "Statement \(i)"),
                 kind: .likert(scale: .agreement5, reverseCoded: i == 5), isRequired: i <= 2)
        }
        return Questionnaire(
            id: id, version: version, title: LocalizedText(sv: "Liten", en: "Small"),
            sections: [
                Section(code: "S1", title: LocalizedText(sv: "Rutnät", en: "Grid"), items: grid),
                Section(code: "S2", title: LocalizedText(sv: "Övrigt", en: "Other"), items: [
                    Item(code: "K1", prompt: LocalizedText(sv: "Hur många grunder?", en: "How many grounds?"),
                         kind: .knowledge(KnowledgeQuestion(options: ItemBank.numbered([("5", "5"), ("7", "7")]), correct: 2, topic: .grounds))),
                    Item(code: "N1", prompt: LocalizedText(sv: "År", en: "Years"), kind: .numeric(range: 0...50, unit: nil)),
                    Item(code: "T1", prompt: LocalizedText(sv: "Övrigt", en: "Other"), kind: .freeText(maxLength: 20)),
                    Item(code: "M1", prompt: LocalizedText(sv: "Välj", en: "Choose"),
                         kind: .multipleChoice(options: ItemBank.numbered([("a", "a"), ("b", "b"), ("c", "c")]), maxSelections: 2)),
                ]),
            ],
            scales: [Scale(code: "GRID", title: LocalizedText(sv: "Rutnät", en: "Grid"),
                           itemCodes: ["L1", "L2", "L3", "L4", "L5"], minimumAnswered: 3)])
    }

    static func fullAnswers(_ v: Int = 4) -> [String: Answer] {
        ["L1": .value(v), "L2": .value(v), "L3": .value(v), "L4": .value(v), "L5": .value(6 - v), "K1": .value(2),
         "N1": .value(3), "T1": .text("Bra"), "M1": .values([1, 3])]
    }

    /// The secret every test service uses (a fixed 32 bytes: tests only).
    static let secret: TokenSecret = try! TokenSecret(bytes: Array(repeating: 0x5A, count: 32))

    /// The organisation the default units belong to.
    static let organisation = Organisation(id: "umea", name: "Umeå kommun", kind: .municipality, units: [
        OrganisationUnit(id: "viva", name: "Vård och omsorg"), OrganisationUnit(id: "soc", name: "Socialtjänsten"),
        OrganisationUnit(id: "u", name: "Enheten"),
    ])

    /// A service over a fresh store with `q` published and an anonymous distribution of `units` open for a week.
    static func service(_ q: Questionnaire = small(), mode: DistributionMode = .anonymous,
                        units: [UnitHeadcount] = [.init(unit: "viva", headcount: 6), .init(unit: "soc", headcount: 5)],
                        clock: TestClock = TestClock(), configuration: SurveyConfiguration = SurveyConfiguration(),
                        store: any Store = InMemoryStore()) async throws
        -> (SurveyService, SurveyDistribution, [IssuedToken], any Store)
    {
        let service = SurveyService(store: store, secret: secret, configuration: configuration, clock: clock.function,
                                    ids: SequentialIDGenerator())
        try await store.insert(organisation)
        try await service.publish(q)
        let (d, tokens) = try await service.distribute(DistributionPlan(
            questionnaire: q.reference, mode: mode, population: .units(units), opens: t0, closes: t0 + 7 * day))
        return (service, d, tokens, store)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("survey-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
