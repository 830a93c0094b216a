/// A planned element of a programme (insats): a survey, a base training, a leader forum …
///
/// ```swift
/// let forum = Intervention(id: "mangfaldsforum", programme: "mdss", name: "Mångfaldsforum",
///                          kind: .diversityForum, prerequisites: ["bas", "ledarforum"])
/// ```
public struct Intervention: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "intervention"

    /// The intervention's identifier.
    public var id: ID<Intervention>
    /// The programme it belongs to.
    public var programme: ID<Programme>
    /// Its name, e.g. "Basutbildning".
    public var name: String
    /// What kind of intervention.
    public var kind: InterventionKind
    /// Topics covered, e.g. "diskrimineringslagen", "bemötande".
    public var topics: [String]
    /// Roles it is for; empty means everyone.
    public var targetRoles: Set<ParticipantRole>
    /// Planned length of one session, in minutes (base training: 120).
    public var plannedDurationMinutes: Int?
    /// Planned number of sessions (Trelleborg: 26 training days, 144 reflection seminars).
    public var plannedSessions: Int?
    /// Interventions a participant must complete first.
    public var prerequisites: [ID<Intervention>]
    /// Name of a choose-one-of-N group; interventions sharing it are alternatives (electives).
    public var electiveGroup: String?
    /// When a participant counts as having completed it.
    public var completion: CompletionRule

    /// Creates an intervention.
    public init(id: ID<Intervention>, programme: ID<Programme>, name: String, kind: InterventionKind,
                topics: [String] = [], targetRoles: Set<ParticipantRole> = [],
                plannedDurationMinutes: Int? = nil, plannedSessions: Int? = nil,
                prerequisites: [ID<Intervention>] = [], electiveGroup: String? = nil,
                completion: CompletionRule = .minimumSessions(1)) {
        self.id = id
        self.programme = programme
        self.name = name
        self.kind = kind
        self.topics = topics
        self.targetRoles = targetRoles
        self.plannedDurationMinutes = plannedDurationMinutes
        self.plannedSessions = plannedSessions
        self.prerequisites = prerequisites
        self.electiveGroup = electiveGroup
        self.completion = completion
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["programme": programme.rawValue, "kind": kind.rawValue] }
}

/// The kinds of intervention the seed programmes used.
public enum InterventionKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// Enkät.
    case survey
    /// Kunskapstest.
    case knowledgeTest
    /// Basutbildning.
    case baseTraining
    /// Ledarforum.
    case leaderForum
    /// Mångfaldsforum.
    case diversityForum
    /// Föreläsning (e.g. a plenary).
    case lecture
    /// Valbart seminarium.
    case electiveSeminar
    /// Reflektionsseminarium.
    case reflectionSeminar
    /// Workshop.
    case workshop
    /// Mentorskapsprogram (incl. omvänt mentorskap).
    case mentoringProgramme
    /// Sök- och dialogkonferens.
    case dialogueConference
    /// Nätverksträff.
    case networkMeeting
    /// Utbildning av utbildare.
    case trainTheTrainer
    /// Ambassadörsprogram.
    case ambassadorProgramme
    /// Pilotprojekt (Experimentverkstaden).
    case pilotProject
    /// Kunskapsseminarium.
    case knowledgeSeminar
    /// Inspirationsmaterial, e.g. "(RE)Agera".
    case learningMaterial
}

/// When a participant has completed an intervention.
public enum CompletionRule: Codable, Hashable, Sendable {
    /// Attended at least this many of its sessions.
    case minimumSessions(Int)
    /// Attended every session they were registered at.
    case allRegisteredSessions

    /// Whether attendance at `attended` of `registered` sessions completes the intervention.
    public func isSatisfied(attended: Int, registered: Int) -> Bool {
        switch self {
        case .minimumSessions(let n): return attended >= n
        case .allRegisteredSessions: return registered > 0 && attended >= registered
        }
    }
}
