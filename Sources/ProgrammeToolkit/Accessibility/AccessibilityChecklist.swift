/// The four perspectives of accessibility (tillgänglighet) in Omvänt Mentorskap, after Handisam.
public enum AccessibilityPerspective: String, Codable, Hashable, Sendable, CaseIterable {
    /// Fysisk tillgänglighet: premises and getting there.
    case physical
    /// Tillgänglig information: written and web material.
    case information
    /// Tillgänglig kommunikation: how people talk and hear each other.
    case communication
    /// Tillgänglig verksamhet: how activities are planned and run.
    case activities
}

/// One criterion of the checklist, with Swedish and English text.
public struct AccessibilityCriterion: Codable, Hashable, Sendable {
    /// A stable code, e.g. `"physical.step-free-entrance"`; venues and requests store only codes.
    public var code: String
    /// The perspective it belongs to.
    public var perspective: AccessibilityPerspective
    /// Swedish text.
    public var swedish: String
    /// English text.
    public var english: String

    /// Creates a criterion.
    public init(code: String, perspective: AccessibilityPerspective, swedish: String, english: String) {
        self.code = code
        self.perspective = perspective
        self.swedish = swedish
        self.english = english
    }
}

/// The checklist venues are inventoried against and participants' requests refer to.
///
/// ```swift
/// let checklist = AccessibilityChecklist.standard
/// checklist.criteria(in: .physical).map(\.code)
/// ```
public struct AccessibilityChecklist: Codable, Hashable, Sendable {
    /// The criteria, in checklist order.
    public var criteria: [AccessibilityCriterion]

    /// A checklist of these criteria (an embedder may extend ``standard``).
    public init(criteria: [AccessibilityCriterion]) { self.criteria = criteria }

    /// The criterion with `code`, if any.
    public func criterion(_ code: String) -> AccessibilityCriterion? { criteria.first { $0.code == code } }

    /// The criteria of one perspective.
    public func criteria(in perspective: AccessibilityPerspective) -> [AccessibilityCriterion] {
        criteria.filter { $0.perspective == perspective }
    }

    /// Every code.
    public var codes: Set<String> { Set(criteria.map(\.code)) }

    /// The built-in checklist: 18 criteria over the four perspectives.
    public static let standard = AccessibilityChecklist(criteria: [
        .init(code: "physical.step-free-entrance", perspective: .physical,
              swedish: "Entré utan trappsteg eller med ramp", english: "Step-free entrance or ramp"),
        .init(code: "physical.lift", perspective: .physical,
              swedish: "Hiss till lokalen om den inte ligger i entréplan", english: "Lift if the room is not at entrance level"),
        .init(code: "physical.accessible-toilet", perspective: .physical,
              swedish: "Tillgänglig toalett (RWC)", english: "Accessible toilet"),
        .init(code: "physical.parking", perspective: .physical,
              swedish: "Parkering för rörelsehindrade nära entrén", english: "Disabled parking near the entrance"),
        .init(code: "physical.wayfinding", perspective: .physical,
              swedish: "Tydlig skyltning och kontrastmarkeringar", english: "Clear signage and contrast markings"),
        .init(code: "physical.allergy-safe", perspective: .physical,
              swedish: "Allergisanerad lokal, inga doftämnen", english: "Allergy-safe room, no fragrances"),
        .init(code: "information.plain-language", perspective: .information,
              swedish: "Information på klarspråk", english: "Information in plain language (Klarspråk)"),
        .init(code: "information.accessible-web", perspective: .information,
              swedish: "Tillgänglig webb och PDF enligt riktlinjerna för 24-timmarswebben",
              english: "Accessible web pages and PDFs (24-hour web guidelines)"),
        .init(code: "information.large-print", perspective: .information,
              swedish: "Material i stor stil på begäran", english: "Large-print material on request"),
        .init(code: "information.easy-read", perspective: .information,
              swedish: "Lättläst version av materialet", english: "Easy-read version of the material"),
        .init(code: "information.other-languages", perspective: .information,
              swedish: "Information på andra språk än svenska", english: "Information in languages other than Swedish"),
        .init(code: "communication.hearing-loop", perspective: .communication,
              swedish: "Hörslinga i lokalen", english: "Hearing loop in the room"),
        .init(code: "communication.sign-language", perspective: .communication,
              swedish: "Teckenspråkstolk på begäran", english: "Sign-language interpretation on request"),
        .init(code: "communication.captioning", perspective: .communication,
              swedish: "Skrivtolkning eller textning", english: "Speech-to-text interpretation or captions"),
        .init(code: "communication.microphone", perspective: .communication,
              swedish: "Mikrofon används av alla som talar", english: "Everyone who speaks uses a microphone"),
        .init(code: "activities.breaks", perspective: .activities,
              swedish: "Regelbundna pauser", english: "Regular breaks"),
        .init(code: "activities.materials-in-advance", perspective: .activities,
              swedish: "Material skickas ut i förväg", english: "Material sent out in advance"),
        .init(code: "activities.dietary-needs", perspective: .activities,
              swedish: "Mat och fika efter särskilda behov", english: "Food for special dietary needs"),
    ])
}
