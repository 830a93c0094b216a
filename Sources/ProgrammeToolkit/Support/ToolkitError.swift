import DiversityKit

/// Why the programme toolkit refused an operation. Nothing is written when one is thrown.
///
/// Messages name the entity and field, never personal data.
public enum ToolkitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A referenced record does not exist (e.g. a session, a fund, a participant).
    case unknownReference(RecordKey)
    /// A required text field is empty.
    case emptyText(entity: RecordKey, field: String)
    /// A number that must be positive is zero or negative.
    case notPositive(entity: RecordKey, field: String, value: Int)
    /// A value breaks a rule of its entity; `reason` says which.
    case invalid(entity: RecordKey, field: String, reason: String)
    /// The same identifier appears twice in one call.
    case duplicateIdentifier(String)
    /// A mentor or adept has no unit, so the reporting-line rule cannot be checked.
    case missingUnit(participant: ID<Participant>)
    /// A profile's organisation or unit differs from its participant's record.
    case profileDoesNotMatchParticipant(ID<Participant>)
    /// A conference output names a perspective the conference did not choose.
    case perspectiveNotChosen(Perspective, conference: ID<DialogueConference>)
    /// A conference output was already turned into a measure.
    case outputAlreadyAdopted(conference: ID<DialogueConference>, output: Int)
    /// An output index outside the conference's outputs.
    case unknownOutput(conference: ID<DialogueConference>, output: Int)
    /// A participant chose a seminar that the training day does not offer.
    case unknownSeminar(String, participant: ID<Participant>)
    /// A participant gave the same seminar as first and second choice.
    case sameChoiceTwice(participant: ID<Participant>)
    /// No split into groups of `minimum…maximum` people exists for `total` people.
    case groupsImpossible(total: Int, minimum: Int, maximum: Int)
    /// A person recorded at a group session is not a member of the group.
    case notAGroupMember(ID<Participant>, group: ID<ReflectionGroup>)
    /// A workshop dated before its ambassador was trained.
    case workshopBeforeTraining(ambassador: ID<Ambassador>, date: CalendarDate)
    /// A grant application without a dissemination plan (spridningsplan).
    case missingDisseminationPlan(application: ID<GrantApplication>)
    /// An assessment score outside 0…the criterion's maximum.
    case scoreOutOfRange(criterion: String, score: Int, maximum: Int)
    /// An assessment that leaves out one of the fund's criteria.
    case missingScore(criterion: String)
    /// An assessment that scores a criterion the fund does not have.
    case unknownCriterion(String)
    /// An application that no one has assessed yet, so it cannot be ranked.
    case unassessed(application: ID<GrantApplication>)
    /// The fund's decisions were already made.
    case alreadyDecided(fund: ID<PilotFund>)
    /// Results can only be reported for a granted application.
    case notGranted(application: ID<GrantApplication>)
    /// A network meeting date that is not one of the series' cadence dates.
    case notOnCadence(date: CalendarDate, series: ID<NetworkSeries>)
    /// An organisation recorded at a network meeting is not a member of the network.
    case notANetworkMember(ID<Organisation>, series: ID<NetworkSeries>)
    /// A code that is not a criterion of the accessibility checklist.
    case unknownAccessibilityCriterion(String)
    /// A use of learning material at a unit outside the material's scope.
    case unitNotInScope(ID<OrganisationUnit>, material: ID<LearningMaterial>)

    /// A readable description.
    public var description: String {
        switch self {
        case .unknownReference(let k): return "unknown \(k)"
        case .emptyText(let e, let f): return "\(e): \(f) must not be empty"
        case .notPositive(let e, let f, let v): return "\(e): \(f) must be positive, was \(v)"
        case .invalid(let e, let f, let r): return "\(e): \(f) \(r)"
        case .duplicateIdentifier(let id): return "identifier \(id) appears more than once"
        case .missingUnit(let p): return "participant \(p) has no unit; the reporting-line rule needs one"
        case .profileDoesNotMatchParticipant(let p): return "profile of \(p) names another organisation or unit than the participant"
        case .perspectiveNotChosen(let p, let c): return "perspective \(p.rawValue) was not chosen for conference \(c)"
        case .outputAlreadyAdopted(let c, let o): return "output \(o) of conference \(c) is already a measure"
        case .unknownOutput(let c, let o): return "conference \(c) has no output \(o)"
        case .unknownSeminar(let s, let p): return "participant \(p) chose seminar \(s), which is not offered"
        case .sameChoiceTwice(let p): return "participant \(p) gave the same seminar as first and second choice"
        case .groupsImpossible(let t, let lo, let hi): return "\(t) people cannot be split into groups of \(lo)–\(hi)"
        case .notAGroupMember(let p, let g): return "participant \(p) is not a member of group \(g)"
        case .workshopBeforeTraining(let a, let d): return "ambassador \(a) held a workshop on \(d), before being trained"
        case .missingDisseminationPlan(let a): return "application \(a) has no dissemination plan (spridningsplan)"
        case .scoreOutOfRange(let c, let s, let m): return "score \(s) for criterion \(c) is outside 0–\(m)"
        case .missingScore(let c): return "criterion \(c) has no score"
        case .unknownCriterion(let c): return "the fund has no criterion \(c)"
        case .unassessed(let a): return "application \(a) has not been assessed"
        case .alreadyDecided(let f): return "fund \(f) has already made its decisions"
        case .notGranted(let a): return "application \(a) was not granted"
        case .notOnCadence(let d, let s): return "\(d) is not a meeting date of network \(s)"
        case .notANetworkMember(let o, let s): return "organisation \(o) is not a member of network \(s)"
        case .unknownAccessibilityCriterion(let c): return "\(c) is not an accessibility criterion"
        case .unitNotInScope(let u, let m): return "unit \(u) is not in the scope of material \(m)"
        }
    }
}
