import Foundation

/// Chart colours that readers with colour-vision deficiency can tell apart (after Okabe & Ito),
/// with text colours chosen for a contrast of at least 4.5:1 (WCAG AA).
///
/// Colour is never the only cue: charts also label values, use a hatch pattern for planned
/// bars, and come with their data table.
///
/// ```swift
/// ChartPalette.textColor(on: "#0072B2") // "#FFFFFF"
/// ```
public enum ChartPalette {
    /// Colours for series that have no order: blue, orange, bluish green, reddish purple,
    /// sky blue, vermillion, yellow.
    public static let categorical = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]

    /// Disagreement colours from the strongest (outermost) inwards: vermillion, orange, light orange.
    public static let negative = ["#D55E00", "#E69F00", "#F5C98A"]

    /// Agreement colours from the mildest (innermost) outwards: sky blue, blue, dark blue.
    public static let positive = ["#56B4E9", "#0072B2", "#00406B"]

    /// The neutral middle of a Likert scale: grey.
    public static let neutral = "#BBBBBB"

    /// Ink for text and axes on white (contrast 17:1).
    public static let ink = "#1A1A1A"

    /// The colour of series `index` of a chart without order.
    public static func categorical(_ index: Int) -> String { categorical[index % categorical.count] }

    /// Colours for diverging stacked bars, left to right: `negativeCount` disagreement colours,
    /// an optional neutral, then `positiveCount` agreement colours.
    public static func diverging(negativeCount: Int, hasNeutral: Bool, positiveCount: Int) -> [String] {
        let negatives = (0..<max(negativeCount, 0)).map { i in
            negative[min(max(negative.count - negativeCount, 0) + i, negative.count - 1)]
        }
        let positives = (0..<max(positiveCount, 0)).map { positive[min($0, positive.count - 1)] }
        return negatives + (hasNeutral ? [neutral] : []) + positives
    }

    /// Black or white, whichever contrasts more with `background` (`#RRGGBB`).
    public static func textColor(on background: String) -> String {
        contrastRatio("#000000", background) >= contrastRatio("#FFFFFF", background) ? "#000000" : "#FFFFFF"
    }

    /// The WCAG contrast ratio (1…21) of two `#RRGGBB` colours; an unreadable colour counts as black.
    public static func contrastRatio(_ first: String, _ second: String) -> Double {
        let a = luminance(first), b = luminance(second)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The WCAG relative luminance of a `#RRGGBB` colour.
    static func luminance(_ hex: String) -> Double {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return 0 }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }
}
