import DiversityKit
import Foundation
import Testing

@Suite("Reporting: number and date formats")
struct ReportingFormatterTests {
    let sv = ReportFormatter(language: .swedish)
    let en = ReportFormatter(language: .english)
    /// The no-break space Swedish output uses for grouping and before units.
    let nb = "\u{00A0}"

    @Test("groups thousands with a no-break space in Swedish and a comma in English",
          arguments: [(0, "0", "0"), (999, "999", "999"), (1000, "1 000", "1,000"), (1_234_567, "1 234 567", "1,234,567"),
                      (-45_000, "-45 000", "-45,000"), (Int.min, "-9 223 372 036 854 775 808", "-9,223,372,036,854,775,808")])
    func integers(value: Int, swedish: String, english: String) {
        #expect(sv.integer(value) == swedish.replacingOccurrences(of: " ", with: nb))
        #expect(en.integer(value) == english)
    }

    @Test("uses a decimal comma in Swedish and a point in English")
    func decimals() {
        #expect(sv.decimal(1_234_567.5, digits: 1) == "1\(nb)234\(nb)567,5")
        #expect(en.decimal(1_234_567.5, digits: 1) == "1,234,567.5")
        #expect(sv.decimal(3.14159, digits: 2) == "3,14")
        #expect(en.decimal(2.5, digits: 0) == "3" || en.decimal(2.5, digits: 0) == "2")
        #expect(en.decimal(0.125, digits: 2) == "0.12" || en.decimal(0.125, digits: 2) == "0.13")
        #expect(en.decimal(1.0, digits: 3) == "1.000")
        #expect(en.decimal(-0.0001, digits: 2) == "0.00")
        #expect(en.decimal(-1234.5, digits: 1) == "-1,234.5")
        #expect(en.decimal(1, digits: -3) == "1")
        #expect(en.decimal(.nan, digits: 1) == "–")
        #expect(sv.decimal(.infinity, digits: 1) == "–")
    }

    @Test("formats percentages: 45,2 % in Swedish, 45.2% in English")
    func percentages() {
        #expect(sv.percent(0.452, digits: 1) == "45,2\(nb)%")
        #expect(en.percent(0.452, digits: 1) == "45.2%")
        #expect(en.percent(12.5, digits: 0) == "1,250%")
    }

    @Test("formats kronor with öre only when non-zero")
    func money() {
        #expect(sv.money(Money(kronor: 4_251_631)) == "4\(nb)251\(nb)631\(nb)kr")
        #expect(en.money(Money(kronor: 4_251_631)) == "SEK 4,251,631")
        #expect(sv.money(Money(minorUnits: 1250)) == "12,50\(nb)kr")
        #expect(en.money(Money(minorUnits: 1205)) == "SEK 12.05")
        #expect(sv.money(Money(minorUnits: -2_548_750)) == "-25\(nb)487,50\(nb)kr")
        #expect(en.money(.zero) == "SEK 0")
    }

    @Test("writes dates as ISO 8601 in both languages", arguments: ReportLanguage.allCases)
    func dates(language: ReportLanguage) throws {
        #expect(ReportFormatter(language: language).date(try CalendarDate("2012-02-01")) == "2012-02-01")
    }

    @Test("formats every kind of cell")
    func cells() throws {
        #expect(sv.cell(.text("Umeå")) == "Umeå")
        #expect(sv.cell(.integer(1500)) == "1\(nb)500")
        #expect(en.cell(.decimal(2.345, digits: 1)) == "2.3")
        #expect(en.cell(.percent(0.5, digits: 0)) == "50%")
        #expect(sv.cell(.money(Money(kronor: 10))) == "10\(nb)kr")
        #expect(en.cell(.date(try CalendarDate("2011-12-31"))) == "2011-12-31")
        #expect(sv.cell(.suppressed(reason: .belowThreshold)) == "–*")
        #expect(en.cell(.empty) == "")
    }

    @Test("explains every suppression reason in both languages", arguments: ReportLanguage.allCases)
    func reasons(language: ReportLanguage) {
        let labels = ReportLabels(language: language)
        let reasons: [SuppressionReason] = [.belowThreshold, .secondary, .groupSuppressed]
        let texts = reasons.map(labels.suppressionReason)
        #expect(Set(texts).count == reasons.count)
        let rows: [[ReportCell]] = [[.suppressed(reason: .secondary), .suppressed(reason: .belowThreshold)], [.suppressed(reason: .secondary)]]
        let notes = labels.suppressionFootnotes(for: rows)
        #expect(notes.count == 2)
        #expect(notes[0].contains(texts[0]) && notes[1].contains(texts[1]))
        #expect(labels.suppressionFootnotes(for: [[.integer(1)]]).isEmpty)
    }
}

@Suite("Reporting: chart palette")
struct ReportingPaletteTests {
    static let fills = ChartPalette.categorical + ChartPalette.negative + ChartPalette.positive + [ChartPalette.neutral]

    @Test("labels on every chart colour reach a contrast of 4.5:1", arguments: fills)
    func labelContrast(fill: String) {
        #expect(ChartPalette.contrastRatio(ChartPalette.textColor(on: fill), fill) >= 4.5)
    }

    @Test("ink on white has at least 4.5:1 and the ratio is symmetric")
    func ink() {
        #expect(ChartPalette.contrastRatio(ChartPalette.ink, "#FFFFFF") >= 4.5)
        #expect(abs(ChartPalette.contrastRatio("#000000", "#FFFFFF") - 21) < 0.001)
        #expect(ChartPalette.contrastRatio("#0072B2", "#FFFFFF") == ChartPalette.contrastRatio("#FFFFFF", "#0072B2"))
    }

    @Test("diverging colours run from disagreement through neutral to agreement")
    func diverging() {
        let five = ChartPalette.diverging(negativeCount: 2, hasNeutral: true, positiveCount: 2)
        #expect(five.count == 5)
        #expect(five[2] == ChartPalette.neutral)
        #expect(Set(five).count == 5)
        #expect(ChartPalette.diverging(negativeCount: 5, hasNeutral: false, positiveCount: 5).count == 10)
        #expect(ChartPalette.diverging(negativeCount: 0, hasNeutral: false, positiveCount: 0).isEmpty)
    }
}
