import DiversityKit
import Foundation
import SurveyModule

extension LimeSurveyResponseImporter {
    /// Every valid response of a LimeSurvey response file (`.lsr`, the XML LimeSurvey writes into
    /// its survey archives): `<document><responses><fields>…<rows><row>`. Field names are
    /// LimeSurvey's `<sid>X<gid>X<qid><suffix>` column names (with or without a leading `_`), read
    /// through ``LimeSurveyMapping/questionCodes``, or question codes. As LimeSurvey writes them, an
    /// element is named by its field with `_` before a leading digit and `-` for `#`, and a NULL
    /// value has no element. Values are read as the CSV export's are; the location of a problem is
    /// the line of its `<row>`.
    /// - Throws: ``LimeSurveyResponseImportError`` listing every problem; ``LimeSurveyImportError``
    ///   (`.notXML`, `.notAResponseFile`, `.isAnArchive`, `.boundExceeded`, `.tokenInAnonymousSurvey`, `.noQuestionColumns`).
    public func importResponseFile(data: Data) throws -> LimeSurveyResponses {
        let doc = try LSSDocument.parse(data, limits: limits, archiveReader: "LimeSurveyArchiveImporter().importArchive(data:)")
        guard doc.docType == "Responses" else {
            throw LimeSurveyImportError.notAResponseFile(found: doc.docType.map { "a LimeSurvey '\($0)' document" } ?? "a <document> without <LimeSurveyDocType>")
        }
        let rows = doc.rows("responses")
        var names = doc.fieldNames["responses"] ?? []
        if names.isEmpty, let first = rows.first { names = first.values.keys.sorted() }
        guard !names.isEmpty else { return LimeSurveyResponses(responses: [], report: LimeSurveyResponseReport()) }
        let header = RawRecord(fields: names.map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 }, line: 1, column: 1)
        let elements = names.map { name in
            (name.first.map { $0.isASCII && $0.isNumber } == true ? "_" + name : name).replacingOccurrences(of: "#", with: "-")
        }
        var iterator = rows.makeIterator()
        var responses: [SurveyResponse] = []
        var report = LimeSurveyResponseReport()
        try read(header: header, next: {
            guard let row = iterator.next() else { return nil }
            let fields = elements.map { row.text($0) ?? "" }
            return RawRecord(fields: fields, line: row.line, column: row.column)
        }, into: &report) { responses.append($0) }
        if !report.issues.isEmpty { throw LimeSurveyResponseImportError(issues: report.issues) }
        return LimeSurveyResponses(responses: responses, report: report)
    }
}

/// Imports a LimeSurvey survey archive (`.lsa`): a ZIP file holding the structure
/// (`survey_<sid>.lss`), the responses (`survey_<sid>_responses.lsr`), the participant table
/// (`survey_<sid>_tokens.lst`) and the timings (`…_timings.lsi`, not read).
///
/// The archive is read in memory through the system's zlib, within ``LimeSurveyLimits``' bounds
/// on entries, sizes and compression ratio; unsafe entry names are refused. The participant
/// table follows the survey's distribution mode: an anonymous survey's is never opened, so no
/// response can be linked to a person; an identified survey's gives only counts (invited, done)
/// — names, e-mail addresses and tokens are not kept.
///
/// ```swift
/// let archive = try LimeSurveyArchiveImporter().importArchive(data: Data(contentsOf: lsa))
/// try await service.publish(archive.structure.questionnaire)
/// for r in archive.responses?.responses ?? [] { … }
/// ```
public struct LimeSurveyArchiveImporter: Sendable {
    /// The structure importer (strict mode, questionnaire id, bounds).
    public var structureImporter: LimeSurveyImporter
    /// The time zone of the LimeSurvey server's dates; UTC by default.
    public var timeZone: TimeZone

    /// Creates an importer.
    public init(structureImporter: LimeSurveyImporter = LimeSurveyImporter(), timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.structureImporter = structureImporter
        self.timeZone = timeZone
    }

    /// Imports the archive at `url`.
    /// - Throws: as ``importArchive(data:)``; `CocoaError` when the file cannot be read.
    public func importArchive(from url: URL) throws -> LimeSurveyArchive {
        try importArchive(data: try Data(contentsOf: url))
    }

    /// Imports an archive's bytes.
    /// - Throws: ``LimeSurveyImportError`` (`.malformedArchive`, `.unsafeEntryName`, `.boundExceeded`,
    ///   `.missingArchiveEntry` without a `.lss`, and whatever reading the structure throws);
    ///   ``LimeSurveyResponseImportError`` listing every problem of the responses.
    public func importArchive(data: Data) throws -> LimeSurveyArchive {
        let zip = try ZIPArchive(data, limits: structureImporter.limits)
        guard let lss = zip.entries.first(where: { $0.name.lowercased().hasSuffix(".lss") }) else {
            throw LimeSurveyImportError.missingArchiveEntry("survey structure (.lss)")
        }
        let structure = try structureImporter.importStructure(data: try zip.contents(of: lss))
        var archive = LimeSurveyArchive(structure: structure)
        if let lsr = zip.entries.first(where: { $0.name.lowercased().hasSuffix("_responses.lsr") }) {
            let importer = try LimeSurveyResponseImporter(questionnaire: structure.questionnaire, mapping: structure.mapping,
                                                          timeZone: timeZone, limits: structureImporter.limits)
            archive.responses = try importer.importResponseFile(data: try zip.contents(of: lsr))
        } else {
            archive.warnings.append("the archive has no responses (.lsr): the survey was never activated")
        }
        if let lst = zip.entries.first(where: { $0.name.lowercased().hasSuffix("_tokens.lst") }) {
            if structure.mode == .anonymous {
                archive.warnings.append("the participant table (\(lst.name)) is not read: the survey is anonymous, and no response may be linked to a person")
            } else {
                archive.participants = try participants(try zip.contents(of: lst))
                archive.warnings.append("the participant table gives counts only; names, e-mail addresses and tokens are not kept")
            }
        }
        for entry in zip.entries where entry.name.lowercased().hasSuffix(".lsi") {
            archive.warnings.append("\(entry.name) (response timings) is not read")
        }
        return archive
    }

    private func participants(_ data: Data) throws -> LimeSurveyParticipants {
        let doc = try LSSDocument.parse(data, limits: structureImporter.limits)
        let rows = doc.rows("tokens")
        let done = rows.filter { row in row["completed"].map { !$0.isEmpty && $0.uppercased() != "N" } ?? false }.count
        return LimeSurveyParticipants(invited: rows.count, completed: done)
    }
}

/// What a LimeSurvey archive held.
public struct LimeSurveyArchive: Hashable, Sendable {
    /// The structure: questionnaire, mapping and report.
    public var structure: LimeSurveyStructure
    /// The responses, when the archive has a response file.
    public var responses: LimeSurveyResponses?
    /// Counts from the participant table; `nil` for an anonymous survey or an archive without one.
    public var participants: LimeSurveyParticipants?
    /// What was left out and why.
    public var warnings: [String] = []

    /// Creates a result.
    public init(structure: LimeSurveyStructure, responses: LimeSurveyResponses? = nil, participants: LimeSurveyParticipants? = nil,
                warnings: [String] = []) {
        self.structure = structure
        self.responses = responses
        self.participants = participants
        self.warnings = warnings
    }
}

/// Counts from an identified survey's participant table (no personal data).
public struct LimeSurveyParticipants: Codable, Hashable, Sendable {
    /// Invitations (rows of the table).
    public var invited: Int
    /// Those marked completed.
    public var completed: Int

    /// Creates counts.
    public init(invited: Int, completed: Int) {
        self.invited = invited
        self.completed = completed
    }
}
