import DiversityKit
import Foundation

/// A command line that does not fit the command: printed with the command's usage, exit status 2,
/// in the language of `--lang`.
struct UsageError: Error, LocalizedMessage {
    let render: @Sendable (ReportLanguage) -> String
    /// The Swedish and the English text.
    init(_ swedish: String, _ english: String) { render = { $0 == .swedish ? swedish : english } }
    /// `context: ` followed by `error`'s own text in the language.
    init(_ context: String, wrapping error: any Error) { render = { context + ": " + $0.message(for: error) } }
    func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String { render(language) }
    var description: String { render(.english) }
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
            guard argument.hasPrefix("--") else { throw UsageError("okänt alternativ '\(argument)'", "unknown option '\(argument)'") }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = specs[name] else { throw UsageError("okänt alternativ '--\(name)'", "unknown option '--\(name)'") }
            if spec.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else {
                        throw UsageError("alternativet '--\(name)' behöver ett värde (\(spec.valueName))", "option '--\(name)' needs a value (\(spec.valueName))")
                    }
                    value = arguments[index]
                    index += 1
                }
                guard values[name] == nil else { throw UsageError("alternativet '--\(name)' anges två gånger", "option '--\(name)' is given twice") }
                values[name] = value
            } else {
                guard inlineValue == nil else { throw UsageError("alternativet '--\(name)' tar inget värde", "option '--\(name)' takes no value") }
                flags.insert(name)
            }
        }
    }

    /// Options every command accepts.
    static let common: [OptionSpec] = [
        .flag("help", "show this help and exit"),
        .value("format", "text|json", "what to print on standard output (default text)"),
        .value("lang", "sv|en", "language of reports, messages and errors (default sv)"),
        .flag("quiet", "no progress on standard error"),
    ]

    var wantsHelp: Bool { flags.contains("help") }
    func flag(_ name: String) -> Bool { flags.contains(name) }
    func value(_ name: String) -> String? { values[name] }

    func required(_ name: String) throws -> String {
        guard let value = values[name], !value.isEmpty else { throw UsageError("alternativet '--\(name)' måste anges", "option '--\(name)' is required") }
        return value
    }

    func integer(_ name: String, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text) else {
            throw UsageError("alternativet '--\(name)': '\(text)' är inget heltal", "option '--\(name)': '\(text)' is not a whole number")
        }
        return value
    }

    /// The one positional argument, `what` in Swedish and English, refusing none or more.
    func single(_ what: (swedish: String, english: String)) throws -> String {
        guard let first = positionals.first else { throw UsageError("\(what.swedish) saknas", "missing \(what.english)") }
        guard positionals.count == 1 else { throw UsageError("oväntat argument '\(positionals[1])'", "unexpected argument '\(positionals[1])'") }
        return first
    }

    func noPositionals() throws {
        if let first = positionals.first { throw UsageError("oväntat argument '\(first)'", "unexpected argument '\(first)'") }
    }

    /// The language `--lang` asks for in `arguments`, before they are parsed, so that a usage
    /// error is worded in it too: Swedish unless `--lang en` (or `--lang=en`) is there.
    static func language(in arguments: [String]) -> ReportLanguage {
        for (i, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang=en" || (argument == "--lang" && arguments.dropFirst(i + 1).first == "en") { return .english }
        }
        return .swedish
    }
}
