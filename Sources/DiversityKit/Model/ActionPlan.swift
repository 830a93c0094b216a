/// An action plan (handlingsplan, mångfaldsplan) with its measures.
public struct ActionPlan: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "actionPlan"

    /// The plan's identifier.
    public var id: ID<ActionPlan>
    /// The programme it belongs to, if any.
    public var programme: ID<Programme>?
    /// The owning organisation.
    public var owner: ID<Organisation>
    /// The owning unit, if the plan is a unit's.
    public var unit: ID<OrganisationUnit>?
    /// Its title.
    public var title: String
    /// When it applies.
    public var period: DatePeriod
    /// Its measures.
    public var measures: [Measure]

    /// Creates an action plan.
    public init(id: ID<ActionPlan>, programme: ID<Programme>? = nil, owner: ID<Organisation>,
                unit: ID<OrganisationUnit>? = nil, title: String, period: DatePeriod, measures: [Measure] = []) {
        self.id = id
        self.programme = programme
        self.owner = owner
        self.unit = unit
        self.title = title
        self.period = period
        self.measures = measures
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["owner": owner.rawValue,
                    "goal": Set(measures.flatMap(\.linkedGoals)).map(\.rawValue).sorted()
                        .joined(separator: indexValueSeparator)]
        if let programme { keys["programme"] = programme.rawValue }
        return keys
    }
}

/// One measure (åtgärd) in an action plan.
public struct Measure: Codable, Hashable, Sendable {
    /// The measure's identifier.
    public var id: ID<Measure>
    /// What is to be done.
    public var title: String
    /// The responsible role, e.g. "HR-chef". Required.
    public var responsibleRole: String?
    /// The deadline. Required.
    public var deadline: CalendarDate?
    /// Where it stands.
    public var status: MeasureStatus
    /// The goals it serves.
    public var linkedGoals: [ID<Goal>]
    /// The active-measures area, if it is part of that work.
    public var area: ActiveMeasuresArea?
    /// The active-measures cycle step.
    public var step: ActiveMeasuresStep?
    /// Where the measure came from.
    public var origin: MeasureOrigin

    /// Creates a measure.
    public init(id: ID<Measure>, title: String, responsibleRole: String?, deadline: CalendarDate?,
                status: MeasureStatus = .planned, linkedGoals: [ID<Goal>] = [],
                area: ActiveMeasuresArea? = nil, step: ActiveMeasuresStep? = nil,
                origin: MeasureOrigin = .other) {
        self.id = id
        self.title = title
        self.responsibleRole = responsibleRole
        self.deadline = deadline
        self.status = status
        self.linkedGoals = linkedGoals
        self.area = area
        self.step = step
        self.origin = origin
    }

    /// Whether the deadline has passed on `date` without the measure being done or cancelled.
    public func isOverdue(on date: CalendarDate) -> Bool {
        guard let deadline, status == .planned || status == .inProgress else { return false }
        return deadline < date
    }
}

/// The status of a measure.
public enum MeasureStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// Planerad.
    case planned
    /// Pågående.
    case inProgress
    /// Genomförd.
    case done
    /// Avbruten.
    case cancelled
}

/// Where a measure came from.
public enum MeasureOrigin: Codable, Hashable, Sendable {
    /// A survey result.
    case surveyResult
    /// A search and dialogue conference (sök- och dialogkonferens).
    case dialogueConference(String?)
    /// A baseline analysis (nulägesanalys).
    case baselineAnalysis
    /// A follow-up or evaluation.
    case evaluation
    /// Anything else.
    case other
}
