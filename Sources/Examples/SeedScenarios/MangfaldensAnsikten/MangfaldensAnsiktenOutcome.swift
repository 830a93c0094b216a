import DiversityKit
import ProgrammeToolkit

/// An application the fund refused to take in, with the toolkit's typed error.
public struct SubmissionRefusal: Hashable, Sendable {
    /// The application.
    public var application: GrantApplication
    /// Why it was refused, e.g. ``ToolkitError/missingDisseminationPlan(application:)``.
    public var error: ToolkitError

    /// Why it was refused, as a Swedish sentence naming the application by its title.
    public var text: String {
        error.text(.swedish) { key in key.id == application.id.rawValue ? "”\(application.title)”" : key.id }
    }
}

/// Dissemination planned against held for one granted pilot project.
public struct DisseminationStatus: Hashable, Sendable {
    /// The application.
    public var application: ID<GrantApplication>
    /// Events in its dissemination plan.
    public var planned: Int
    /// Events reported held.
    public var held: Int
}

/// One Erfarenhetsdialogen seminar and who came.
public struct SeminarResult: Hashable, Sendable {
    /// The title, e.g. "Vad är en riktig karl? – om könsroller".
    public var title: String
    /// For whom.
    public var audience: String
    /// The day.
    public var date: CalendarDate
    /// Whether it was open to all.
    public var isOpen: Bool
    /// Staff enrolled.
    public var enrolled: Int
    /// Staff who attended.
    public var attended: Int
}

/// What a run of Mångfaldens ansikten produced: the seed's figures and what the toolkit computed.
public struct MangfaldensAnsiktenOutcome: Hashable, Sendable {
    /// The development partnership as planned.
    public var programme: Programme
    /// The twelve actors.
    public var organisations: [Organisation]
    /// Staff registered per actor (from the HR roster).
    public var staffPerOrganisation: [ID<Organisation>: Int]
    /// Experimentverkstaden.
    public var fund: PilotFund
    /// Applications taken in.
    public var applications: [GrantApplication]
    /// Applications refused at submission.
    public var refusals: [SubmissionRefusal]
    /// The fund's decisions, in rank order.
    public var decisions: [GrantDecision]
    /// What granted projects reported back.
    public var grantReports: [GrantReport]
    /// Dissemination planned against held per granted project, ordered by application id.
    public var dissemination: [DisseminationStatus]
    /// The trained ambassadors.
    public var ambassadors: [Ambassador]
    /// Their workshops.
    public var workshops: [AmbassadorWorkshop]
    /// Coverage of the county's 13 municipalities.
    public var coverage: AmbassadorCoverage
    /// Erfarenhetsdialogen's seminars.
    public var seminars: [SeminarResult]
    /// The goals, with the ambassador goal's measurement.
    public var goals: [Goal]
    /// The transnational cooperation, as a note.
    public var transnationalNote: String

    /// Money granted in all.
    public var totalGranted: Money { decisions.map(\.granted).sum() }
    /// Staff registered in all.
    public var staffCount: Int { staffPerOrganisation.values.reduce(0, +) }
}
