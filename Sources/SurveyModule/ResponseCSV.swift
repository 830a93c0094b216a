import DiversityKit
import Foundation

/// Responses as CSV: one row per response, one column per item code after the fixed columns
/// ``fixedColumns``. Codes are written as numbers, a multiple-choice answer as its codes joined
/// with `|` (`"1|3"`), free text as text, a missing answer as an empty cell. Times are ISO 8601.
///
/// ```swift
/// try ResponseCSV.export(responses, questionnaire: q, to: url, format: CSVFormat(separator: .semicolon))
/// ```
public enum ResponseCSV {
    /// The columns before the item codes.
    public static let fixedColumns = ["response_id", "questionnaire", "version", "distribution", "unit", "participant",
                                      "linkage_code", "started_at", "submitted_at", "partial"]

    /// The header row for `questionnaire`.
    public static func header(for questionnaire: Questionnaire) -> [String] { fixedColumns + questionnaire.items.map(\.code) }

    /// The row of `response` under ``header(for:)``.
    public static func row(_ r: SurveyResponse, questionnaire: Questionnaire) -> [String] {
        var row = [r.id.rawValue, r.questionnaire.id.rawValue, String(r.questionnaire.version),
                   r.distribution?.rawValue ?? "", r.reportingUnit?.rawValue ?? "", r.participant?.rawValue ?? "",
                   r.linkageCode ?? "", r.startedAt.map(SurveyDateFormat.string) ?? "",
                   r.submittedAt.map(SurveyDateFormat.string) ?? "", r.isPartial ? "1" : "0"]
        for item in questionnaire.items {
            switch r.answers[item.code] {
            case .value(let v)?: row.append(String(v))
            case .values(let vs)?: row.append(vs.map(String.init).joined(separator: "|"))
            case .text(let t)?: row.append(t)
            case nil: row.append("")
            }
        }
        return row
    }

    /// Writes `responses` to `url`, streaming.
    /// - Parameters:
    ///   - responses: the responses, one row each.
    ///   - questionnaire: their questionnaire, whose item codes are the columns.
    ///   - url: the file, created or truncated.
    ///   - format: separator, line end and formula neutralisation.
    ///   - byteOrderMark: start with a UTF-8 BOM so spreadsheets read Swedish characters (default on).
    /// - Throws: ``CSVError/unreadable(_:)`` when the file cannot be written.
    public static func export(_ responses: some Sequence<SurveyResponse>, questionnaire: Questionnaire, to url: URL,
                              format: CSVFormat = CSVFormat(), byteOrderMark: Bool = true) throws {
        let writer = try CSVFileWriter(url: url, format: format, byteOrderMark: byteOrderMark)
        try writer.write(header(for: questionnaire))
        for r in responses { try writer.write(row(r, questionnaire: questionnaire)) }
        try writer.close()
    }

    /// `responses` as CSV text (no BOM), for small exports and tests.
    public static func text(_ responses: some Sequence<SurveyResponse>, questionnaire: Questionnaire,
                            format: CSVFormat = CSVFormat()) -> String {
        var out = format.line(header(for: questionnaire))
        for r in responses { out += format.line(row(r, questionnaire: questionnaire)) }
        return out
    }
}

/// ISO 8601 times with milliseconds, as CSV and JSON exports write them.
enum SurveyDateFormat {
    static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    static let plain = Date.ISO8601FormatStyle()

    static func string(_ date: Date) -> String { withFraction.format(date) }

    static func date(_ text: String) -> Date? {
        (try? withFraction.parse(text)) ?? (try? plain.parse(text))
    }
}

extension SurveyService {
    /// Writes every response to `reference` as CSV to `url`, page by page.
    /// - Throws: ``SurveyError/unknownQuestionnaire(_:)``; ``CSVError/unreadable(_:)``.
    public func exportCSV(_ reference: QuestionnaireReference, to url: URL, format: CSVFormat = CSVFormat()) async throws {
        let q = try await questionnaire(reference)
        let writer = try CSVFileWriter(url: url, format: format, byteOrderMark: true)
        try writer.write(ResponseCSV.header(for: q))
        try await store.forEach(SurveyResponse.self, matching: RecordQuery(type: SurveyResponse.recordType)
            .where("version", equals: reference.description)) { try writer.write(ResponseCSV.row($0, questionnaire: q)) }
        try writer.close()
    }
}
