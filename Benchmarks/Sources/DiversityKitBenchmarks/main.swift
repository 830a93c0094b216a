import Foundation

/// `DiversityKitBenchmarks [w1|w2|w3|w4|w5|all] [--responses N] [--repeat R] [--quick] [--participants N] [--work DIR]`
struct Options {
    var workloads: [String] = ["w1", "w2", "w3"]
    var responses = 1_000_000
    var repeats = 5
    var quick = false
    /// W3 at this one size only (for profiling).
    var participants: Int?
    var workDirectory = URL(fileURLWithPath: ".build-bench")

    static let usage = """
        usage: DiversityKitBenchmarks [w1|w2|w3|w4|w5|all] [--responses N] [--repeat R] [--quick] [--participants N] [--work DIR]
          w1     survey aggregation vs numpy (Benchmarks/baselines/w1_numpy.py)
          w2     SQLite store insert and read vs Python sqlite3 (Benchmarks/baselines/w2_sqlite.py)
          w3     programme follow-up HTML report, 3001 and 300 000 participants
          w4     disclosure control: 100 × 20 table, national survey report (1000 workplaces × 24 items)
          w5     parsers on 1, 10 and 100 MB: response CSV, HR roster, an unterminated quote (issue 17)
          --participants N  W3 at this size only (for profiling)
          --quick  small sizes for a smoke run (20 000 responses, 1 repeat, 3001 and 30 010 participants)
        Run in release: swift run -c release DiversityKitBenchmarks all
        """

    init(_ arguments: [String]) throws {
        var it = arguments.makeIterator()
        var chosen: [String] = []
        var responses: Int?, repeats: Int?, participants: Int?
        while let a = it.next() {
            switch a {
            case "w1", "w2", "w3", "w4", "w5": chosen.append(a)
            case "all": chosen += ["w1", "w2", "w3", "w4", "w5"]
            case "--quick": quick = true
            case "--responses", "--repeat", "--participants", "--work":
                guard let v = it.next() else { throw BenchmarkFailure("\(a) needs a value\n\(Self.usage)") }
                if a == "--work" { workDirectory = URL(fileURLWithPath: v); continue }
                guard let n = Int(v), n > 0 else { throw BenchmarkFailure("\(a) needs a positive number, got \(v)") }
                switch a {
                case "--responses": responses = n
                case "--repeat": repeats = n
                default: participants = n
                }
            case "-h", "--help": say(Self.usage); exit(0)
            default: throw BenchmarkFailure("unknown argument \(a)\n\(Self.usage)")
            }
        }
        if !chosen.isEmpty { workloads = chosen }
        self.participants = participants
        self.responses = responses ?? (quick ? 20_000 : 1_000_000)
        self.repeats = repeats ?? (quick ? 1 : 5)
    }
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    #if DEBUG
    say("warning: a debug build; run with `swift run -c release DiversityKitBenchmarks` for real figures")
    #endif
    say(Machine.summary)
    for w in options.workloads {
        switch w {
        case "w1": try W1.run(options)
        case "w2": try await W2.run(options)
        case "w4": try W4.run(options)
        case "w5": try W5.run(options)
        default: try await W3.run(options)
        }
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
