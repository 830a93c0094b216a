/// A person taking part (deltagare), known only by a pseudonymous identifier.
///
/// There are deliberately **no fields** for ethnicity, religion, sexual orientation,
/// disability or health: those exist only inside anonymous survey answers.
public struct Participant: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "participant"

    /// A pseudonymous identifier (never a personal identity number).
    public var id: ID<Participant>
    /// Their organisation.
    public var organisation: ID<Organisation>
    /// Their unit, which must belong to ``organisation``.
    public var unit: ID<OrganisationUnit>?
    /// Their role in the programme.
    public var role: ParticipantRole
    /// The funder's participant indicators (ESF+), when collected.
    public var indicators: FunderIndicators?

    /// Creates a participant.
    public init(id: ID<Participant>, organisation: ID<Organisation>, unit: ID<OrganisationUnit>? = nil,
                role: ParticipantRole = .employee, indicators: FunderIndicators? = nil) {
        self.id = id
        self.organisation = organisation
        self.unit = unit
        self.role = role
        self.indicators = indicators
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["organisation": organisation.rawValue, "role": role.rawValue]
        if let unit { keys["unit"] = unit.rawValue }
        return keys
    }
}

/// A participant's role in a programme.
public enum ParticipantRole: String, Codable, Hashable, Sendable, CaseIterable {
    /// Medarbetare.
    case employee
    /// Chef, ledare.
    case manager
    /// Nyckelperson.
    case keyPerson
    /// Mångfaldsambassadör.
    case ambassador
    /// Mentor (in reverse mentoring: an employee).
    case mentor
    /// Adept (in reverse mentoring: a leader or key person).
    case adept
    /// Projektpersonal.
    case projectStaff
    /// Styrgruppsledamot.
    case steeringGroupMember
}

/// The funder's participant indicators (ESF+ style), optional and coarse by design.
public struct FunderIndicators: Codable, Hashable, Sendable {
    /// Gender as the funder asks for it.
    public var gender: Gender?
    /// Age band.
    public var ageBand: AgeBand?
    /// Education level (ISCED groups).
    public var education: EducationLevel?

    /// Creates indicators.
    public init(gender: Gender? = nil, ageBand: AgeBand? = nil, education: EducationLevel? = nil) {
        self.gender = gender
        self.ageBand = ageBand
        self.education = education
    }

    /// Gender categories of the ESF+ indicators.
    public enum Gender: String, Codable, Hashable, Sendable, CaseIterable {
        /// Kvinna.
        case woman
        /// Man.
        case man
        /// Icke-binär.
        case nonBinary
        /// Vill inte ange.
        case notStated
    }

    /// Age bands of the ESF+ indicators.
    public enum AgeBand: String, Codable, Hashable, Sendable, CaseIterable {
        /// Under 18.
        case under18
        /// 18–29.
        case from18to29
        /// 30–54.
        case from30to54
        /// 55 and over.
        case from55
    }

    /// Education levels of the ESF+ indicators (ISCED 2011 groups).
    public enum EducationLevel: String, Codable, Hashable, Sendable, CaseIterable {
        /// ISCED 0–2: up to lower secondary.
        case isced0to2
        /// ISCED 3–4: upper secondary and post-secondary non-tertiary.
        case isced3to4
        /// ISCED 5–8: tertiary.
        case isced5to8
    }
}

/// A participant's enrolment in an intervention (anmälan).
public struct Enrolment: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "enrolment"
    /// The enrolment's identifier.
    public var id: ID<Enrolment>
    /// Who.
    public var participant: ID<Participant>
    /// In what.
    public var intervention: ID<Intervention>
    /// Their organisation, kept so counts survive erasure of the participant.
    public var organisation: ID<Organisation>
    /// When they enrolled.
    public var date: CalendarDate?

    /// Creates an enrolment.
    public init(id: ID<Enrolment>, participant: ID<Participant>, intervention: ID<Intervention>,
                organisation: ID<Organisation>, date: CalendarDate? = nil) {
        self.id = id
        self.participant = participant
        self.intervention = intervention
        self.organisation = organisation
        self.date = date
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        ["participant": participant.rawValue, "intervention": intervention.rawValue,
         "organisation": organisation.rawValue]
    }
}
