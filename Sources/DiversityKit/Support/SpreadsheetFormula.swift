/// Which CSV cells a spreadsheet would run as a formula (CSV injection), shared by the report
/// renderer and SurveyModule's CSV writer so both guard the same way.
///
/// The checks read Unicode scalars, never `Character`s: `"=\u{301}1+1"` is one `Character`
/// `"=́"` that equals no trigger, yet a spreadsheet sees the `=` byte first.
package enum SpreadsheetFormula {
    /// Whether the first scalar of `cell` is `=`, `+`, `-`, `@`, tab or CR and the cell is not a
    /// plain number such as `-5`.
    package static func isFormulaLike(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return !isPlainNumber(cell)
        default: return false
        }
    }

    /// An optional leading sign, ASCII digits, and at most one `.` or `,`: `-3`, `+2.5`, `-0,75`.
    package static func isPlainNumber(_ cell: String) -> Bool {
        var digits = 0, points = 0
        for (i, c) in cell.unicodeScalars.enumerated() {
            if ("0"..."9").contains(c) {
                digits += 1
            } else if c == "." || c == "," {
                points += 1
            } else if i > 0 || (c != "-" && c != "+") {
                return false
            }
        }
        return digits > 0 && points <= 1
    }
}

extension String {
    /// The text with every `"` scalar doubled, for a quoted CSV field. Works on scalars:
    /// Foundation's `replacingOccurrences` misses a quote that a combining mark follows.
    package var doublingQuotes: String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\"" { out.append(scalar) }
            out.append(scalar)
        }
        return String(out)
    }
}
