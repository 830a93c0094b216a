import DiversityKit
import Foundation

/// JSON export and import of questionnaires and responses (pretty-printed, sorted keys,
/// ISO 8601 times with milliseconds).
///
/// ```swift
/// let data = try SurveyJSON.encode(questionnaire)
/// let back = try SurveyJSON.decodeQuestionnaire(data)
/// ```
public enum SurveyJSON {
    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(SurveyDateFormat.string(date))
        }
        return e
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = SurveyDateFormat.date(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 time")
            }
            return date
        }
        return d
    }

    /// `questionnaire` as JSON.
    /// - Throws: an `EncodingError` (not expected).
    public static func encode(_ questionnaire: Questionnaire) throws -> Data { try encoder.encode(questionnaire) }

    /// A questionnaire from JSON, structurally validated.
    /// - Throws: ``SurveyImportError`` with ``ImportProblem/malformedJSON(_:)`` for JSON that does not decode:
    ///   a syntax error carries its line and column, a wrong shape its coding path (line and column 0);
    ///   ``QuestionnaireError`` for a malformed questionnaire. JSON nested deeper than
    ///   `maximumNesting` is malformed JSON, refused before parsing.
    public static func decodeQuestionnaire(_ data: Data, maximumNesting: Int = defaultMaximumNesting) throws -> Questionnaire {
        let q = try decode(Questionnaire.self, data, maximumNesting: maximumNesting)
        try q.validate()
        return q
    }

    /// `responses` as a JSON array.
    /// - Throws: an `EncodingError` (not expected).
    public static func encode(_ responses: [SurveyResponse]) throws -> Data { try encoder.encode(responses) }

    /// Responses from a JSON array, each validated against `questionnaire`.
    /// - Throws: ``SurveyImportError`` listing malformed JSON, wrong versions and invalid answers
    ///   (line = 1-based position in the array, column 0); JSON nested deeper than `maximumNesting`.
    public static func decodeResponses(_ data: Data, questionnaire: Questionnaire,
                                       maximumNesting: Int = defaultMaximumNesting) throws -> [SurveyResponse] {
        let responses = try decode([SurveyResponse].self, data, maximumNesting: maximumNesting)
        var issues: [ImportIssue] = []
        for (i, r) in responses.enumerated() {
            if r.questionnaire.id != questionnaire.id {
                issues.append(ImportIssue(line: i + 1, column: 0, field: "questionnaire",
                                          problem: .wrongQuestionnaire(expected: questionnaire.id.rawValue, found: r.questionnaire.id.rawValue)))
            } else if r.questionnaire.version != questionnaire.version {
                issues.append(ImportIssue(line: i + 1, column: 0, field: "version",
                                          problem: .wrongVersion(expected: questionnaire.version, found: String(r.questionnaire.version))))
            }
            issues += questionnaire.issues(in: r.answers, partial: r.isPartial)
                .map { ImportIssue(line: i + 1, column: 0, field: $0.item, problem: .response($0)) }
        }
        if !issues.isEmpty { throw SurveyImportError(issues: issues) }
        return responses
    }

    /// The deepest JSON nesting (arrays and objects) the decoders read unless told otherwise:
    /// 64 levels, where a questionnaire needs about 12. Checked in one pass before parsing,
    /// because Foundation's parser is recursive and a deeper document would exhaust the stack.
    public static let defaultMaximumNesting = 64

    static func decode<T: Decodable>(_: T.Type, _ data: Data, maximumNesting: Int) throws -> T {
        guard !JSONNesting.exceeds(maximumNesting, in: data) else {
            throw SurveyImportError(issues: [ImportIssue(line: 0, column: 0, problem:
                .malformedJSON("JSON nests more than maximumNesting (\(maximumNesting)) levels"))])
        }
        do { return try decoder.decode(T.self, from: data) } catch let error as DecodingError {
            let (line, column) = position(of: error, in: data)
            throw SurveyImportError(issues: [ImportIssue(line: line, column: column, problem: .malformedJSON(describe(error)))])
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let ctx): return "missing '\(key.stringValue)' at \(path(ctx.codingPath))"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            return "\(ctx.debugDescription) at \(path(ctx.codingPath))"
        @unknown default: return String(describing: error)
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// The line and column of a JSON syntax error, found by re-parsing with `JSONSerialization`,
    /// whose error names the offset ("around character 17", "around line 3, column 3" or an
    /// error index, depending on the platform); 0, 0 when the error is not a syntax error.
    static func position(of error: DecodingError, in data: Data) -> (Int, Int) {
        guard case .dataCorrupted(let ctx) = error, ctx.codingPath.isEmpty else { return (0, 0) }
        let info: [String: Any]
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return (0, 0)
        } catch {
            info = (error as NSError).userInfo
        }
        if let offset = info["NSJSONSerializationErrorIndex"] as? Int { return lineAndColumn(ofOffset: offset, in: data) }
        let text = info[NSDebugDescriptionErrorKey] as? String ?? ""
        let numbers = text.split { !$0.isNumber }.compactMap { Int($0) }
        if text.contains("line"), numbers.count >= 2 { return (numbers[0], numbers[1]) }
        if text.contains("character"), let offset = numbers.first { return lineAndColumn(ofOffset: offset, in: data) }
        return (0, 0)
    }

    static func lineAndColumn(ofOffset offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for b in data.prefix(offset) {
            if b == 10 {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
