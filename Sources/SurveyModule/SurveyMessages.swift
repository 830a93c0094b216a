import DiversityKit
import DiversityKitCrypto
import Foundation

// Swedish and English texts of SurveyModule's errors, through ``LocalizedMessage``: the
// `description` of each is its English text. Messages never contain answer values.

extension SurveyError: LocalizedMessage {
    /// The error in `language`; distributions are named by `naming`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        func distribution(_ d: ID<SurveyDistribution>) -> String { naming(RecordKey(type: SurveyDistribution.recordType, id: d.rawValue)) }
        switch self {
        case .unknownQuestionnaire(let r): return sv ? "det finns ingen publicerad enkät \(r)" : "no published questionnaire \(r)"
        case .questionnaireAlreadyPublished(let r):
            return sv ? "enkäten \(r) är publicerad och kan inte ändras; publicera en ny version"
                : "questionnaire \(r) is published and immutable; publish a new version"
        case .versionNotNext(let r, let l):
            return sv ? "enkäten \(r) följer inte på den senaste versionen \(l)" : "questionnaire \(r) does not follow the latest version \(l)"
        case .unknownDistribution(let d): return sv ? "det finns inget utskick \(distribution(d))" : "no distribution \(distribution(d))"
        case .unknownToken: return sv ? "koden är okänd" : "the token is not known"
        case .tokenAlreadyUsed: return sv ? "koden har redan använts" : "the token has already been used"
        case .surveyNotOpen(let d, let o):
            return sv ? "utskicket \(distribution(d)) öppnar \(Self.instant(o))" : "distribution \(distribution(d)) opens at \(Self.instant(o))"
        case .surveyClosed(let d): return sv ? "utskicket \(distribution(d)) är stängt" : "distribution \(distribution(d)) is closed"
        case .wrongQuestionnaireVersion(let e, let f):
            return sv ? "svaret gäller \(f), men utskicket skickar \(e)" : "response answers \(f), the distribution sends \(e)"
        case .sensitiveItemsNeedAnonymity(let i):
            return sv ? "de känsliga frågorna \(i.joined(separator: ", ")) kräver ett anonymt utskick"
                : "sensitive items \(i.joined(separator: ", ")) need an anonymous distribution"
        case .invalidDistribution(let r): return sv ? "ogiltigt utskick: \(r)" : "invalid distribution: \(r)"
        case .invalidResponse(let issues):
            return (sv ? "ogiltigt svar: " : "invalid response: ") + issues.map { $0.text(language, naming: naming) }.joined(separator: "; ")
        case .invalidSubmission(let r): return sv ? "ogiltig inlämning: \(r)" : "invalid submission: \(r)"
        case .invalidSecret(let r): return sv ? "ogiltig kodhemlighet: \(r)" : "invalid token secret: \(r)"
        case .undecryptablePending(let n):
            return sv ? "\(n) väntande svar kan inte öppnas med den här hemligheten (en annan hemlighet, eller skadade)"
                : "\(n) pending responses cannot be opened with this secret (another secret, or damaged)"
        }
    }

    /// An instant as ISO 8601 in UTC, the same in both languages.
    static func instant(_ date: Date) -> String {
        guard date.timeIntervalSinceReferenceDate.isFinite else { return "–" }
        return ISO8601DateFormatter().string(from: date)
    }
}

extension ResponseIssue: LocalizedMessage {
    /// The issue in `language`, naming the item by its code; never the answer itself.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .missingRequired(let i): return sv ? "frågan \(i) måste besvaras" : "item \(i) is required"
        case .outOfRange(let i, _, let a):
            return sv ? "frågan \(i) har ett värde utanför \(a.lowerBound)…\(a.upperBound)" : "item \(i) is outside \(a.lowerBound)…\(a.upperBound)"
        case .notAnOption(let i, _):
            return sv ? "frågan \(i) har en kod som inte är ett av dess svarsalternativ" : "item \(i) has a code that is not one of its options"
        case .unknownItem(let i): return sv ? "frågan \(i) finns inte i enkäten" : "item \(i) is not in the questionnaire"
        case .textTooLong(let i, let l, let m):
            return sv ? "frågan \(i) har \(l) tecken, högst \(m) är tillåtna" : "item \(i) has \(l) characters, at most \(m) allowed"
        case .invalidSelection(let i, let r): return sv ? "frågan \(i): ogiltigt val: \(r)" : "item \(i): \(r)"
        case .wrongAnswerKind(let i, let e): return sv ? "frågan \(i) väntar sig \(e)" : "item \(i) expects \(e)"
        }
    }
}

extension QuestionnaireError: LocalizedMessage {
    /// The error in `language`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .invalidVersion(let v): return sv ? "enkätversionen \(v) måste vara 1 eller mer" : "questionnaire version \(v) must be 1 or more"
        case .invalidLanguageTag(let t):
            return sv ? "grundspråket '\(t)' är ingen språkkod enligt BCP 47 (som sv, en-GB, sv-x-lattlast)"
                : "base language '\(t)' is not a BCP 47 language tag (such as sv, en-GB, sv-x-lattlast)"
        case .invalidItemCode(let c):
            return sv ? "frågekoden '\(c)' får inte vara tom eller innehålla avgränsare, citattecken eller radbrytningar"
                : "item code '\(c)' must be non-empty without separators, quotes or newlines"
        case .duplicateItemCode(let c): return sv ? "frågekoden \(c) används två gånger" : "item code \(c) is used twice"
        case .invalidItem(let c, let r): return sv ? "frågan \(c) är felaktig: \(r)" : "item \(c): \(r)"
        case .duplicateScaleCode(let c): return sv ? "skalkoden \(c) används två gånger" : "scale code \(c) is used twice"
        case .invalidScale(let c, let r): return sv ? "skalan \(c) är felaktig: \(r)" : "scale \(c): \(r)"
        case .scaleNamesUnknownItem(let s, let i): return sv ? "skalan \(s) anger den okända frågan \(i)" : "scale \(s) names unknown item \(i)"
        case .scaleItemNotLikert(let s, let i):
            return sv ? "skalan \(s) anger frågan \(i), som inte är en Likertfråga" : "scale \(s) names item \(i), which is not a Likert item"
        }
    }
}

extension TailoringError: LocalizedMessage {
    /// The error in `language`, topics by their names.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        func topic(_ t: TrainingTopic) -> String { sv ? t.name(in: .swedish) : "\(t)" }
        switch self {
        case .invalidLength(let t, let g):
            return sv ? "utbildningens längd \(t) min måste vara en positiv multipel av steget \(g) min"
                : "training length \(t) must be a positive multiple of the positive step \(g)"
        case .invalidRule(let t):
            return sv ? "regeln för \(topic(t)) har ett minimum eller maximum som är negativt, inte följer steget eller är omkastat"
                : "rule for \(topic(t)) has a minimum or maximum that is negative, off the step, or crossed"
        case .duplicateRule(let t): return sv ? "två regler för \(topic(t))" : "two rules for \(topic(t))"
        case .minimumsExceedLength(let m, let t):
            return sv ? "minimitiderna, sammanlagt \(m) min, är längre än utbildningens \(t) min" : "minimums of \(m) min exceed the \(t) min training"
        }
    }
}

extension ResponseMatrix.RowLengthError: LocalizedMessage {
    /// The error in `language`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        language == .swedish ? "en rad behöver \(expected) koder, en per kolumn; \(found) gavs"
            : "a row needs \(expected) codes, one per column; \(found) given"
    }
}

extension ResponseBinaryCoding.DecodingError: LocalizedMessage {
    /// The error in `language`: a stored response that is damaged.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .truncated(let o): return sv ? "det lagrade svaret tar slut vid byte \(o)" : "response payload truncated at byte \(o)"
        case .unknownTag(let t, let o): return sv ? "okänd svarsmarkering \(t) vid byte \(o)" : "unknown answer tag \(t) at byte \(o)"
        case .malformedVarint(let o): return sv ? "felaktigt kodat tal vid byte \(o)" : "malformed varint at byte \(o)"
        }
    }
}

extension CryptoError: LocalizedMessage {
    /// The error in `language` (``/DiversityKitCrypto`` has no report languages of its own, so
    /// its texts live here, beside the survey service that uses it).
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .invalidKeyLength(let e, let f): return sv ? "en nyckel på \(f) byte där \(e) behövs" : "a key of \(f) bytes where \(e) are needed"
        case .authenticationFailed:
            return sv ? "det förseglade meddelandet är skadat eller förseglades med en annan nyckel"
                : "the sealed message is damaged or was sealed under another key"
        case .libraryFailure(let what): return sv ? "kryptobiblioteket misslyckades: \(what)" : "the cryptographic library failed: \(what)"
        }
    }
}
