import DiversityKit
import Foundation
import SurveyModule
import Testing

@Suite("diversitykit survey report")
struct SurveyReportTests {
    static let reportFiles = ["report.html", "report.md", "report.json", "items.csv", "distribution.csv"]

    @Test("a LimeSurvey structure and export give HTML, Markdown, CSV and JSON, with small groups and few comments withheld")
    func limeSurvey() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run("survey", "report", "--structure", try Tool.fixture("staff.lss"),
                               "--responses", try Tool.fixture("export.csv"), "--by", "ENHET", "--threshold", "5",
                               "--lang", "sv", "--out", "rapport/", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        for file in Self.reportFiles { #expect(tool.exists("rapport/" + file), "\(file)") }
        let summary = try run.json()
        #expect(summary["responses"] as? Int == 48)
        #expect(summary["items"] as? Int == 3)
        #expect(summary["threshold"] as? Int == 5)
        #expect((summary["withheldCells"] as? Int ?? 0) > 0)
        #expect((summary["files"] as? [String])?.count == (try FileManager.default.contentsOfDirectory(atPath: tool.path("rapport")).count))
        // Progress and import warnings go to standard error, never into the JSON on standard output.
        #expect(run.stderr.contains("Läser enkätstrukturen") && run.stderr.contains("RANK"))
        let markdown = try tool.text("rapport/report.md")
        #expect(markdown.contains("Jag trivs på min arbetsplats."))
        #expect(markdown.contains("Svarsfördelning"))
        // The CSV uses the Swedish separator.
        #expect(try tool.text("rapport/items.csv").contains(";"))
        for file in try FileManager.default.contentsOfDirectory(atPath: tool.path("rapport")) {
            let text = try tool.text("rapport/" + file)
            // Kulturen has 3 respondents: its name, its answers and the one comment (fewer than 10) stay out.
            #expect(!text.contains("Kulturen"), "\(file)")
            #expect(!text.contains("Bra att ni frågar"), "\(file)")
        }
    }

    @Test("--lang en writes an English report with comma-separated CSV to ./report by default")
    func english() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run("survey", "report", "--structure", try Tool.fixture("staff.lss"),
                               "--responses", try Tool.fixture("export.csv"), "--lang", "en", "--quiet")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("48 responses, 3 questions"))
        let markdown = try tool.text("report/report.md")
        #expect(markdown.contains("Distribution of answers") || markdown.contains("Responses"))
        #expect(!markdown.contains("Svarsfördelning"))
        let items = try tool.text("report/items.csv")
        #expect(items.split(separator: "\n").first?.contains(",") == true)
    }

    @Test("a DiversityKit questionnaire JSON with response CSV or JSON, broken down by the units the responses carry",
          arguments: ["csv", "json"])
    func ownFormat(_ format: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        let questionnaire = ItemBank.baselineBattery()
        try SurveyJSON.encode(questionnaire).write(to: URL(fileURLWithPath: tool.path("battery.json")))
        var generator = SplitMix64(seed: 21)
        let likert = questionnaire.items.filter(\.isLikert).map(\.code)
        let responses = (0..<60).map { i in
            SurveyResponse(id: ID("r\(i)"), questionnaire: questionnaire.reference,
                           reportingUnit: ID(["viva", "soc", "hr"][i % 3]), isPartial: true,
                           answers: Dictionary(uniqueKeysWithValues: likert.map { ($0, Answer.value(Int(generator.next() % 5) + 1)) }))
        }
        if format == "csv" {
            try ResponseCSV.export(responses, questionnaire: questionnaire, to: URL(fileURLWithPath: tool.path("responses.csv")))
        } else {
            try SurveyJSON.encode(responses).write(to: URL(fileURLWithPath: tool.path("responses.json")))
        }
        let run = try tool.run("survey", "report", "--structure", "battery.json", "--responses", "responses.\(format)",
                               "--by", "unit", "--out", "out", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try run.json()["responses"] as? Int == 60)
        for file in Self.reportFiles { #expect(tool.exists("out/" + file), "\(file)") }
        #expect(try tool.text("out/report.md").contains("viva"))
    }

    @Test("a bad row stops the report with its line, exit 1, and nothing written")
    func badRow() throws {
        let tool = try Tool()
        defer { tool.remove() }
        var lines = try String(contentsOfFile: try Tool.fixture("export.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        lines[2] = lines[2].replacingOccurrences(of: "AO0", with: "ZZ")
        try lines.joined(separator: "\r\n").write(toFile: tool.path("broken.csv"), atomically: true, encoding: .utf8)
        let run = try tool.run("survey", "report", "--structure", try Tool.fixture("staff.lss"), "--responses", "broken.csv", "--out", "out")
        #expect(run.status == 1)
        #expect(run.stderr.contains("rad 3, fält "), "\(run.stderr)")
        #expect(run.stderr.contains("ingen rapport skrevs"))
        let inEnglish = try tool.run("survey", "report", "--structure", try Tool.fixture("staff.lss"), "--responses", "broken.csv",
                                     "--out", "out", "--lang", "en")
        #expect(inEnglish.stderr.contains("line 3, field ") && inEnglish.stderr.contains("nothing was reported"), "\(inEnglish.stderr)")
        #expect(!tool.exists("out"))
    }

    @Test("missing files, a structure that is not a survey and an unknown --by question fail with exit 1", arguments: [
        (["--structure", "nowhere.lss", "--responses", "r.csv"], "nowhere.lss: filen finns inte"),
        (["--structure", "@table", "--responses", "@export"], "XML"),
        (["--structure", "@staff", "--responses", "@export", "--by", "AVDELNING"], "ingen fråga med den koden"),
        (["--structure", "@staff", "--responses", "@export", "--by", "unit"], "svaren har ingen enhet"),
    ])
    func badInput(_ arguments: [String], _ message: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        // "@name" is a fixture; the table fixture copied as .lss is XML-less text.
        let resolved = try arguments.map { argument -> String in
            switch argument {
            case "@staff": return try Tool.fixture("staff.lss")
            case "@export": return try Tool.fixture("export.csv")
            case "@table":
                try FileManager.default.copyItem(atPath: try Tool.fixture("table.csv"), toPath: tool.path("table.lss"))
                return "table.lss"
            default: return argument
            }
        }
        let run = try tool.run(["survey", "report"] + resolved + ["--out", "out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!tool.exists("out"))
    }
}
