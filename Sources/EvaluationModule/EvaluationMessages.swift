import DiversityKit

// Swedish and English texts of EvaluationModule's errors, through ``/DiversityKit/LocalizedMessage``:
// the `description` of each is its English text.

extension DisclosureError: LocalizedMessage {
    /// The error in `language`; rows and columns are 0-based, as the table is given.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .thresholdTooLow(let k): return sv ? "gränsen \(k) är lägre än minimum 3" : "threshold \(k) is below the minimum of 3"
        case .invalidProtection(let p): return sv ? "skyddsbredden \(p) måste vara minst 1" : "protection \(p) must be at least 1"
        case .negativeCount(let r, let c): return sv ? "cellen (\(r), \(c)) är negativ" : "cell (\(r), \(c)) is negative"
        case .raggedRow(let r, let e, let g): return sv ? "rad \(r) har \(g) celler, \(e) väntades" : "row \(r) has \(g) cells, expected \(e)"
        case .cellOutOfRange(let r, let c): return sv ? "cellen (\(r), \(c)) finns inte i tabellen" : "cell (\(r), \(c)) is not in the table"
        }
    }
}

extension SurveyResultsError: LocalizedMessage {
    /// The error in `language`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .groupCountMismatch(let item, let r, let g):
            return sv ? "frågan \(item) har \(r) svar men det finns \(g) gruppnycklar" : "item \(item) has \(r) answers but there are \(g) group keys"
        case .unknownItem(let scale, let item):
            return sv ? "skalan \(scale) anger den okända frågan \(item)" : "scale \(scale) names unknown item \(item)"
        case .pointLabelCount(let e, let g): return sv ? "\(e) etiketter för skalstegen väntades, \(g) gavs" : "expected \(e) point labels, got \(g)"
        case .noLikertItems(let q):
            return sv ? "enkäten \(q) har inga Likertfrågor att redovisa" : "questionnaire \(q) has no Likert items to report"
        case .shapeMismatch(let reason):
            return sv ? "enkätens antal stämmer inte med sin sammanställning: \(reason)" : "survey counts do not match their tally: \(reason)"
        }
    }
}

extension FollowUpError: LocalizedMessage {
    /// The error in `language`, programmes and interventions named by `naming`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        func name<T>(_ id: ID<T>, _ type: String) -> String { naming(RecordKey(type: type, id: id.rawValue)) }
        switch self {
        case .unknownProgramme(let id):
            return sv ? "programmet \(name(id, Programme.recordType)) finns inte" : "no programme \(name(id, Programme.recordType))"
        case .unknownIntervention(let id):
            return sv ? "insatsen \(name(id, Intervention.recordType)) finns inte" : "no intervention \(name(id, Intervention.recordType))"
        case .prerequisiteCycle(let id):
            return sv ? "förkunskapskraven bildar en slinga vid \(name(id, Intervention.recordType))"
                : "prerequisites form a cycle at \(name(id, Intervention.recordType))"
        case .nonPositiveCosts(let m):
            let f = ReportFormatter(language: language)
            return sv ? "de fullständiga kostnaderna \(f.money(m)) måste vara större än noll" : "fully loaded costs \(m) must be positive"
        }
    }
}

extension StatisticsError: LocalizedMessage {
    /// The error in `language`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        let f = ReportFormatter(language: language)
        func number(_ x: Double) -> String { sv ? f.decimal(x, digits: 3) : "\(x)" }
        switch self {
        case .tooFewObservations(let needed, let got):
            return sv ? "behöver minst \(needed) observationer, fick \(got)" : "needs at least \(needed) observations, got \(got)"
        case .unpairedLengths(let a, let b):
            return sv ? "de parade urvalen är olika långa (\(a) och \(b))" : "paired samples differ in length (\(a) and \(b))"
        case .nonFiniteValue(let i): return sv ? "värdet på plats \(i) är inte ändligt" : "value at index \(i) is not finite"
        case .zeroVariance:
            return sv ? "alla observationer är lika, så måttet är odefinierat" : "all observations are equal; the statistic is undefined"
        case .invalidProbability(let p): return sv ? "sannolikheten \(number(p)) ligger utanför (0, 1)" : "probability \(p) is outside (0, 1)"
        case .invalidCount(let k, let n): return sv ? "antalet \(k) ligger utanför 0…\(n)" : "count \(k) is outside 0…\(n)"
        case .itemLengthsDiffer(let item, let expected, let got):
            return sv ? "fråga \(item) har \(got) svar, \(expected) väntades" : "item \(item) has \(got) answers, expected \(expected)"
        case .tooFewItems(let k): return sv ? "en skala behöver minst två frågor, fick \(k)" : "a scale needs at least two items, got \(k)"
        case .answerOutsideScale(let a, let i):
            return sv ? "svaret \(a) på plats \(i) ligger utanför skalan" : "answer \(a) at index \(i) is outside the scale"
        case .invalidDegreesOfFreedom(let df):
            return sv ? "frihetsgraderna \(number(df)) måste vara fler än noll" : "degrees of freedom \(df) must be positive"
        }
    }
}

extension LikertTallyError: LocalizedMessage {
    /// The error in `language`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .invalidLayout(let reason): return sv ? "ogiltig uppställning av sammanställningen: \(reason)" : "invalid tally layout: \(reason)"
        case .rowLengthMismatch(let c, let k, let u):
            return sv ? "\(c) koder är inte \(k) per rad för \(u) rader" : "\(c) codes are not \(k) per row for \(u) rows"
        case .answerOutsideScale(let a, let r, let i):
            return sv ? "svaret \(a) på rad \(r), fråga \(i) ligger utanför skalan" : "answer \(a) in row \(r), item \(i) is outside the scale"
        case .unitOutOfRange(let u, let r): return sv ? "enheten \(u) på rad \(r) finns inte" : "unit \(u) in row \(r) is out of range"
        case .layoutsDiffer:
            return sv ? "sammanställningar med olika uppställning kan inte slås ihop" : "tallies with different layouts cannot be merged"
        case .indexOutOfRange(let i): return sv ? "index \(i) finns inte" : "index \(i) is out of range"
        }
    }
}
