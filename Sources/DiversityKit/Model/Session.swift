/// One dated occurrence of an intervention (tillfälle), at a venue, with facilitators.
public struct Session: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "session"

    /// The session's identifier.
    public var id: ID<Session>
    /// The intervention it delivers.
    public var intervention: ID<Intervention>
    /// The day; must lie within the programme's period.
    public var date: CalendarDate
    /// Start time, if set.
    public var start: TimeOfDay?
    /// Length in minutes.
    public var durationMinutes: Int
    /// Where, if registered.
    public var venue: ID<Venue>?
    /// Who leads it (utbildare, handledare).
    public var facilitators: [ID<Facilitator>]
    /// Maximum number of participants, if limited.
    public var capacity: Int?

    /// Creates a session.
    public init(id: ID<Session>, intervention: ID<Intervention>, date: CalendarDate, start: TimeOfDay? = nil,
                durationMinutes: Int, venue: ID<Venue>? = nil, facilitators: [ID<Facilitator>] = [],
                capacity: Int? = nil) {
        self.id = id
        self.intervention = intervention
        self.date = date
        self.start = start
        self.durationMinutes = durationMinutes
        self.venue = venue
        self.facilitators = facilitators
        self.capacity = capacity
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["intervention": intervention.rawValue, "date": date.description,
                    "facilitator": facilitators.map(\.rawValue).joined(separator: indexValueSeparator)]
        if let venue { keys["venue"] = venue.rawValue }
        return keys
    }
}

/// Someone who leads sessions (utbildare, föreläsare, handledare), by role — no personal name needed.
public struct Facilitator: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "facilitator"
    /// The facilitator's identifier.
    public var id: ID<Facilitator>
    /// How reports name them, e.g. "Utbildare A".
    public var label: String
    /// Their organisation, when internal.
    public var organisation: ID<Organisation>?
    /// Creates a facilitator.
    public init(id: ID<Facilitator>, label: String, organisation: ID<Organisation>? = nil) {
        self.id = id
        self.label = label
        self.organisation = organisation
    }
    /// The record's key in a store.
    public var recordID: String { id.rawValue }
}

/// A place where sessions are held; its accessibility can be inventoried.
public struct Venue: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "venue"
    /// The venue's identifier.
    public var id: ID<Venue>
    /// Its name, e.g. "Rådhuset, sal 2".
    public var name: String
    /// The municipality it is in.
    public var municipality: String?
    /// Accessibility criteria the venue meets (codes of an accessibility checklist).
    public var accessibilityMet: Set<String>
    /// Creates a venue.
    public init(id: ID<Venue>, name: String, municipality: String? = nil, accessibilityMet: Set<String> = []) {
        self.id = id
        self.name = name
        self.municipality = municipality
        self.accessibilityMet = accessibilityMet
    }
    /// The record's key in a store.
    public var recordID: String { id.rawValue }
}
