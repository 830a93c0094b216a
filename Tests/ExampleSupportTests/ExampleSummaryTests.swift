import DiversityKit
import ExampleSupport
import Testing

@Suite("Example summary")
struct ExampleSummaryTests {
    @Test("kronor are grouped by thousands with öre only when not zero", arguments: [
        (Money(kronor: 4_251_631), "4 251 631 kr"), (Money(kronor: 0), "0 kr"), (Money(kronor: 999), "999 kr"),
        (Money(kronor: 1_000), "1 000 kr"), (Money(minorUnits: 123_405), "1 234,05 kr"), (Money(kronor: -12_500), "-12 500 kr"),
    ])
    func kronor(_ amount: Money, _ text: String) {
        #expect(ExampleSummary.kronor(amount) == text)
    }

    @Test("lines are aligned under the title")
    func aligned() {
        var summary = ExampleSummary(title: "Omvänt Mentorskap")
        summary.add("ESF-stöd", "4 251 631 kr")
        summary.add("Period", "2012-02-01–2013-12-31")
        #expect(summary.text == "Omvänt Mentorskap\n  ESF-stöd  4 251 631 kr\n  Period    2012-02-01–2013-12-31")
        #expect(summary.lines.map(\.label) == ["ESF-stöd", "Period"])
    }
}
