import ExampleSupport

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

