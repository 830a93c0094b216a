/// Validation findings as sentences for people: Swedish or English, entities by their names.
///
/// ``ValidationProblem/description`` is for logs and developers and names records by key; a
/// report or a user interface uses ``ValidationProblem/text(_:naming:)`` instead, passing a
/// function that gives a record's display name (an intervention's name, an organisation's name).
///
/// ```swift
/// let problem = ValidationProblem.prerequisitesNotCompleted(["ledarforum"])
/// problem.text(.swedish) { key in key.id == "ledarforum" ? "Ledarforum" : key.id }
/// // "har inte genomfört det som krävs först: Ledarforum"
/// ```
extension ValidationProblem {
    /// The problem as a sentence fragment in `language`; `naming` turns a record key into the
    /// name a reader knows (by default the key's identifier).
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        let f = ReportFormatter(language: language)
        func name<T>(_ id: ID<T>, _ type: String) -> String { naming(RecordKey(type: type, id: id.rawValue)) }
        func interventions(_ ids: [ID<Intervention>]) -> [String] { ids.map { name($0, Intervention.recordType) } }
        func period(_ p: DatePeriod) -> String { "\(p.start)–\(p.end)" }
        switch self {
        case .empty: return sv ? "får inte vara tomt" : "must not be empty"
        case .missing: return sv ? "måste anges" : "is required"
        case .notPositive(let n): return sv ? "\(f.integer(n)) måste vara större än noll" : "\(f.integer(n)) must be above zero"
        case .negativeAmount(let m): return sv ? "beloppet \(f.money(m)) får inte vara negativt" : "amount \(f.money(m)) must not be negative"
        case .amountBeyondLimit(let m):
            return sv ? "beloppet \(f.money(m)) ligger utanför gränsen ±\(f.money(Money.limit))" : "amount \(f.money(m)) is beyond the limit of ±\(f.money(Money.limit))"
        case .scoreOutsideScale(let s, let scale):
            return sv ? "betyget \(s) ligger utanför skalan \(scale)" : "score \(s) is outside the scale \(scale)"
        case .dateOutsidePeriod(let d, let p):
            return sv ? "datumet \(d) ligger utanför perioden \(period(p))" : "date \(d) is outside \(period(p))"
        case .periodOutsidePeriod(let i, let o):
            return sv ? "perioden \(period(i)) ligger inte inom \(period(o))" : "period \(period(i)) is not within \(period(o))"
        case .prerequisiteCycle(let path):
            return (sv ? "förkunskapskraven bildar en slinga: " : "prerequisites form a cycle: ") + interventions(path).joined(separator: " → ")
        case .prerequisitesNotCompleted(let m):
            return (sv ? "har inte genomfört det som krävs först: " : "has not completed what comes first: ")
                + interventions(m).joined(separator: sv ? " och " : " and ")
        case .budgetExceedsFunding(let b, let fu):
            return sv ? "budgeten \(f.money(b)) är större än finansieringen \(f.money(fu))" : "budget \(f.money(b)) exceeds funding \(f.money(fu))"
        case .outcomeExceedsPlan(let o, let p):
            return sv ? "utfallet \(f.money(o)) är större än planerade \(f.money(p))" : "outcome \(f.money(o)) exceeds planned \(f.money(p))"
        case .unitOfAnotherOrganisation(let u, let o):
            return sv ? "enheten \(name(u, "unit")) hör inte till \(name(o, Organisation.recordType))"
                : "unit \(name(u, "unit")) does not belong to \(name(o, Organisation.recordType))"
        case .unitCycle: return sv ? "enheterna bildar en slinga" : "unit hierarchy forms a cycle"
        case .duplicateIdentifier(let id): return sv ? "identiteten \(id) används två gånger" : "identifier \(id) is used twice"
        case .unknownReference(let k): return sv ? "\(naming(k)) finns inte" : "\(naming(k)) does not exist"
        case .notInProgramme(let o):
            return sv ? "\(name(o, Organisation.recordType)) är varken ägare eller partner i programmet"
                : "\(name(o, Organisation.recordType)) is neither owner nor partner of the programme"
        case .interventionOfAnotherProgramme(let i):
            return sv ? "insatsen \(name(i, Intervention.recordType)) hör till ett annat program"
                : "intervention \(name(i, Intervention.recordType)) belongs to another programme"
        case .sessionOfAnotherIntervention(let s):
            return sv ? "tillfället \(name(s, Session.recordType)) hör till en annan insats"
                : "session \(name(s, Session.recordType)) belongs to another intervention"
        case .notEnrolled: return sv ? "deltagaren är inte anmäld till insatsen" : "participant is not enrolled in the intervention"
        case .alreadyEnrolled: return sv ? "deltagaren är redan anmäld" : "participant is already enrolled"
        case .electiveAlreadyChosen(let g, let c):
            return sv ? "har redan valt \(name(c, Intervention.recordType)) i valgruppen \(g)"
                : "has already chosen \(name(c, Intervention.recordType)) in elective group \(g)"
        case .capacityExceeded(let c): return sv ? "tillfället är fullt (\(f.integer(c)) platser)" : "session is full (capacity \(f.integer(c)))"
        case .roleNotTargeted(let r):
            return sv ? "rollen \(r.text(language)) hör inte till insatsens målgrupp" : "role \(r.text(language)) is not a target role of the intervention"
        case .measurableGoalWithoutIndicator: return sv ? "ett mätbart mål behöver en indikator" : "a measurable goal needs an indicator"
        case .noBaseline: return sv ? "nollmätning saknas, så effekten kan inte mätas" : "no baseline: the effect cannot be measured"
        case .measureWithoutGoal: return sv ? "åtgärden är inte kopplad till något mål" : "measure is linked to no goal"
        case .invalidOrganisationNumber: return sv ? "inte ett giltigt organisationsnummer" : "not a valid organisation number"
        case .tooLong(let l, let m):
            return sv ? "texten har \(f.integer(l)) tecken, högst \(f.integer(m)) får plats" : "length \(f.integer(l)) exceeds \(f.integer(m))"
        case .capacityBelowAttendance(let c, let a):
            return sv ? "platsantalet \(f.integer(c)) är lägre än de \(f.integer(a)) som redan deltar"
                      : "capacity \(f.integer(c)) is below the \(f.integer(a)) already attending"
        case .attendanceAlreadyRecorded:
            return sv ? "närvaro är redan registrerad för tillfället" : "attendance is already recorded for the session"
        }
    }
}

extension ParticipantRole {
    /// The role's name in `language`: `"medarbetare"`, `"chef"` / `"employee"`, `"manager"`;
    /// with `plural`, `"chefer"` / `"managers"`.
    public func text(_ language: ReportLanguage, plural: Bool = false) -> String {
        let sv = language == .swedish
        if plural {
            switch self {
            case .employee: return sv ? "medarbetare" : "employees"
            case .manager: return sv ? "chefer" : "managers"
            case .keyPerson: return sv ? "nyckelpersoner" : "key people"
            case .ambassador: return sv ? "ambassadörer" : "ambassadors"
            case .mentor: return sv ? "mentorer" : "mentors"
            case .adept: return sv ? "adepter" : "adepts"
            case .projectStaff: return sv ? "projektpersonal" : "project staff"
            case .steeringGroupMember: return sv ? "styrgruppsledamöter" : "steering group members"
            }
        }
        switch self {
        case .employee: return sv ? "medarbetare" : "employee"
        case .manager: return sv ? "chef" : "manager"
        case .keyPerson: return sv ? "nyckelperson" : "key person"
        case .ambassador: return sv ? "ambassadör" : "ambassador"
        case .mentor: return sv ? "mentor" : "mentor"
        case .adept: return sv ? "adept" : "adept"
        case .projectStaff: return sv ? "projektpersonal" : "project staff"
        case .steeringGroupMember: return sv ? "styrgruppsledamot" : "steering group member"
        }
    }
}

extension ValidationError {
    /// Every error as one sentence each in `language`, entities named by `naming`, joined by `"; "`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        errors.map { $0.problem.text(language, naming: naming) }.joined(separator: "; ")
    }
}
