import Foundation
import Testing

@Suite("diversitykit audit")
struct AuditTests {
    @Test("with no cell marked, the library's disclosure control chooses the pattern and every withheld cell is protected")
    func computedPattern() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run("audit", try Tool.fixture("table.csv"), "--threshold", "5", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let result = try run.json()
        #expect(result["pattern"] as? String == "computed")
        #expect(result["protected"] as? Bool == true)
        let cells = try #require(result["withheld"] as? [[String: Any]])
        // The 3 is withheld, with labels from the heading row and the first column.
        #expect(cells.contains { $0["value"] as? Int == 3 && $0["rowLabel"] as? String == "VIVA" && $0["columnLabel"] as? String == "Varken eller" })
        for cell in cells {
            let lower = try #require(cell["lower"] as? Double), upper = try #require(cell["upper"] as? Double)
            #expect(upper - lower >= 5 && cell["protected"] as? Bool == true)
        }
    }

    @Test("a hand-made pattern that the totals give away is reported NOT protected, exit 1")
    func givenPattern() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run("audit", try Tool.fixture("hand-suppressed.csv"), "--lang", "en")
        #expect(run.status == 1)
        #expect(run.stdout.contains("1 withheld cells (given pattern)"))
        #expect(run.stdout.contains("VIVA × Varken eller: value 3, interval [3; 3] — NOT protected"))
        #expect(run.stdout.contains("The table is not protected."))
    }

    @Test("a pattern that leaves a small cell published is not protected; a well-chosen one is")
    func smallCellPublished() throws {
        let tool = try Tool()
        defer { tool.remove() }
        try "12,3,8*\n9*,7,15\n".write(toFile: tool.path("leaky.csv"), atomically: true, encoding: .utf8)
        let leaky = try tool.run("audit", "leaky.csv", "--format", "json")
        #expect(leaky.status == 1)
        let small = try #require(try leaky.json()["publishedBelowThreshold"] as? [[String: Any]])
        #expect(small.map { $0["value"] as? Int } == [3])
        try "12*,3*,8\n9*,7*,15\n".write(toFile: tool.path("rectangle.csv"), atomically: true, encoding: .utf8)
        let rectangle = try tool.run("audit", "rectangle.csv")
        #expect(rectangle.status == 0, "\(rectangle.stdout)")
        #expect(rectangle.stdout.contains("1 × 2: värde 3, intervall [0; 10] — skyddad"))
    }

    @Test("without published totals nothing can be worked back: --margins none", arguments: ["none", "rows"])
    func margins(_ margins: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run("audit", try Tool.fixture("hand-suppressed.csv"), "--margins", margins, "--format", "json")
        let cells = try #require(try run.json()["withheld"] as? [[String: Any]])
        #expect(cells.count == 1)
        #expect((cells[0]["protected"] as? Bool) == (margins == "none"))
        #expect(run.status == (margins == "none" ? 0 : 1))
    }

    @Test("a table that cannot be read fails with its line and field, exit 1, in the language of --lang", arguments: [
        ("1,2,3\n4,x,6\n", "rad 2, fält 2: 'x' är inget antal", "line 2, field 2: 'x' is not a count"),
        ("1,2,3\n4,-5,6\n", "'-5' är inget antal", "'-5' is not a count"),
        ("1,2,3\n4,5\n", "rad 2: 2 antal, 3 väntades", "line 2: 2 counts, expected 3"),
        ("", "tabellen är tom", "the table is empty"),
        ("a,b,c\n", "en rubrikrad men inga antal", "a heading row but no counts"),
        ("1,\"2\n", "rad 1, fält 2, tecken 3: fältet börjar med ett citattecken som aldrig avslutas",
         "line 1, field 2, character 3: quoted field is never closed"),
    ])
    func badTable(_ text: String, _ swedish: String, _ english: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        try text.write(toFile: tool.path("bad.csv"), atomically: true, encoding: .utf8)
        let run = try tool.run("audit", "bad.csv")
        #expect(run.status == 1)
        #expect(run.stderr.contains("fel: bad.csv") && run.stderr.contains(swedish), "\(run.stderr)")
        let inEnglish = try tool.run("audit", "bad.csv", "--lang", "en")
        #expect(inEnglish.status == 1)
        #expect(inEnglish.stderr.contains("error: bad.csv") && inEnglish.stderr.contains(english), "\(inEnglish.stderr)")
    }

    @Test("a missing table file fails with exit 1")
    func missing() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run("audit", "nowhere.csv")
        #expect(run.status == 1 && run.stderr.contains("nowhere.csv: filen finns inte"))
    }
}
