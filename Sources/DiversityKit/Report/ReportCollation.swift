import Foundation

/// Alphabetical order of names for a report language, the same on every machine (it never
/// consults the system's locale data).
///
/// Swedish (svensk sortering) puts å, ä and ö after z, in that order, and sorts æ with ä and
/// ø with ö; other accented letters sort with their base letter (é with e, ü with y). English
/// sorts å, ä and ö with a and o. Case and accents only break ties, so `"abc"` and `"Abc"`
/// sit together; digits come before letters and compare digit by digit.
///
/// ```swift
/// let names = ["Östergötland", "Örebro", "Uppsala", "Västerbotten", "Ale"]
/// ReportCollation(language: .swedish).sorted(names)
/// // ["Ale", "Uppsala", "Västerbotten", "Örebro", "Östergötland"]
/// ```
public struct ReportCollation: Hashable, Sendable {
    /// The language whose alphabet is used.
    public var language: ReportLanguage

    /// Creates the collation of `language`.
    public init(language: ReportLanguage) { self.language = language }

    /// Whether `a` sorts strictly before `b`.
    public func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        if ka != kb { return ka.lexicographicallyPrecedes(kb) }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) // a fixed tie-break for case and accents
    }

    /// `names` in this language's alphabetical order.
    public func sorted(_ names: [String]) -> [String] { names.sorted(by: areInIncreasingOrder) }

    /// `elements` ordered by the name `name` gives each, in this language's alphabetical order.
    public func sorted<Element>(_ elements: [Element], by name: (Element) -> String) -> [Element] {
        elements.map { (name($0), $0) }.sorted { areInIncreasingOrder($0.0, $1.0) }.map(\.1)
    }

    /// The primary weights of `text`: one per letter or digit, punctuation and spaces as one low weight.
    func key(_ text: String) -> [UInt32] {
        var weights: [UInt32] = []
        for character in text.lowercased() {
            weights.append(weight(character))
        }
        return weights
    }

    private func weight(_ character: Character) -> UInt32 {
        let swedish = language == .swedish
        switch character {
        case "å": return swedish ? 200 + 27 : letter("a")
        case "ä", "æ": return swedish ? 200 + 28 : letter("a")
        case "ö", "ø": return swedish ? 200 + 29 : letter("o")
        case "ü": return swedish ? letter("y") : letter("u")
        default: break
        }
        guard let first = character.unicodeScalars.first else { return 0 }
        if ("0"..."9").contains(first) { return 100 + first.value - 48 }
        if ("a"..."z").contains(first) { return letter(first) }
        // An accented letter sorts with its base letter: the first scalar of its canonical decomposition.
        if let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first,
           ("a"..."z").contains(base) {
            return letter(base)
        }
        if first.properties.isAlphabetic { return 1_000 + first.value }
        return 1 // spaces and punctuation
    }

    private func letter(_ scalar: Unicode.Scalar) -> UInt32 { 200 + scalar.value - 97 }
}
