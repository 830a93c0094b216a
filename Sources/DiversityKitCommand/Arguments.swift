import Foundation

/// A command line that does not fit the command: printed with the command's usage, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// One option a command accepts: `--name VALUE`, or a flag `--name` when ``takesValue`` is false.
struct OptionSpec: Sendable {
    var name: String
    var takesValue: Bool
    var valueName: String
    var help: String

    static func value(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, takesValue: true, valueName: valueName, help: help)
    }

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, takesValue: false, valueName: "", help: help)
    }
}

/// The arguments after the subcommand, read against the command's options. Hand-rolled: no
/// package dependency. Accepts `--name value`, `--name=value`, flags, and `--` to end options.
struct ParsedArguments {
    var positionals: [String] = []
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ arguments: [String], options: [OptionSpec]) throws {
        let specs = Dictionary(uniqueKeysWithValues: (options + Self.common).map { ($0.name, $0) })
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument == "-h" { flags.insert("help"); continue }
            guard argument.hasPrefix("--") else { throw UsageError("unknown option '\(argument)'") }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = specs[name] else { throw UsageError("unknown option '--\(name)'") }
            if spec.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError("option '--\(name)' needs a value (\(spec.valueName))") }
                    value = arguments[index]
                    index += 1
                }
                guard values[name] == nil else { throw UsageError("option '--\(name)' is given twice") }
                values[name] = value
            } else {
                guard inlineValue == nil else { throw UsageError("option '--\(name)' takes no value") }
                flags.insert(name)
            }
        }
    }

    /// Options every command accepts.
    static let common: [OptionSpec] = [
        .flag("help", "show this help and exit"),
        .value("format", "text|json", "what to print on standard output (default text)"),
        .value("lang", "sv|en", "language of the reports and of the results printed (default sv); error messages are in English"),
        .flag("quiet", "no progress on standard error"),
    ]

    var wantsHelp: Bool { flags.contains("help") }
    func flag(_ name: String) -> Bool { flags.contains(name) }
    func value(_ name: String) -> String? { values[name] }

    func required(_ name: String) throws -> String {
        guard let value = values[name], !value.isEmpty else { throw UsageError("option '--\(name)' is required") }
        return value
    }

    func integer(_ name: String, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text) else { throw UsageError("option '--\(name)': '\(text)' is not a whole number") }
        return value
    }

    /// The one positional argument `what`, refusing none or more.
    func single(_ what: String) throws -> String {
        guard let first = positionals.first else { throw UsageError("missing \(what)") }
        guard positionals.count == 1 else { throw UsageError("unexpected argument '\(positionals[1])'") }
        return first
    }

    func noPositionals() throws {
        if let first = positionals.first { throw UsageError("unexpected argument '\(first)'") }
    }
}
