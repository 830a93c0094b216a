import DiversityKit
import Foundation
import LimeSurveyImport
import SurveyModule

/// The survey files `survey report` reads, told apart by the structure file's extension.
///
/// Adding a format is one case here and one branch in ``load(console:timeZone:)``: a LimeSurvey
/// `.lsa` archive (structure and responses in one file) would be `case limeSurveyArchive(URL)`.
enum SurveyInput {
    /// A LimeSurvey structure file (`.lss`) and a LimeSurvey response export (CSV, question codes, answer codes).
    case limeSurvey(structure: URL, responses: URL)
    /// A DiversityKit questionnaire (`SurveyJSON`) and responses as DiversityKit response CSV or JSON.
    case questionnaire(json: URL, responses: URL)

    /// The structure extensions the tool reads, for messages.
    static let structureExtensions = [".lss", ".json"]

    init(structure: String, responses: String?) throws {
        let structureURL = URL(fileURLWithPath: structure)
        func responsesURL() throws -> URL {
            guard let responses, !responses.isEmpty else { throw UsageError("alternativet '--responses' måste anges", "option '--responses' is required") }
            return URL(fileURLWithPath: responses)
        }
        switch structureURL.pathExtension.lowercased() {
        case "lss": self = .limeSurvey(structure: structureURL, responses: try responsesURL())
        case "json": self = .questionnaire(json: structureURL, responses: try responsesURL())
        case "lsa":
            throw UsageError("'\(structure)': LimeSurvey-arkiv (.lsa) läses inte ännu; exportera enkätstrukturen (.lss) och svaren (CSV) i stället",
                             "'\(structure)': LimeSurvey archives (.lsa) are not read yet; export the survey structure (.lss) and the responses (CSV) instead")
        default:
            throw UsageError("'\(structure)': strukturen måste vara en LimeSurvey-fil .lss eller en DiversityKit-enkät .json",
                             "'\(structure)': the structure must be a LimeSurvey .lss file or a DiversityKit questionnaire .json file")
        }
    }

    /// Reads the questionnaire and every response, refusing the whole input when any row is bad.
    func load(console: Console, timeZone: TimeZone) throws -> LoadedSurvey {
        switch self {
        case .limeSurvey(let structureURL, let responsesURL):
            console.progress(console.text("Läser enkätstrukturen \(structureURL.lastPathComponent) …",
                                          "Reading the survey structure \(structureURL.lastPathComponent) …"))
            let structure = try readable(structureURL) { try LimeSurveyImporter().importStructure(from: $0) }
            var warnings = structure.report.warnings
            warnings += structure.report.skipped.map { $0.text(console.language) }
            let importer = try LimeSurveyResponseImporter(questionnaire: structure.questionnaire, mapping: structure.mapping,
                                                          timeZone: timeZone)
            var responses: [SurveyResponse] = []
            let report = try readable(responsesURL) { url in
                try importer.read(try CSVReader(url: url)) { response in
                    responses.append(response)
                    progress(responses.count, console)
                }
            }
            try refuse(report.issues, in: responsesURL)
            warnings += report.warnings
            return LoadedSurvey(questionnaire: structure.questionnaire, responses: responses, warnings: warnings)
        case .questionnaire(let jsonURL, let responsesURL):
            console.progress(console.text("Läser enkäten \(jsonURL.lastPathComponent) …", "Reading the questionnaire \(jsonURL.lastPathComponent) …"))
            let questionnaire = try readable(jsonURL) { try SurveyJSON.decodeQuestionnaire(try Data(contentsOf: $0)) }
            var responses: [SurveyResponse] = []
            if responsesURL.pathExtension.lowercased() == "json" {
                responses = try readable(responsesURL) {
                    try SurveyJSON.decodeResponses(try Data(contentsOf: $0), questionnaire: questionnaire)
                }
            } else {
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

    /// Runs `body` on a file that must exist, so a wrong path reads as one.
    private func readable<T>(_ url: URL, _ body: (URL) throws -> T) throws -> T {
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw CommandFailure("\(url.path): filen finns inte", "\(url.path): no such file") }
        do { return try body(url) } catch let failure as CommandFailure { throw failure } catch {
            throw CommandFailure(url.path, wrapping: error)
        }
    }

    /// Refuses the input when `issues` is not empty, listing the first 20 with their line and field.
    private func refuse(_ issues: [some LocalizedMessage & Sendable], in url: URL) throws {
        guard !issues.isEmpty else { return }
        let path = url.path
        throw CommandFailure { language in
            let sv = language == .swedish
            let shown = issues.prefix(20).map { "  " + $0.text(language) }.joined(separator: "\n")
            let more = issues.count > 20 ? (sv ? "\n  … och \(issues.count - 20) till" : "\n  … and \(issues.count - 20) more") : ""
            return sv ? "\(path): \(issues.count) rader kunde inte läsas, så ingen rapport skrevs:\n\(shown)\(more)"
                : "\(path): \(issues.count) rows could not be read, so nothing was reported:\n\(shown)\(more)"
        }
    }
}

/// A questionnaire and its responses, as read.
struct LoadedSurvey {
    var questionnaire: Questionnaire
    var responses: [SurveyResponse]
    var warnings: [String]

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
