import ExampleSupport
import Foundation
import Testing

/// Collects output and serves a fake clock; lock-guarded because the display calls it from any thread.
final class ProgressProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var text: [String] = []
    private var now = 0.0
    var output: [String] { lock.withLock { text } }
    func write(_ s: String) { lock.withLock { text.append(s) } }
    func time() -> Double { lock.withLock { now } }
    func advance(_ seconds: Double) { lock.withLock { now += seconds } }
}

@Suite("Progress display")
struct ProgressDisplayTests {
    @Test("plain lines are printed once per step and at the end")
    func plainLines() {
        let probe = ProgressProbe()
        let progress = ProgressDisplay(title: "Import", mode: .plainLines, plainStepPercent: 25,
                                       output: { probe.write($0) }, clock: { probe.time() })
        for n in stride(from: 0, through: 1000, by: 10) { progress.update(n, of: 1000) }
        progress.finish()
        #expect(probe.output == ["Import   0% (0/1000)\n", "Import  25% (250/1000)\n", "Import  50% (500/1000)\n",
                                 "Import  75% (750/1000)\n", "Import 100% (1000/1000)\n"])
    }

    @Test("the interactive line is redrawn in place, throttled by the clock, and always shows completion")
    func interactiveThrottled() {
        let probe = ProgressProbe()
        let progress = ProgressDisplay(title: "Import", mode: .interactive, minimumInterval: 1,
                                       output: { probe.write($0) }, clock: { probe.time() })
        progress.update(10, of: 100)
        progress.update(20, of: 100)   // too soon: skipped
        probe.advance(2)
        progress.update(30, of: 100)
        progress.update(100, of: 100)  // completion is drawn even when too soon
        progress.finish()
        #expect(probe.output == ["\rImport  10% (10/100)", "\rImport  30% (30/100)", "\rImport 100% (100/100)",
                                 "\rImport 100% (100/100)\n"])
    }

    @Test("silent mode prints nothing, and updates after finish are ignored")
    func silent() {
        let probe = ProgressProbe()
        let quiet = ProgressDisplay(title: "Import", mode: .automatic(quiet: true), output: { probe.write($0) })
        quiet.update(5, of: 10)
        quiet.finish()
        #expect(probe.output.isEmpty)
        let plain = ProgressDisplay(title: "Import", mode: .plainLines, output: { probe.write($0) })
        plain.finish()
        plain.update(5, of: 10)
        #expect(probe.output.isEmpty)
    }
}
