import DiversityKit

/// The weights and constraints of reverse-mentoring matching.
///
/// Fit is counted in whole points so that optimality is exact:
/// `perspectivePoints` per shared perspective, `languagePoints` once when the pair shares a
/// language, `availabilityPoints` per shared weekly slot and `crossOrganisationBonus` when
/// mentor and adept come from different organisations — the concrete meaning of "balance
/// across organisations": among otherwise equal choices the matcher prefers pairs that cross
/// organisational borders, and ``MatchingResult/pairsPerOrganisationPair`` shows the spread.
public struct MatchingRules: Codable, Hashable, Sendable {
    /// Points per shared perspective of interest.
    public var perspectivePoints: Int
    /// Points when the pair shares at least one language.
    public var languagePoints: Int
    /// Points per shared availability slot.
    public var availabilityPoints: Int
    /// Points when mentor and adept belong to different organisations.
    public var crossOrganisationBonus: Int
    /// The most adepts any mentor takes (a mentor's own ``MentoringProfile/capacity`` may be lower).
    public var maxAdeptsPerMentor: Int
    /// Whether a pair must share a language to be allowed at all.
    public var requireSharedLanguage: Bool
    /// Whether a pair must share an availability slot to be allowed at all.
    public var requireSharedAvailability: Bool

    /// The default rules: 3 per perspective, 2 for a language, 1 per slot, 4 across organisations,
    /// at most 2 adepts per mentor, a shared language required.
    public init(perspectivePoints: Int = 3, languagePoints: Int = 2, availabilityPoints: Int = 1,
                crossOrganisationBonus: Int = 4, maxAdeptsPerMentor: Int = 2,
                requireSharedLanguage: Bool = true, requireSharedAvailability: Bool = false) {
        self.perspectivePoints = perspectivePoints
        self.languagePoints = languagePoints
        self.availabilityPoints = availabilityPoints
        self.crossOrganisationBonus = crossOrganisationBonus
        self.maxAdeptsPerMentor = maxAdeptsPerMentor
        self.requireSharedLanguage = requireSharedLanguage
        self.requireSharedAvailability = requireSharedAvailability
    }
}

/// One part of a pair's score, so a coordinator can see why two people were matched.
public struct ScoreComponent: Codable, Hashable, Sendable, CustomStringConvertible {
    /// What the points are for.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// Gemensamma perspektiv.
        case sharedPerspectives
        /// Gemensamt språk.
        case sharedLanguage
        /// Gemensamma tider.
        case availabilityOverlap
        /// Olika organisationer.
        case crossOrganisation
    }
    /// What the points are for.
    public var kind: Kind
    /// The points.
    public var points: Int
    /// What was shared, e.g. `["recruitment", "competition"]`.
    public var detail: [String]

    /// Creates a component.
    public init(kind: Kind, points: Int, detail: [String]) {
        self.kind = kind
        self.points = points
        self.detail = detail
    }

    /// `"sharedPerspectives +6 (competition, recruitment)"`.
    public var description: String {
        "\(kind.rawValue) +\(points)" + (detail.isEmpty ? "" : " (\(detail.joined(separator: ", ")))")
    }
}

/// Why a mentor and an adept may not be paired.
public enum PairingObstacle: String, Codable, Hashable, Sendable {
    /// Same unit.
    case sameUnit
    /// One's unit lies above the other's in the organisation's tree (same reporting line).
    case sameReportingLine
    /// No language in common (when required).
    case noSharedLanguage
    /// No availability slot in common (when required).
    case noSharedAvailability
}

extension MatchingRules {
    /// Checks that no weight is negative and the per-mentor maximum is positive.
    /// - Throws: ``ToolkitError/invalid(entity:field:reason:)``, ``ToolkitError/notPositive(entity:field:value:)``.
    public func validate() throws {
        let key = RecordKey(type: "toolkit.mentoring.rules", id: "rules")
        for (field, value) in [("perspectivePoints", perspectivePoints), ("languagePoints", languagePoints),
                               ("availabilityPoints", availabilityPoints), ("crossOrganisationBonus", crossOrganisationBonus)]
        where value < 0 {
            throw ToolkitError.invalid(entity: key, field: field, reason: "must not be negative, was \(value)")
        }
        try Check.positive(maxAdeptsPerMentor, key, "maxAdeptsPerMentor")
    }

    /// Why `mentor` and `adept` may not be paired, or `nil` when they may.
    ///
    /// The reporting-line rule: two people share a reporting line when their units are equal or
    /// one unit is an ancestor of the other in the organisation's unit tree
    /// (``/DiversityKit/Organisation/ancestors(of:)``). Siblings and cousins under a common head are allowed.
    public func obstacle(mentor: MentoringProfile, adept: MentoringProfile,
                         organisations: [ID<Organisation>: Organisation]) -> PairingObstacle? {
        if mentor.unit == adept.unit { return .sameUnit }
        if mentor.organisation == adept.organisation, let org = organisations[mentor.organisation] {
            if org.ancestors(of: mentor.unit).contains(adept.unit) || org.ancestors(of: adept.unit).contains(mentor.unit) {
                return .sameReportingLine
            }
        }
        if requireSharedLanguage && mentor.languages.isDisjoint(with: adept.languages) { return .noSharedLanguage }
        if requireSharedAvailability && mentor.availability.isDisjoint(with: adept.availability) { return .noSharedAvailability }
        return nil
    }

    /// The score of a pair, as components (only non-zero ones).
    public func explain(mentor: MentoringProfile, adept: MentoringProfile) -> [ScoreComponent] {
        var parts: [ScoreComponent] = []
        let perspectives = mentor.perspectives.intersection(adept.perspectives).sorted()
        if !perspectives.isEmpty && perspectivePoints != 0 {
            parts.append(.init(kind: .sharedPerspectives, points: perspectivePoints * perspectives.count,
                               detail: perspectives.map(\.rawValue)))
        }
        let languages = mentor.languages.intersection(adept.languages).sorted()
        if !languages.isEmpty && languagePoints != 0 {
            parts.append(.init(kind: .sharedLanguage, points: languagePoints, detail: languages))
        }
        let slots = mentor.availability.intersection(adept.availability).sorted()
        if !slots.isEmpty && availabilityPoints != 0 {
            parts.append(.init(kind: .availabilityOverlap, points: availabilityPoints * slots.count,
                               detail: slots.map(\.description)))
        }
        if mentor.organisation != adept.organisation && crossOrganisationBonus != 0 {
            parts.append(.init(kind: .crossOrganisation, points: crossOrganisationBonus,
                               detail: [mentor.organisation.rawValue, adept.organisation.rawValue]))
        }
        return parts
    }
}
