import DiversityKit
import EvaluationModule
import ExampleSupport
import ProgrammeToolkit
import SurveyModule

/// One training day's afternoon: who came and how the seminar seats were allocated.
public struct TrainingDayResult: Hashable, Sendable {
    /// The training day.
    public var day: ID<TrainingDay>
    /// Its date.
    public var date: CalendarDate
    /// Employees at the day (all attend the plenary).
    public var participants: Int
    /// Seats taken per seminar id, every seminar included.
    public var countsPerSeminar: [String: Int]
    /// Employees who got their first choice.
    public var firstChoices: Int
    /// Employees who got their second choice.
    public var secondChoices: Int
    /// Employees left without a seat (both choices full).
    public var unassigned: Int
}

/// The 2008 employee survey as the project's baseline.
public struct BaselineSurvey: Hashable, Sendable {
    /// The questionnaire as published.
    public var questionnaire: Questionnaire
    /// Anonymous responses stored.
    public var respondents: Int
    /// Responses per administration (the reporting unit).
    public var respondentsPerAdministration: [ID<OrganisationUnit>: Int]
    /// The report input, grouped by administration name.
    public var results: SurveyResultsInput
}

/// "(RE)Agera": presented to the managers, then used at workplace meetings.
public struct MaterialIntroduction: Hashable, Sendable {
    /// The material, with every workplace in scope.
    public var material: LearningMaterial
    /// The leadership day it was presented on (2011-10-26).
    public var presentedOn: CalendarDate
    /// Managers who tried it out that day (all of them).
    public var managersPresent: Int
    /// Uses logged at workplace meetings, by date.
    public var uses: [MaterialUse]
    /// Coverage on ``LikabehandlingScenario/coverageDate``.
    public var coverage: MaterialCoverage
}

/// What a run of (o)Likabehandling produced: the seed's figures and what the toolkit computed.
public struct LikabehandlingOutcome: Hashable, Sendable {
    /// The ESF project as planned.
    public var programme: Programme
    /// Trelleborgs kommun with its administrations and workplaces.
    public var organisation: Organisation
    /// Employees per administration (from the HR roster).
    public var staffPerAdministration: [ID<OrganisationUnit>: Int]
    /// What the embedder's roster import reported; `nil` when the roster was registered directly.
    public var rosterImport: RosterImportResult?
    /// Distinct employees with at least one attended session.
    public var distinctParticipants: Int
    /// The 2008 baseline.
    public var survey: BaselineSurvey
    /// The training days in date order.
    public var trainingDays: [TrainingDayResult]
    /// Seats per seminar title over all days.
    public var seminarTotals: [String: Int]
    /// Anonymous ratings recorded for the course evaluation.
    public var ratingsRecorded: Int
    /// The reflection groups, by id.
    public var reflectionGroups: [ReflectionGroup]
    /// The reflection seminars held, one per group, in group order.
    public var reflectionSessions: [ReflectionSession]
    /// The inspiration material.
    public var material: MaterialIntroduction

    /// Employees registered.
    public var staffCount: Int { staffPerAdministration.values.reduce(0, +) }
    /// Employees who got a seminar seat.
    public var seatsAllocated: Int { trainingDays.reduce(0) { $0 + $1.firstChoices + $1.secondChoices } }
    /// Employees who got their first choice.
    public var firstChoices: Int { trainingDays.reduce(0) { $0 + $1.firstChoices } }
    /// Employees who got their second choice.
    public var secondChoices: Int { trainingDays.reduce(0) { $0 + $1.secondChoices } }
    /// Employees left without a seminar seat.
    public var unassigned: Int { trainingDays.reduce(0) { $0 + $1.unassigned } }
    /// Attendances at reflection seminars.
    public var reflectionAttendances: Int { reflectionSessions.reduce(0) { $0 + $1.attendees.count } }
}
