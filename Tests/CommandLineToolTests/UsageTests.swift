import Foundation
import Testing

@Suite("diversitykit: commands, help and usage errors")
struct UsageTests {
    static let commands = [["survey", "report"], ["audit"], ["store", "check"], ["store", "backup"], ["store", "migrate"],
                           ["store", "erase"], ["follow-up"]]

    @Test("--help on the tool lists every command and exits 0")
    func overview() throws {
        let tool = try Tool()
        defer { tool.remove() }
        let help = try tool.run("--help")
        #expect(help.status == 0)
        for command in Self.commands { #expect(help.stdout.contains(command.joined(separator: " "))) }
    }

    @Test("--help on each command prints its usage and options and exits 0", arguments: commands)
    func commandHelp(_ command: [String]) throws {
        let tool = try Tool()
        defer { tool.remove() }
        let help = try tool.run(command + ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Usage: diversitykit \(command.joined(separator: " "))"))
        #expect(help.stdout.contains("--format text|json") && help.stdout.contains("--lang sv|en"))
        #expect(help.stderr.isEmpty)
    }

    @Test("usage errors exit 2 with the reason and the usage on standard error", arguments: [
        ([String](), "Usage: diversitykit COMMAND"),
        (["frobnicate"], "unknown command 'frobnicate'"),
        (["store"], "'store' needs a subcommand"),
        (["store", "defragment"], "unknown command 'store defragment'"),
        (["audit"], "missing a table file"),
        (["audit", "a.csv", "b.csv"], "unexpected argument 'b.csv'"),
        (["audit", "t.csv", "--threshold"], "option '--threshold' needs a value"),
        (["audit", "t.csv", "--threshold", "many"], "'many' is not a whole number"),
        (["audit", "t.csv", "--threshold", "2"], "threshold 2 is below the minimum of 3"),
        (["audit", "t.csv", "--frobnicate"], "unknown option '--frobnicate'"),
        (["audit", "t.csv", "--lang", "fi"], "'fi' is not sv or en"),
        (["audit", "t.csv", "--format", "xml"], "'xml' is not text or json"),
        (["audit", "t.csv", "--margins", "diagonal"], "'diagonal' is not all, none"),
        (["survey", "report", "--responses", "r.csv"], "option '--structure' is required"),
        (["survey", "report", "--structure", "s.lss"], "option '--responses' is required"),
        (["survey", "report", "--structure", "s.json"], "option '--responses' is required"),
        (["survey", "report", "--structure", "s.lsa", "--responses", "r.csv"], "holds the responses itself: leave out --responses"),
        (["store", "check"], "name the store with --store FILE or --postgres URL"),
        (["store", "check", "--store", "a.sqlite", "--postgres", "postgresql://x@y/z"], "either --store or --postgres"),
        (["store", "erase", "--store", "a.sqlite"], "missing the participant to erase"),
        (["store", "backup", "--store", "a.sqlite"], "option '--to' is required"),
        (["follow-up", "--store", "a.sqlite"], "option '--programme' is required"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
