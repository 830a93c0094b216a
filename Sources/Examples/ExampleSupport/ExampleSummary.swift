import DiversityKit

/// The short summary an example prints at the end: a title and aligned label–value lines.
///
/// ```swift
/// var summary = ExampleSummary(title: "Omvänt Mentorskap")
/// summary.add("ESF-stöd", ExampleSummary.kronor(outcome.totalFunding))
/// print(summary.text)
/// ```
public struct ExampleSummary: Hashable, Sendable {
    /// The heading.
    public var title: String
    /// The lines, in order.
    public var lines: [(label: String, value: String)] { zip(labels, values).map { ($0, $1) } }
    private var labels: [String] = []
    private var values: [String] = []

    /// An empty summary.
    public init(title: String) { self.title = title }

    /// Adds a line.
    public mutating func add(_ label: String, _ value: String) {
        labels.append(label)
        values.append(value)
    }

    /// The summary as text, labels padded to one width.
    public var text: String {
        let width = labels.map(\.count).max() ?? 0
        let body = zip(labels, values).map { "  " + $0 + String(repeating: " ", count: width - $0.count) + "  " + $1 }
        return ([title] + body).joined(separator: "\n")
    }

    /// `"4 251 631 kr"`: whole kronor with a space between thousands, öre only when not zero.
    public static func kronor(_ amount: Money) -> String {
        let digits = String(amount.minorUnits.magnitude / 100)
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(" ") }
            grouped.append(ch)
        }
        let ore = amount.minorUnits.magnitude % 100
        return (amount.minorUnits < 0 ? "-" : "") + grouped + (ore == 0 ? "" : ",\(ore < 10 ? "0" : "")\(ore)") + " kr"
    }
}
