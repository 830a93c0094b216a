import Foundation
import DiversityKit

/// A described method in the good-example bank (exempelbank; Erfarenhetsdialogen, Vervas webbank),
/// e.g. anonymised recruitment or a recruitment checklist.
public struct GoodExample: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "toolkit.example"

    /// The example's identifier.
    public var id: ID<GoodExample>
    /// Its title, e.g. "Anonymiserad rekrytering".
    public var title: String
    /// The method, described so others can use it.
    public var method: String
    /// Who tried it, if shared.
    public var organisation: ID<Organisation>?
    /// Verva's focus areas it serves.
    public var focusAreas: Set<FocusArea>
    /// Discrimination grounds it concerns.
    public var grounds: Set<DiscriminationGround>
    /// Free keywords.
    public var keywords: [String]

    /// Creates an example.
    public init(id: ID<GoodExample>, title: String, method: String, organisation: ID<Organisation>? = nil,
                focusAreas: Set<FocusArea> = [], grounds: Set<DiscriminationGround> = [], keywords: [String] = []) {
        self.id = id
        self.title = title
        self.method = method
        self.organisation = organisation
        self.focusAreas = focusAreas
        self.grounds = grounds
        self.keywords = keywords
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        ["focusArea": indexList(focusAreas.map(\.rawValue)), "ground": indexList(grounds.map(\.rawValue))]
    }
}

/// A search of the example bank; every given condition must hold.
public struct ExampleQuery: Hashable, Sendable {
    /// Words that must all occur in the title, method or keywords, ignoring case and diacritics
    /// ("oppen" finds "öppen", "REKRYTERING" finds "rekrytering").
    public var text: String
    /// A focus area the example must have.
    public var focusArea: FocusArea?
    /// A ground the example must concern.
    public var ground: DiscriminationGround?

    /// Creates a query.
    public init(text: String = "", focusArea: FocusArea? = nil, ground: DiscriminationGround? = nil) {
        self.text = text
        self.focusArea = focusArea
        self.ground = ground
    }
}

/// Text folding for search: lower case, no diacritics (å→a, ä→a, ö→o, é→e), fixed locale so
/// results do not depend on the machine.
enum SearchFolding {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                     locale: Locale(identifier: "en_US_POSIX"))
    }

    static func words(_ text: String) -> [String] {
        fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}
