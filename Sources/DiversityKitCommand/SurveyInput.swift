import DiversityKit
import Foundation
import LimeSurveyImport
import SurveyModule

/// The survey files `survey report` reads, told apart by what the files hold (their first bytes),
/// and by their extension only when the bytes say nothing.
enum SurveyInput {
    /// A LimeSurvey structure file (`.lss`) and LimeSurvey responses: the CSV export (question
    /// codes, answer codes) or a response file (`.lsr`).
    case limeSurvey(structure: URL, responses: URL)
    /// A LimeSurvey survey archive (`.lsa`): structure, responses and participant table in one ZIP file.
    case limeSurveyArchive(URL)
    /// A DiversityKit questionnaire (`SurveyJSON`) and responses as DiversityKit response CSV or JSON.
    case questionnaire(json: URL, responses: URL)

    /// Tells the inputs apart. A file that does not exist is an error of the file (exit 1), a
    /// missing or superfluous `--responses` one of the command line (exit 2).
    /// - Throws: ``SurveyInputError``, ``UsageError``.
    init(structure: String, responses: String?) throws {
        let structureURL = URL(fileURLWithPath: structure)
        // A file that is not there is told by its extension, so that the command line is checked first.
        let kind = FileManager.default.fileExists(atPath: structureURL.path)
            ? try FileKind(of: structureURL) : FileKind(head: [], extension: structureURL.pathExtension.lowercased())
        func responsesURL() throws -> URL {
            guard let responses, !responses.isEmpty else {
                throw UsageError("alternativet '--responses' måste anges: filen med svaren (för ett LimeSurvey-arkiv, .lsa, behövs det inte)",
                                 "option '--responses' is required: the file with the answers (for a LimeSurvey archive, .lsa, it is not needed)")
            }
            return URL(fileURLWithPath: responses)
        }
        switch kind {
        case .zip:
            guard responses == nil else {
                throw UsageError("'\(structure)' är ett LimeSurvey-arkiv (.lsa), som själv innehåller svaren: utelämna --responses",
                                 "'\(structure)' is a LimeSurvey survey archive (.lsa), which holds the responses itself: leave out --responses")
            }
            self = .limeSurveyArchive(structureURL)
        case .xml: self = .limeSurvey(structure: structureURL, responses: try responsesURL())
        case .json: self = .questionnaire(json: structureURL, responses: try responsesURL())
        case .other(let found):
            guard FileManager.default.fileExists(atPath: structureURL.path) else { throw SurveyInputError.missingFile(path: structureURL.path) }
            throw SurveyInputError.notASurvey(path: structureURL.path, found: found)
        }
    }

    /// Reads the questionnaire and every response, refusing the whole input when any row is bad.
    /// - Throws: ``SurveyInputError``, ``CommandFailure``.
    func load(console: Console, timeZone: TimeZone) throws -> LoadedSurvey {
        switch self {
        case .limeSurvey(let structureURL, let responsesURL):
            console.progress(console.text("Läser enkätstrukturen \(structureURL.lastPathComponent) …",
                                          "Reading the survey structure \(structureURL.lastPathComponent) …"))
            let structure = try readable(structureURL) { try LimeSurveyImporter().importStructure(from: $0) }
            var warnings = structure.report.warnings + structure.report.skipped.map { $0.text(console.language) }
            let importer = try LimeSurveyResponseImporter(questionnaire: structure.questionnaire, mapping: structure.mapping,
                                                          timeZone: timeZone)
            var responses: [SurveyResponse] = []
            switch try FileKind(of: responsesURL) {
            case .xml:
                let read = try readable(responsesURL) { try importer.importResponseFile(data: try Data(contentsOf: $0)) }
                responses = read.responses
                warnings += read.report.warnings
            case .zip:
                throw SurveyInputError.notResponses(path: responsesURL.path, found: Phrase("ett ZIP-arkiv; ett LimeSurvey-arkiv (.lsa) anges med --structure, utan --responses",
                                                                                       "a ZIP archive; a LimeSurvey archive (.lsa) goes to --structure, without --responses"))
            case .json:
                throw SurveyInputError.notResponses(path: responsesURL.path, found: Phrase("en JSON-fil; LimeSurvey-svar är en CSV-export eller en svarsfil (.lsr)",
                                                                                       "a JSON file; LimeSurvey responses are a CSV export or a response file (.lsr)"))
            case .other:
                let report = try readable(responsesURL) { url in
                    try importer.read(try CSVReader(url: url)) { response in
                        responses.append(response)
                        progress(responses.count, console)
                    }
                }
                try refuse(report.issues, in: responsesURL)
                warnings += report.warnings
            }
            return LoadedSurvey(questionnaire: structure.questionnaire, responses: responses, warnings: warnings)
        case .limeSurveyArchive(let url):
            console.progress(console.text("Läser enkätarkivet \(url.lastPathComponent) …", "Reading the survey archive \(url.lastPathComponent) …"))
            let importer = LimeSurveyArchiveImporter(timeZone: timeZone)
            let archive = try readable(url) { try importer.importArchive(from: $0) }
            guard let read = archive.responses else { throw SurveyInputError.archiveWithoutResponses(path: url.path) }
            let warnings = archive.structure.report.warnings + archive.structure.report.skipped.map { $0.text(console.language) }
                + archive.warnings + read.report.warnings
            return LoadedSurvey(questionnaire: archive.structure.questionnaire, responses: read.responses, warnings: warnings,
                                participants: archive.participants)
        case .questionnaire(let jsonURL, let responsesURL):
            console.progress(console.text("Läser enkäten \(jsonURL.lastPathComponent) …", "Reading the questionnaire \(jsonURL.lastPathComponent) …"))
            let questionnaire = try readable(jsonURL) { try SurveyJSON.decodeQuestionnaire(try Data(contentsOf: $0)) }
            var responses: [SurveyResponse] = []
            switch try FileKind(of: responsesURL) {
            case .json:
                responses = try readable(responsesURL) {
                    try SurveyJSON.decodeResponses(try Data(contentsOf: $0), questionnaire: questionnaire)
                }
            case .zip, .xml:
                throw SurveyInputError.notResponses(path: responsesURL.path,
                                                    found: Phrase("LimeSurvey-data; svaren på en DiversityKit-enkät är DiversityKits svars-CSV eller JSON",
                                                                  "LimeSurvey data; a DiversityKit questionnaire's responses are DiversityKit response CSV or JSON"))
            case .other:
                let issues = try readable(responsesURL) { url in
                    try ResponseCSVImporter(questionnaire: questionnaire).read(try CSVReader(url: url)) { response in
                        responses.append(response)
                        progress(responses.count, console)
                    }
                }
                try refuse(issues, in: responsesURL)
            }
            return LoadedSurvey(questionnaire: questionnaire, responses: responses, warnings: [])
        }
    }

    private func progress(_ count: Int, _ console: Console) {
        if count % 10_000 == 0 { console.progress(console.text("\(count) svar lästa", "\(count) responses read")) }
    }

    /// Runs `body` on a file, so that every failure names the file; bad rows are listed whole.
    private func readable<T>(_ url: URL, _ body: (URL) throws -> T) throws -> T {
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw SurveyInputError.missingFile(path: url.path) }
        do { return try body(url) } catch let error as LimeSurveyResponseImportError {
            try refuse(error.issues, in: url)
            throw error
        } catch let error as SurveyInputError {
            throw error
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw SurveyInputError.unreadable(path: url.path, reason: SurveyInputError.reason(error))
        }
    }

    /// Refuses the input when `issues` is not empty, listing them with their line and field.
    private func refuse(_ issues: [some LocalizedMessage & Sendable], in url: URL) throws {
        guard !issues.isEmpty else { return }
        throw SurveyInputError.badRows(path: url.path, issues: issues.map { Phrase($0.text(.swedish), $0.text(.english)) })
    }
}

/// What a file holds, from its first bytes; the extension decides only when they say nothing.
enum FileKind: Equatable {
    /// A ZIP archive (`PK…`), e.g. a LimeSurvey survey archive (`.lsa`).
    case zip
    /// An XML document: a LimeSurvey structure (`.lss`) or response file (`.lsr`).
    case xml
    /// A JSON document.
    case json
    /// Anything else (CSV, say); `found` describes it for messages.
    case other(found: Phrase)

    /// - Throws: ``SurveyInputError/missingFile(path:)`` when there is no readable file.
    init(of url: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = try? FileHandle(forReadingFrom: url) else {
            throw SurveyInputError.missingFile(path: url.path)
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 512)) ?? Data())
        self.init(head: head, extension: url.pathExtension.lowercased())
    }

    init(head: [UInt8], extension ext: String) {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
            return
        }
        // The first character that is not a byte-order mark or white space.
        let text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        let first = text.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        switch first {
        case UInt8(ascii: "<"): self = .xml
        case UInt8(ascii: "{"), UInt8(ascii: "["): self = .json
        default:
            switch ext {
            // Damaged files of a known kind: read as that kind, so the reader says what is wrong.
            case "lsa", "zip": self = .zip
            case "lss", "lsr", "xml": self = .xml
            case "json": self = .json
            case "csv", "txt", "tsv": self = .other(found: Phrase("en text- eller CSV-fil (en svarsexport?)", "a text or CSV file (a response export?)"))
            default:
                self = .other(found: first == nil ? Phrase("en tom fil", "an empty file")
                    : Phrase("varken en LimeSurvey-fil eller en DiversityKit-enkät", "neither a LimeSurvey file nor a DiversityKit questionnaire"))
            }
        }
    }
}

/// A phrase in Swedish and in English, chosen when it is printed.
struct Phrase: Equatable, Sendable {
    var swedish: String
    var english: String
    init(_ swedish: String, _ english: String) {
        self.swedish = swedish
        self.english = english
    }
    /// The phrase in `language`.
    func callAsFunction(_ language: ReportLanguage) -> String { language == .swedish ? swedish : english }
}

/// Why `survey report` could not read its input; printed on standard error, exit status 1.
enum SurveyInputError: Error, Equatable, LocalizedMessage {
    /// There is no readable file at the path.
    case missingFile(path: String)
    /// The `--structure` file is not a survey: `found` says what it is.
    case notASurvey(path: String, found: Phrase)
    /// The `--responses` file is not responses of the survey's kind.
    case notResponses(path: String, found: Phrase)
    /// A survey archive without a response file (a survey that was never activated).
    case archiveWithoutResponses(path: String)
    /// The file is of the right kind but cannot be read: damaged, truncated, over a bound.
    case unreadable(path: String, reason: Phrase)
    /// Response rows that cannot be read, each with its location; nothing is reported.
    case badRows(path: String, issues: [Phrase])

    var description: String { text(.english) }

    func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .missingFile(let path):
            return sv ? "\(path): filen finns inte" : "\(path): no such file"
        case .notASurvey(let path, let found):
            return sv ? "\(path) är ingen enkät: det är \(found(language)). Ange enkäten med --structure: en LimeSurvey-"
                + "struktur (.lss) eller ett LimeSurvey-arkiv (.lsa), eller en DiversityKit-enkät (.json)"
                : "\(path) is not a survey: it is \(found(language)). Give the survey with --structure: a LimeSurvey "
                + "structure (.lss) or survey archive (.lsa), or a DiversityKit questionnaire (.json)"
        case .notResponses(let path, let found):
            return sv ? "\(path) är ingen svarsfil till den här enkäten: det är \(found(language))"
                : "\(path) is not a response file for this survey: it is \(found(language))"
        case .archiveWithoutResponses(let path):
            return sv ? "\(path): enkätarkivet innehåller inga svar (enkäten aktiverades aldrig); exportera det igen från LimeSurvey när det finns svar"
                : "\(path): the survey archive holds no responses (the survey was never activated); "
                + "export it again from LimeSurvey once there are answers"
        case .unreadable(let path, let reason):
            return "\(path): \(reason(language))"
        case .badRows(let path, let issues):
            let shown = issues.prefix(20).map { "  " + $0(language) }.joined(separator: "\n")
            let more = issues.count > 20 ? (sv ? "\n  … och \(issues.count - 20) till" : "\n  … and \(issues.count - 20) more") : ""
            return sv ? "\(path): \(issues.count) rader kunde inte läsas, så ingen rapport skrevs:\n\(shown)\(more)"
                : "\(path): \(issues.count) rows could not be read, so nothing was reported:\n\(shown)\(more)"
        }
    }

    /// A reader's error in words: LimeSurvey's and the survey module's errors describe themselves;
    /// a file the system cannot read and a JSON document of the wrong shape are put plainly.
    static func reason(_ error: Error) -> Phrase {
        let own = Phrase(ReportLanguage.swedish.message(for: error), ReportLanguage.english.message(for: error))
        switch error {
        case let error as LimeSurveyImportError:
            switch error {
            case .malformedArchive, .unsafeEntryName, .missingArchiveEntry:
                return Phrase("\(own.swedish) — enkätarkivet (.lsa) är skadat eller ofullständigt; exportera det från LimeSurvey igen",
                              "\(own.english) — the survey archive (.lsa) is damaged or incomplete; export it from LimeSurvey again")
            case .boundExceeded(let bound, _, _) where [.archiveEntries, .entrySize, .archiveSize, .compressionRatio].contains(bound):
                return Phrase("enkätarkivet avvisas: \(own.swedish)", "the survey archive is refused: \(own.english)")
            case .notASurveyStructure(let found) where found.contains("'Responses'"):
                return Phrase("\(own.swedish); en svarsfil (.lsr) anges med --responses, bredvid sin struktur (.lss)",
                              "\(own.english); a response file (.lsr) goes to --responses, beside its structure (.lss)")
            default:
                return own
            }
        case let error as SurveyImportError:
            // A JSON document of the wrong shape: say what the file should be, where the decoder stopped.
            if error.issues.count == 1, let issue = error.issues.first, case .malformedJSON(let detail) = issue.problem {
                let at = issue.line > 0 ? Phrase("rad \(issue.line), tecken \(issue.column): ", "line \(issue.line), column \(issue.column): ") : Phrase("", "")
                return Phrase("\(at.swedish)inte en DiversityKit-enkät eller svarsfil som DiversityKit skriver den (\(detail))",
                              "\(at.english)not a DiversityKit questionnaire or response file as DiversityKit writes it (\(detail))")
            }
            return own
        case let error as DecodingError:
            switch error {
            case .dataCorrupted(let context):
                return Phrase("inte läsbar JSON (\(context.debugDescription))", "not readable JSON (\(context.debugDescription))")
            case .keyNotFound(let key, let context):
                return Phrase("inte en DiversityKit-enkät eller svarsfil: '\(path(context, key))' saknas",
                              "not a DiversityKit questionnaire or response file: '\(path(context, key))' is missing")
            case .typeMismatch(_, let context), .valueNotFound(_, let context):
                return Phrase("inte en DiversityKit-enkät eller svarsfil: '\(path(context, nil))' har fel sorts värde",
                              "not a DiversityKit questionnaire or response file: '\(path(context, nil))' has the wrong kind of value")
            @unknown default: return Phrase("inte läsbar JSON", "not readable JSON")
            }
        case let error as CocoaError:
            return error.code == .fileReadNoPermission ? Phrase("behörighet att läsa filen saknas", "no permission to read the file")
                : Phrase("filen kan inte läsas", "the file cannot be read")
        default:
            return own
        }
    }

    private static func path(_ context: DecodingError.Context, _ key: (any CodingKey)?) -> String {
        let keys = context.codingPath + (key.map { [$0] } ?? [])
        return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// A questionnaire and its responses, as read.
struct LoadedSurvey {
    var questionnaire: Questionnaire
    var responses: [SurveyResponse]
    var warnings: [String]
    /// Invitation counts from an identified survey's archive (no personal data).
    var participants: LimeSurveyParticipants?

    /// Sets each response's reporting unit from `by`: `unit` keeps the unit the responses carry
    /// (DiversityKit response files); otherwise `by` names a question (its code, any case) whose
    /// answer — the chosen option's label, or the text typed — becomes the group.
    mutating func group(by key: String, language: SurveyLanguage) throws {
        if let item = questionnaire.items.first(where: { $0.code.caseInsensitiveCompare(key) == .orderedSame }) {
            let labels = Dictionary(item.kind.options.map { ($0.code, $0.label[language]) }, uniquingKeysWith: { a, _ in a })
            for index in responses.indices {
                let group: String?
                switch responses[index].answers[item.code] {
                case .value(let code)?: group = labels[code] ?? String(code)
                case .text(let text)?:
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    group = trimmed.isEmpty ? nil : trimmed
                default: group = nil
                }
                responses[index].reportingUnit = group.map { ID<OrganisationUnit>($0) }
                responses[index].answers[item.code] = nil
            }
            // The grouping question is the breakdown, not a result: a unit typed as free text must
            // not reappear among the comments, nor a unit question among the items.
            for s in questionnaire.sections.indices { questionnaire.sections[s].items.removeAll { $0.code == item.code } }
            questionnaire.sections.removeAll { $0.items.isEmpty }
            for s in questionnaire.scales.indices { questionnaire.scales[s].itemCodes.removeAll { $0 == item.code } }
            questionnaire.scales.removeAll { $0.itemCodes.isEmpty }
        } else if key.lowercased() == "unit" {
            guard responses.contains(where: { $0.reportingUnit != nil }) else {
                throw CommandFailure("--by unit: svaren har ingen enhet, och enkäten har ingen fråga 'unit'; ange frågan som frågar efter enheten, t.ex. --by ENHET",
                                     "--by unit: the responses carry no unit, and the questionnaire has no question 'unit'; name the question that asks for the unit, e.g. --by ENHET")
            }
        } else {
            let codes = questionnaire.items.map(\.code).prefix(30).joined(separator: ", ")
            throw CommandFailure("--by \(key): enkäten har ingen fråga med den koden (dess koder: \(codes))",
                                 "--by \(key): the questionnaire has no question with that code (its codes: \(codes))")
        }
    }
}
