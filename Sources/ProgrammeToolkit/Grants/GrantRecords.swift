import DiversityKit

/// A pilot-project fund (Experimentverkstaden): a budget and the criteria applications are scored on.
public struct PilotFund: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.grant.fund"

    /// The fund's identifier.
    public var id: ID<PilotFund>
    /// Its name.
    public var name: String
    /// The money to share out.
    public var budget: Money
    /// The assessment criteria.
    public var criteria: [GrantCriterion]
    /// Whether the application next in line may get the remaining budget when it cannot get all
    /// it asked for (a partial grant). Off by default.
    public var allowsPartialGrants: Bool

    /// Creates a fund.
    public init(id: ID<PilotFund>, name: String, budget: Money, criteria: [GrantCriterion],
                allowsPartialGrants: Bool = false) {
        self.id = id
        self.name = name
        self.budget = budget
        self.criteria = criteria
        self.allowsPartialGrants = allowsPartialGrants
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
}

/// One assessment criterion, e.g. "Spridningsbarhet", weight 2, scored 0–5.
public struct GrantCriterion: Codable, Hashable, Sendable {
    /// The criterion's code within the fund.
    public var code: String
    /// What it asks.
    public var title: String
    /// Its weight in the total.
    public var weight: Int
    /// The highest score.
    public var maximumScore: Int

    /// Creates a criterion.
    public init(code: String, title: String, weight: Int = 1, maximumScore: Int = 5) {
        self.code = code
        self.title = title
        self.weight = weight
        self.maximumScore = maximumScore
    }
}

/// How an applicant will share what the pilot learns (spridningsplan) — required by the fund.
public struct DisseminationPlan: Codable, Hashable, Sendable {
    /// How results will be spread, e.g. "Seminarium för länets kommuner".
    public var description: String
    /// How many dissemination events are planned.
    public var plannedEvents: Int

    /// Creates a plan.
    public init(description: String, plannedEvents: Int) {
        self.description = description
        self.plannedEvents = plannedEvents
    }
}

/// An application for a pilot-project grant.
public struct GrantApplication: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.grant.application"

    /// The application's identifier.
    public var id: ID<GrantApplication>
    /// The fund applied to.
    public var fund: ID<PilotFund>
    /// The applicant.
    public var applicant: ID<Organisation>
    /// The project's title.
    public var title: String
    /// The method to be developed or tried.
    public var method: String
    /// The amount asked for.
    public var requested: Money
    /// How results will be shared; an application without one is refused.
    public var disseminationPlan: DisseminationPlan?

    /// Creates an application.
    public init(id: ID<GrantApplication>, fund: ID<PilotFund>, applicant: ID<Organisation>, title: String,
                method: String, requested: Money, disseminationPlan: DisseminationPlan?) {
        self.id = id
        self.fund = fund
        self.applicant = applicant
        self.title = title
        self.method = method
        self.requested = requested
        self.disseminationPlan = disseminationPlan
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["fund": fund.rawValue, "applicant": applicant.rawValue] }
}

/// One assessor's scores for an application.
public struct GrantAssessment: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.grant.assessment"

    /// The application.
    public var application: ID<GrantApplication>
    /// The assessor, by role (e.g. "Bedömare 1").
    public var assessor: String
    /// Score per criterion code.
    public var scores: [String: Int]

    /// Creates an assessment.
    public init(application: ID<GrantApplication>, assessor: String, scores: [String: Int]) {
        self.application = application
        self.assessor = assessor
        self.scores = scores
    }

    /// The record's key in a store.
    public var recordID: String { "\(application.rawValue)/\(assessor)" }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["application": application.rawValue] }
}

/// The fund's decision on one application.
public struct GrantDecision: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.grant.decision"

    /// The application.
    public var application: ID<GrantApplication>
    /// The fund.
    public var fund: ID<PilotFund>
    /// Its place in the ranking, 1 = best.
    public var rank: Int
    /// Its weighted score, in thousandths of a point (mean over assessors).
    public var scoreMilli: Int
    /// The amount granted; zero when refused.
    public var granted: Money
    /// Whether it got less than it asked for.
    public var isPartial: Bool

    /// Whether anything was granted.
    public var isGranted: Bool { granted > .zero }

    /// The record's key in a store.
    public var recordID: String { application.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["fund": fund.rawValue] }
}

/// A dissemination event held by a granted project (seminarium, konferens, webbinarium).
public struct DisseminationEvent: Codable, Hashable, Sendable {
    /// The day.
    public var date: CalendarDate
    /// What it was.
    public var title: String
    /// How many came.
    public var attendees: Int

    /// Creates an event.
    public init(date: CalendarDate, title: String, attendees: Int) {
        self.date = date
        self.title = title
        self.attendees = attendees
    }
}

/// What a granted project reported back: results and dissemination.
public struct GrantReport: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.grant.report"

    /// The application.
    public var application: ID<GrantApplication>
    /// The results, in words.
    public var results: String
    /// Events where results were shared.
    public var events: [DisseminationEvent]

    /// Creates a report.
    public init(application: ID<GrantApplication>, results: String, events: [DisseminationEvent]) {
        self.application = application
        self.results = results
        self.events = events
    }

    /// The record's key in a store.
    public var recordID: String { application.rawValue }
}
