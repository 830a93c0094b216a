import Foundation

/// Formats numbers, money, dates and cells for a report language, the same way on every
/// machine: it never consults `NumberFormatter` or the system's locale data.
///
/// Swedish (svenska) uses a decimal comma and a no-break space (U+00A0) to group thousands —
/// the separator Swedish keyboards and spreadsheets use, and one every font has; English
/// uses a decimal point and a comma. Minus is the ASCII hyphen-minus so that copied numbers
/// stay numbers. Dates are ISO 8601 (`2012-02-01`) in both languages, the Swedish standard.
///
/// ```swift
/// let sv = ReportFormatter(language: .swedish)
/// sv.decimal(1_234_567.5, digits: 1)     // "1 234 567,5"
/// sv.percent(0.452, digits: 1)           // "45,2 %"
/// sv.money(Money(kronor: 4_251_631))     // "4 251 631 kr"
/// ReportFormatter(language: .english).money(Money(kronor: 4_251_631)) // "SEK 4,251,631"
/// ```
public struct ReportFormatter: Hashable, Sendable {
    /// The no-break space that groups thousands and separates a Swedish number from its unit.
    public static let groupSeparatorSwedish: Character = "\u{00A0}"

    /// The language whose conventions are used.
    public var language: ReportLanguage

    /// Creates a formatter for `language`.
    public init(language: ReportLanguage) { self.language = language }

    /// The decimal mark: `,` in Swedish, `.` in English.
    public var decimalMark: String { language == .swedish ? "," : "." }

    /// The thousands separator: a no-break space in Swedish, `,` in English.
    public var groupSeparator: String { language == .swedish ? String(Self.groupSeparatorSwedish) : "," }

    /// A whole number with thousands grouped: `"1 234 567"` / `"1,234,567"`.
    public func integer(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        return sign + group(String(value.magnitude))
    }

    /// A number rounded to `digits` decimals (0…10), grouped: `"1 234,5"` / `"1,234.5"`.
    ///
    /// Rounds the exact binary value to nearest; `-0` prints as `0`. Not-a-number and
    /// infinities print as `"–"` because a report has no sensible figure for them.
    public func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "–" }
        let (sign, whole, fraction) = Self.split(value, digits: digits)
        return sign + group(whole) + (fraction.isEmpty ? "" : decimalMark + fraction)
    }

    /// A share 0…1 as a percentage: `"45,2 %"` (Swedish, with a no-break space) / `"45.2%"`.
    public func percent(_ share: Double, digits: Int) -> String {
        let number = decimal(share * 100, digits: digits)
        return language == .swedish ? number + String(Self.groupSeparatorSwedish) + "%" : number + "%"
    }

    /// An amount in kronor; öre are shown only when non-zero:
    /// `"4 251 631 kr"`, `"12,50 kr"` / `"SEK 4,251,631"`, `"SEK 12.50"`.
    public func money(_ amount: Money) -> String {
        let number = moneyNumber(amount)
        return language == .swedish ? number + String(Self.groupSeparatorSwedish) + "kr" : "SEK " + number
    }

    /// The number part of ``money(_:)`` without currency: `"4 251 631"`, `"-12,50"`.
    public func moneyNumber(_ amount: Money) -> String {
        let sign = amount.minorUnits < 0 ? "-" : ""
        let magnitude = amount.minorUnits.magnitude
        let ore = magnitude % 100
        let whole = group(String(magnitude / 100))
        return sign + whole + (ore == 0 ? "" : decimalMark + (ore < 10 ? "0" : "") + String(ore))
    }

    /// A p-value as a reader expects it: `"p < 0,001"` below 0.001, otherwise `"p = 0,042"`
    /// (three decimals) / `"p < 0.001"`, `"p = 0.042"`. Not-a-number prints as `"p = –"`.
    public func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "p = –" }
        if p < 0.001 { return "p < " + decimal(0.001, digits: 3) }
        return "p = " + decimal(min(p, 1), digits: 3)
    }

    /// A day as ISO 8601, `"2012-02-01"`, in both languages.
    public func date(_ day: CalendarDate) -> String { day.description }

    /// A cell's text; a suppressed cell gives the language's suppression marker
    /// for its reason (see ``ReportLabels/suppressedMarker(for:)``) and an empty cell gives `""`.
    public func cell(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let text): text
        case .integer(let value): integer(value)
        case .decimal(let value, let digits): decimal(value, digits: digits)
        case .percent(let value, let digits): percent(value, digits: digits)
        case .money(let amount): money(amount)
        case .date(let day): date(day)
        case .suppressed(let reason): ReportLabels(language: language).suppressedMarker(for: reason)
        case .empty: ""
        }
    }

    /// Inserts the group separator every three digits from the right of a digit string.
    func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += groupSeparator }
            out.append(c)
        }
        return out
    }

    /// Splits `value` rounded to `digits` decimals into sign, integer digits and fraction
    /// digits, using the C-locale `printf` so the result never depends on the machine.
    static func split(_ value: Double, digits: Int) -> (sign: String, whole: String, fraction: String) {
        let places = min(max(digits, 0), 10)
        var text = String(format: "%.\(places)f", value)
        var sign = ""
        if text.hasPrefix("-") {
            text.removeFirst()
            sign = text.allSatisfy { $0 == "0" || $0 == "." } ? "" : "-"
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (sign, String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }
}
