import ExampleSupport
import Testing

@Suite("Example command line")
struct CommandLineTests {
    let cli = ExampleCommandLine(name: "demo", summary: "Demo example", defaultSeed: 42)

    @Test("no arguments give the defaults under ./.diversitykit and ./reports")
    func defaults() throws {
        let request = try cli.parse([])
        #expect(request == .run(ExampleOptions(storePath: ".diversitykit/demo.sqlite", isDefaultStore: true,
                                               reportsDirectory: "reports/demo", seed: 42, quiet: false)))
    }

    @Test("every option is read, with a separate or inline value")
    func options() throws {
        let separate = try cli.parse(["--store", "/tmp/x.sqlite", "--reports", "out", "--seed", "7", "--quiet"])
        let inline = try cli.parse(["--store=/tmp/x.sqlite", "--reports=out", "--seed=7", "-q"])
        let expected = CommandLineRequest.run(ExampleOptions(storePath: "/tmp/x.sqlite", isDefaultStore: false,
                                                             reportsDirectory: "out", seed: 7, quiet: true))
        #expect(separate == expected)
        #expect(inline == expected)
    }

    @Test("--help wins wherever it appears", arguments: [["--help"], ["--seed", "3", "--help"], ["-h"]])
    func help(_ arguments: [String]) throws {
        #expect(try cli.parse(arguments) == .help)
        #expect(cli.usage.contains("--store PATH"))
        #expect(cli.usage.contains("./.diversitykit/demo.sqlite"))
    }

    @Test("bad command lines are typed errors", arguments: [
        (["--verbose"], CommandLineError.unknownOption("--verbose")),
        (["--store"], CommandLineError.missingValue(option: "--store")),
        (["--seed", "abc"], CommandLineError.invalidValue(option: "--seed", value: "abc")),
        (["--seed", "-1"], CommandLineError.invalidValue(option: "--seed", value: "-1")),
        (["--reports="], CommandLineError.invalidValue(option: "--reports", value: "")),
        (["extra"], CommandLineError.unexpectedArgument("extra")),
        (["--quiet=yes"], CommandLineError.invalidValue(option: "--quiet", value: "yes")),
    ])
    func errors(_ arguments: [String], _ expected: CommandLineError) {
        #expect(throws: expected) { try cli.parse(arguments) }
    }
}
