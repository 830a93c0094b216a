import DiversityKit

/// A request that a session meet some accessibility criteria.
///
/// Privacy by construction: a request can reveal a disability, so it holds **only criterion
/// codes** — no reason, no diagnosis, no participant. It may name the ``/DiversityKit/Enrolment`` it belongs
/// to so the person can withdraw it, and should be deleted once the session is over
/// (``AccessibilityService/purgeRequests(heldBefore:)``). Reports never list requests per person.
public struct AccessibilityRequest: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.accessibility.request"

    /// The request's identifier.
    public var id: ID<AccessibilityRequest>
    /// The session it is for.
    public var session: ID<Session>
    /// The enrolment it came with, if any (lets it be withdrawn).
    public var enrolment: ID<Enrolment>?
    /// Codes of the criteria asked for.
    public var criteria: Set<String>

    /// Creates a request.
    public init(id: ID<AccessibilityRequest>, session: ID<Session>, enrolment: ID<Enrolment>? = nil, criteria: Set<String>) {
        self.id = id
        self.session = session
        self.enrolment = enrolment
        self.criteria = criteria
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["session": session.rawValue] }
}

/// A session whose venue does not meet a requested criterion, found before the session.
/// It names criteria, never who asked.
public struct SessionAtRisk: Hashable, Sendable, CustomStringConvertible {
    /// The session.
    public var session: ID<Session>
    /// Its day.
    public var date: CalendarDate
    /// Its venue, or `nil` when none is set (then every requested criterion is unmet).
    public var venue: ID<Venue>?
    /// Requested criteria the venue does not meet, sorted.
    public var unmetCriteria: [String]

    /// `"flagged: criterion physical.lift not met at venue v1 for session s1"`.
    public var description: String {
        "flagged: criterion \(unmetCriteria.joined(separator: ", ")) not met at venue \(venue?.rawValue ?? "(none)") for session \(session)"
    }
}

/// How many requests asked for each criterion of a session; counts below the threshold are suppressed.
public struct RequestSummary: Hashable, Sendable {
    /// The session.
    public var session: ID<Session>
    /// Requests per criterion code, only where the count reaches the threshold.
    public var counts: [String: Int]
    /// Criteria asked for by fewer than the threshold: shown as "fewer than n", never as a number.
    public var suppressed: [String]
}
