/// A programme (projekt, utvecklingspartnerskap): owner, partners, period, phases, money, governance.
///
/// ```swift
/// var p = Programme(id: "omvant", name: "Omvänt Mentorskap", owner: "kristianstad",
///                   period: try DatePeriod("2012-02-01", "2013-12-31"))
/// p.funding = [FundingSource(kind: .esfGrant, amount: Money(kronor: 4_251_631))]
/// ```
public struct Programme: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "programme"

    /// The programme's identifier.
    public var id: ID<Programme>
    /// Its name.
    public var name: String
    /// The owning organisation (projektägare).
    public var owner: ID<Organisation>
    /// Partner organisations (samverkanspartner), not including the owner.
    public var partners: [ID<Organisation>]
    /// The programme's period; every session and phase must fall within it.
    public var period: DatePeriod
    /// Phases with dates (förberedelse, mobilisering, genomförande, avslutning).
    public var phases: [Phase]
    /// Where the money comes from.
    public var funding: [FundingSource]
    /// Budget lines by cost category, with recorded outcome.
    public var budget: [BudgetLine]
    /// Indirect costs as a flat rate of direct staff costs, in percent (ESF: 15 or 40), if any.
    public var indirectCostRate: Int?
    /// The steering group (styrgrupp): roles and organisations, no personal names.
    public var steeringGroup: [SteeringGroupMember]
    /// Who the programme is for (målgrupp), in words.
    public var targetGroup: String
    /// Planned participants per organisation.
    public var plannedParticipants: [ID<Organisation>: Int]
    /// Milestones with planned and actual dates.
    public var milestones: [Milestone]
    /// The contact (kontaktperson), as a role.
    public var contactRole: String?

    /// Creates a programme with only the required fields; fill in the rest as needed.
    public init(id: ID<Programme>, name: String, owner: ID<Organisation>, partners: [ID<Organisation>] = [],
                period: DatePeriod, phases: [Phase] = [], funding: [FundingSource] = [],
                budget: [BudgetLine] = [], indirectCostRate: Int? = nil,
                steeringGroup: [SteeringGroupMember] = [], targetGroup: String = "",
                plannedParticipants: [ID<Organisation>: Int] = [:], milestones: [Milestone] = [],
                contactRole: String? = nil) {
        self.id = id
        self.name = name
        self.owner = owner
        self.partners = partners
        self.period = period
        self.phases = phases
        self.funding = funding
        self.budget = budget
        self.indirectCostRate = indirectCostRate
        self.steeringGroup = steeringGroup
        self.targetGroup = targetGroup
        self.plannedParticipants = plannedParticipants
        self.milestones = milestones
        self.contactRole = contactRole
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        ["owner": owner.rawValue,
         "organisation": ([owner] + partners).map(\.rawValue).joined(separator: indexValueSeparator)]
    }

    /// The owner and the partners.
    public var organisations: [ID<Organisation>] { [owner] + partners.filter { $0 != owner } }

    /// Total funding.
    public var totalFunding: Money { funding.map(\.amount).sum() }

    /// Total direct budget (every line).
    public var directBudget: Money { budget.map(\.planned).sum() }

    /// Indirect costs at the flat rate on the planned salary lines (zero without a rate).
    public var indirectCosts: Money {
        guard let rate = indirectCostRate else { return .zero }
        return budget.filter { $0.category == .salaries }.map(\.planned).sum().percent(rate)
    }

    /// Direct budget plus indirect costs.
    public var totalBudget: Money { directBudget + indirectCosts }

    /// Total planned participants.
    public var totalPlannedParticipants: Int { plannedParticipants.values.reduce(0, +) }
}

/// A phase of a programme with its dates.
public struct Phase: Codable, Hashable, Sendable {
    /// Which phase.
    public var kind: PhaseKind
    /// When.
    public var period: DatePeriod
    /// Creates a phase.
    public init(kind: PhaseKind, period: DatePeriod) {
        self.kind = kind
        self.period = period
    }
}

/// The phases of a programme, in order.
public enum PhaseKind: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Förberedelse / förstudie.
    case preparation
    /// Mobilisering.
    case mobilisation
    /// Genomförande.
    case implementation
    /// Avslutning.
    case closing

    /// Orders values ascending.
    public static func < (a: PhaseKind, b: PhaseKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A source of money for a programme.
public struct FundingSource: Codable, Hashable, Sendable {
    /// What kind of money.
    public var kind: FundingKind
    /// A description, e.g. "ESF programområde 1".
    public var name: String
    /// The amount granted.
    public var amount: Money
    /// Creates a funding source.
    public init(kind: FundingKind, name: String = "", amount: Money) {
        self.kind = kind
        self.name = name
        self.amount = amount
    }
}

/// Kinds of funding.
public enum FundingKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// European Social Fund grant (ESF-stöd).
    case esfGrant
    /// Government commission or grant (regeringsuppdrag, statsbidrag).
    case governmentGrant
    /// The organisations' own funding (egen finansiering), including time as co-financing.
    case ownFunding
    /// Public co-financing from others (offentlig medfinansiering).
    case publicCofinancing
    /// Anything else.
    case other
}

/// A budget line: planned and recorded outcome in one cost category.
public struct BudgetLine: Codable, Hashable, Sendable {
    /// The cost category.
    public var category: CostCategory
    /// A description, e.g. "Bidrag till länsstyrelserna".
    public var label: String
    /// The planned amount.
    public var planned: Money
    /// The recorded outcome (utfall), when known.
    public var outcome: Money?
    /// Creates a budget line.
    public init(category: CostCategory, label: String = "", planned: Money, outcome: Money? = nil) {
        self.category = category
        self.label = label
        self.planned = planned
        self.outcome = outcome
    }
}

/// Cost categories of a programme budget.
public enum CostCategory: String, Codable, Hashable, Sendable, CaseIterable {
    /// Personal, löner.
    case salaries
    /// Konsulter, externa tjänster.
    case consultants
    /// Lokaler, resor och övrigt.
    case venuesTravelOther
    /// Bidrag till partner.
    case grantsToPartners
    /// Indirekta kostnader (as a line, when not computed from a flat rate).
    case indirectCosts
}

/// A steering-group (styrgrupp) member, by role and organisation.
public struct SteeringGroupMember: Codable, Hashable, Sendable {
    /// The role, e.g. "chair", "HR-chef".
    public var role: String
    /// The organisation represented.
    public var organisation: ID<Organisation>
    /// Creates a member.
    public init(role: String, organisation: ID<Organisation>) {
        self.role = role
        self.organisation = organisation
    }
}

/// A milestone with planned and (when reached) actual date.
public struct Milestone: Codable, Hashable, Sendable {
    /// What is reached, e.g. "Basutbildning klar".
    public var name: String
    /// When it was planned.
    public var planned: CalendarDate
    /// When it was reached, or `nil`.
    public var actual: CalendarDate?
    /// Creates a milestone.
    public init(name: String, planned: CalendarDate, actual: CalendarDate? = nil) {
        self.name = name
        self.planned = planned
        self.actual = actual
    }

    /// Days late (negative when early), or `nil` when not reached.
    public var slippageDays: Int? { actual.map { planned.days(until: $0) } }
}
