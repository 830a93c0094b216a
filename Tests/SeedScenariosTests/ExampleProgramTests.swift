import Foundation
import Testing

/// Runs the built example programs as a user would and checks exit status, output and files.
@Suite("Example programs")
struct ExampleProgramTests {
    /// The built executable `name`: next to the test bundle, or in this package's `.build`.
    static func executable(_ name: String) throws -> URL {
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL {
            directories.append(executable.deletingLastPathComponent())
            // On macOS the bundle's executable sits in X.xctest/Contents/MacOS, three levels below the products.
            directories.append(executable.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directories += ["debug", "release"].map { package.appendingPathComponent(".build").appendingPathComponent($0) }
        return try #require(directories.map { $0.appendingPathComponent(name) }.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                            "\(name) not found; build it with `swift build --product \(name)`")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ name: String, _ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = try executable(name)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("example-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("OmvantMentorskap runs twice on its default store, prints the ESF figures and writes the reports")
    func omvant() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try Self.run("OmvantMentorskap", [], in: dir)
        let second = try Self.run("OmvantMentorskap", [], in: dir)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("4 251 631 kr"))
        #expect(first.stdout.contains("Uppfylls inte i lokalen"))
        for folder in ["projekt", "programuppfoljning", "maluppfoljning"] {
            for file in ["report.html", "report.md"] {
                #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/omvant-mentorskap/\(folder)/\(file)").path))
            }
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".diversitykit/omvant-mentorskap.sqlite").path))
        let audit = try String(contentsOf: dir.appendingPathComponent(".diversitykit/omvant-mentorskap.sqlite.audit.log"), encoding: .utf8)
        #expect(audit.hasPrefix("1\t1\tinsert\torganisation/"))
    }

    @Test("MangfaldensAnsikten imports the roster with progress on stderr and stays silent with --quiet")
    func mangfaldens() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let loud = try Self.run("MangfaldensAnsikten", ["--reports", "out"], in: dir)
        #expect(loud.status == 0)
        #expect(loud.stderr.contains("100% (2860/2860)"))
        #expect(loud.stdout.contains("12 (offentliga"))
        #expect(loud.stdout.contains("spridningsplan"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/partnerskap/aktorer.csv").path))
        let quiet = try Self.run("MangfaldensAnsikten", ["--quiet", "--store", "other.sqlite"], in: dir)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }

    @Test("--help exits 0 with the usage; a bad flag or an existing --store file fails with a message")
    func commandLine() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let help = try Self.run("OmvantMentorskap", ["--help"], in: dir)
        #expect(help.status == 0 && help.stdout.contains("USAGE: omvant-mentorskap"))
        let bad = try Self.run("MangfaldensAnsikten", ["--frobnicate"], in: dir)
        #expect(bad.status == 2 && bad.stderr.contains("fel: okänt alternativ '--frobnicate'") && bad.stderr.contains("USAGE"))
        let inEnglish = try Self.run("MangfaldensAnsikten", ["--frobnicate", "--lang", "en"], in: dir)
        #expect(inEnglish.status == 2 && inEnglish.stderr.contains("error: unknown option '--frobnicate'"))
        try Data("keep me".utf8).write(to: dir.appendingPathComponent("mine.sqlite"))
        let existing = try Self.run("OmvantMentorskap", ["--store", "mine.sqlite"], in: dir)
        #expect(existing.status == 1 && existing.stderr.contains("finns redan"))
        let existingInEnglish = try Self.run("OmvantMentorskap", ["--store", "mine.sqlite", "--lang", "en"], in: dir)
        #expect(existingInEnglish.status == 1 && existingInEnglish.stderr.contains("error: the store file mine.sqlite already exists"))
        #expect(try String(contentsOf: dir.appendingPathComponent("mine.sqlite"), encoding: .utf8) == "keep me")
    }

    @Test("Quickstart and ReportSample answer --help with their usage and write nothing; a stray option fails")
    func helpOfTheSmallExamples() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["Quickstart", "ReportSample"] {
            let help = try Self.run(name, ["--help"], in: dir)
            #expect(help.status == 0 && help.stdout.hasPrefix("usage: \(name)"))
            let bad = try Self.run(name, ["--verbose"], in: dir)
            #expect(bad.status == 2 && bad.stderr.contains("--verbose"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("--store in a directory that does not exist is refused and creates nothing")
    func storeInMissingDirectory() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Self.run("OmvantMentorskap", ["--store", "no/such/dir/x.sqlite", "--quiet"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("fel: mappen ") && run.stderr.contains("no/such/dir finns inte"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("no").path))
    }
}
