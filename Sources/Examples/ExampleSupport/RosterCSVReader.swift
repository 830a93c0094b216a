import Foundation

/// One record of a delimited file with where each field started, for error messages.
struct CSVRow: Hashable, Sendable {
    /// The fields, unquoted.
    var fields: [String]
    /// The 1-based line the record starts on.
    var line: Int
    /// The 1-based column (in characters) each field starts at.
    var columns: [Int]
}

/// A small RFC 4180 reader: `;` or `,` separated, fields optionally quoted (`""` inside quotes is
/// a quote), CRLF, LF or CR line ends, quoted fields may span lines. Blank lines are skipped.
struct CSVRowReader {
    let separator: Character

    /// The separator of a header line: whichever of `;` and `,` occurs more often outside quotes
    /// (`;` on a tie, the Swedish spreadsheet default).
    static func detectSeparator(in text: String) -> Character {
        var semicolons = 0, commas = 0, quoted = false
        for ch in text {
            if ch == "\"" { quoted.toggle() }
            if quoted { continue }
            if ch == "\n" || ch == "\r" || ch == "\r\n" { break }
            if ch == ";" { semicolons += 1 } else if ch == "," { commas += 1 }
        }
        return commas > semicolons ? "," : ";"
    }

    /// Reads every record of `text`.
    /// - Throws: ``HRRosterError/unterminatedQuote(line:column:)`` or ``HRRosterError/unexpectedQuote(line:column:)``.
    func rows(of text: String) throws -> [CSVRow] {
        var rows: [CSVRow] = []
        var fields: [String] = [], columns: [Int] = []
        var field = ""
        var line = 1, column = 1
        var rowLine = 1, fieldColumn = 1
        var quoted = false, wasQuoted = false, quoteLine = 1, quoteColumn = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil

        func endField() {
            fields.append(field)
            columns.append(fieldColumn)
            field = ""
            wasQuoted = false
        }
        func endRow() {
            let blank = fields.isEmpty && field.isEmpty && !wasQuoted
            endField()
            if !blank { rows.append(CSVRow(fields: fields, line: rowLine, columns: columns)) }
            fields = []
            columns = []
        }

        while let ch = pending ?? iterator.next() {
            pending = nil
            let isLineBreak = ch == "\n" || ch == "\r" || ch == "\r\n"
            if quoted {
                if ch == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                        column += 2
                        continue
                    }
                    quoted = false
                    column += 1
                    pending = next
                    if let next, next != separator, !(next == "\n" || next == "\r" || next == "\r\n") {
                        throw HRRosterError.unexpectedQuote(line: line, column: column)
                    }
                    continue
                }
                field.append(ch)
                if isLineBreak { line += 1; column = 1 } else { column += 1 }
                continue
            }
            if ch == separator {
                endField()
                column += 1
                fieldColumn = column
            } else if isLineBreak {
                endRow()
                line += 1
                column = 1
                rowLine = line
                fieldColumn = 1
            } else if ch == "\"" {
                guard field.isEmpty else { throw HRRosterError.unexpectedQuote(line: line, column: column) }
                quoted = true
                wasQuoted = true
                quoteLine = line
                quoteColumn = column
                column += 1
            } else {
                field.append(ch)
                column += 1
            }
        }
        if quoted { throw HRRosterError.unterminatedQuote(line: quoteLine, column: quoteColumn) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRow() }
        return rows
    }
}
