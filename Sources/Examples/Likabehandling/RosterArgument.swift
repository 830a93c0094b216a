import ExampleSupport
import Foundation

/// The example's own option, `--roster PATH` (or `--roster=PATH`), taken out of the arguments
/// before the shared ``ExampleCommandLine`` reads the rest.
enum RosterArgument {
    /// The roster path, if given, and the other arguments in order.
    /// - Throws: ``CommandLineError/missingValue(option:)`` when `--roster` comes last,
    ///   ``CommandLineError/invalidValue(option:value:)`` for an empty path.
    static func extract(from arguments: [String]) throws -> (roster: String?, rest: [String]) {
        var roster: String?
        var rest: [String] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--roster" {
                guard let value = remaining.popFirst() else { throw CommandLineError.missingValue(option: argument) }
                roster = value
            } else if argument.hasPrefix("--roster=") {
                roster = String(argument.dropFirst("--roster=".count))
            } else {
                rest.append(argument)
                continue
            }
            if roster?.isEmpty == true { throw CommandLineError.invalidValue(option: "--roster", value: "") }
        }
        return (roster, rest)
    }
}

/// What the roster import registered, handed out of the scenario's import callback.
/// Lock-guarded because the callback is `@Sendable`.
final class ImportTally: @unchecked Sendable {
    private let lock = NSLock()
    private var result: RosterImportResult?
    func record(_ r: RosterImportResult) { lock.withLock { result = r } }
    var registered: Int { lock.withLock { result?.registered ?? 0 } }
    var batches: Int { lock.withLock { result?.batches ?? 0 } }
}
