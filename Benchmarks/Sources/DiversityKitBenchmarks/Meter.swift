import Foundation

/// Wall-clock timing, peak memory and the summaries printed for every workload.
enum Meter {
    /// Runs `body` and returns its result with the elapsed seconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Runs `body` and returns its result with the elapsed seconds.
    static func time<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try await body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The process's peak resident set (`VmHWM` in `/proc/self/status`), in bytes; 0 where unavailable.
    static func peakResidentBytes() -> Int { statusField("VmHWM:") }

    /// The process's current resident set (`VmRSS`), in bytes.
    static func residentBytes() -> Int { statusField("VmRSS:") }

    /// Resets the peak resident set to the current one (Linux ≥ 4.0: `5` into `/proc/self/clear_refs`),
    /// so a workload's peak is not an earlier workload's. Returns whether the reset worked.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let h = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? h.close() }
        return (try? h.write(contentsOf: Data("5".utf8))) != nil
    }

    private static func statusField(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
        let kb = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) } ?? 0
        return kb * 1024
    }
}

/// Several timings of one measurement: median and spread.
struct Timings: CustomStringConvertible {
    var seconds: [Double]

    var median: Double {
        let s = seconds.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var minimum: Double { seconds.min() ?? 0 }
    var maximum: Double { seconds.max() ?? 0 }

    /// `median s (min–max, n runs)`.
    var description: String {
        // Milliseconds get more digits, so a small case's time (and a ratio to it) can be read off.
        let d = median < 0.1 ? 5 : 3
        return "\(format(median, d)) s (\(format(minimum, d))–\(format(maximum, d)), \(seconds.count) run\(seconds.count == 1 ? "" : "s"))"
    }
}

func format(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }

func megabytes(_ bytes: Int) -> String { format(Double(bytes) / 1_048_576, 1) + " MB" }

/// Writes a line straight to standard output (unbuffered, so progress shows in a pipe or a file).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// A line of a result table: `name  value`.
func report(_ name: String, _ value: String) {
    say("  " + name.padding(toLength: 42, withPad: " ", startingAt: 0) + value)
}

/// Why a benchmark could not run or its results disagree.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs the Python baseline `script` with `arguments` and decodes its JSON output.
enum Python {
    /// Checks that python3 with numpy is available.
    /// - Throws: ``BenchmarkFailure`` with the command that fixes it.
    static func requireNumpy() throws -> String {
        let out = try run(["-c", "import numpy, sys; print(numpy.__version__, sys.version.split()[0])"])
        guard out.status == 0 else {
            throw BenchmarkFailure("the numpy baseline needs python3 with numpy: `pip install numpy` (\(out.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        return out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a baseline script and decodes its standard output as `T`.
    static func baseline<T: Decodable>(_ script: String, _ arguments: [String], as: T.Type) throws -> T {
        let path = baselineDirectory.appendingPathComponent(script).path
        let out = try run([path] + arguments)
        guard out.status == 0 else { throw BenchmarkFailure("\(script) failed (\(out.status)):\n\(out.stderr)") }
        do { return try JSONDecoder().decode(T.self, from: Data(out.stdout.utf8)) } catch {
            throw BenchmarkFailure("\(script) printed no readable result: \(error)\n\(out.stdout.prefix(500))")
        }
    }

    /// `Benchmarks/baselines`, found from this source file (the benchmark runs from the package root).
    static var baselineDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("baselines")
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { throw BenchmarkFailure("cannot start python3: \(error)") }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

/// The machine the figures come from.
enum Machine {
    static var summary: String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let memory = ProcessInfo.processInfo.physicalMemory
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        return "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(megabytes(Int(memory))) RAM, load \(load)"
    }
}
