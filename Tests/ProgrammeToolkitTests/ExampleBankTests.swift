import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Good-example bank")
struct ExampleBankTests {
    static func bank() async throws -> ExampleBank {
        let bank = ProgrammeToolkit(store: try await Kristianstad.store()).examples
        try await bank.add(GoodExample(id: "anon", title: "Anonymiserad rekrytering",
                                       method: "Namn, kön och ålder döljs i ansökningarna till första urvalet.",
                                       organisation: "ks", focusAreas: [.recruitment], grounds: [.ethnicity, .sex, .age]))
        try await bank.add(GoodExample(id: "check", title: "Checklista för rekrytering",
                                       method: "Kravprofil före annons; öppen och saklig bedömning.",
                                       focusAreas: [.recruitment, .process], keywords: ["kravprofil"]))
        try await bank.add(GoodExample(id: "lokal", title: "Tillgänglig mötesplats",
                                       method: "Inventera lokalerna med checklistan för fysisk tillgänglighet.",
                                       focusAreas: [.citizenPerspective], grounds: [.disability]))
        return bank
    }

    @Test("text search ignores case and Swedish diacritics", arguments: [
        ("oppen", ["check"]), ("ÖPPEN", ["check"]), ("rekrytering", ["anon", "check"]),
        ("alder", ["anon"]), ("tillganglig", ["lokal"]), ("kravprofil annons", ["check"]), ("lön", []),
    ])
    func text(query: String, expected: [String]) async throws {
        let hits = try await Self.bank().search(ExampleQuery(text: query))
        #expect(hits.map(\.id.rawValue) == expected)
    }

    @Test("filters on focus area and ground combine with the text")
    func filters() async throws {
        let bank = try await Self.bank()
        #expect(try await bank.search(ExampleQuery(focusArea: .recruitment)).map(\.id) == ["anon", "check"])
        #expect(try await bank.search(ExampleQuery(ground: .disability)).map(\.id) == ["lokal"])
        #expect(try await bank.search(ExampleQuery(text: "rekrytering", ground: .ethnicity)).map(\.id) == ["anon"])
        #expect(try await bank.search(ExampleQuery(focusArea: .workingConditionsAndHarassment)).isEmpty)
    }

    @Test("an example needs a title, a method and a focus area")
    func errors() async throws {
        let bank = try await Self.bank()
        await #expect(throws: ToolkitError.emptyText(entity: .of(GoodExample.self, "x"), field: "method")) {
            try await bank.add(GoodExample(id: "x", title: "T", method: " ", focusAreas: [.process]))
        }
        await #expect(throws: ToolkitError.invalid(entity: .of(GoodExample.self, "x"), field: "focusAreas", reason: "needs at least one focus area")) {
            try await bank.add(GoodExample(id: "x", title: "T", method: "M"))
        }
        await #expect(throws: ToolkitError.unknownReference(.of(Organisation.self, "nope"))) {
            try await bank.add(GoodExample(id: "x", title: "T", method: "M", organisation: "nope", focusAreas: [.process]))
        }
    }
}
