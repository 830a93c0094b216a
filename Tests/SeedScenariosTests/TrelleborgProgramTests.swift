import Foundation
import Testing

/// Runs the built `Likabehandling` program as a user would (see ``ExampleProgramTests``).
@Suite("Likabehandling program")
struct TrelleborgProgramTests {
    @Test("--help lists the shared options and --roster; a --roster without a path exits 2")
    func help() throws {
        let dir = try ExampleProgramTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let help = try ExampleProgramTests.run("Likabehandling", ["--help"], in: dir)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: likabehandling [--store PATH] [--reports DIR] [--seed N] [--lang sv|en] [--roster PATH] [--quiet] [--help]"))
        #expect(help.stdout.contains("--roster PATH   HR roster CSV"))
        let missing = try ExampleProgramTests.run("Likabehandling", ["--roster"], in: dir)
        #expect(missing.status == 2 && missing.stderr.contains("fel: alternativet '--roster' behöver ett värde") && missing.stderr.contains("USAGE"))
        let inEnglish = try ExampleProgramTests.run("Likabehandling", ["--lang", "en", "--roster"], in: dir)
        #expect(inEnglish.status == 2 && inEnglish.stderr.contains("error: option '--roster' needs a value"))
    }

    @Test("a run writes the BOM roster, shows import and attendance progress, prints the seed's figures and writes the reports")
    func run() throws {
        let dir = try ExampleProgramTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ExampleProgramTests.run("Likabehandling", [], in: dir)
        #expect(result.status == 0)
        #expect(result.stderr.contains("Importerar personalregister 100% (3001/3001)"))
        #expect(result.stderr.contains("Registrerar närvaro 100%"))
        #expect(result.stdout.contains("3001 medarbetare"))
        #expect(result.stdout.contains("Utbildningsdagar                          26:"))
        #expect(result.stdout.contains("144 i 144 grupper"))
        #expect(result.stdout.contains("presenterat 2011-10-26"))
        let roster = try Data(contentsOf: dir.appendingPathComponent(".diversitykit/likabehandling-roster.csv"))
        #expect(roster.starts(with: [0xEF, 0xBB, 0xBF] + Array("employee_ref;organisation;unit;role\n".utf8)))
        for folder in ["projekt", "medarbetarenkat-2008", "programuppfoljning", "kursutvardering"] {
            for file in ["report.html", "report.md"] {
                #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/likabehandling/\(folder)/\(file)").path))
            }
        }
    }

    @Test("a broken --roster file stops the run with its file, line and field, in Swedish or with --lang en in English")
    func brokenRoster() throws {
        let dir = try ExampleProgramTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = "\u{FEFF}employee_ref;organisation;unit;role\r\ntrb-anst-00001;trelleborgs-kommun;trb-ekonomi;chef\r\n"
            + "trb-anst-00002;trelleborgs-kommun;\"trb-ekonomi;medarbetare\r\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("personal.csv"))
        let result = try ExampleProgramTests.run("Likabehandling", ["--roster", "personal.csv", "--quiet"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("fel: personal.csv, rad 3, fält 3, tecken 35: fältet börjar med ett citattecken som aldrig avslutas"),
                "\(result.stderr)")
        let inEnglish = try ExampleProgramTests.run("Likabehandling", ["--roster", "personal.csv", "--quiet", "--lang", "en"], in: dir)
        #expect(inEnglish.stderr.contains("error: personal.csv, line 3, field 3, character 35: quoted field is never closed"), "\(inEnglish.stderr)")
        let unknownRole = "\u{FEFF}employee_ref;organisation;unit;role\r\ntrb-anst-00001;trelleborgs-kommun;;vikarie\r\n"
        try Data(unknownRole.utf8).write(to: dir.appendingPathComponent("roller.csv"))
        let role = try ExampleProgramTests.run("Likabehandling", ["--roster", "roller.csv", "--quiet"], in: dir)
        #expect(role.status == 1 && role.stderr.contains("fel: roller.csv, rad 2, fält 4 (role): okänd roll 'vikarie'"), "\(role.stderr)")
    }

    @Test("a --roster file that does not exist is named in plain words and leaves no store file behind")
    func missingRoster() throws {
        let dir = try ExampleProgramTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ExampleProgramTests.run("Likabehandling", ["--roster", "missing.csv", "--quiet"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("fel: personalregistret missing.csv kan inte läsas"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("Error Domain"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".diversitykit/likabehandling.sqlite").path))
    }
}
