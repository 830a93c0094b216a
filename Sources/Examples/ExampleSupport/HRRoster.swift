import DiversityKit
import Foundation
import SurveyModule

/// One row of an HR roster: a pseudonymous employee reference, organisation, unit and role.
/// No names, no personal identity numbers.
public struct RosterEntry: Codable, Hashable, Sendable {
    /// The HR system's pseudonymous reference; becomes the participant id.
    public var employeeRef: String
    /// The organisation's id in the workspace.
    public var organisation: ID<Organisation>
    /// The unit's id, if given.
    public var unit: ID<OrganisationUnit>?
    /// The role.
    public var role: ParticipantRole

    /// Creates an entry.
    public init(employeeRef: String, organisation: ID<Organisation>, unit: ID<OrganisationUnit>?, role: ParticipantRole) {
        self.employeeRef = employeeRef
        self.organisation = organisation
        self.unit = unit
        self.role = role
    }

    /// The participant the entry registers.
    public var participant: Participant {
        Participant(id: ID(employeeRef), organisation: organisation, unit: unit, role: role)
    }
}

/// An HR roster file: `employee_ref;organisation;unit;role`, with a header line.
///
/// - Separator `;` or `,` (detected from the header), UTF-8 with or without a byte-order mark,
///   fields optionally quoted.
/// - Columns may come in any order; header names compare case-insensitively. `unit` may be
///   left out or empty; the others are required.
/// - Roles: the ``ParticipantRole`` names (`employee`, `manager`, `keyPerson`, …) in any case,
///   or the Swedish `medarbetare`, `chef`, `ledare`, `nyckelperson`, `ambassadör`, `projektpersonal`.
public enum HRRoster {
    /// The header names.
    public static let columns = (employeeRef: "employee_ref", organisation: "organisation", unit: "unit", role: "role")

    /// The bounds a roster is read under unless the caller gives others: fields of at most
    /// 4 KiB, at most 64 columns and 1 000 000 rows — far above any Swedish employer's roster.
    public static let defaultLimits = CSVLimits(maximumFieldBytes: 4 << 10, maximumRecordBytes: 64 << 10,
                                                maximumColumns: 64, maximumRecords: 1_000_000)

    /// Parses a roster, checking its syntax, roles and duplicates (not organisations: see
    /// ``HRRosterImporter``). Returns the entries with the line each came from.
    /// - Throws: ``HRRosterError``; ``HRRosterError/exceedsLimit(_:)`` when the file crosses one
    ///   of `limits`.
    public static func parse(_ data: Data, limits: CSVLimits = HRRoster.defaultLimits) throws -> [RosterRow] {
        try parse(reader: { try CSVReader(data: data, limits: limits) })
    }

    /// Parses the roster file at `url`, streaming: memory grows with the rows returned, never
    /// with the file's size.
    /// - Throws: ``HRRosterError/inFile(_:_:)`` naming the file around the ``HRRosterError``;
    ///   ``HRRosterError/unreadable(_:)`` when the file cannot be read.
    public static func parse(contentsOf url: URL, limits: CSVLimits = HRRoster.defaultLimits) throws -> [RosterRow] {
        try HRRosterError.within(file: url.lastPathComponent) { try parse(reader: { try CSVReader(url: url, limits: limits) }) }
    }

    static func parse(reader makeReader: () throws -> CSVReader) throws -> [RosterRow] {
        try translatingCSVErrors {
            let reader = try makeReader()
            guard let header = try reader.next() else { throw HRRosterError.empty }
            let layout = try RosterLayout(header: header)
            var seen: [String: Int] = [:]
            var result: [RosterRow] = []
            while let row = try reader.next() {
                result.append(try entry(row, header: header, layout: layout, seen: &seen))
            }
            return result
        }
    }

    /// The checked entry of one record.
    static func entry(_ row: CSVRecord, header: CSVRecord, layout: RosterLayout, seen: inout [String: Int]) throws -> RosterRow {
        guard row.fields.count == header.fields.count else {
            throw HRRosterError.wrongFieldCount(line: row.line, expected: header.fields.count, found: row.fields.count)
        }
        let columns = RosterColumns(layout: layout)
        let ref = row.fields[layout.employeeRef].trimmingCharacters(in: .whitespaces)
        let org = row.fields[layout.organisation].trimmingCharacters(in: .whitespaces)
        let roleText = row.fields[layout.role].trimmingCharacters(in: .whitespaces)
        let unit = layout.unit.map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
        if ref.isEmpty { throw HRRosterError.emptyField(line: row.line, field: columns.employeeRef, name: HRRoster.columns.employeeRef) }
        if org.isEmpty { throw HRRosterError.emptyField(line: row.line, field: columns.organisation, name: HRRoster.columns.organisation) }
        if roleText.isEmpty { throw HRRosterError.emptyField(line: row.line, field: columns.role, name: HRRoster.columns.role) }
        guard let role = role(named: roleText) else {
            throw HRRosterError.unknownRole(line: row.line, field: columns.role, value: roleText)
        }
        if let first = seen[ref] { throw HRRosterError.duplicateEmployee(line: row.line, field: columns.employeeRef, firstLine: first) }
        seen[ref] = row.line
        let entry = RosterEntry(employeeRef: ref, organisation: ID(org), unit: unit.isEmpty ? nil : ID(unit), role: role)
        return RosterRow(line: row.line, entry: entry, columns: columns)
    }

    /// Runs `body`, turning SurveyModule's reader errors into roster errors with the same line, field and column.
    static func translatingCSVErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch CSVError.unterminatedQuote(let line, let field, let column) {
            throw HRRosterError.unterminatedQuote(line: line, field: field, column: column)
        } catch CSVError.unexpectedQuote(let line, let field, let column) {
            throw HRRosterError.unexpectedQuote(line: line, field: field, column: column)
        } catch CSVError.invalidUTF8(let line, let field, _) {
            throw HRRosterError.notUTF8(line: line, field: field)
        } catch CSVError.unreadable(let name) {
            throw HRRosterError.unreadable(name)
        } catch let bound as CSVError {
            throw HRRosterError.exceedsLimit(bound)
        }
    }

    /// Writes entries as a roster file with a header, `;`-separated, quoting where needed.
    public static func csv(_ entries: [RosterEntry], separator: Character = ";") -> Data {
        // Scalars, not Characters: "\r\n" or a quote followed by a combining mark is one Character
        // that equals none of these, and must still be quoted.
        let separatorScalars = separator.unicodeScalars
        func field(_ s: String) -> String {
            guard s.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" || separatorScalars.contains($0) })
            else { return s }
            return "\"" + s.doublingQuotes + "\""
        }
        let sep = String(separator)
        var text = [columns.employeeRef, columns.organisation, columns.unit, columns.role].joined(separator: sep) + "\n"
        for e in entries {
            text += [e.employeeRef, e.organisation.rawValue, e.unit?.rawValue ?? "", e.role.rawValue]
                .map(field).joined(separator: sep) + "\n"
        }
        return Data(text.utf8)
    }

    /// The role a roster cell names, or `nil`.
    public static func role(named text: String) -> ParticipantRole? {
        let lowered = text.lowercased()
        if let role = ParticipantRole.allCases.first(where: { $0.rawValue.lowercased() == lowered }) { return role }
        switch lowered {
        case "medarbetare", "anställd": return .employee
        case "chef", "ledare": return .manager
        case "nyckelperson": return .keyPerson
        case "ambassadör", "mångfaldsambassadör": return .ambassador
        case "projektpersonal": return .projectStaff
        default: return nil
        }
    }
}

/// Where a roster's columns are, by field index.
struct RosterLayout {
    var employeeRef: Int
    var organisation: Int
    var unit: Int?
    var role: Int

    init(header: CSVRecord) throws {
        var index: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if index[key] != nil { throw HRRosterError.duplicateColumn(key, field: i + 1) }
            index[key] = i
        }
        func required(_ name: String) throws -> Int {
            guard let i = index[name] else { throw HRRosterError.missingColumn(name) }
            return i
        }
        employeeRef = try required(HRRoster.columns.employeeRef)
        organisation = try required(HRRoster.columns.organisation)
        role = try required(HRRoster.columns.role)
        unit = index[HRRoster.columns.unit]
    }
}

/// The 1-based field numbers of a roster's columns, as a spreadsheet numbers them, for error messages.
public struct RosterColumns: Hashable, Sendable {
    /// Field number of `employee_ref`.
    public var employeeRef: Int
    /// Field number of `organisation`.
    public var organisation: Int
    /// Field number of `unit` (1 when the roster has no unit column).
    public var unit: Int
    /// Field number of `role`.
    public var role: Int

    init(layout: RosterLayout) {
        employeeRef = layout.employeeRef + 1
        organisation = layout.organisation + 1
        unit = layout.unit.map { $0 + 1 } ?? 1
        role = layout.role + 1
    }
}

/// A parsed roster row: the entry, the line it came from and where its fields were.
public struct RosterRow: Hashable, Sendable {
    /// The 1-based line.
    public var line: Int
    /// The entry.
    public var entry: RosterEntry
    /// The fields' numbers.
    public var columns: RosterColumns
}
