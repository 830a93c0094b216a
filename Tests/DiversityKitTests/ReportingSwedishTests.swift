import DiversityKit
import Foundation
import Testing

@Suite("Reporting: Swedish order, numbers and p-values")
struct ReportingSwedishTests {
    static let nb = "\u{00A0}"

    @Test("Swedish collation puts å, ä and ö after z, in that order")
    func swedishOrder() {
        let names = ["Örebro", "Ale", "Åre", "Östergötland", "Ängelholm", "Zinkgruvan", "Umeå", "Oskarshamn", "Västerbotten"]
        #expect(ReportCollation(language: .swedish).sorted(names) ==
                ["Ale", "Oskarshamn", "Umeå", "Västerbotten", "Zinkgruvan", "Åre", "Ängelholm", "Örebro", "Östergötland"])
    }

    @Test("Swedish collation ignores case for order, sorts æ/ø with ä/ö and é with e; English sorts å, ä, ö with a and o")
    func variants() {
        let sv = ReportCollation(language: .swedish)
        #expect(sv.sorted(["bo", "Bertil", "Anna", "anders"]) == ["anders", "Anna", "Bertil", "bo"])
        #expect(sv.sorted(["Øre", "Ære", "Zeta", "Ödla"]) == ["Zeta", "Ære", "Ödla", "Øre"])
        #expect(sv.sorted(["Eva", "Édith", "Erik"]) == ["Édith", "Erik", "Eva"])
        #expect(sv.sorted(["Avd 10", "Avd 2", "Avd 1"]) == ["Avd 1", "Avd 10", "Avd 2"])
        #expect(ReportCollation(language: .english).sorted(["Östersund", "Oslo", "Åre", "Berlin"]) == ["Åre", "Berlin", "Oslo", "Östersund"])
        #expect(sv.sorted([3, 1, 2], by: { ["Öland", "Gotland", "Åland"][$0 - 1] }) == [2, 3, 1])
    }

    @Test("p-values read p < 0,001 below a thousandth and p = 0,042 otherwise", arguments: [
        (0.0, "p < 0,001", "p < 0.001"), (0.000_04, "p < 0,001", "p < 0.001"), (0.001, "p = 0,001", "p = 0.001"),
        (0.0423, "p = 0,042", "p = 0.042"), (0.5, "p = 0,500", "p = 0.500"), (1.0, "p = 1,000", "p = 1.000"),
        (Double.nan, "p = –", "p = –"),
    ])
    func pValues(_ p: Double, _ sv: String, _ en: String) {
        #expect(ReportFormatter(language: .swedish).pValue(p) == sv)
        #expect(ReportFormatter(language: .english).pValue(p) == en)
    }

    @Test("primary, secondary and group suppression have their own markers and footnotes")
    func suppressionMarkers() {
        let labels = ReportLabels(language: .swedish)
        let reasons: [SuppressionReason] = [.belowThreshold, .secondary, .groupSuppressed]
        #expect(Set(reasons.map(labels.suppressedMarker(for:))).count == 3)
        #expect(labels.suppressedMarker == "–*")
        let notes = labels.suppressionFootnotes(for: [[.suppressed(reason: .belowThreshold), .suppressed(reason: .secondary)]])
        #expect(notes.count == 2)
        #expect(notes[0].hasPrefix("–* Primär undertryckning"))
        #expect(notes[1].hasPrefix("–** Sekundär undertryckning"))
        let html = HTMLRenderer().html(Report(title: "T", sections: [ReportSection(title: "S", blocks: [.table(ReportTable(
            id: "t", caption: "C", columns: [ReportColumn("Grupp", isRowHeader: true), ReportColumn("Antal")],
            rows: [[.text("A"), .suppressed(reason: .belowThreshold)], [.text("B"), .suppressed(reason: .secondary)]]))])]))
        #expect(html.contains(">–*</abbr>") && html.contains(">–**</abbr>"))
    }

    @Test("chart labels wrap onto lines and are never cut; the lines give the label back")
    func chartLabelsWhole() throws {
        let long = "Västerbottens läns landsting, hälsocentraler"
        let chart = ReportChart(id: "c", kind: .bar, title: "Deltagare", description: "Deltagare per organisation.",
                                categories: [long, "Västerbottens läns landsting, psykiatrin", "Kort"],
                                series: [ChartSeries(name: "Deltagare", values: [18, 75, 3])])
        let html = HTMLRenderer().html(Report(title: "T", sections: [ReportSection(title: "S", blocks: [.chart(chart)])]))
        #expect(!html.contains("…"))
        let labels = html.components(separatedBy: "<text class=\"category\"").dropFirst().map { element -> String in
            let body = element.components(separatedBy: "</text>")[0]
            return body.components(separatedBy: "<tspan").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
                .joined(separator: " ")
        }
        #expect(labels == chart.categories)
    }

    @Test("a rating chart draws its scale as an axis from the scale's lower end")
    func ratingAxis() {
        let chart = ReportChart(id: "r", kind: .bar, title: "Betyg", description: "Medelbetyg.", categories: ["Innehåll", "Kursledare"],
                                series: [ChartSeries(name: "Medelvärde", values: [3.96, 4.17], digits: 2)], valueRange: 1...5)
        let html = HTMLRenderer().html(Report(title: "T", sections: [ReportSection(title: "S", blocks: [.chart(chart)])]))
        let ticks = html.components(separatedBy: "<text class=\"tick\"").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
        #expect(ticks == ["1", "2", "3", "4", "5"])
    }

    @Test("HTML pages print on A4, and a date never breaks inside")
    func printLayout() throws {
        let html = HTMLRenderer().html(Report(title: "T", sections: [ReportSection(title: "S", blocks: [.table(ReportTable(
            id: "d", caption: "Datum", columns: [ReportColumn("Milstolpe", isRowHeader: true), ReportColumn("Datum")],
            rows: [[.text("Start"), .date(try CalendarDate("2009-10-06"))]]))])]))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<td class=\"date\"><time datetime=\"2009-10-06\">2009-10-06</time></td>"))
        #expect(html.contains(".date, time { white-space: nowrap"))
    }

    @Test("a collapsed section keeps its heading visible and its content in a details element")
    func collapsedSection() throws {
        let report = Report(title: "T", sections: [ReportSection(title: "Bilaga", blocks: [.paragraph("Detaljer")], isCollapsed: true)])
        let html = HTMLRenderer().html(report)
        #expect(html.contains("<details class=\"appendix\">\n<summary><h2 id=\"section-bilaga\">Bilaga</h2></summary>\n<p>Detaljer</p>\n</details>"))
        let decoded = try JSONDecoder().decode(Report.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
        let old = #"{"title":"S","blocks":[],"subsections":[]}"#
        #expect(try JSONDecoder().decode(ReportSection.self, from: Data(old.utf8)).isCollapsed == false)
    }

    @Test("validation findings read as Swedish sentences that name entities by name")
    func validationTexts() {
        let problem = ValidationProblem.prerequisitesNotCompleted(["ledarforum", "bas"])
        let names = ["ledarforum": "Ledarforum", "bas": "Basutbildning"]
        #expect(problem.text(.swedish) { names[$0.id] ?? $0.id } == "har inte genomfört det som krävs först: Ledarforum och Basutbildning")
        #expect(problem.text(.english) { names[$0.id] ?? $0.id } == "has not completed what comes first: Ledarforum and Basutbildning")
        #expect(ValidationProblem.capacityExceeded(capacity: 1200).text(.swedish) == "tillfället är fullt (1\(Self.nb)200 platser)")
        #expect(!ValidationProblem.roleNotTargeted(.keyPerson).text(.swedish).contains("keyPerson"))
    }
}
