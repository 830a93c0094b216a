import Foundation
import Testing

/// `survey report --memory`: each report is audited against what earlier reports of the same
/// survey round released (the overlap rule), whatever the input format.
@Suite("diversitykit survey report --memory")
struct PublicationMemoryTests {
    /// `units_responses.lsr` with `extra` more responses from Aneby (copies of its first row).
    static func moreResponses(_ tool: Tool, extra: Int, name: String) throws {
        var text = try String(contentsOfFile: try Tool.fixture("units_responses.lsr"), encoding: .utf8)
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("<row>") && $0.contains("[Aneby]") }
        let row = try #require(rows.first)
        let copies = (1...extra).map { row.replacingOccurrences(of: "<id><![CDATA[1]]></id>", with: "<id><![CDATA[\(900 + $0)]]></id>") }
        text = text.replacingOccurrences(of: "</rows>", with: copies.joined(separator: "\n") + "\n</rows>")
        try text.write(toFile: tool.path(name), atomically: true, encoding: .utf8)
    }

    func report(_ tool: Tool, _ input: [String], out: String, memory: Bool) throws -> Tool.Run {
        try tool.run(["survey", "report"] + input + ["--by", "ENHET", "--out", out, "--format", "json"]
                     + (memory ? ["--memory", "publiceringar.sqlite"] : []))
    }

    @Test("two more answers since the archive's report: with the memory the new report cannot be subtracted from the first")
    func overlap() throws {
        let tool = try Tool()
        defer { tool.remove() }
        // Week 1: the archive. Week 2: the same survey's structure with a response file of two more answers.
        let first = try report(tool, ["--structure", try Tool.fixture("units.lsa")], out: "v1", memory: true)
        #expect(first.status == 0, "\(first.stderr)")
        let memory = try #require(try first.json()["memory"] as? [String: Any])
        #expect(memory["earlierReleases"] as? Int == 0)
        #expect(memory["distribution"] as? String == "limesurvey-456789#1")
        #expect(try tool.text("v1/report.md").contains("| Aneby |"))

        try Self.moreResponses(tool, extra: 2, name: "week2.lsr")
        let week2 = ["--structure", try Tool.fixture("staff.lss"), "--responses", "week2.lsr"]
        let second = try report(tool, week2, out: "v2", memory: true)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try second.json()["responses"] as? Int == 52)
        #expect((try second.json()["memory"] as? [String: Any])?["earlierReleases"] as? Int == 1)
        // 52 − 50 = 2 answers would be the difference of the two reports: nothing of the items is shown.
        let protected = try tool.text("v2/report.md")
        #expect(!protected.contains("| Aneby |"))
        // Without the memory the same answers publish Aneby's row, and the two reports differ by two people.
        let forgetful = try report(tool, week2, out: "v3", memory: false)
        #expect(forgetful.status == 0)
        #expect(try tool.text("v3/report.md").contains("| Aneby |"))
    }

    @Test("a round named with --distribution has a history of its own")
    func distribution() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let archive = ["--structure", try Tool.fixture("units.lsa")]
        #expect(try report(tool, archive, out: "a", memory: true).status == 0)
        try Self.moreResponses(tool, extra: 2, name: "more.lsr")
        let run = try tool.run(["survey", "report", "--structure", try Tool.fixture("staff.lss"), "--responses", "more.lsr", "--by", "ENHET",
                                "--out", "b", "--memory", "publiceringar.sqlite", "--distribution", "hösten-2026", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("0 tidigare rapporter av hösten-2026"))
        #expect(try tool.text("b/report.md").contains("| Aneby |"))
        // The memory is a store like any other: check counts its releases, so backup copies them too.
        let check = try tool.run("store", "check", "--store", "publiceringar.sqlite", "--format", "json")
        #expect(check.status == 0, "\(check.stderr)")
        #expect((try check.json()["records"] as? [String: Int])?["publication"] == 2)
    }

    @Test("--distribution without --memory, and a memory in a missing folder, are usage errors", arguments: [
        (["--distribution", "x"], "needs --memory FILE"),
        (["--memory", "no/such/folder/m.sqlite"], "does not exist"),
    ])
    func usage(_ extra: [String], _ message: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run(["survey", "report", "--lang", "en", "--structure", try Tool.fixture("units.lsa"), "--out", "out"] + extra)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!tool.exists("out"))
    }
}
