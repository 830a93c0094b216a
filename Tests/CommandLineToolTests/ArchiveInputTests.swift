import Foundation
import Testing

/// `survey report` on LimeSurvey's own files: the survey archive (`.lsa`) and the response file
/// (`.lsr`). The archives are written by `Tests/LimeSurveyImportTests/Fixtures/make_archives.py cli`
/// from this suite's `staff.lss`.
@Suite("diversitykit survey report: LimeSurvey archives and response files")
struct ArchiveInputTests {
    /// The units of `units.lsa` with at least 5 respondents, in Swedish and in English order (Kulturen
    /// and Skogen, 3 and 2, are pooled into "other groups").
    static let swedishOrder = ["Aneby", "Vänersborg", "Wadköping", "Zinkgruvan", "Åsele", "Ärla", "Örebro", "Östra"]
    static let englishOrder = ["Aneby", "Ärla", "Åsele", "Örebro", "Östra", "Vänersborg", "Wadköping", "Zinkgruvan"]

    /// Where each unit's name first appears in `text`, in the order of `names`.
    static func positions(of names: [String], in text: String) -> [Int] {
        names.map { name in text.range(of: "| \(name) |").map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? -1 }
    }

    @Test("an archive alone gives the whole report: small units pooled, few comments withheld, the participant table of an anonymous survey unread")
    func archive() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run("survey", "report", "--structure", try Tool.fixture("units.lsa"), "--by", "ENHET",
                               "--threshold", "5", "--out", "rapport", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        for file in SurveyReportTests.reportFiles { #expect(tool.exists("rapport/" + file), "\(file)") }
        let summary = try run.json()
        #expect(summary["responses"] as? Int == 50)
        #expect(summary["groupedBy"] as? String == "ENHET")
        #expect((summary["withheldCells"] as? Int ?? 0) > 0)
        #expect(summary["participants"] == nil)
        #expect(run.stderr.contains("Läser enkätarkivet units.lsa"))
        #expect(run.stderr.contains("not read: the survey is anonymous"), "\(run.stderr)")
        #expect(run.stderr.contains("timings"))
        let markdown = try tool.text("rapport/report.md")
        for unit in Self.swedishOrder { #expect(markdown.contains("| \(unit) |"), "\(unit)") }
        for file in try FileManager.default.contentsOfDirectory(atPath: tool.path("rapport")) {
            let text = try tool.text("rapport/" + file)
            // Kulturen (3 respondents, the only comments) and Skogen (2) are pooled: neither their names
            // nor Kulturen's words are published.
            #expect(!text.contains("Kulturen") && !text.contains("Skogen"), "\(file)")
            #expect(!text.contains("Kommentar från"), "\(file)")
        }
    }

    @Test("the archive and the structure with its response file (.lsr) give the same report, word for word")
    func responseFileBesideStructure() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let archive = try tool.run("survey", "report", "--structure", try Tool.fixture("units.lsa"), "--by", "ENHET", "--out", "a", "--quiet")
        let separate = try tool.run("survey", "report", "--structure", try Tool.fixture("staff.lss"),
                                    "--responses", try Tool.fixture("units_responses.lsr"), "--by", "ENHET", "--out", "b", "--quiet")
        #expect(archive.status == 0 && separate.status == 0, "\(archive.stderr)\(separate.stderr)")
        #expect(separate.stdout.hasPrefix("50 svar"))
        for file in ["report.md", "report.json", "items.csv", "distribution.csv"] {
            #expect(try tool.text("a/" + file) == (try tool.text("b/" + file)), "\(file)")
        }
    }

    @Test("unit rows follow the report's language: å, ä, ö after z in Swedish, with a and o in English",
          arguments: [("sv", swedishOrder), ("en", englishOrder)])
    func unitOrder(_ language: String, _ order: [String]) throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run("survey", "report", "--structure", try Tool.fixture("units.lsa"), "--by", "ENHET",
                               "--lang", language, "--out", "out", "--quiet")
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try tool.text("out/report.md")
        let positions = Self.positions(of: order, in: markdown)
        #expect(!positions.contains(-1), "\(positions)")
        #expect(positions == positions.sorted(), "\(zip(order, positions).map { "\($0) \($1)" })")
    }

    @Test("an identified survey's archive adds the invitation counts, and never a name, e-mail address or token")
    func identified() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run("survey", "report", "--structure", try Tool.fixture("units_identified.lsa"), "--by", "ENHET",
                               "--out", "out", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let participants = try #require(try run.json()["participants"] as? [String: Int])
        #expect(participants == ["invited": 60, "completed": 50])
        #expect(run.stderr.contains("counts only"))
        for file in try FileManager.default.contentsOfDirectory(atPath: tool.path("out")) {
            let text = try tool.text("out/" + file)
            #expect(!text.contains("Person1") && !text.contains("example.org") && !text.contains("tok1"), "\(file)")
        }
        let text = try tool.run("survey", "report", "--structure", try Tool.fixture("units_identified.lsa"), "--by", "ENHET",
                                "--out", "out2", "--quiet")
        #expect(text.stdout.contains("Deltagartabellen: 60 inbjudna, 50 har svarat."))
    }

    @Test("an archive is known by its contents, whatever its name", arguments: ["survey.zip", "survey.lss", "survey"])
    func renamed(_ name: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        try FileManager.default.copyItem(atPath: try Tool.fixture("units.lsa"), toPath: tool.path(name))
        let run = try tool.run("survey", "report", "--structure", name, "--by", "ENHET", "--out", "out", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try run.json()["responses"] as? Int == 50)
    }

    /// The archive's bytes, damaged by `damage`, written as `name`.
    static func damaged(_ tool: Tool, _ name: String, _ damage: (inout [UInt8]) -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Tool.fixture("units.lsa"))))
        damage(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: tool.path(name)))
    }

    @Test("a truncated or corrupt archive, and a zip bomb, are refused with the reason, exit 1, and nothing written", arguments: [
        ("truncated", "the survey archive (.lsa) is damaged"),
        ("cut-in-entry", "the survey archive (.lsa) is damaged"),
        ("flipped", "the survey archive (.lsa) is damaged"),
        ("bomb", "over the bound maximumCompressionRatio = 1000"),
    ])
    func refused(_ damage: String, _ message: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        switch damage {
        // The end of the file holds the ZIP directory: without it nothing can be found.
        case "truncated": try Self.damaged(tool, "survey.lsa") { $0.removeLast($0.count / 3) }
        // A directory that is intact but points past the end of a shortened file.
        case "cut-in-entry": try Self.damaged(tool, "survey.lsa") { bytes in
            let directory = bytes.count - 400
            bytes = Array(bytes[..<1_000]) + Array(bytes[directory...])
        }
        // Bytes of the compressed structure changed: the deflate stream or its CRC-32 fails.
        case "flipped": try Self.damaged(tool, "survey.lsa") { bytes in
            for i in stride(from: 200, to: 1_200, by: 50) { bytes[i] ^= 0x5A }
        }
        default: try FileManager.default.copyItem(atPath: try Tool.fixture("bomb.lsa"), toPath: tool.path("survey.lsa"))
        }
        let run = try tool.run("survey", "report", "--lang", "en", "--structure", "survey.lsa", "--by", "ENHET", "--out", "out")
        #expect(run.status == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!run.stderr.contains("Error Domain") && !run.stderr.contains("LimeSurveyImportError"), "\(run.stderr)")
        #expect(!tool.exists("out"))
    }

    @Test("a wrong file in either place is named for what it is, exit 1", arguments: [
        (["--structure", "@export"], "is not a survey: it is a text or CSV file"),
        (["--structure", "@empty"], "is not a survey: it is an empty file"),
        (["--structure", "@staff", "--responses", "@units"], "a LimeSurvey archive (.lsa) goes to --structure"),
        (["--structure", "@staff", "--responses", "@staff"], "not a LimeSurvey response file (.lsr)"),
        (["--structure", "@lsr"], "not a LimeSurvey survey structure"),
    ])
    func wrongFile(_ arguments: [String], _ message: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        try Data().write(to: URL(fileURLWithPath: tool.path("empty.dat")))
        let resolved = try arguments.map { argument -> String in
            switch argument {
            case "@export": return try Tool.fixture("export.csv")
            case "@staff": return try Tool.fixture("staff.lss")
            case "@units": return try Tool.fixture("units.lsa")
            case "@lsr": return try Tool.fixture("units_responses.lsr")
            case "@empty": return "empty.dat"
            default: return argument
            }
        }
        // A structure alone needs --responses unless it is an archive; give one so the file itself is judged.
        let responses = resolved.contains("--responses") ? [] : ["--responses", try Tool.fixture("export.csv")]
        let run = try tool.run(["survey", "report", "--lang", "en"] + resolved + responses + ["--out", "out"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!tool.exists("out"))
    }

    @Test("by default the refusals are in Swedish: a zip bomb, a file that is no survey, an archive given responses", arguments: [
        (["--structure", "@bomb"], "enkätarkivet avvisas"),
        (["--structure", "@export", "--responses", "@export"], "är ingen enkät: det är en text- eller CSV-fil"),
        (["--structure", "@staff", "--responses", "@units"], "ett LimeSurvey-arkiv (.lsa) anges med --structure"),
    ])
    func refusedInSwedish(_ arguments: [String], _ message: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        let resolved = try arguments.map { argument -> String in
            switch argument {
            case "@bomb": return try Tool.fixture("bomb.lsa")
            case "@export": return try Tool.fixture("export.csv")
            case "@staff": return try Tool.fixture("staff.lss")
            case "@units": return try Tool.fixture("units.lsa")
            default: return argument
            }
        }
        let run = try tool.run(["survey", "report"] + resolved + ["--by", "ENHET", "--out", "out"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!tool.exists("out"))
    }

    @Test("a bad row of a response file stops the report with its line, as a bad CSV row does")
    func badResponseRow() throws {
        let tool = try Tool()
        defer { tool.remove() }
        var text = try String(contentsOfFile: try Tool.fixture("units_responses.lsr"), encoding: .utf8)
        text = text.replacingOccurrences(of: "<_456789X1X10SQ001><![CDATA[AO03]]>", with: "<_456789X1X10SQ001><![CDATA[ZZ]]>")
        try text.write(toFile: tool.path("broken.lsr"), atomically: true, encoding: .utf8)
        let run = try tool.run("survey", "report", "--lang", "en", "--structure", try Tool.fixture("staff.lss"), "--responses", "broken.lsr", "--out", "out")
        #expect(run.status == 1)
        #expect(run.stderr.contains("rows could not be read, so nothing was reported"), "\(run.stderr)")
        #expect(run.stderr.contains("line "))
        #expect(!tool.exists("out"))
    }
}
