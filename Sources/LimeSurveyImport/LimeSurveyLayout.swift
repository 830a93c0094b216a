import DiversityKit
import Foundation
import SurveyModule

/// How one DiversityKit item is laid out as a LimeSurvey question: its type, answer options,
/// sub-questions, attributes and response columns. The exporter writes it; the importer
/// rebuilds it from an exported item to read that question's response columns, so the two
/// agree by construction.
struct LimeSurveyLayout {
    struct Answer {
        var code: String
        var label: LocalizedText
        var scale: Int
    }

    struct Sub {
        var title: String
        var label: LocalizedText
        var scale: Int
    }

    var type: LimeSurveyQuestionType
    var answers: [Answer] = []
    var subs: [Sub] = []
    /// Attributes by name: one value, or per language (`i18n`).
    var attributes: [String: String] = [:]
    var localizedAttributes: [String: LocalizedText] = [:]
    var columns: [String: LimeSurveyColumn] = [:]

    /// LimeSurvey's core question theme of the type (the `question_theme_name` of LimeSurvey 5 and later).
    var theme: String {
        switch type {
        case .listRadio: return "listradio"
        case .multipleChoice: return "multiplechoice"
        case .numeric: return "numerical"
        case .longText: return "longfreetext"
        case .ranking: return "ranking"
        case .date: return "date"
        case .arrayDualScale: return "arrays/dualscale"
        case .arrayNumbers: return "arrays/multiflexi"
        default: return ""
        }
    }

    /// A LimeSurvey answer code (letters and digits, at most 5) for an integer code: `A7`, `N3` for −3.
    static func answerCode(_ v: Int) throws -> String {
        let code = v >= 0 ? "A\(v)" : "N\(-v)"
        guard code.count <= 5 else { throw LimeSurveyImportError.notExportable(reason: "option code \(v) does not fit LimeSurvey's 5-character answer codes (−9999…9999)") }
        return code
    }

    /// A LimeSurvey code (a letter, then letters and digits, at most `length`) made from `code`,
    /// unique among `taken`.
    static func title(_ code: String, prefix: String, length: Int = 20, taken: inout Set<String>) -> String {
        var base = String(code.unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }.map(Character.init))
        if base.first.map({ !$0.isLetter }) ?? true { base = prefix + base }
        base = String(base.prefix(length))
        var candidate = base, n = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = String(n)
            candidate = String(base.prefix(length - suffix.count)) + suffix
            n += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// The layout of `item` as question `title`.
    /// - Throws: ``LimeSurveyImportError/notExportable(reason:)`` for codes LimeSurvey cannot hold.
    init(_ item: Item, title: String) throws {
        let code = item.code
        func coded(_ options: [AnswerOption], scale: Int = 0) throws -> [String: Int] {
            var map: [String: Int] = [:]
            for o in options {
                let c = try Self.answerCode(o.code)
                answers.append(Answer(code: c, label: o.label, scale: scale))
                map[c] = o.code
            }
            return map
        }
        func lines(_ lines: [MatrixLine], scale: Int, taken: inout Set<String>) -> [String] {
            lines.map { line in
                let t = Self.title(line.code, prefix: "SQ", taken: &taken)
                subs.append(Sub(title: t, label: line.label, scale: scale))
                return t
            }
        }
        switch item.kind {
        case .likert(let scale, _):
            type = .listRadio
            let options = scale.labels.enumerated().map { AnswerOption(code: scale.minimum + $0.offset, label: $0.element) }
            columns[title] = LimeSurveyColumn(item: code, role: .code(try coded(options)))
        case .singleChoice(let options), .demographic(let options):
            type = .listRadio
            columns[title] = LimeSurveyColumn(item: code, role: .code(try coded(options)))
        case .knowledge(let k):
            type = .listRadio
            columns[title] = LimeSurveyColumn(item: code, role: .code(try coded(k.options)))
        case .multipleChoice(let options, let max):
            type = .multipleChoice
            var taken: Set<String> = []
            for o in options {
                let t = Self.title(o.code >= 0 ? "SQ\(o.code)" : "SQN\(-o.code)", prefix: "SQ", taken: &taken)
                subs.append(Sub(title: t, label: o.label, scale: 0))
                columns["\(title)[\(t)]"] = LimeSurveyColumn(item: code, role: .option(o.code))
            }
            if let max { attributes["max_answers"] = String(max) }
        case .numeric(let range, _):
            type = .numeric
            attributes["min_num_value_n"] = String(range.lowerBound)
            attributes["max_num_value_n"] = String(range.upperBound)
            attributes["num_value_int_only"] = "1"
            columns[title] = LimeSurveyColumn(item: code, role: .number)
        case .freeText(let maxLength):
            type = .longText
            attributes["maximum_chars"] = String(maxLength)
            columns[title] = LimeSurveyColumn(item: code, role: .text)
        case .ranking(let options, let minimum, let maximum):
            type = .ranking
            let codes = try coded(options)
            attributes["min_answers"] = String(minimum)
            if let maximum { attributes["max_answers"] = String(maximum) }
            for position in 1...(maximum ?? options.count) {
                columns["\(title)[\(position)]"] = LimeSurveyColumn(item: code, role: .rank(position: position, codes: codes))
            }
        case .date(let range):
            type = .date
            attributes["date_format"] = "yyyy-mm-dd"
            if let range {
                attributes["date_min"] = range.lowerBound.description
                attributes["date_max"] = range.upperBound.description
            }
            columns[title] = LimeSurveyColumn(item: code, role: .date)
        case .dualScale(let d):
            type = .arrayDualScale
            var taken: Set<String> = []
            let rowTitles = lines(d.rows, scale: 0, taken: &taken)
            var codes: [[String: Int]] = []
            for (s, axis) in d.scales.enumerated() { codes.append(try coded(axis.options, scale: s)) }
            if d.scales.count == 2 {
                localizedAttributes["dualscale_headerA"] = d.scales[0].header
                localizedAttributes["dualscale_headerB"] = d.scales[1].header
            }
            for (row, t) in zip(d.rows, rowTitles) {
                for s in codes.indices {
                    columns["\(title)[\(t)#\(s)]"] = LimeSurveyColumn(item: code, role: .cellCode(key: DualScale.cellKey(row: row.code, scale: s), codes: codes[s]))
                }
            }
        case .numericMatrix(let m):
            type = .arrayNumbers
            var taken: Set<String> = []
            let rowTitles = lines(m.rows, scale: 0, taken: &taken)
            let columnTitles = lines(m.columns, scale: 1, taken: &taken)
            attributes["input_boxes"] = "1"
            attributes["multiflexible_min"] = String(m.range.lowerBound)
            attributes["multiflexible_max"] = String(m.range.upperBound)
            for (row, rt) in zip(m.rows, rowTitles) {
                for (column, ct) in zip(m.columns, columnTitles) {
                    columns["\(title)[\(rt)_\(ct)]"] = LimeSurveyColumn(item: code, role: .cellNumber(key: NumericMatrix.cellKey(row: row.code, column: column.code)))
                }
            }
        }
    }
}

/// What the exporter embeds so an export reads back as the very questionnaire it came from:
/// per question the item and its section, on the first question the questionnaire's own parts.
/// LimeSurvey keeps them as question attributes; a file without them imports by question type.
struct LimeSurveyEmbedding: Codable {
    static let itemAttribute = "diversitykit_item"
    static let questionnaireAttribute = "diversitykit_questionnaire"

    struct ItemPart: Codable {
        var section: String
        var item: Item
    }

    struct QuestionnairePart: Codable {
        var id: ID<Questionnaire>
        var title: LocalizedText
        var sections: [SectionHead]
        var scales: [Scale]
    }

    struct SectionHead: Codable {
        var code: String
        var title: LocalizedText
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_: T.Type, _ text: String?) -> T? {
        text.flatMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }
}
