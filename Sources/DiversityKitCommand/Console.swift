import DiversityKit
import Foundation

/// What standard output carries: sentences for people, or one JSON document for scripts.
enum OutputFormat: String, CaseIterable, Sendable {
    case text, json
}

/// Where a command writes: results on standard output, progress and errors on standard error,
/// in the language `--lang` chose.
struct Console: Sendable {
    var language: ReportLanguage
    var format: OutputFormat
    var quiet: Bool

    init(_ arguments: ParsedArguments) throws {
        switch arguments.value("lang") ?? "sv" {
        case "sv": language = .swedish
        case "en": language = .english
        case let other: throw UsageError("alternativet '--lang': '\(other)' är varken sv eller en", "option '--lang': '\(other)' is not sv or en")
        }
        let formatText = arguments.value("format") ?? "text"
        guard let format = OutputFormat(rawValue: formatText) else {
            throw UsageError("alternativet '--format': '\(formatText)' är varken text eller json", "option '--format': '\(formatText)' is not text or json")
        }
        self.format = format
        quiet = arguments.flag("quiet")
    }

    /// The Swedish or the English text, by `--lang`.
    func text(_ swedish: String, _ english: String) -> String { language == .swedish ? swedish : english }

    /// A progress line on standard error (not with `--quiet`).
    func progress(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A result line on standard output, in text format only.
    func line(_ text: String) {
        guard format == .text else { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// The command's result as one JSON document on standard output, in JSON format only.
    func json(_ value: some Encodable) throws {
        guard format == .json else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    }

    /// Formats a number the way the chosen language writes it (decimal comma in Swedish).
    func decimal(_ value: Double, digits: Int = 2) -> String {
        value.isInfinite ? "∞" : ReportFormatter(language: language).decimal(value, digits: digits)
    }
}

/// The tool failed on its input or its store: printed on standard error in the language of
/// `--lang`, exit status 1.
struct CommandFailure: Error, LocalizedMessage {
    let render: @Sendable (ReportLanguage) -> String
    /// The Swedish and the English text.
    init(_ swedish: String, _ english: String) { render = { $0 == .swedish ? swedish : english } }
    /// A text made for the language.
    init(_ render: @escaping @Sendable (ReportLanguage) -> String) { self.render = render }
    /// `context: ` followed by `error`'s own text in the language.
    init(_ context: String, wrapping error: any Error) { render = { context + ": " + $0.message(for: error) } }
    func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String { render(language) }
    var description: String { render(.english) }
}

/// Writes rendered report files into `directory`, creating it; refuses to mix two renderers'
/// files of the same name. Returns the paths written, in order.
func writeReport(_ report: Report, into directory: String, csvSeparator: CSVRenderer.Separator) throws -> [String] {
    let renderers: [any ReportRenderer] = [HTMLRenderer(), MarkdownRenderer(),
                                           CSVRenderer(separator: csvSeparator, includeBOM: true), JSONRenderer()]
    let files = try renderers.flatMap { try $0.render(report) }
    var names: Set<String> = []
    for file in files where !names.insert(file.name).inserted {
        throw CommandFailure("två renderare skapade en fil med namnet '\(file.name)'", "two renderers produced a file named '\(file.name)'")
    }
    return try files.write(into: URL(fileURLWithPath: directory, isDirectory: true)).map(\.path)
}

/// The CSV separator spreadsheets expect in that language: `;` in Swedish (the comma is the decimal mark).
func csvSeparator(for language: ReportLanguage) -> CSVRenderer.Separator { language == .swedish ? .semicolon : .comma }
