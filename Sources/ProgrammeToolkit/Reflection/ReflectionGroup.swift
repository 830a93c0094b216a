import DiversityKit

/// A small reflection-seminar group (reflektionsgrupp, Trelleborg) formed from workplaces.
public struct ReflectionGroup: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.reflection.group"

    /// The group's identifier.
    public var id: ID<ReflectionGroup>
    /// The round of groups it belongs to (e.g. "2010-vt").
    public var round: String
    /// Its members.
    public var members: [ID<Participant>]
    /// The workplaces (units) its members come from.
    public var workplaces: [ID<OrganisationUnit>]
    /// Case material (praktiska fall) the group works with.
    public var caseMaterial: [CaseMaterial]

    /// Creates a group.
    public init(id: ID<ReflectionGroup>, round: String, members: [ID<Participant>],
                workplaces: [ID<OrganisationUnit>], caseMaterial: [CaseMaterial] = []) {
        self.id = id
        self.round = round
        self.members = members
        self.workplaces = workplaces
        self.caseMaterial = caseMaterial
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["round": round, "workplace": indexList(workplaces)] }
}

/// A case from practice (praktiskt fall) for a group to discuss.
public struct CaseMaterial: Codable, Hashable, Sendable {
    /// A short title.
    public var title: String
    /// The case, anonymised.
    public var description: String
    /// The workplace it comes from, if any.
    public var workplace: ID<OrganisationUnit>?

    /// Creates case material.
    public init(title: String, description: String, workplace: ID<OrganisationUnit>? = nil) {
        self.title = title
        self.description = description
        self.workplace = workplace
    }
}

/// One reflection seminar held by a group.
public struct ReflectionSession: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.reflection.session"

    /// The group.
    public var group: ID<ReflectionGroup>
    /// The day.
    public var date: CalendarDate
    /// Members who came.
    public var attendees: [ID<Participant>]
    /// Titles of the cases discussed.
    public var casesDiscussed: [String]

    /// Creates a session record.
    public init(group: ID<ReflectionGroup>, date: CalendarDate, attendees: [ID<Participant>],
                casesDiscussed: [String] = []) {
        self.group = group
        self.date = date
        self.attendees = attendees
        self.casesDiscussed = casesDiscussed
    }

    /// The record's key in a store.
    public var recordID: String { "\(group.rawValue)@\(date)" }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["group": group.rawValue] }
}
