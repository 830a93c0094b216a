/// A perspective on equality and diversity (perspektiv), as chosen in Omvänt Mentorskap's
/// dialogues: the lens a conference works through or a mentoring pair talks about.
public enum Perspective: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Verksamhetsutveckling.
    case businessDevelopment
    /// Teamarbete och ledarskap.
    case teamworkAndLeadership
    /// Rekrytering.
    case recruitment
    /// Internationalisering.
    case internationalisation
    /// Socialt ansvarstagande.
    case socialResponsibility
    /// Medborgare/brukare/kund.
    case citizenUserCustomer
    /// Konkurrens.
    case competition
    /// Lönsamhet.
    case profitability

    /// The Swedish label, e.g. "Teamarbete och ledarskap".
    public var swedishLabel: String {
        switch self {
        case .businessDevelopment: return "Verksamhetsutveckling"
        case .teamworkAndLeadership: return "Teamarbete och ledarskap"
        case .recruitment: return "Rekrytering"
        case .internationalisation: return "Internationalisering"
        case .socialResponsibility: return "Socialt ansvarstagande"
        case .citizenUserCustomer: return "Medborgare/brukare/kund"
        case .competition: return "Konkurrens"
        case .profitability: return "Lönsamhet"
        }
    }

    /// Orders values ascending.
    public static func < (lhs: Perspective, rhs: Perspective) -> Bool { lhs.rawValue < rhs.rawValue }
}
