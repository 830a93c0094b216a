import DiversityKit

extension DefaultStringInterpolation {
    /// A count in Swedish report prose, thousands grouped with a no-break space as in the
    /// tables: `"\(count: 3001) medarbetare"` gives `"3 001 medarbetare"`.
    mutating func appendInterpolation(count value: Int) {
        appendLiteral(ReportFormatter(language: .swedish).integer(value))
    }

    /// An amount in Swedish report prose: `"\(kronor: budget)"` gives `"1 200 000 kr"`.
    mutating func appendInterpolation(kronor amount: Money) {
        appendLiteral(ReportFormatter(language: .swedish).money(amount))
    }
}
