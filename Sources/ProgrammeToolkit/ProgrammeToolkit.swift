import DiversityKit

/// The programme toolkit of the seed programmes: one entry point with a service per capability,
/// all persisting through the same ``/DiversityKit/Store``.
///
/// ```swift
/// let toolkit = ProgrammeToolkit(store: InMemoryStore())
/// let result = try await toolkit.mentoring.match(pool: "2012")
/// let flagged = try await toolkit.accessibility.sessionsAtRisk(from: today)
/// ```
public struct ProgrammeToolkit: Sendable {
    /// The store every service writes to.
    public let store: any Store

    /// Makes identifiers for records the toolkit creates (mentoring pairs).
    public let ids: any IDGenerator

    /// A toolkit over `store`.
    /// - Parameters:
    ///   - store: where the services read and write.
    ///   - ids: how new identifiers are made: random by default; pass the workspace's
    ///     ``/DiversityKit/SequentialIDGenerator`` for repeatable runs.
    public init(store: any Store, ids: any IDGenerator = RandomIDGenerator()) {
        self.store = store
        self.ids = ids
    }

    /// Reverse mentoring (omvänt mentorskap).
    public var mentoring: MentoringService { MentoringService(store: store, ids: ids) }
    /// Search and dialogue conferences (sök- och dialogkonferenser).
    public var conferences: ConferenceService { ConferenceService(store: store) }
    /// Training days with elective seminars (valbara seminarier).
    public var electives: ElectiveService { ElectiveService(store: store) }
    /// Reflection seminars in small groups (reflektionsseminarier).
    public var reflection: ReflectionService { ReflectionService(store: store) }
    /// Diversity ambassadors (mångfaldsambassadörer).
    public var ambassadors: AmbassadorService { AmbassadorService(store: store) }
    /// Pilot-project grants (Experimentverkstaden).
    public var grants: GrantService { GrantService(store: store) }
    /// The good-example bank (Erfarenhetsdialogen, Vervas webbank).
    public var examples: ExampleBank { ExampleBank(store: store) }
    /// Network meetings with a cadence (nätverksträffar).
    public var networks: NetworkService { NetworkService(store: store) }
    /// Accessibility of venues and sessions (tillgänglighet).
    public var accessibility: AccessibilityService { AccessibilityService(store: store) }
    /// Learning material used at workplace meetings (e.g. (RE)Agera).
    public var learningMaterial: LearningMaterialService { LearningMaterialService(store: store) }
}
