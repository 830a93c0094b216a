import DiversityKit
import Foundation

/// The options every example program accepts.
///
/// ```text
/// --store PATH    the SQLite file (default ./.diversitykit/<name>.sqlite)
/// --reports DIR   where reports are written (default ./reports/<name>/)
/// --seed N        the seed of the synthetic data (default: the example's own)
/// --lang sv|en    the language of error messages (default sv)
/// --quiet         no progress display and no summary
/// --help          usage, then exit 0
/// ```
public struct ExampleOptions: Hashable, Sendable {
    /// The store file.
    public var storePath: String
    /// Whether ``storePath`` is the example's default (then an old file there is replaced).
    public var isDefaultStore: Bool
    /// The directory reports are written to.
    public var reportsDirectory: String
    /// The seed of the synthetic data.
    public var seed: UInt64
    /// Whether to stay silent apart from errors.
    public var quiet: Bool
    /// The language of error messages (`--lang`, Swedish unless `en`). The seed programmes are
    /// Swedish, so their reports and summaries stay Swedish whatever this says.
    public var language: ReportLanguage

    /// Creates options.
    public init(storePath: String, isDefaultStore: Bool, reportsDirectory: String, seed: UInt64, quiet: Bool,
                language: ReportLanguage = .swedish) {
        self.storePath = storePath
        self.isDefaultStore = isDefaultStore
        self.reportsDirectory = reportsDirectory
        self.seed = seed
        self.quiet = quiet
        self.language = language
    }
}

/// Why the command line could not be read; ``ExampleCommandLine/run(_:)`` prints it with the usage
/// and exits with status 2.
public enum CommandLineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A flag the example does not know.
    case unknownOption(String)
    /// A flag that needs a value came last.
    case missingValue(option: String)
    /// A value that could not be read, e.g. `--seed abc`.
    case invalidValue(option: String, value: String)
    /// A positional argument; examples take none.
    case unexpectedArgument(String)

    /// A readable description.
    public var description: String { text(.english) }
}

/// What parsing the command line asks for.
public enum CommandLineRequest: Hashable, Sendable {
    /// Run the example with these options.
    case run(ExampleOptions)
    /// Print the usage and exit 0.
    case help
}

/// The command line of an example program: parsing, usage text, defaults.
///
/// ```swift
/// let cli = ExampleCommandLine(name: "omvant-mentorskap", summary: "Omvänt Mentorskap (Kristianstad)", defaultSeed: 2012)
/// let options = cli.parseOrExit()
/// ```
public struct ExampleCommandLine: Hashable, Sendable {
    /// The example's short name, used in default paths (`./reports/<name>/`).
    public var name: String
    /// One line saying what the example shows.
    public var summary: String
    /// The seed used without `--seed`.
    public var defaultSeed: UInt64

    /// Creates the command line of an example.
    public init(name: String, summary: String, defaultSeed: UInt64) {
        self.name = name
        self.summary = summary
        self.defaultSeed = defaultSeed
    }

    /// The default store file, `./.diversitykit/<name>.sqlite`.
    public var defaultStorePath: String { ".diversitykit/\(name).sqlite" }
    /// The default reports directory, `./reports/<name>/`.
    public var defaultReportsDirectory: String { "reports/\(name)" }

    /// The usage text.
    public var usage: String {
        """
        \(summary)

        USAGE: \(name) [--store PATH] [--reports DIR] [--seed N] [--lang sv|en] [--quiet] [--help]

        OPTIONS:
          --store PATH    SQLite store file (default: ./\(defaultStorePath)).
                          The default file is replaced on every run; a file given with --store
                          must not exist yet (an existing file is refused, never overwritten).
          --reports DIR   Directory for the HTML, Markdown and CSV reports (default: ./\(defaultReportsDirectory)/).
          --seed N        Seed of the synthetic data (default: \(defaultSeed)); the same seed gives the same run.
          --lang sv|en    Language of error messages: sv (Swedish, the default) or en (English).
                          Reports and the summary are Swedish, as the programme is.
          --quiet         Print nothing but errors: no progress display, no summary.
          --help          Show this help and exit.
        """
    }

    /// Parses `arguments` (without the program name).
    /// - Throws: ``CommandLineError``.
    public func parse(_ arguments: [String]) throws -> CommandLineRequest {
        var store: String?
        var reports: String?
        var seed = defaultSeed
        var quiet = false
        var language = ReportLanguage.swedish
        var rest = arguments[...]
        func value(for option: String) throws -> String {
            guard let v = rest.popFirst() else { throw CommandLineError.missingValue(option: option) }
            return v
        }
        while let argument = rest.popFirst() {
            let (option, inline) = Self.split(argument)
            switch option {
            case "--help", "-h": return .help
            case "--quiet", "-q":
                if let inline { throw CommandLineError.invalidValue(option: option, value: inline) }
                quiet = true
            case "--store":
                store = try inline ?? value(for: option)
                if store!.isEmpty { throw CommandLineError.invalidValue(option: option, value: "") }
            case "--reports":
                reports = try inline ?? value(for: option)
                if reports!.isEmpty { throw CommandLineError.invalidValue(option: option, value: "") }
            case "--seed":
                let text = try inline ?? value(for: option)
                guard let n = UInt64(text) else { throw CommandLineError.invalidValue(option: option, value: text) }
                seed = n
            case "--lang":
                let text = try inline ?? value(for: option)
                guard let chosen = ReportLanguage(rawValue: text) else { throw CommandLineError.invalidValue(option: option, value: text) }
                language = chosen
            default:
                if option.hasPrefix("-") { throw CommandLineError.unknownOption(option) }
                throw CommandLineError.unexpectedArgument(argument)
            }
        }
        return .run(ExampleOptions(storePath: store ?? defaultStorePath, isDefaultStore: store == nil,
                                   reportsDirectory: reports ?? defaultReportsDirectory, seed: seed, quiet: quiet,
                                   language: language))
    }

    /// Parses the process's arguments; prints the usage and exits 0 for `--help`, or prints the
    /// error and the usage to stderr and exits 2 for a bad command line.
    public func parseOrExit(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> ExampleOptions {
        do {
            switch try parse(arguments) {
            case .help:
                print(usage)
                exit(0)
            case .run(let options):
                return options
            }
        } catch {
            Self.usageError(error, usage: usage, arguments: arguments)
        }
    }

    /// Prints a bad command line's error in the language `arguments` ask for, then the usage,
    /// and exits with status 2.
    public static func usageError(_ error: any Error, usage: String, arguments: [String]) -> Never {
        let language = Self.language(in: arguments)
        StandardError.write("\(language == .swedish ? "fel" : "error"): \(language.message(for: error))\n\n\(usage)\n")
        exit(2)
    }

    /// Prints `error` as `"fel: …"` / `"error: …"` in `language` and exits with status 1.
    public static func fail(_ error: any Error, language: ReportLanguage) -> Never {
        StandardError.write("\(language == .swedish ? "fel" : "error"): \(language.message(for: error))\n")
        exit(1)
    }

    /// The language `--lang` names in `arguments`, read before they are parsed so that an error
    /// in them is worded in it too: Swedish unless `--lang en` or `--lang=en`.
    public static func language(in arguments: [String]) -> ReportLanguage {
        for (i, argument) in arguments.enumerated() where argument == "--lang=en" || (argument == "--lang" && arguments.dropFirst(i + 1).first == "en") {
            return .english
        }
        return .swedish
    }

    /// `--store=PATH` as (`--store`, `PATH`); a plain flag as (flag, nil).
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
    }
}

/// Writing to the process's standard error.
public enum StandardError {
    /// Writes `text` to stderr unbuffered, so it interleaves correctly with progress lines.
    public static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether stderr is a terminal (progress is then redrawn in place).
    public static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
