import DiversityKit
import DiversityKitTesting
import Foundation
import Testing

/// Issue 17: fuzz target for the report JSON reader, and every renderer on what it accepts.
@Suite("Fuzz: report JSON")
struct ReportFuzzTests {
    @Test("report JSON: no case traps; every report read renders with all four renderers and round-trips")
    func reportJSON() throws {
        let corpus = try [Report.sample(language: .swedish), .sample(language: .english)].map { try JSONRenderer().encode($0) }
        var wrong: [String] = []
        let accepted = Fuzzer(corpus: corpus).run { bytes in
            let report = try JSONRenderer.decode(bytes)
            for renderer in [HTMLRenderer(), MarkdownRenderer(), CSVRenderer()] as [any ReportRenderer] {
                _ = try renderer.render(report)
            }
            // NaN cannot be written as JSON; anything else must come back equal.
            guard let again = try? JSONRenderer().encode(report) else { return }
            if try JSONRenderer.decode(again) != report { wrong.append(report.title) }
        }
        #expect(accepted >= 2)
        #expect(wrong.isEmpty)
    }
}
