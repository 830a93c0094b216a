/// The resource bounds of every LimeSurvey reader: structure files, response exports and
/// archives. Crossing one is ``LimeSurveyImportError/boundExceeded(_:limit:location:)`` naming it.
///
/// The defaults fit every real LimeSurvey export seen (137 structure files, 27 response files)
/// many times over, and keep a hostile file from taking more than a few seconds or a few
/// hundred megabytes.
///
/// ```swift
/// var limits = LimeSurveyLimits()
/// limits.maximumColumns = 50_000
/// let importer = LimeSurveyImporter(limits: limits)
/// ```
public struct LimeSurveyLimits: Hashable, Sendable {
    /// A bound, as errors name it.
    public enum Bound: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        /// ``LimeSurveyLimits/maximumFieldLength``.
        case fieldLength
        /// ``LimeSurveyLimits/maximumTextExpansion``.
        case textExpansion
        /// ``LimeSurveyLimits/maximumColumns``.
        case columns
        /// ``LimeSurveyLimits/maximumOptions``.
        case options
        /// ``LimeSurveyLimits/maximumArchiveEntries``.
        case archiveEntries
        /// ``LimeSurveyLimits/maximumEntrySize``.
        case entrySize
        /// ``LimeSurveyLimits/maximumArchiveSize``.
        case archiveSize
        /// ``LimeSurveyLimits/maximumCompressionRatio``.
        case compressionRatio

        /// The property's name, e.g. `maximumColumns`.
        public var description: String {
            switch self {
            case .fieldLength: return "maximumFieldLength"
            case .textExpansion: return "maximumTextExpansion"
            case .columns: return "maximumColumns"
            case .options: return "maximumOptions"
            case .archiveEntries: return "maximumArchiveEntries"
            case .entrySize: return "maximumEntrySize"
            case .archiveSize: return "maximumArchiveSize"
            case .compressionRatio: return "maximumCompressionRatio"
            }
        }
    }

    /// The longest text one XML field (one cell of a `<row>`) may hold, in UTF-8 bytes:
    /// 4 MiB by default (a question text with an embedded image), below libxml2's own 10 MB node limit.
    public var maximumFieldLength = 4 << 20
    /// The most text an XML document may expand to, as a multiple of its size in bytes (16 by
    /// default, plus 1 MiB): internal entities referenced many times ("billion laughs") are refused.
    public var maximumTextExpansion = 16
    /// The most columns a response export (CSV or `.lsr`) may have: 20 000 by default
    /// (LimeSurvey's own limit is MySQL's 4 096 columns per table, more on PostgreSQL).
    public var maximumColumns = 20_000
    /// The most options (answer options or sub-questions) one multiple-choice, list or ranking
    /// question may have: 1 000 by default.
    public var maximumOptions = 1_000
    /// The most entries a `.lsa` archive may have: 64 by default (LimeSurvey writes four).
    public var maximumArchiveEntries = 64
    /// The largest size one archive entry may inflate to: 512 MiB by default.
    public var maximumEntrySize = 512 << 20
    /// The largest size all archive entries together may inflate to: 1 GiB by default.
    public var maximumArchiveSize = 1 << 30
    /// The largest ratio of an entry's inflated size to its compressed size: 1 000 by default
    /// (XML compresses 10–50 times; a zip bomb 1 000 times and more).
    public var maximumCompressionRatio = 1_000

    /// The defaults.
    public init() {}

    /// The bound's value.
    public subscript(_ bound: Bound) -> Int {
        switch bound {
        case .fieldLength: return maximumFieldLength
        case .textExpansion: return maximumTextExpansion
        case .columns: return maximumColumns
        case .options: return maximumOptions
        case .archiveEntries: return maximumArchiveEntries
        case .entrySize: return maximumEntrySize
        case .archiveSize: return maximumArchiveSize
        case .compressionRatio: return maximumCompressionRatio
        }
    }
}
