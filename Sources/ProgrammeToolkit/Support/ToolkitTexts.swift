import DiversityKit

/// The toolkit's findings and explanations as text for people, in Swedish or English, naming
/// entities by their names: `description` is for logs and names records by key.
extension ToolkitError {
    /// The error as a sentence in `language`; `naming` turns a record key into the name a
    /// reader knows (a grant application's title, an organisation's name), by default its identifier.
    ///
    /// ```swift
    /// ToolkitError.missingDisseminationPlan(application: "ev-diplom")
    ///     .text(.swedish) { _ in "Diplomering av handelskammaren" }
    /// // "ansökan Diplomering av handelskammaren saknar spridningsplan"
    /// ```
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        func n<T>(_ id: ID<T>, _ type: String) -> String { naming(RecordKey(type: type, id: id.rawValue)) }
        func participant(_ p: ID<Participant>) -> String { n(p, Participant.recordType) }
        func application(_ a: ID<GrantApplication>) -> String { n(a, GrantApplication.recordType) }
        func conference(_ c: ID<DialogueConference>) -> String { n(c, DialogueConference.recordType) }
        func perspective(_ p: Perspective) -> String { sv ? p.swedishLabel.lowercased() : p.rawValue }
        switch self {
        case .unknownReference(let k): return sv ? "\(naming(k)) finns inte" : "\(naming(k)) does not exist"
        case .emptyText(let e, let f): return sv ? "\(naming(e)): \(f) får inte vara tomt" : "\(naming(e)): \(f) must not be empty"
        case .notPositive(let e, let f, let v):
            return sv ? "\(naming(e)): \(f) måste vara större än noll, var \(v)" : "\(naming(e)): \(f) must be positive, was \(v)"
        case .invalid(let e, let f, let r): return sv ? "\(naming(e)): fältet \(f) är ogiltigt (\(r))" : "\(naming(e)): \(f) \(r)"
        case .duplicateIdentifier(let id): return sv ? "identiteten \(id) förekommer mer än en gång" : "identifier \(id) appears more than once"
        case .missingUnit(let p):
            return sv ? "\(participant(p)) saknar enhet, och regeln om rapporteringslinje behöver en"
                : "\(participant(p)) has no unit; the reporting-line rule needs one"
        case .profileDoesNotMatchParticipant(let p):
            return sv ? "profilen för \(participant(p)) anger en annan organisation eller enhet än deltagaren"
                : "the profile of \(participant(p)) names another organisation or unit than the participant"
        case .perspectiveNotChosen(let p, let c):
            return sv ? "perspektivet \(perspective(p)) valdes inte för konferensen \(conference(c))"
                : "perspective \(perspective(p)) was not chosen for conference \(conference(c))"
        case .outputAlreadyAdopted(let c, let o):
            return sv ? "förslag \(o) från konferensen \(conference(c)) är redan en åtgärd" : "output \(o) of conference \(conference(c)) is already a measure"
        case .unknownOutput(let c, let o):
            return sv ? "konferensen \(conference(c)) har inget förslag \(o)" : "conference \(conference(c)) has no output \(o)"
        case .unknownSeminar(let s, let p):
            return sv ? "\(participant(p)) valde seminariet \(s), som inte erbjuds" : "\(participant(p)) chose seminar \(s), which is not offered"
        case .sameChoiceTwice(let p):
            return sv ? "\(participant(p)) angav samma seminarium som första och andra val"
                : "\(participant(p)) gave the same seminar as first and second choice"
        case .groupsImpossible(let t, let lo, let hi):
            return sv ? "\(t) personer kan inte delas i grupper om \(lo)–\(hi)" : "\(t) people cannot be split into groups of \(lo)–\(hi)"
        case .notAGroupMember(let p, let g):
            return sv ? "\(participant(p)) är inte med i gruppen \(n(g, ReflectionGroup.recordType))"
                : "\(participant(p)) is not a member of group \(n(g, ReflectionGroup.recordType))"
        case .workshopBeforeTraining(let a, let d):
            return sv ? "ambassadören \(n(a, Ambassador.recordType)) höll en workshop \(d), före sin utbildning"
                : "ambassador \(n(a, Ambassador.recordType)) held a workshop on \(d), before being trained"
        case .missingDisseminationPlan(let a):
            return sv ? "ansökan \(application(a)) saknar spridningsplan" : "application \(application(a)) has no dissemination plan"
        case .scoreOutOfRange(let c, let s, let m):
            return sv ? "poängen \(s) för kriteriet \(c) ligger utanför 0–\(m)" : "score \(s) for criterion \(c) is outside 0–\(m)"
        case .missingScore(let c): return sv ? "kriteriet \(c) saknar poäng" : "criterion \(c) has no score"
        case .unknownCriterion(let c): return sv ? "fonden har inget kriterium \(c)" : "the fund has no criterion \(c)"
        case .unassessed(let a): return sv ? "ansökan \(application(a)) är inte bedömd" : "application \(application(a)) has not been assessed"
        case .alreadyDecided(let f):
            return sv ? "fonden \(n(f, PilotFund.recordType)) har redan fattat sina beslut" : "fund \(n(f, PilotFund.recordType)) has already made its decisions"
        case .notGranted(let a): return sv ? "ansökan \(application(a)) beviljades inte" : "application \(application(a)) was not granted"
        case .notOnCadence(let d, let s):
            return sv ? "\(d) är inget mötesdatum i nätverket \(n(s, NetworkSeries.recordType))"
                : "\(d) is not a meeting date of network \(n(s, NetworkSeries.recordType))"
        case .notANetworkMember(let o, let s):
            return sv ? "\(n(o, Organisation.recordType)) är inte med i nätverket \(n(s, NetworkSeries.recordType))"
                : "\(n(o, Organisation.recordType)) is not a member of network \(n(s, NetworkSeries.recordType))"
        case .unknownAccessibilityCriterion(let c):
            return sv ? "\(c) är inget kriterium i tillgänglighetschecklistan" : "\(c) is not an accessibility criterion"
        case .unitNotInScope(let u, let m):
            return sv ? "enheten \(n(u, "unit")) ingår inte i materialet \(n(m, LearningMaterial.recordType))"
                : "unit \(n(u, "unit")) is not in the scope of material \(n(m, LearningMaterial.recordType))"
        }
    }
}

extension ScoreComponent {
    /// Why a pair got these points, in `language`, with names a coordinator reads:
    /// `"gemensamma perspektiv +6 (rekrytering, lönsamhet)"`, `"olika organisationer +4"`.
    /// `organisationNames` names the organisations of a cross-organisation bonus.
    public func text(_ language: ReportLanguage, organisationNames: [String: String] = [:]) -> String {
        let sv = language == .swedish
        let what: String, detailText: [String]
        switch kind {
        case .sharedPerspectives:
            what = sv ? "gemensamma perspektiv" : "shared perspectives"
            detailText = detail.map { Perspective(rawValue: $0).map { sv ? $0.swedishLabel.lowercased() : $0.rawValue } ?? $0 }
        case .sharedLanguage:
            what = sv ? "gemensamt språk" : "shared language"
            detailText = detail.map { Self.languageName($0, sv: sv) }
        case .availabilityOverlap:
            what = sv ? "gemensamma tider" : "shared times"
            detailText = detail.map { Self.slotName($0, sv: sv) }
        case .crossOrganisation:
            what = sv ? "olika organisationer" : "different organisations"
            detailText = detail.map { organisationNames[$0] ?? $0 }
        }
        return "\(what) +\(points)" + (detailText.isEmpty ? "" : " (\(detailText.joined(separator: ", ")))")
    }

    /// A language code's name: `"sv"` → `"svenska"` / `"Swedish"`; an unknown code is shown as it is.
    static func languageName(_ code: String, sv: Bool) -> String {
        let names: [String: (String, String)] = [
            "sv": ("svenska", "Swedish"), "en": ("engelska", "English"), "ar": ("arabiska", "Arabic"),
            "fi": ("finska", "Finnish"), "so": ("somaliska", "Somali"), "fa": ("persiska", "Persian"),
            "bs": ("bosniska", "Bosnian"), "sr": ("serbiska", "Serbian"), "hr": ("kroatiska", "Croatian"),
            "es": ("spanska", "Spanish"), "de": ("tyska", "German"), "pl": ("polska", "Polish"),
            "tr": ("turkiska", "Turkish"), "ku": ("kurdiska", "Kurdish"), "ti": ("tigrinja", "Tigrinya"),
            "sgn": ("teckenspråk", "sign language"), "swl": ("svenskt teckenspråk", "Swedish Sign Language"),
        ]
        return names[code].map { sv ? $0.0 : $0.1 } ?? code
    }

    /// An availability slot `"2-afternoon"` as `"tisdag eftermiddag"` / `"Tuesday afternoon"`.
    static func slotName(_ slot: String, sv: Bool) -> String {
        let parts = slot.split(separator: "-")
        guard parts.count == 2, let day = Int(parts[0]), (1...7).contains(day), let part = DayPart(rawValue: String(parts[1])) else { return slot }
        let days = sv ? ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
            : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let partName: String
        switch part {
        case .morning: partName = sv ? "förmiddag" : "morning"
        case .afternoon: partName = sv ? "eftermiddag" : "afternoon"
        case .evening: partName = sv ? "kväll" : "evening"
        }
        return days[day - 1] + " " + partName
    }
}

extension AccessibilityPerspective {
    /// The perspective's heading: `"Fysisk tillgänglighet"` / `"Physical accessibility"`.
    public func text(_ language: ReportLanguage) -> String {
        let sv = language == .swedish
        switch self {
        case .physical: return sv ? "Fysisk tillgänglighet" : "Physical accessibility"
        case .information: return sv ? "Tillgänglig information" : "Accessible information"
        case .communication: return sv ? "Tillgänglig kommunikation" : "Accessible communication"
        case .activities: return sv ? "Tillgänglig verksamhet" : "Accessible activities"
        }
    }
}

extension SessionAtRisk {
    /// The finding as a sentence in `language`, criteria by their checklist text and venue and
    /// session by the names given: `"Uppfylls inte i lokalen Kulturkvarteret: Hörslinga (Utbildningsdag, 2012-09-12)"`.
    public func text(_ language: ReportLanguage, checklist: AccessibilityChecklist = .standard,
                     venueName: String?, sessionName: String? = nil) -> String {
        let sv = language == .swedish
        let criteria = unmetCriteria.map { code in
            checklist.criterion(code).map { sv ? $0.swedish : $0.english } ?? code
        }.joined(separator: sv ? " och " : " and ")
        let place = venueName.map { sv ? "i lokalen \($0)" : "at venue \($0)" } ?? (sv ? "eftersom lokal saknas" : "as no venue is set")
        let when = sessionName.map { "\($0), \(date)" } ?? "\(date)"
        return sv ? "Uppfylls inte \(place): \(criteria) (\(when))" : "Not met \(place): \(criteria) (\(when))"
    }
}

extension ToolkitError: LocalizedMessage {}
