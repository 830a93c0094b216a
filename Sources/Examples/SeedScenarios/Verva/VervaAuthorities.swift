import DiversityKit

/// The 51 participating authorities in the five counties, with Verva and the knowledge supporters.
extension VervaScenario {
    /// Verket för förvaltningsutveckling, which leads and coordinates the project.
    public static let verva: ID<Organisation> = "verva"
    /// Ombudsmannen mot etnisk diskriminering (DO), knowledge support.
    public static let ombudsman: ID<Organisation> = "do"
    /// Integrationsverket, knowledge support.
    public static let integrationBoard: ID<Organisation> = "integrationsverket"

    /// One county: its county administrative board and the other authorities taking part there.
    public struct County: Hashable, Sendable {
        /// The county's name as stored on organisations, e.g. "Dalarna".
        public var name: String
        /// The genitive form used in the board's name, e.g. "Dalarnas".
        public var genitive: String
        /// The participating authorities other than the county board.
        public var authorities: [String]
        /// The county administrative board's id.
        public var board: ID<Organisation> { ID("lansstyrelsen-\(slug(name))") }
        /// The county administrative board's name.
        public var boardName: String { "Länsstyrelsen i \(genitive) län" }
        /// Every participating authority of the county, the board first.
        public var participants: [(id: ID<Organisation>, name: String)] {
            [(board, boardName)] + authorities.map { (ID(slug($0)), $0) }
        }
    }

    /// The five counties in the government decision's order.
    public static let counties: [County] = [
        County(name: "Dalarna", genitive: "Dalarnas", authorities: [
            "Polismyndigheten i Dalarnas län", "Skatteverket, Falun", "Försäkringskassan, Dalarna",
            "Länsarbetsnämnden i Dalarnas län", "Högskolan Dalarna", "Falu tingsrätt", "Kriminalvården, frivården Falun",
            "Vägverket, Borlänge", "Banverket, Borlänge"]),
        County(name: "Skåne", genitive: "Skåne", authorities: [
            "Polismyndigheten i Skåne", "Skatteverket, Malmö", "Försäkringskassan, Skåne", "Länsarbetsnämnden i Skåne län",
            "Migrationsverket, region Syd", "Kriminalvården, region Syd", "Malmö högskola", "Lunds universitet",
            "Tullverket, region Syd", "Kronofogdemyndigheten, Malmö", "Malmö tingsrätt"]),
        County(name: "Västernorrland", genitive: "Västernorrlands", authorities: [
            "Polismyndigheten i Västernorrland", "Skatteverket, Härnösand", "Försäkringskassan, Västernorrland",
            "Länsarbetsnämnden i Västernorrlands län", "Mittuniversitetet", "Kriminalvården, Härnösand",
            "Lantmäteriet, Västernorrland", "Härnösands tingsrätt"]),
        County(name: "Västra Götaland", genitive: "Västra Götalands", authorities: [
            "Polismyndigheten i Västra Götaland", "Skatteverket, Göteborg", "Försäkringskassan, Västra Götaland",
            "Länsarbetsnämnden i Västra Götalands län", "Migrationsverket, region Väst", "Göteborgs universitet",
            "Högskolan i Borås", "Sjöfartsverket, Göteborg", "Kriminalvården, region Väst", "Göteborgs tingsrätt"]),
        County(name: "Östergötland", genitive: "Östergötlands", authorities: [
            "Polismyndigheten i Östergötlands län", "Skatteverket, Linköping", "Försäkringskassan, Östergötland",
            "Länsarbetsnämnden i Östergötlands län", "Linköpings universitet", "SMHI, Norrköping",
            "Migrationsverket, Norrköping", "Statens kriminaltekniska laboratorium, Linköping"]),
    ]

    /// A stable identifier from a Swedish name: lower case, å/ä → a, ö → o, other signs → "-".
    static func slug(_ name: String) -> String {
        var result = ""
        for ch in name.lowercased() {
            switch ch {
            case "å", "ä": result.append("a")
            case "ö": result.append("o")
            case "é": result.append("e")
            case _ where ch.isASCII && (ch.isLetter || ch.isNumber): result.append(ch)
            default: if !result.hasSuffix("-") && !result.isEmpty { result.append("-") }
            }
        }
        return result.hasSuffix("-") ? String(result.dropLast()) : result
    }

    static func organisations() -> [Organisation] {
        [Organisation(id: verva, name: "Verket för förvaltningsutveckling (Verva)", kind: .stateAgency, municipality: "Stockholm"),
         Organisation(id: ombudsman, name: "Ombudsmannen mot etnisk diskriminering (DO)", kind: .stateAgency, municipality: "Stockholm"),
         Organisation(id: integrationBoard, name: "Integrationsverket", kind: .stateAgency, municipality: "Norrköping")]
            + counties.flatMap { county in
                county.participants.map { Organisation(id: $0.id, name: $0.name, kind: .stateAgency, county: county.name) }
            }
    }
}
