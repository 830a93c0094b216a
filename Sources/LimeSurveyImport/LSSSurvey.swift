import Foundation

/// A question or sub-question of a `.lss` file, its texts merged across languages.
struct LSSQuestion: Sendable {
    var qid: Int
    var parentQID: Int
    var gid: Int
    var type: String
    var title: String
    var order: Int
    var mandatory: Bool
    var other: Bool
    var scaleID: Int
    var texts: [String: String] = [:]
    /// Where the question's first row starts.
    var line = 0
    var column = 0
}

/// An answer option of a `.lss` file (`<answers>`), its texts merged across languages.
struct LSSAnswer: Sendable {
    var qid: Int
    var code: String
    var order: Int
    var scaleID: Int
    var texts: [String: String] = [:]
}

/// A question group: the section it becomes.
struct LSSGroup: Sendable {
    var gid: Int
    var order: Int
    var names: [String: String] = [:]
}

/// The survey a ``LSSDocument`` describes, in either layout: texts in the rows with a
/// `language` column (LimeSurvey before 4), or in `question_l10ns`, `answer_l10ns` and
/// `group_l10ns` blocks keyed by `qid`, `aid` and `gid` (LimeSurvey 4 and later).
struct LSSSurvey: Sendable {
    var surveyID = ""
    var anonymized = false
    /// `anonymized = I`: the setting is inherited from a LimeSurvey survey group the file does not contain.
    var anonymityInherited = false
    var baseLanguage: String?
    var languages: [String] = []
    var titles: [String: String] = [:]
    var groups: [Int: LSSGroup] = [:]
    /// Top-level questions and sub-questions alike, by qid.
    var questions: [Int: LSSQuestion] = [:]
    var answers: [Int: [LSSAnswer]] = [:]
    /// Attributes by qid, then name (language-independent values first).
    var attributes: [Int: [String: String]] = [:]
    /// Language-specific attributes by qid, then name, then language (`other_replace_text`, …).
    var localizedAttributes: [Int: [String: [String: String]]] = [:]
    /// Whether the file keeps answer options in label sets, as LimeSurvey before 1.9 did.
    var hasLabelSets = false
    /// Ids that resolve to nothing (a non-numeric `gid`, an unknown `parent_qid`, texts of an
    /// unknown question), each with its location.
    var warnings: [String] = []

    /// - Throws: ``LimeSurveyImportError/malformedRow(table:line:column:reason:)``.
    init(_ doc: LSSDocument) throws {
        if let s = doc.rows("surveys").first {
            surveyID = s["sid"] ?? ""
            anonymized = s["anonymized"]?.uppercased() == "Y"
            anonymityInherited = s["anonymized"]?.uppercased() == "I"
            baseLanguage = s["language"]
            languages = ([s["language"]] + (s["additional_languages"] ?? "").split(separator: " ").map(String.init)).compactMap { $0 }
        }
        for l in doc.languages where !languages.contains(l) { languages.append(l) }
        for row in doc.rows("surveys_languagesettings") {
            if let lang = row["surveyls_language"], let title = row.text("surveyls_title") { titles[lang] = title }
        }
        hasLabelSets = !doc.rows("labelsets").isEmpty || !doc.rows("labels").isEmpty
        try readGroups(doc)
        for table in ["questions", "subquestions"] {
            for row in doc.rows(table) { try readQuestion(row, table) }
        }
        for row in doc.rows("question_l10ns") {
            let qid = try Self.int(row, "qid", "question_l10ns")
            guard questions[qid] != nil else {
                unresolved(row, "question_l10ns", "qid \(qid) is no question of the file; its text is not used")
                continue
            }
            if let lang = row["language"], let text = row.text("question") { questions[qid]?.texts[lang] = text }
        }
        for q in questions.values.sorted(by: { $0.qid < $1.qid }) where q.parentQID != 0 && questions[q.parentQID] == nil {
            warnings.append("line \(q.line), column \(q.column): sub-question \(q.title) (qid \(q.qid)) names parent_qid "
                + "\(q.parentQID), which is no question of the file; left out")
        }
        for q in questions.values.sorted(by: { $0.qid < $1.qid }) where q.parentQID == 0 && groups[q.gid] == nil {
            warnings.append("line \(q.line), column \(q.column): question \(q.title) (qid \(q.qid)) names gid \(q.gid), "
                + "which is no group of the file; it gets a section G\(q.gid) of its own")
        }
        try readAnswers(doc)
        for row in doc.rows("question_attributes") {
            let qid = try Self.int(row, "qid", "question_attributes")
            guard questions[qid] != nil else {
                unresolved(row, "question_attributes", "qid \(qid) is no question of the file; attribute \(row["attribute"] ?? "?") is not used")
                continue
            }
            guard let name = row["attribute"] else { continue }
            let value = row["value"] ?? ""
            if row["language"] == nil || attributes[qid]?[name] == nil { attributes[qid, default: [:]][name] = value }
            if let lang = row["language"], !value.isEmpty { localizedAttributes[qid, default: [:]][name, default: [:]][lang] = value }
        }
    }

    private mutating func readGroups(_ doc: LSSDocument) throws {
        for row in doc.rows("groups") {
            let gid = try Self.int(row, "gid", "groups")
            var group = groups[gid] ?? LSSGroup(gid: gid, order: Int(row["group_order"] ?? "") ?? 0)
            if let lang = row["language"], let name = row.text("group_name") { group.names[lang] = name }
            groups[gid] = group
        }
        for row in doc.rows("group_l10ns") {
            let gid = try Self.int(row, "gid", "group_l10ns")
            guard groups[gid] != nil else {
                unresolved(row, "group_l10ns", "gid \(gid) is no group of the file; its name is not used")
                continue
            }
            if let lang = row["language"], let name = row.text("group_name") { groups[gid]?.names[lang] = name }
        }
    }

    private mutating func readQuestion(_ row: LSSRow, _ table: String) throws {
        let qid = try Self.int(row, "qid", table)
        if questions[qid] == nil {
            var parent = 0
            if let text = row["parent_qid"] {
                if let p = Int(text) { parent = p } else {
                    unresolved(row, table, "question \(qid) has parent_qid '\(text)', not a whole number; read as a top-level question")
                }
            }
            var gid = 0
            if let text = row["gid"] {
                if let g = Int(text) { gid = g } else {
                    unresolved(row, table, "question \(qid) has gid '\(text)', not a whole number; placed in section G0")
                }
            } else if parent == 0 {
                unresolved(row, table, "question \(qid) has no gid; placed in section G0")
            }
            guard let title = row["title"] else {
                throw LimeSurveyImportError.malformedRow(table: table, line: row.line, column: row.column,
                                                         reason: "question \(qid) has no code (title)")
            }
            let type = row["type"] ?? ""
            guard parent != 0 || type.count == 1 else {
                throw LimeSurveyImportError.malformedRow(table: table, line: row.line, column: row.column,
                                                         reason: "question \(title) has no one-letter type")
            }
            questions[qid] = LSSQuestion(
                qid: qid, parentQID: parent, gid: gid, type: type, title: title,
                order: Int(row["question_order"] ?? "") ?? 0, mandatory: row["mandatory"]?.uppercased() == "Y",
                other: row["other"]?.uppercased() == "Y", scaleID: Int(row["scale_id"] ?? "0") ?? 0, line: row.line, column: row.column)
        }
        if let lang = row["language"], let text = row.text("question") { questions[qid]?.texts[lang] = text }
    }

    private mutating func readAnswers(_ doc: LSSDocument) throws {
        var byAID: [Int: (qid: Int, index: Int)] = [:]
        var byKey: [String: Int] = [:]
        for row in doc.rows("answers") {
            let qid = try Self.int(row, "qid", "answers")
            guard let code = row["code"] else {
                throw LimeSurveyImportError.malformedRow(table: "answers", line: row.line, column: row.column,
                                                         reason: "an answer of question \(qid) has no code")
            }
            guard questions[qid] != nil else {
                unresolved(row, "answers", "answer \(code) names qid \(qid), which is no question of the file; left out")
                continue
            }
            let scale = Int(row["scale_id"] ?? "0") ?? 0
            // Old layouts repeat an answer once per language; newer ones give each answer its own aid.
            let key = row["aid"].map { "aid \($0)" } ?? "\(qid)|\(scale)|\(code)"
            let index: Int
            if let known = byKey[key] {
                index = known
            } else {
                index = answers[qid, default: []].count
                answers[qid, default: []].append(LSSAnswer(qid: qid, code: code, order: Int(row["sortorder"] ?? "") ?? 0, scaleID: scale))
                byKey[key] = index
            }
            if let lang = row["language"], let text = row.text("answer") { answers[qid]?[index].texts[lang] = text }
            if let aid = row["aid"].flatMap({ Int($0) }) { byAID[aid] = (qid, index) }
        }
        for row in doc.rows("answer_l10ns") {
            let aid = try Self.int(row, "aid", "answer_l10ns")
            guard let at = byAID[aid] else {
                unresolved(row, "answer_l10ns", "aid \(aid) is no answer of the file; its text is not used")
                continue
            }
            guard let lang = row["language"], let text = row.text("answer") else { continue }
            answers[at.qid]?[at.index].texts[lang] = text
        }
    }

    /// The top-level questions of group `gid` in order.
    func questions(inGroup gid: Int) -> [LSSQuestion] {
        questions.values.filter { $0.parentQID == 0 && $0.gid == gid }.sorted { ($0.order, $0.qid) < ($1.order, $1.qid) }
    }

    /// The sub-questions of `qid` on `scale`, in order.
    func subquestions(of qid: Int, scale: Int = 0) -> [LSSQuestion] {
        questions.values.filter { $0.parentQID == qid && $0.scaleID == scale }.sorted { ($0.order, $0.qid) < ($1.order, $1.qid) }
    }

    /// The answer options of `qid` on `scale`, in order.
    func answers(of qid: Int, scale: Int = 0) -> [LSSAnswer] {
        (answers[qid] ?? []).filter { $0.scaleID == scale }.sorted { ($0.order, $0.code) < ($1.order, $1.code) }
    }

    /// Whether LimeSurvey hides `qid` from respondents (attribute `hidden` = 1): its value comes
    /// from a default, the URL or an equation, never from the respondent.
    func isHidden(_ qid: Int) -> Bool {
        attributes[qid]?["hidden"] == "1"
    }

    /// Groups in order, then a catch-all for questions whose group is missing.
    var orderedGroupIDs: [Int] {
        var ids = groups.values.sorted { ($0.order, $0.gid) < ($1.order, $1.gid) }.map(\.gid)
        let orphans = Set(questions.values.filter { $0.parentQID == 0 && groups[$0.gid] == nil }.map(\.gid))
        ids += orphans.sorted()
        return ids
    }

    private mutating func unresolved(_ row: LSSRow, _ table: String, _ what: String) {
        warnings.append("line \(row.line), column \(row.column) (<\(table)>): \(what)")
    }

    private static func int(_ row: LSSRow, _ field: String, _ table: String) throws -> Int {
        guard let text = row[field], let value = Int(text) else {
            throw LimeSurveyImportError.malformedRow(table: table, line: row.line, column: row.column,
                                                     reason: "\(field) is missing or not a whole number")
        }
        return value
    }
}
