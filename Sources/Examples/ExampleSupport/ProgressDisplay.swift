import Foundation

/// Progress of long work on standard error: `Importing roster  42% (1 260/3 000)`.
///
/// - On a terminal the line is redrawn in place, at most every ``minimumInterval`` seconds
///   and only when the whole percentage changes.
/// - When stderr is not a terminal (a log file, CI) it prints plain lines, one per
///   ``plainStepPercent`` points, so logs stay short.
/// - With `--quiet` (``Mode/silent``) it prints nothing.
///
/// ```swift
/// let progress = ProgressDisplay(title: "Importing roster", mode: .automatic(quiet: options.quiet))
/// try await importer.importCSV(data) { done, total in progress.update(done, of: total) }
/// progress.finish()
/// ```
///
/// It is `@unchecked Sendable` because progress callbacks may come from any task; all state is
/// guarded by `lock`.
public final class ProgressDisplay: @unchecked Sendable {
    /// How progress is shown.
    public enum Mode: Hashable, Sendable {
        /// Redraw one line in place (a terminal).
        case interactive
        /// Print a plain line every ``ProgressDisplay/plainStepPercent`` points.
        case plainLines
        /// Print nothing.
        case silent

        /// Silent when `quiet`, else interactive on a terminal and plain lines otherwise.
        public static func automatic(quiet: Bool) -> Mode {
            quiet ? .silent : (StandardError.isTerminal ? .interactive : .plainLines)
        }
    }

    /// What the work is, e.g. "Importing roster".
    public let title: String
    /// How progress is shown.
    public let mode: Mode
    /// The least time between two redraws of the interactive line, in seconds.
    public let minimumInterval: Double
    /// Points between two plain lines.
    public let plainStepPercent: Int

    private let lock = NSLock()
    private let output: @Sendable (String) -> Void
    private let clock: @Sendable () -> Double
    private var lastPercent = -1
    private var lastDraw = -Double.infinity
    private var lastCount = 0
    private var lastTotal = 0
    private var finished = false

    /// Creates a display.
    /// - Parameters:
    ///   - output: where text goes; stderr by default (tests pass a collector).
    ///   - clock: seconds from any fixed origin; the system's monotonic clock by default.
    public init(title: String, mode: Mode, minimumInterval: Double = 0.1, plainStepPercent: Int = 10,
                output: @escaping @Sendable (String) -> Void = StandardError.write,
                clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.title = title
        self.mode = mode
        self.minimumInterval = minimumInterval
        self.plainStepPercent = max(1, plainStepPercent)
        self.output = output
        self.clock = clock
    }

    /// Reports that `done` of `total` items are finished.
    public func update(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard mode != .silent, !finished, total > 0 else { return }
        let count = min(max(done, 0), total)
        lastCount = count
        lastTotal = total
        let percent = count * 100 / total
        switch mode {
        case .interactive:
            let now = clock()
            guard percent != lastPercent, now - lastDraw >= minimumInterval || count == total else { return }
            lastDraw = now
            lastPercent = percent
            output("\r\(line(count, total, percent))")
        case .plainLines:
            let step = percent / plainStepPercent * plainStepPercent
            guard step > lastPercent else { return }
            lastPercent = step
            output(line(count, total, percent) + "\n")
        case .silent:
            return
        }
    }

    /// Ends the display: draws the final state and ends the line. Later updates are ignored.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard mode != .silent, !finished else { return }
        finished = true
        guard lastTotal > 0 else { return }
        let percent = lastCount * 100 / lastTotal
        switch mode {
        case .interactive: output("\r\(line(lastCount, lastTotal, percent))\n")
        case .plainLines where percent != lastPercent: output(line(lastCount, lastTotal, percent) + "\n")
        default: break
        }
    }

    private func line(_ count: Int, _ total: Int, _ percent: Int) -> String {
        let padded = String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)%"
        return "\(title) \(padded) (\(count)/\(total))"
    }
}
