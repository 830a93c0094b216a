import DiversityKit
import DiversityKitTesting
import ExampleSupport
import Foundation
import SurveyModule
import Testing

/// Every case of the example programs' error types has a Swedish and an English text naming
/// its file, line and field; `key(_:)` switches over every case, so a new case needs a sample.
@Suite("Example messages in Swedish and English")
struct ExampleMessagesTests {
    static let rosterErrors: [MessageSample<HRRosterError>] = [
        .init(.notUTF8(line: 4, field: 2), sv: ["rad 4, fält 2", "UTF-8"], en: ["line 4, field 2"]),
        .init(.empty, sv: ["tomt"], en: ["empty"]),
        .init(.missingColumn("role"), sv: ["'role'"], en: ["'role'"]),
        .init(.duplicateColumn("role", field: 4), sv: ["'role'", "fält 4"], en: ["field 4"]),
        .init(.unterminatedQuote(line: 3, field: 3, column: 35), sv: ["rad 3, fält 3, tecken 35"], en: ["line 3, field 3, character 35"]),
        .init(.unexpectedQuote(line: 2, field: 2, column: 6), sv: ["rad 2, fält 2, tecken 6"], en: ["line 2, field 2, character 6"]),
        .init(.wrongFieldCount(line: 2, expected: 4, found: 3), sv: ["rad 2", "4 fält"], en: ["line 2", "4 fields"]),
        .init(.emptyField(line: 2, field: 1, name: "employee_ref"), sv: ["rad 2, fält 1 (employee_ref): fältet är tomt"],
              en: ["line 2, field 1 (employee_ref)"]),
        .init(.unknownRole(line: 2, field: 4, value: "vikarie"), sv: ["rad 2, fält 4 (role): okänd roll 'vikarie'"],
              en: ["line 2, field 4 (role): unknown role 'vikarie'"]),
        .init(.unknownOrganisation(line: 3, field: 2, value: "kinda"), sv: ["rad 3, fält 2 (organisation)", "'kinda'"], en: ["line 3, field 2 (organisation)"]),
        .init(.unknownUnit(line: 3, field: 3, value: "region-us"), sv: ["rad 3, fält 3 (unit)", "'region-us'"], en: ["line 3, field 3 (unit)"]),
        .init(.duplicateEmployee(line: 3, field: 1, firstLine: 2), sv: ["rad 3, fält 1 (employee_ref)", "rad 2"], en: ["line 3, field 1", "line 2"]),
        .init(.exceedsLimit(.tooManyRecords(line: 3, limit: 2)), sv: ["för stort", "rad 3", "maximumRecords"], en: ["line 3", "maximumRecords"]),
        .init(.unreadable("personal.csv"), sv: ["personalregistret personal.csv kan inte läsas"], en: ["personal.csv"]),
        .init(.inFile("personal.csv", .unknownRole(line: 2, field: 4, value: "vikarie")), sv: ["personal.csv, rad 2, fält 4 (role)"],
              en: ["personal.csv, line 2, field 4 (role)"]),
        .init(.inFile("personal.csv", .missingColumn("role")), sv: ["personal.csv: rubrikraden saknar kolumnen 'role'"], en: ["personal.csv: "]),
    ]
    static func key(_ e: HRRosterError) -> Int {
        switch e {
        case .notUTF8: 0
        case .empty: 1
        case .missingColumn: 2
        case .duplicateColumn: 3
        case .unterminatedQuote: 4
        case .unexpectedQuote: 5
        case .wrongFieldCount: 6
        case .emptyField: 7
        case .unknownRole: 8
        case .unknownOrganisation: 9
        case .unknownUnit: 10
        case .duplicateEmployee: 11
        case .exceedsLimit: 12
        case .unreadable: 13
        case .inFile: 14
        }
    }

    static let commandLineErrors: [MessageSample<CommandLineError>] = [
        .init(.unknownOption("--x"), sv: ["okänt alternativ '--x'"], en: ["unknown option '--x'"]),
        .init(.missingValue(option: "--store"), sv: ["'--store'", "värde"], en: ["'--store'"]),
        .init(.invalidValue(option: "--seed", value: "x"), sv: ["'--seed'", "'x'"], en: ["'x'"]),
        .init(.unexpectedArgument("extra"), sv: ["'extra'"], en: ["'extra'"]),
    ]
    static func key(_ e: CommandLineError) -> Int {
        switch e {
        case .unknownOption: 0
        case .missingValue: 1
        case .invalidValue: 2
        case .unexpectedArgument: 3
        }
    }

    static let outputErrors: [MessageSample<ReportOutputError>] = [
        .init(.duplicateFileName("report.csv"), sv: ["'report.csv'"], en: ["'report.csv'"]),
        .init(.unsafeFolderName(".."), sv: ["'..'"], en: ["'..'"]),
    ]
    static func key(_ e: ReportOutputError) -> Int {
        switch e {
        case .duplicateFileName: 0
        case .unsafeFolderName: 1
        }
    }

    static let storeErrors: [MessageSample<ExampleStoreError>] = [
        .init(.storeFileExists(path: "mine.sqlite"), sv: ["mine.sqlite", "--store"], en: ["mine.sqlite"]),
        .init(.cannotCreateDirectory(path: "/ro", reason: "EACCES"), sv: ["/ro"], en: ["/ro"]),
        .init(.directoryMissing(path: "no/such"), sv: ["mappen no/such finns inte"], en: ["no/such"]),
        .init(.cannotRemoveOldStore(path: ".diversitykit/x.sqlite", reason: "EBUSY"), sv: [".diversitykit/x.sqlite"], en: [".diversitykit/x.sqlite"]),
    ]
    static func key(_ e: ExampleStoreError) -> Int {
        switch e {
        case .storeFileExists: 0
        case .cannotCreateDirectory: 1
        case .directoryMissing: 2
        case .cannotRemoveOldStore: 3
        }
    }

    @Test("every roster error reads in Swedish and English, naming file, line, field number and heading", arguments: rosterErrors)
    func roster(_ sample: MessageSample<HRRosterError>) { #expect(sample.problems == []) }

    @Test("every command-line error reads in Swedish and English", arguments: commandLineErrors)
    func commandLine(_ sample: MessageSample<CommandLineError>) { #expect(sample.problems == []) }

    @Test("every report-output error reads in Swedish and English", arguments: outputErrors)
    func output(_ sample: MessageSample<ReportOutputError>) { #expect(sample.problems == []) }

    @Test("every example-store error reads in Swedish and English", arguments: storeErrors)
    func store(_ sample: MessageSample<ExampleStoreError>) { #expect(sample.problems == []) }

    @Test("the samples cover every case of every error type")
    func everyCase() {
        #expect(Set(Self.rosterErrors.map { Self.key($0.message) }) == Set(0...14))
        #expect(Set(Self.commandLineErrors.map { Self.key($0.message) }) == Set(0...3))
        #expect(Set(Self.outputErrors.map { Self.key($0.message) }) == Set(0...1))
        #expect(Set(Self.storeErrors.map { Self.key($0.message) }) == Set(0...3))
    }

    @Test("--lang sv|en is read, Swedish by default, and a bad value is refused")
    func language() throws {
        let cli = ExampleCommandLine(name: "demo", summary: "Demo", defaultSeed: 1)
        guard case .run(let swedish) = try cli.parse([]), case .run(let english) = try cli.parse(["--lang", "en"]),
              case .run(let inline) = try cli.parse(["--lang=en"]) else { Issue.record("not a run"); return }
        #expect(swedish.language == .swedish && english.language == .english && inline.language == .english)
        #expect(throws: CommandLineError.invalidValue(option: "--lang", value: "fi")) { try cli.parse(["--lang", "fi"]) }
        #expect(ExampleCommandLine.language(in: ["--frobnicate", "--lang", "en"]) == .english)
        #expect(ExampleCommandLine.language(in: ["--lang", "fi"]) == .swedish)
    }
}

/// Where roster errors point: the line and the field number a spreadsheet shows, never a
/// character count, whatever quoted fields, separators and byte-order marks come before.
@Suite("Roster positions: line and field number")
struct RosterPositionTests {
    static func roster(_ separator: String, bom: Bool, _ rows: [String]) -> Data {
        Data(((bom ? "\u{FEFF}" : "") + rows.map { $0.replacingOccurrences(of: "|", with: separator) }.joined(separator: "\r\n") + "\r\n").utf8)
    }

    @Test("an unknown role after a quoted reference with the separator, quotes and a line break is field 4 on its line",
          arguments: [(";", true), (",", true), (";", false), (",", false)])
    func afterQuotedField(_ separator: String, _ bom: Bool) throws {
        let data = Self.roster(separator, bom: bom, [
            "employee_ref|organisation|unit|role",
            "\"a|\"\"b\"\"\nc\"|nkpg|nkpg-vof|employee",
            "\"E|2\"|nkpg||vikarie",
        ])
        #expect(throws: HRRosterError.unknownRole(line: 4, field: 4, value: "vikarie")) { try HRRoster.parse(data) }
    }

    @Test("an empty field, a duplicate and a broken quote give the field number, in any column order", arguments: [";", ","])
    func fieldNumbers(_ separator: String) throws {
        let header = "role|unit|organisation|employee_ref"
        #expect(throws: HRRosterError.emptyField(line: 2, field: 4, name: "employee_ref")) {
            try HRRoster.parse(Self.roster(separator, bom: true, [header, "employee|\"x|y\"|nkpg|"]))
        }
        #expect(throws: HRRosterError.duplicateEmployee(line: 3, field: 4, firstLine: 2)) {
            try HRRoster.parse(Self.roster(separator, bom: false, [header, "employee||nkpg|E1", "chef||nkpg|E1"]))
        }
        #expect(throws: HRRosterError.unterminatedQuote(line: 2, field: 3, column: 11)) {
            try HRRoster.parse(Self.roster(separator, bom: true, [header, "employee||\"nkpg|E1"]))
        }
    }

    @Test("a roster read from a file names the file, the line and the field in Swedish and English")
    func fromFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("personal-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.roster(";", bom: true, ["employee_ref|organisation|unit|role", "E1|nkpg||vikarie"]).write(to: url)
        let error = try #require(throws: HRRosterError.self) { try HRRoster.parse(contentsOf: url) }
        #expect(error == .inFile(url.lastPathComponent, .unknownRole(line: 2, field: 4, value: "vikarie")))
        #expect(error.withoutFile == .unknownRole(line: 2, field: 4, value: "vikarie"))
        #expect(error.text(.swedish) == "\(url.lastPathComponent), rad 2, fält 4 (role): okänd roll 'vikarie'")
        #expect(error.text(.english) == "\(url.lastPathComponent), line 2, field 4 (role): unknown role 'vikarie'")
    }

    @Test("an unknown organisation found while importing a file names the file and field 2")
    func importFromFile() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("personal-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.roster(",", bom: true, ["employee_ref|organisation|unit|role", "E1|kinda||employee"]).write(to: url)
        let workspace = try await HRRosterTests.workspace()
        await #expect(throws: HRRosterError.inFile(url.lastPathComponent, .unknownOrganisation(line: 2, field: 2, value: "kinda"))) {
            try await HRRosterImporter(workspace: workspace).importRoster(contentsOf: url)
        }
    }
}
