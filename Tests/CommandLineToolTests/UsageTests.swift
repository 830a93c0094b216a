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

    @Test("usage errors exit 2 with the reason and the usage on standard error, in Swedish by default and in English with --lang en", arguments: [
        ([String](), "Usage: diversitykit COMMAND", "Usage: diversitykit COMMAND"),
        (["frobnicate"], "okänt kommando 'frobnicate'", "unknown command 'frobnicate'"),
        (["store"], "'store' behöver ett underkommando", "'store' needs a subcommand"),
        (["store", "defragment"], "okänt kommando 'store defragment'", "unknown command 'store defragment'"),
        (["audit"], "en tabellfil (CSV) saknas", "missing a table file"),
        (["audit", "a.csv", "b.csv"], "oväntat argument 'b.csv'", "unexpected argument 'b.csv'"),
        (["audit", "t.csv", "--threshold"], "alternativet '--threshold' behöver ett värde", "option '--threshold' needs a value"),
        (["audit", "t.csv", "--threshold", "many"], "'many' är inget heltal", "'many' is not a whole number"),
        (["audit", "t.csv", "--threshold", "2"], "gränsen 2 är lägre än minimum 3", "threshold 2 is below the minimum of 3"),
        (["audit", "t.csv", "--frobnicate"], "okänt alternativ '--frobnicate'", "unknown option '--frobnicate'"),
        (["audit", "t.csv", "--lang", "fi"], "'fi' är varken sv eller en", "'fi' is not sv or en"),
        (["audit", "t.csv", "--format", "xml"], "'xml' är varken text eller json", "'xml' is not text or json"),
        (["audit", "t.csv", "--margins", "diagonal"], "'diagonal' är inte all, none", "'diagonal' is not all, none"),
        (["survey", "report", "--responses", "r.csv"], "alternativet '--structure' måste anges", "option '--structure' is required"),
        (["survey", "report", "--structure", "s.lss"], "alternativet '--responses' måste anges", "option '--responses' is required"),
        (["survey", "report", "--structure", "s.json"], "alternativet '--responses' måste anges", "option '--responses' is required"),
        (["survey", "report", "--structure", "s.lsa", "--responses", "r.csv"], "innehåller svaren: utelämna --responses",
         "holds the responses itself: leave out --responses"),
        (["store", "check"], "ange lagret med --store FIL eller --postgres URL", "name the store with --store FILE or --postgres URL"),
        (["store", "check", "--store", "a.sqlite", "--postgres", "postgresql://x@y/z"], "antingen --store eller --postgres",
         "either --store or --postgres"),
        (["store", "erase", "--store", "a.sqlite"], "deltagaren som ska raderas saknas", "missing the participant to erase"),
        (["store", "backup", "--store", "a.sqlite"], "alternativet '--to' måste anges", "option '--to' is required"),
        (["follow-up", "--store", "a.sqlite"], "alternativet '--programme' måste anges", "option '--programme' is required"),
    ])
    func usageErrors(_ arguments: [String], _ swedish: String, _ english: String) throws {
        let tool = try Tool()
        defer { tool.remove() }
        let run = try tool.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(swedish), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        // --lang goes right after the command's words, so that it never becomes another option's value.
        guard !arguments.isEmpty, !arguments.contains("--lang") else { return }
        let words = ["store", "survey"].contains(arguments[0]) && arguments.count > 1 ? 2 : 1
        let inEnglish = try tool.run(Array(arguments.prefix(words)) + ["--lang", "en"] + arguments.dropFirst(words))
        #expect(inEnglish.status == 2)
        #expect(inEnglish.stderr.contains(english), "\(inEnglish.stderr)")
        #expect(swedish == english || !run.stderr.contains(english))
    }
}
