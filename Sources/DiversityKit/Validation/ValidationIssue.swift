import Foundation

/// One finding of validation: which entity, which field, what value, and what is wrong.
///
/// Errors are refused; warnings are accepted and reported back to the caller.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// Refused, or accepted and reported.
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The write is refused.
        case error
        /// The write goes ahead; the caller should look.
        case warning
    }

    /// Refused or reported.
    public var severity: Severity
    /// The entity concerned, e.g. `session/s1`.
    public var entity: RecordKey
    /// The field concerned, e.g. `"date"` or `"measures[2].deadline"`.
    public var field: String
    /// The offending value as text, when there is one.
    public var value: String?
    /// What is wrong, for pattern matching.
    public var problem: ValidationProblem

    /// Creates an issue.
    public init(_ severity: Severity, _ entity: RecordKey, field: String, value: String? = nil,
                _ problem: ValidationProblem) {
        self.severity = severity
        self.entity = entity
        self.field = field
        self.value = value
        self.problem = problem
    }

    /// `"error: session/s1 date = 2009-01-01: date 2009-01-01 is outside 2010-01-01–2011-12-31"`.
    public var description: String {
        "\(severity.rawValue): \(entity) \(field)\(value.map { " = \($0)" } ?? ""): \(problem)"
    }
}

/// What a validation issue is about.
public enum ValidationProblem: Hashable, Sendable, CustomStringConvertible {
    /// A required text is empty.
    case empty
    /// A required value is absent.
    case missing
    /// A count or length must be above zero.
    case notPositive(Int)
    /// An amount of money is negative.
    case negativeAmount(Money)
    /// An amount (or a total) beyond ±``Money/limit``.
    case amountBeyondLimit(Money)
    /// A score lies outside its scale.
    case scoreOutsideScale(score: Int, scale: RatingScale)
    /// A date lies outside the period it must fall in.
    case dateOutsidePeriod(date: CalendarDate, period: DatePeriod)
    /// A period does not lie within the period it must fall in.
    case periodOutsidePeriod(inner: DatePeriod, outer: DatePeriod)
    /// Prerequisites form a cycle (the path, first element repeated last).
    case prerequisiteCycle([ID<Intervention>])
    /// A participant has not completed these prerequisites.
    case prerequisitesNotCompleted([ID<Intervention>])
    /// Planned budget (incl. indirect costs) exceeds total funding.
    case budgetExceedsFunding(budget: Money, funding: Money)
    /// Recorded outcome exceeds the planned amount of a line.
    case outcomeExceedsPlan(outcome: Money, planned: Money)
    /// A unit that does not belong to the given organisation.
    case unitOfAnotherOrganisation(unit: ID<OrganisationUnit>, organisation: ID<Organisation>)
    /// A unit's parent chain loops.
    case unitCycle
    /// An identifier appears twice where it must be unique.
    case duplicateIdentifier(String)
    /// A referenced record does not exist.
    case unknownReference(RecordKey)
    /// An organisation takes no part in the programme.
    case notInProgramme(ID<Organisation>)
    /// An intervention belongs to another programme.
    case interventionOfAnotherProgramme(ID<Intervention>)
    /// A session belongs to another intervention.
    case sessionOfAnotherIntervention(ID<Session>)
    /// The participant is not enrolled in the intervention.
    case notEnrolled
    /// The participant is already enrolled.
    case alreadyEnrolled
    /// The participant already chose another intervention of this elective group.
    case electiveAlreadyChosen(group: String, chosen: ID<Intervention>)
    /// The session is full.
    case capacityExceeded(capacity: Int)
    /// The participant's role is not among the intervention's target roles.
    case roleNotTargeted(ParticipantRole)
    /// A measurable goal has no indicator.
    case measurableGoalWithoutIndicator
    /// A goal has no baseline, so its effect cannot be measured.
    case noBaseline
    /// A measure is linked to no goal.
    case measureWithoutGoal
    /// A value that is not a valid organisation number.
    case invalidOrganisationNumber
    /// Free text longer than allowed.
    case tooLong(length: Int, maximum: Int)

    /// A readable description.
    public var description: String {
        switch self {
        case .empty: return "must not be empty"
        case .missing: return "is required"
        case .notPositive(let n): return "\(n) must be above zero"
        case .negativeAmount(let m): return "amount \(m) must not be negative"
        case .amountBeyondLimit(let m): return "amount \(m) is beyond the limit of ±\(Money.limit)"
        case .scoreOutsideScale(let s, let scale): return "score \(s) is outside the scale \(scale)"
        case .dateOutsidePeriod(let d, let p): return "date \(d) is outside \(p)"
        case .periodOutsidePeriod(let i, let o): return "period \(i) is not within \(o)"
        case .prerequisiteCycle(let path): return "prerequisites form a cycle: \(path.map(\.rawValue).joined(separator: " → "))"
        case .prerequisitesNotCompleted(let m): return "prerequisites not completed: \(m.map(\.rawValue).joined(separator: ", "))"
        case .budgetExceedsFunding(let b, let f): return "budget \(b) exceeds funding \(f)"
        case .outcomeExceedsPlan(let o, let p): return "outcome \(o) exceeds planned \(p)"
        case .unitOfAnotherOrganisation(let u, let o): return "unit \(u) does not belong to organisation \(o)"
        case .unitCycle: return "unit hierarchy forms a cycle"
        case .duplicateIdentifier(let id): return "identifier \(id) is used twice"
        case .unknownReference(let k): return "\(k) does not exist"
        case .notInProgramme(let o): return "organisation \(o) is neither owner nor partner of the programme"
        case .interventionOfAnotherProgramme(let i): return "intervention \(i) belongs to another programme"
        case .sessionOfAnotherIntervention(let s): return "session \(s) belongs to another intervention"
        case .notEnrolled: return "participant is not enrolled in the intervention"
        case .alreadyEnrolled: return "participant is already enrolled"
        case .electiveAlreadyChosen(let g, let c): return "elective group \(g) already chosen: \(c)"
        case .capacityExceeded(let c): return "session is full (capacity \(c))"
        case .roleNotTargeted(let r): return "role \(r.rawValue) is not a target role of the intervention"
        case .measurableGoalWithoutIndicator: return "a measurable goal needs an indicator"
        case .noBaseline: return "no baseline: the effect cannot be measured"
        case .measureWithoutGoal: return "measure is linked to no goal"
        case .invalidOrganisationNumber: return "not a valid organisation number"
        case .tooLong(let l, let m): return "length \(l) exceeds \(m)"
        }
    }
}

/// Thrown when validation finds at least one error; carries every issue found (errors and warnings).
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every issue found, errors first.
    public var issues: [ValidationIssue]

    /// Creates the error.
    public init(issues: [ValidationIssue]) {
        self.issues = issues.filter { $0.severity == .error } + issues.filter { $0.severity == .warning }
    }

    /// Only the errors.
    public var errors: [ValidationIssue] { issues.filter { $0.severity == .error } }

    /// Whether some error has this problem.
    public func contains(_ problem: ValidationProblem) -> Bool { errors.contains { $0.problem == problem } }

    /// A readable description.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// Collects issues while validating, then throws or returns the warnings.
package struct IssueCollector {
    package var issues: [ValidationIssue] = []
    package let entity: RecordKey

    package init(_ entity: RecordKey) { self.entity = entity }

    package mutating func error(_ field: String, _ value: String? = nil, _ problem: ValidationProblem) {
        issues.append(ValidationIssue(.error, entity, field: field, value: value, problem))
    }

    package mutating func warning(_ field: String, _ value: String? = nil, _ problem: ValidationProblem) {
        issues.append(ValidationIssue(.warning, entity, field: field, value: value, problem))
    }

    package mutating func requireText(_ field: String, _ text: String) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { error(field, text, .empty) }
    }

    /// Throws ``ValidationError`` if any error was found; otherwise returns the warnings.
    package func finish() throws -> [ValidationIssue] {
        if issues.contains(where: { $0.severity == .error }) { throw ValidationError(issues: issues) }
        return issues
    }
}
