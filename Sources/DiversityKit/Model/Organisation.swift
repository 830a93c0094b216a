/// A participating body: a municipality (kommun), region, state agency (myndighet), partner.
///
/// ```swift
/// let fk = try Organisation(id: "fk", name: "Försäkringskassan", kind: .stateAgency,
///                           organisationNumber: OrganisationNumber("202100-5521"),
///                           units: [.init(id: "fk-umea", name: "Umeå")])
/// ```
public struct Organisation: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "organisation"

    /// The organisation's identifier.
    public var id: ID<Organisation>
    /// Its name, e.g. "Umeå kommun".
    public var name: String
    /// What kind of body it is.
    public var kind: OrganisationKind
    /// The Swedish organisation number (organisationsnummer), checksum-validated when given.
    public var organisationNumber: OrganisationNumber?
    /// The municipality (kommun) it sits in, when that matters (ambassador coverage).
    public var municipality: String?
    /// The county (län), e.g. "Östergötland".
    public var county: String?
    /// Its units (förvaltningar, enheter, kontor), a tree through ``OrganisationUnit/parent``.
    public var units: [OrganisationUnit]

    /// Creates an organisation.
    public init(id: ID<Organisation>, name: String, kind: OrganisationKind,
                organisationNumber: OrganisationNumber? = nil, municipality: String? = nil,
                county: String? = nil, units: [OrganisationUnit] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.organisationNumber = organisationNumber
        self.municipality = municipality
        self.county = county
        self.units = units
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["kind": kind.rawValue]
        if let county { keys["county"] = county }
        return keys
    }

    /// The unit with `id`, if it belongs to this organisation.
    public func unit(_ id: ID<OrganisationUnit>) -> OrganisationUnit? { units.first { $0.id == id } }

    /// `id` and every unit below it in the tree.
    public func subtree(of id: ID<OrganisationUnit>) -> Set<ID<OrganisationUnit>> {
        var result: Set<ID<OrganisationUnit>> = [id]
        var frontier = [id]
        while let next = frontier.popLast() {
            for child in units where child.parent == next && !result.contains(child.id) {
                result.insert(child.id)
                frontier.append(child.id)
            }
        }
        return result
    }

    /// The chain from `id` up to its root, starting with `id` itself.
    public func ancestors(of id: ID<OrganisationUnit>) -> [ID<OrganisationUnit>] {
        var chain: [ID<OrganisationUnit>] = []
        var current: ID<OrganisationUnit>? = id
        while let c = current, !chain.contains(c), let unit = unit(c) {
            chain.append(c)
            current = unit.parent
        }
        return chain
    }
}

/// What kind of body an ``Organisation`` is.
public enum OrganisationKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// Kommun.
    case municipality
    /// Region or landsting.
    case region
    /// Statlig myndighet.
    case stateAgency
    /// Samordningsförbund.
    case coordinationAssociation
    /// Privat företag.
    case privateCompany
    /// Förening, ideell organisation.
    case association
    /// Fackförbund.
    case tradeUnion
    /// Anything else.
    case other
}

/// A unit within an organisation (förvaltning, kontor, enhet, arbetsplats).
public struct OrganisationUnit: Codable, Hashable, Sendable {
    /// The unit's identifier, unique across organisations.
    public var id: ID<OrganisationUnit>
    /// Its name, e.g. "Socialtjänsten".
    public var name: String
    /// The unit above it, or `nil` at the top.
    public var parent: ID<OrganisationUnit>?

    /// Creates a unit.
    public init(id: ID<OrganisationUnit>, name: String, parent: ID<OrganisationUnit>? = nil) {
        self.id = id
        self.name = name
        self.parent = parent
    }
}

/// A Swedish organisation number (organisationsnummer): ten digits, the last a Luhn check digit.
///
/// Accepts `"2120003138"` or `"212000-3138"`; stores the ten digits.
public struct OrganisationNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The ten digits.
    public let digits: String

    /// Parses and checks the number.
    /// - Throws: ``ValueError/invalidOrganisationNumber(_:)`` on a wrong form or checksum.
    public init(_ text: String) throws {
        var cleaned = text
        if cleaned.count == 11, cleaned.dropFirst(6).first == "-" {
            cleaned.remove(at: cleaned.index(cleaned.startIndex, offsetBy: 6))
        }
        guard cleaned.count == 10, cleaned.allSatisfy({ $0.isASCII && $0.isNumber }),
              OrganisationNumber.luhnValid(cleaned) else {
            throw ValueError.invalidOrganisationNumber(text)
        }
        digits = cleaned
    }

    /// `"212000-3138"`.
    public var description: String { "\(digits.prefix(6))-\(digits.suffix(4))" }

    static func luhnValid(_ digits: String) -> Bool {
        var sum = 0
        for (i, ch) in digits.reversed().enumerated() {
            var d = Int(String(ch))!
            if i % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return sum % 10 == 0
    }

    /// Decodes the value.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid organisation number"))
        }
    }

    /// Encodes the value.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
