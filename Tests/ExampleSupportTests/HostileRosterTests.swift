import DiversityKit
import ExampleSupport
import Foundation
import SurveyModule
import Testing

/// Issue 17: rosters and report folders a caller can pass.
@Suite("Hostile input: HR roster and report output")
struct HostileRosterTests {
    @Test("a roster crossing a bound is refused with the bound named", arguments: [
        (String(repeating: "x", count: 5000), "maximumFieldBytes"),
        (String(repeating: ";", count: 100), "maximumColumns"),
    ])
    func rosterBounds(_ line: String, _ bound: String) throws {
        let text = "employee_ref;organisation;role\n" + line + "\n"
        #expect {
            try HRRoster.parse(Data(text.utf8))
        } throws: { error in
            guard case .exceedsLimit(let csv)? = error as? HRRosterError else { return false }
            return csv.description.contains(bound) && (error as? HRRosterError)?.description.contains(bound) == true
        }
    }

    @Test("the roster's row bound is configuration")
    func rosterRowBound() throws {
        let text = "employee_ref;organisation;role\nE1;o;employee\nE2;o;employee\n"
        #expect(try HRRoster.parse(Data(text.utf8), limits: CSVLimits(maximumRecords: 3)).count == 2)
        #expect(throws: HRRosterError.exceedsLimit(.tooManyRecords(line: 3, limit: 2))) {
            try HRRoster.parse(Data(text.utf8), limits: CSVLimits(maximumRecords: 2))
        }
    }

    @Test("a roster file is read streaming under the same bounds, and an unreadable one is a roster error")
    func rosterFromFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(("employee_ref;organisation;role\n" + String(repeating: "E;o;employee\n", count: 3)).utf8).write(to: url)
        let file = url.lastPathComponent
        #expect(throws: HRRosterError.inFile(file, .duplicateEmployee(line: 3, field: 1, firstLine: 2))) { try HRRoster.parse(contentsOf: url) }
        #expect(throws: HRRosterError.inFile(file, .exceedsLimit(.tooManyRecords(line: 3, limit: 2)))) {
            try HRRoster.parse(contentsOf: url, limits: CSVLimits(maximumRecords: 2))
        }
        #expect(throws: HRRosterError.unreadable("missing.csv")) {
            try HRRoster.parse(contentsOf: url.deletingLastPathComponent().appendingPathComponent("missing.csv"))
        }
    }

    @Test("the roster writer quotes CRLF and a quote glued to a combining mark, so rows keep their shape", arguments: [
        "a\r\nb", "\"\u{301}x", "x;\u{301}y", "\r\n\u{301}",
    ])
    func rosterWriterQuotes(_ ref: String) throws {
        let entries = [RosterEntry(employeeRef: ref, organisation: "o", unit: nil, role: .employee)]
        let rows = try HRRoster.parse(HRRoster.csv(entries))
        #expect(rows.map(\.entry.employeeRef) == [ref])
    }

    @Test("a report folder that would leave the output directory writes nothing", arguments: ["../\u{301}x", "a/b", "..", ""])
    func unsafeFolder(_ folder: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ReportOutputError.unsafeFolderName(folder)) {
            try ReportOutput.write([(folder: "ok", report: .sample()), (folder: folder, report: .sample())],
                                   under: directory.path, renderers: [MarkdownRenderer()])
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }
}
