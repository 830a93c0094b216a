import Foundation
import Testing

/// Runs the MDSS and RegionalProject programs as a user would (with the helpers of ``ExampleProgramTests``).
@Suite("MDSS and RegionalProject programs")
struct MDSSAndVervaProgramTests {
    @Test("MDSS runs twice on its default store with the same summary and writes HTML, Markdown and CSV")
    func mdss() throws {
        let dir = try ExampleProgramTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try ExampleProgramTests.run("MDSS", [], in: dir)
        let second = try ExampleProgramTests.run("MDSS", [], in: dir)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("Deltagare totalt"))
        #expect(first.stdout.contains("under plan"))
        #expect(first.stdout.contains("deltagaren har inte genomfört det som krävs först: Ledarforum"))
        for folder in ["projekt", "programuppfoljning", "kursutvardering", "nulagesmatning"] {
            for file in ["report.html", "report.md"] {
                #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/mdss/\(folder)/\(file)").path))
            }
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/mdss/projekt/anpassad-plan.csv").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".diversitykit/mdss.sqlite").path))
    }

    @Test("MDSS --help prints the usage and exits 0; a bad seed exits 2")
    func mdssCommandLine() throws {
        let dir = try ExampleProgramTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let help = try ExampleProgramTests.run("MDSS", ["--help"], in: dir)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: mdss"))
        let bad = try ExampleProgramTests.run("MDSS", ["--seed", "x"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("fel: alternativet '--seed': 'x' är inte giltigt"))
        let inEnglish = try ExampleProgramTests.run("MDSS", ["--lang", "en", "--seed", "x"], in: dir)
        #expect(inEnglish.status == 2 && inEnglish.stderr.contains("error: option '--seed': 'x' is not valid"))
    }

    @Test("RegionalProject writes the steering brief next to the built-in formats and prints the 2006 economy")
    func regionalProject() throws {
        let dir = try ExampleProgramTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try ExampleProgramTests.run("RegionalProject", ["--store", "verva.sqlite", "--reports", "out"], in: dir)
        #expect(run.status == 0)
        #expect(run.stdout.contains("51 i 5 län"))
        #expect(run.stdout.contains("varav ej förbrukat 1 189 000 kr"))
        #expect(run.stdout.contains("Ej fördelat"))
        for folder in ["delredovisning", "programuppfoljning", "maluppfoljning"] {
            for file in ["report.html", "report.md", "styrgruppsbrev.txt"] {
                #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(folder)/\(file)").path))
            }
        }
        let again = try ExampleProgramTests.run("RegionalProject", ["--store", "verva.sqlite"], in: dir)
        #expect(again.status == 1)
        #expect(again.stderr.contains("fel: lagringsfilen verva.sqlite finns redan"), "\(again.stderr)")
    }
}
