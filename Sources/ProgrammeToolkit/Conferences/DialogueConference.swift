import DiversityKit

/// A search and dialogue conference (sök- och dialogkonferens): staff work through chosen
/// perspectives and propose measures that go into action plans.
///
/// ```swift
/// let c = DialogueConference(id: "sdk-1", organisation: "kristianstad", title: "Sökkonferens vård",
///                            date: day, perspectives: [.recruitment, .citizenUserCustomer],
///                            outputs: [ConferenceOutput(proposal: "Anonymiserad urval", perspective: .recruitment,
///                                                       responsibleRole: "HR-chef", deadline: later)])
/// ```
public struct DialogueConference: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.conference"

    /// The conference's identifier.
    public var id: ID<DialogueConference>
    /// The programme it belongs to, if any.
    public var programme: ID<Programme>?
    /// The organisation holding it.
    public var organisation: ID<Organisation>
    /// Its title.
    public var title: String
    /// The day.
    public var date: CalendarDate
    /// The perspectives chosen for the conference (at least one).
    public var perspectives: [Perspective]
    /// What the conference proposed.
    public var outputs: [ConferenceOutput]

    /// Creates a conference.
    public init(id: ID<DialogueConference>, programme: ID<Programme>? = nil, organisation: ID<Organisation>,
                title: String, date: CalendarDate, perspectives: [Perspective], outputs: [ConferenceOutput] = []) {
        self.id = id
        self.programme = programme
        self.organisation = organisation
        self.title = title
        self.date = date
        self.perspectives = perspectives
        self.outputs = outputs
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["organisation": organisation.rawValue, "perspective": indexList(perspectives.map(\.rawValue))]
        if let programme { keys["programme"] = programme.rawValue }
        return keys
    }
}

/// One proposal from a conference, to become a ``/DiversityKit/Measure``.
public struct ConferenceOutput: Codable, Hashable, Sendable {
    /// What is proposed.
    public var proposal: String
    /// The perspective it came from; must be one of the conference's.
    public var perspective: Perspective
    /// Who should own it, e.g. "Enhetschef".
    public var responsibleRole: String
    /// By when.
    public var deadline: CalendarDate
    /// Goals it serves.
    public var goals: [ID<Goal>]
    /// The measure it became, once adopted into an action plan.
    public var adoptedAs: ID<Measure>?
    /// The plan it was adopted into.
    public var adoptedInto: ID<ActionPlan>?

    /// Creates an output.
    public init(proposal: String, perspective: Perspective, responsibleRole: String, deadline: CalendarDate,
                goals: [ID<Goal>] = []) {
        self.proposal = proposal
        self.perspective = perspective
        self.responsibleRole = responsibleRole
        self.deadline = deadline
        self.goals = goals
    }
}
