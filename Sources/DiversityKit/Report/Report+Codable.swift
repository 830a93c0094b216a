/// The JSON shape of blocks and cells: an object with a `"type"` tag and named fields, so the
/// schema documented in `Docs/Reporting.md` reads naturally and can grow new fields.
///
/// ```json
/// {"type": "paragraph", "text": "Cirka 450 deltagare."}
/// {"type": "percent", "value": 0.452, "digits": 1}
/// ```
extension ReportBlock {
    private enum Key: String, CodingKey { case type, text, items, table, chart, kind }

    /// Decodes a block from its tagged object.
    /// - Throws: `DecodingError` for an unknown `type` or a missing field.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "paragraph": self = .paragraph(try c.decode(String.self, forKey: .text))
        case "list": self = .list(try c.decode([String].self, forKey: .items))
        case "table": self = .table(try c.decode(ReportTable.self, forKey: .table))
        case "chart": self = .chart(try c.decode(ReportChart.self, forKey: .chart))
        case "note":
            self = .note(ReportNote(try c.decode(ReportNote.Kind.self, forKey: .kind), try c.decode(String.self, forKey: .text)))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown block type \"\(type)\"")
        }
    }

    /// Encodes the block as a tagged object.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .paragraph(let text):
            try c.encode("paragraph", forKey: .type)
            try c.encode(text, forKey: .text)
        case .list(let items):
            try c.encode("list", forKey: .type)
            try c.encode(items, forKey: .items)
        case .table(let table):
            try c.encode("table", forKey: .type)
            try c.encode(table, forKey: .table)
        case .chart(let chart):
            try c.encode("chart", forKey: .type)
            try c.encode(chart, forKey: .chart)
        case .note(let note):
            try c.encode("note", forKey: .type)
            try c.encode(note.kind, forKey: .kind)
            try c.encode(note.text, forKey: .text)
        }
    }
}

extension ReportCell {
    private enum Key: String, CodingKey { case type, value, digits, minorUnits, reason }

    /// Decodes a cell from its tagged object.
    /// - Throws: `DecodingError` for an unknown `type` or a missing field.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "text": self = .text(try c.decode(String.self, forKey: .value))
        case "integer": self = .integer(try c.decode(Int.self, forKey: .value))
        case "decimal": self = .decimal(try c.decode(Double.self, forKey: .value), digits: try c.decode(Int.self, forKey: .digits))
        case "percent": self = .percent(try c.decode(Double.self, forKey: .value), digits: try c.decode(Int.self, forKey: .digits))
        case "money": self = .money(Money(minorUnits: try c.decode(Int64.self, forKey: .minorUnits)))
        case "date": self = .date(try c.decode(CalendarDate.self, forKey: .value))
        case "suppressed": self = .suppressed(reason: try c.decode(SuppressionReason.self, forKey: .reason))
        case "empty": self = .empty
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown cell type \"\(type)\"")
        }
    }

    /// Encodes the cell as a tagged object.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .text(let text):
            try c.encode("text", forKey: .type)
            try c.encode(text, forKey: .value)
        case .integer(let value):
            try c.encode("integer", forKey: .type)
            try c.encode(value, forKey: .value)
        case .decimal(let value, let digits):
            try c.encode("decimal", forKey: .type)
            try c.encode(value, forKey: .value)
            try c.encode(digits, forKey: .digits)
        case .percent(let value, let digits):
            try c.encode("percent", forKey: .type)
            try c.encode(value, forKey: .value)
            try c.encode(digits, forKey: .digits)
        case .money(let amount):
            try c.encode("money", forKey: .type)
            try c.encode(amount.minorUnits, forKey: .minorUnits)
        case .date(let day):
            try c.encode("date", forKey: .type)
            try c.encode(day, forKey: .value)
        case .suppressed(let reason):
            try c.encode("suppressed", forKey: .type)
            try c.encode(reason, forKey: .reason)
        case .empty:
            try c.encode("empty", forKey: .type)
        }
    }
}

extension ReportSection {
    private enum Key: String, CodingKey { case title, blocks, subsections, isCollapsed }

    /// Decodes a section, refusing one nested deeper than the decoder's bound (the
    /// `maximumSectionDepth` user-info value, else ``Report/defaultMaximumSectionDepth``) before
    /// decoding anything below it, so no input can exhaust the stack.
    /// - Throws: ``ReportRenderingError/nestingTooDeep(depth:limit:)``; `DecodingError`.
    public init(from decoder: Decoder) throws {
        let limit = decoder.userInfo[.maximumSectionDepth] as? Int ?? Report.defaultMaximumSectionDepth
        let depth = 1 + decoder.codingPath.count { $0.stringValue == Key.subsections.stringValue }
        guard depth <= limit else { throw ReportRenderingError.nestingTooDeep(depth: depth, limit: limit) }
        let c = try decoder.container(keyedBy: Key.self)
        title = try c.decode(String.self, forKey: .title)
        blocks = try c.decode([ReportBlock].self, forKey: .blocks)
        children = SectionList(try c.decode([ReportSection].self, forKey: .subsections))
        // Documents written before `isCollapsed` existed read as expanded.
        isCollapsed = try c.decodeIfPresent(Bool.self, forKey: .isCollapsed) ?? false
    }

    /// Encodes the title, blocks, subsections and the collapsed flag.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(title, forKey: .title)
        try c.encode(blocks, forKey: .blocks)
        try c.encode(subsections, forKey: .subsections)
        try c.encode(isCollapsed, forKey: .isCollapsed)
    }
}
