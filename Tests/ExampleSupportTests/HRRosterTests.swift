import DiversityKit
import ExampleSupport
import Foundation
import Testing

@Suite("HR roster import")
struct HRRosterTests {
    static func workspace() async throws -> Workspace {
        let workspace = Workspace(store: InMemoryStore(), ids: SequentialIDGenerator())
        try await workspace.register(Organisation(id: "nkpg", name: "Norrköpings kommun", kind: .municipality,
                                                  units: [OrganisationUnit(id: "nkpg-vof", name: "Vård och omsorg"),
                                                          OrganisationUnit(id: "nkpg-uk", name: "Utbildning")]))
        try await workspace.register(Organisation(id: "region", name: "Region Östergötland", kind: .region,
                                                  units: [OrganisationUnit(id: "region-us", name: "US")]))
        return workspace
    }

    @Test("reads ; or , separated rosters, with BOM, quotes, CRLF and columns in any order", arguments: [
        "employee_ref;organisation;unit;role\nE1;nkpg;nkpg-vof;employee\nE2;region;;chef\n",
        "\u{FEFF}employee_ref,organisation,unit,role\r\nE1,nkpg,nkpg-vof,Employee\r\n\"E2\",\"region\",\"\",manager\r\n",
        "ROLE;Organisation;Employee_Ref\n\nmedarbetare;nkpg;E1\n\"chef\";region;E2",
    ])
    func parses(_ text: String) throws {
        let rows = try HRRoster.parse(Data(text.utf8))
        #expect(rows.map(\.entry.employeeRef) == ["E1", "E2"])
        #expect(rows.map(\.entry.organisation) == ["nkpg", "region"])
        #expect(rows.map(\.entry.role) == [.employee, .manager])
        #expect(rows[1].entry.unit == nil)
    }

    @Test("a quoted field may hold the separator, quotes and a line break")
    func quotedFields() throws {
        let rows = try HRRoster.parse(Data("employee_ref;organisation;role\n\"a;\"\"b\"\"\nc\";nkpg;employee\nE2;nkpg;employee\n".utf8))
        #expect(rows[0].entry.employeeRef == "a;\"b\"\nc")
        #expect(rows[1].line == 4)
    }

    @Test("the writer's output reads back to the same entries")
    func roundTrip() throws {
        let entries = [RosterEntry(employeeRef: "x;1", organisation: "nkpg", unit: "nkpg-uk", role: .keyPerson),
                       RosterEntry(employeeRef: "x\"2", organisation: "region", unit: nil, role: .manager)]
        #expect(try HRRoster.parse(HRRoster.csv(entries)).map(\.entry) == entries)
    }

    @Test("syntax and content errors name the line and the field number, as a spreadsheet numbers columns", arguments: [
        ("", HRRosterError.empty),
        ("employee_ref;organisation\nE1;nkpg\n", HRRosterError.missingColumn("role")),
        ("employee_ref;organisation;role;Role\n", HRRosterError.duplicateColumn("role", field: 4)),
        ("employee_ref;organisation;role\nE1;nkpg\n", HRRosterError.wrongFieldCount(line: 2, expected: 3, found: 2)),
        ("employee_ref;organisation;role\nE1;nkpg;boss\n", HRRosterError.unknownRole(line: 2, field: 3, value: "boss")),
        ("employee_ref;organisation;role\n;nkpg;employee\n", HRRosterError.emptyField(line: 2, field: 1, name: "employee_ref")),
        ("employee_ref;organisation;role\nE1;nkpg;employee\nE1;nkpg;employee\n",
         HRRosterError.duplicateEmployee(line: 3, field: 1, firstLine: 2)),
        ("employee_ref;organisation;role\nE1;\"nkpg;employee\n", HRRosterError.unterminatedQuote(line: 2, field: 2, column: 4)),
        ("employee_ref;organisation;role\nE1;nk\"pg;employee\n", HRRosterError.unexpectedQuote(line: 2, field: 2, column: 6)),
        ("employee_ref;organisation;role\nE1;\"nkpg\"x;employee\n", HRRosterError.unexpectedQuote(line: 2, field: 2, column: 10)),
    ])
    func errors(_ text: String, _ expected: HRRosterError) {
        #expect(throws: expected) { try HRRoster.parse(Data(text.utf8)) }
    }

    @Test("bytes that are not UTF-8 are refused")
    func notUTF8() {
        #expect(throws: HRRosterError.notUTF8(line: 1, field: 1)) { try HRRoster.parse(Data([0x65, 0xFF, 0xFE, 0x0A])) }
    }

    @Test("imports in batches with progress after each, counting per organisation and role")
    func importsInBatches() async throws {
        let workspace = try await Self.workspace()
        let entries = (1...25).map { RosterEntry(employeeRef: "E\($0)", organisation: $0 % 5 == 0 ? "region" : "nkpg",
                                                 unit: $0 % 5 == 0 ? "region-us" : "nkpg-vof", role: $0 % 10 == 0 ? .manager : .employee) }
        let seen = ProgressLog()
        let result = try await HRRosterImporter(workspace: workspace, batchSize: 10)
            .importRoster(HRRoster.csv(entries)) { done, total in seen.append(done, total) }
        #expect(result.registered == 25)
        #expect(result.batches == 3)
        #expect(result.perOrganisation == ["nkpg": 20, "region": 5])
        #expect(result.perRole == [.employee: 23, .manager: 2])
        #expect(seen.values == [[0, 25], [10, 25], [20, 25], [25, 25]])
        #expect(try await workspace.participants(of: "nkpg").count == 20)
        #expect(try await workspace.participant("E10")?.role == .manager)
    }

    @Test("an unknown organisation or a unit of another organisation registers nothing", arguments: [
        ("employee_ref;organisation;unit;role\nE1;nkpg;nkpg-vof;employee\nE2;kinda;;employee\n",
         HRRosterError.unknownOrganisation(line: 3, field: 2, value: "kinda")),
        ("employee_ref;organisation;unit;role\nE1;nkpg;nkpg-vof;employee\nE2;nkpg;region-us;employee\n",
         HRRosterError.unknownUnit(line: 3, field: 3, value: "region-us")),
    ])
    func unknownReferences(_ text: String, _ expected: HRRosterError) async throws {
        let workspace = try await Self.workspace()
        await #expect(throws: expected) { try await HRRosterImporter(workspace: workspace, batchSize: 1).importRoster(Data(text.utf8)) }
        #expect(try await workspace.participants(of: "nkpg").isEmpty)
    }

    @Test("reads a roster file from disk")
    func fromFile() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try HRRoster.csv([RosterEntry(employeeRef: "E1", organisation: "nkpg", unit: nil, role: .employee)]).write(to: url)
        let result = try await HRRosterImporter(workspace: try await Self.workspace()).importRoster(contentsOf: url)
        #expect(result.registered == 1)
    }
}

/// Progress callbacks as they arrived; lock-guarded because the callback is `@Sendable`.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [[Int]] = []
    var values: [[Int]] { lock.withLock { seen } }
    func append(_ done: Int, _ total: Int) { lock.withLock { seen.append([done, total]) } }
}
