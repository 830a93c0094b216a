import DiversityKit
import Foundation

/// A questionnaire (enkät, frågebatteri): sections of items, and scales over its Likert items.
///
/// Once published through ``SurveyService/publish(_:)`` a version is immutable: a change is
/// published as the next ``version`` of the same ``id``, and every response names the version
/// it answered.
///
/// ```swift
/// var q = Questionnaire(id: "baseline", title: LocalizedText(sv: "Nuläge", en: "Baseline"),
///                       sections: [Section(code: "S1", title: …, items: [item])])
/// try q.validate()
/// ```
public struct Questionnaire: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "survey.questionnaire"

    /// The questionnaire's identifier, shared by all its versions.
    public var id: ID<Questionnaire>
    /// The version, from 1; set by publishing.
    public var version: Int
    /// Its title.
    public var title: LocalizedText
    /// Its sections, in order.
    public var sections: [Section]
    /// Scales: named groups of Likert items.
    public var scales: [Scale]
    /// The BCP 47 tag of the language the questionnaire is written in first (`"sv"` unless given):
    /// the last step of every text's fallback chain (see ``LocalizedText/text(for:base:)``).
    /// One version carries all its languages, so answers in any of them pool as one version.
    public var baseLanguage: String

    /// Creates a questionnaire (version 1 unless given).
    public init(id: ID<Questionnaire>, version: Int = 1, title: LocalizedText, sections: [Section], scales: [Scale] = [],
                baseLanguage: String = "sv") {
        self.id = id
        self.version = version
        self.title = title
        self.sections = sections
        self.scales = scales
        self.baseLanguage = baseLanguage
    }

    private enum CodingKeys: String, CodingKey { case id, version, title, sections, scales, baseLanguage }

    /// Decodes a questionnaire; one written before languages were open has base language `sv`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(ID<Questionnaire>.self, forKey: .id), version: try c.decode(Int.self, forKey: .version),
                  title: try c.decode(LocalizedText.self, forKey: .title), sections: try c.decode([Section].self, forKey: .sections),
                  scales: try c.decode([Scale].self, forKey: .scales),
                  baseLanguage: try c.decodeIfPresent(String.self, forKey: .baseLanguage) ?? "sv")
    }

    /// Every language tag some text of the questionnaire is written in, sorted.
    public var languages: [String] {
        var tags: Set<String> = [baseLanguage]
        func add(_ t: LocalizedText) { tags.formUnion(t.languages) }
        add(title)
        for section in sections {
            add(section.title)
            for item in section.items {
                add(item.prompt)
                item.kind.options.forEach { add($0.label) }
            }
        }
        return tags.sorted()
    }

    /// The version's reference: identifier and version.
    public var reference: QuestionnaireReference { QuestionnaireReference(id: id, version: version) }

    /// `"<id>#<version>"`: every version is its own record.
    public var recordID: String { reference.description }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] { ["questionnaire": id.rawValue] }

    /// Every item in order of appearance.
    public var items: [Item] { sections.flatMap(\.items) }

    /// The item with `code`, if any.
    public func item(_ code: String) -> Item? {
        for section in sections { if let i = section.items.first(where: { $0.code == code }) { return i } }
        return nil
    }

    /// Whether any item is marked sensitive.
    public var hasSensitiveItems: Bool { items.contains { $0.isSensitive } }

    /// Checks the structure: unique non-empty codes, options, scales and ranges that make sense.
    /// - Throws: ``QuestionnaireError`` naming the first problem found.
    public func validate() throws {
        guard version >= 1 else { throw QuestionnaireError.invalidVersion(version) }
        guard Self.isLanguageTag(baseLanguage) else { throw QuestionnaireError.invalidLanguageTag(baseLanguage) }
        var seen: Set<String> = []
        for item in items {
            guard !item.code.isEmpty, !item.code.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0.isNewline })
            else { throw QuestionnaireError.invalidItemCode(item.code) }
            guard seen.insert(item.code).inserted else { throw QuestionnaireError.duplicateItemCode(item.code) }
            try Self.validate(item)
        }
        var scaleCodes: Set<String> = []
        for scale in scales {
            guard scaleCodes.insert(scale.code).inserted else { throw QuestionnaireError.duplicateScaleCode(scale.code) }
            guard !scale.itemCodes.isEmpty, (1...scale.itemCodes.count).contains(scale.minimumAnswered) else {
                throw QuestionnaireError.invalidScale(scale.code, reason: "minimum answered must be 1…\(scale.itemCodes.count)")
            }
            for code in scale.itemCodes {
                guard let item = item(code) else { throw QuestionnaireError.scaleNamesUnknownItem(scale: scale.code, item: code) }
                guard item.isLikert else { throw QuestionnaireError.scaleItemNotLikert(scale: scale.code, item: code) }
            }
            let ranges = Set(scale.itemCodes.compactMap { item($0)?.validCodes })
            guard ranges.count == 1 else { throw QuestionnaireError.invalidScale(scale.code, reason: "items use different Likert ranges") }
        }
    }

    static func validate(_ item: Item) throws {
        let code = item.code
        switch item.kind {
        case .likert(let scale, _):
            guard scale.labels.count >= 2 else { throw QuestionnaireError.invalidItem(code, reason: "a Likert scale needs two points or more") }
            // Int32.min is the response matrix's "missing" code: a point coded so would vanish.
            guard scale.isValid else { throw QuestionnaireError.invalidItem(code, reason: "Likert codes must fit in 32 bits, above Int32.min") }
        case .singleChoice(let options), .demographic(let options):
            try validateOptions(options, code)
        case .multipleChoice(let options, let max):
            try validateOptions(options, code)
            if let max, !(1...options.count).contains(max) {
                throw QuestionnaireError.invalidItem(code, reason: "max selections must be 1…\(options.count)")
            }
        case .numeric(let range, _):
            guard range.lowerBound > Int(Int32.min), range.upperBound <= Int(Int32.max) else {
                throw QuestionnaireError.invalidItem(code, reason: "numeric range must fit in 32 bits")
            }
        case .freeText(let maxLength):
            guard maxLength > 0 else { throw QuestionnaireError.invalidItem(code, reason: "max length must be positive") }
        case .knowledge(let k):
            try validateOptions(k.options, code)
            guard k.options.contains(where: { $0.code == k.correct }) else {
                throw QuestionnaireError.invalidItem(code, reason: "the correct key \(k.correct) is not an option")
            }
        case .ranking(let options, let minimum, let maximum):
            try validateOptions(options, code)
            let most = maximum ?? options.count
            guard (1...options.count).contains(most), (0...most).contains(minimum) else {
                throw QuestionnaireError.invalidItem(code, reason: "ranked counts must satisfy 0 ≤ minimum ≤ maximum ≤ \(options.count), maximum ≥ 1")
            }
        case .date(let range):
            if let range, range.lowerBound.year < 1 || range.upperBound.year > 9999 {
                throw QuestionnaireError.invalidItem(code, reason: "a date range must lie within the years 1…9999")
            }
        case .dualScale(let d):
            guard d.scales.count == 2 else { throw QuestionnaireError.invalidItem(code, reason: "a dual-scale array needs exactly two scales") }
            try validateLines(d.rows, "rows", code)
            for axis in d.scales { try validateOptions(axis.options, code) }
        case .numericMatrix(let m):
            try validateLines(m.rows, "rows", code)
            try validateLines(m.columns, "columns", code)
            guard m.range.lowerBound > Int(Int32.min), m.range.upperBound <= Int(Int32.max) else {
                throw QuestionnaireError.invalidItem(code, reason: "numeric range must fit in 32 bits")
            }
        }
    }

    static func validateLines(_ lines: [MatrixLine], _ what: String, _ code: String) throws {
        guard !lines.isEmpty else { throw QuestionnaireError.invalidItem(code, reason: "needs one of its \(what) or more") }
        guard lines.allSatisfy({ !$0.code.isEmpty && !$0.code.contains("#") && !$0.code.contains("|") && !$0.code.contains("=") }) else {
            throw QuestionnaireError.invalidItem(code, reason: "codes of \(what) must be non-empty without '#', '|' or '='")
        }
        guard Set(lines.map(\.code)).count == lines.count else {
            throw QuestionnaireError.invalidItem(code, reason: "codes of \(what) repeat")
        }
    }

    /// Whether `tag` has the shape of a BCP 47 tag: subtags of 1–8 ASCII letters or digits joined by `-`.
    public static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        return parts.first.map { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isLetter } } == true
            && parts.allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func validateOptions(_ options: [AnswerOption], _ code: String) throws {
        guard options.count >= 2 else { throw QuestionnaireError.invalidItem(code, reason: "needs two options or more") }
        guard Set(options.map(\.code)).count == options.count else {
            throw QuestionnaireError.invalidItem(code, reason: "option codes repeat")
        }
        guard options.allSatisfy({ $0.code > Int(Int32.min) && $0.code <= Int(Int32.max) }) else {
            throw QuestionnaireError.invalidItem(code, reason: "option codes must fit in 32 bits")
        }
    }
}

/// A questionnaire version: identifier and version number, written `"<id>#<version>"`.
public struct QuestionnaireReference: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The questionnaire.
    public var id: ID<Questionnaire>
    /// The version.
    public var version: Int
    /// Creates a reference.
    public init(id: ID<Questionnaire>, version: Int) {
        self.id = id
        self.version = version
    }
    /// `"<id>#<version>"`.
    public var description: String { "\(id.rawValue)#\(version)" }
}

/// A section (avsnitt) of a questionnaire: a titled group of items, often one Likert grid.
public struct Section: Codable, Hashable, Sendable {
    /// The section's code.
    public var code: String
    /// Its heading.
    public var title: LocalizedText
    /// Its items, in order.
    public var items: [Item]

    /// Creates a section.
    public init(code: String, title: LocalizedText, items: [Item]) {
        self.code = code
        self.title = title
        self.items = items
    }
}

/// A scale (index): a named group of Likert items scored as the mean of its answered items,
/// reverse-coded items flipped, when at least ``minimumAnswered`` are answered.
///
/// ```swift
/// Scale(code: "CLIMATE", title: …, itemCodes: ["C01", "C02", "C03"], minimumAnswered: 2, topic: .workClimate)
/// ```
public struct Scale: Codable, Hashable, Sendable {
    /// The scale's code.
    public var code: String
    /// Its name.
    public var title: LocalizedText
    /// Its Likert items (all on the same scale range).
    public var itemCodes: [String]
    /// How many items must be answered for a score.
    public var minimumAnswered: Int
    /// The training topic a low score points to, if any (used by tailoring).
    public var topic: TrainingTopic?

    /// Creates a scale; high scores are the favourable direction (reverse-code items otherwise).
    public init(code: String, title: LocalizedText, itemCodes: [String], minimumAnswered: Int, topic: TrainingTopic? = nil) {
        self.code = code
        self.title = title
        self.itemCodes = itemCodes
        self.minimumAnswered = minimumAnswered
        self.topic = topic
    }
}

/// A questionnaire whose structure does not make sense.
public enum QuestionnaireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A version below 1.
    case invalidVersion(Int)
    /// A base language that is not a BCP 47 tag.
    case invalidLanguageTag(String)
    /// An empty item code or one with a separator, quote or newline (it becomes a CSV column).
    case invalidItemCode(String)
    /// Two items share a code.
    case duplicateItemCode(String)
    /// An item's options, range or length make no sense.
    case invalidItem(String, reason: String)
    /// Two scales share a code.
    case duplicateScaleCode(String)
    /// A scale's definition makes no sense.
    case invalidScale(String, reason: String)
    /// A scale names an item the questionnaire does not have.
    case scaleNamesUnknownItem(scale: String, item: String)
    /// A scale names an item that is not a Likert item.
    case scaleItemNotLikert(scale: String, item: String)

    /// A readable description.
    public var description: String { text(.english) }
}
