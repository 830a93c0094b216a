import Foundation

/// One subcommand: its name as typed (`"store check"`), its help, and what it does.
struct Command: Sendable {
    var name: String
    var summary: String
    var usage: String
    var options: [OptionSpec]
    var details: String
    var examples: [String]
    var run: @Sendable (ParsedArguments, Console) async throws -> Int32

    /// The `--help` text.
    var help: String {
        var lines = ["\(summary.prefix(1).uppercased() + summary.dropFirst()).", "", "Usage: \(usage)", "", "Options:"]
        let all = options + ParsedArguments.common
        let width = all.map { optionLabel($0).count }.max() ?? 0
        for option in all {
            let label = optionLabel(option)
            lines.append("  " + label + String(repeating: " ", count: width - label.count + 2) + option.help)
        }
        lines += ["", details]
        if !examples.isEmpty { lines += ["", "Examples:"] + examples.map { "  " + $0 } }
        lines += ["", "Exit status: 0 success, 1 failure (bad input file, store error, unprotected table), 2 usage error."]
        return lines.joined(separator: "\n")
    }

    private func optionLabel(_ option: OptionSpec) -> String {
        option.takesValue ? "--\(option.name) \(option.valueName)" : "--\(option.name)"
    }
}

/// The tool's commands, grouped as typed: `survey report`, `audit`, `store check`, … .
enum Commands {
    static let all: [Command] = [
        SurveyReportCommand.command, AuditCommand.command,
        StoreCommand.check, StoreCommand.backup, StoreCommand.migrate, StoreCommand.erase,
        FollowUpCommand.command,
    ]

    /// The commands that take a second word (`survey report`, `store check`), by their first.
    static var groups: [String: [Command]] {
        Dictionary(grouping: all.filter { $0.name.contains(" ") }, by: { String($0.name.split(separator: " ")[0]) })
    }

    static let overview: String = {
        let width = all.map(\.name.count).max() ?? 0
        let list = all.map { "  " + $0.name + String(repeating: " ", count: width - $0.name.count + 2) + $0.summary }
        return """
        diversitykit — DiversityKit for people who do not write Swift: survey reports, disclosure audits,
        store care and programme follow-up from the command line.

        Usage: diversitykit COMMAND [OPTIONS]

        Commands:
        \(list.joined(separator: "\n"))

        Every command takes --help, --format text|json, --lang sv|en and --quiet.
        --lang chooses the language of reports, results and error messages: Swedish (sv) unless
        --lang en is given. Help texts are in English.
        Results go to standard output, progress and errors to standard error.
        Exit status: 0 success, 1 failure, 2 usage error.
        """
    }()

    /// Runs the command line `arguments` (without the program name); returns the exit status.
    static func main(_ arguments: [String]) async -> Int32 {
        let language = ParsedArguments.language(in: arguments)
        let sv = language == .swedish
        guard let first = arguments.first else {
            standardError(overview)
            return 2
        }
        if ["--help", "-h", "help"].contains(first) {
            if first == "help", arguments.count > 1 {
                return await main(Array(arguments.dropFirst()) + ["--help"])
            }
            print(overview)
            return 0
        }
        let command: Command
        var rest = Array(arguments.dropFirst())
        if let group = groups[first] {
            guard let second = rest.first, !second.hasPrefix("-") else {
                let names = group.map(\.name).joined(separator: ", ")
                if rest.contains("--help") || rest.contains("-h") {
                    print("Commands: \(names). Each takes --help.")
                    return 0
                }
                standardError(sv ? "diversitykit: '\(first)' behöver ett underkommando: \(names)\nKör 'diversitykit \(first) UNDERKOMMANDO --help' för mer."
                              : "diversitykit: '\(first)' needs a subcommand: \(names)\nRun 'diversitykit \(first) SUBCOMMAND --help' for more.")
                return 2
            }
            guard let found = group.first(where: { $0.name == "\(first) \(second)" }) else {
                let names = group.map(\.name).joined(separator: ", ")
                standardError(sv ? "diversitykit: okänt kommando '\(first) \(second)'; \(first) har: \(names)"
                              : "diversitykit: unknown command '\(first) \(second)'; \(first) has: \(names)")
                return 2
            }
            command = found
            rest.removeFirst()
        } else if let found = all.first(where: { $0.name == first }) {
            command = found
        } else {
            standardError((sv ? "diversitykit: okänt kommando '\(first)'" : "diversitykit: unknown command '\(first)'") + "\n\n\(overview)")
            return 2
        }
        do {
            let parsed = try ParsedArguments(rest, options: command.options)
            if parsed.wantsHelp {
                print(command.help)
                return 0
            }
            let console = try Console(parsed)
            return try await command.run(parsed, console)
        } catch let error as UsageError {
            standardError("diversitykit \(command.name): \(error.text(language))\n"
                          + (sv ? "Användning: \(command.usage)\nKör 'diversitykit \(command.name) --help' för mer."
                                : "Usage: \(command.usage)\nRun 'diversitykit \(command.name) --help' for more."))
            return 2
        } catch {
            // Every library error has a Swedish and an English text (LocalizedMessage); Foundation's
            // file errors get one too, so no raw NSCocoaErrorDomain text reaches the user.
            standardError("diversitykit \(command.name): \(sv ? "fel" : "error"): \(language.message(for: error))")
            return 1
        }
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
