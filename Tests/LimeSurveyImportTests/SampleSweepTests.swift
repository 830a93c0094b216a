import Foundation
@testable import LimeSurveyImport
import Testing

/// Runs the importer over a folder of real LimeSurvey structure files, such as the sample
/// surveys in LimeSurvey's own repository (`tests/data/surveys/`), which are not committed here.
///
/// ```sh
/// LIMESURVEY_SAMPLES_DIR=/path/to/LimeSurvey/tests/data/surveys swift test --filter SampleSweepTests
/// ```
///
/// Every file must import or be refused with a ``LimeSurveyImportError``; one line per file is
/// printed (and written to `$LIMESURVEY_SWEEP_REPORT` when set). A crash stops the run.
@Suite("Sweeping real LimeSurvey sample files (set LIMESURVEY_SAMPLES_DIR)")
struct SampleSweepTests {
    static let directory = ProcessInfo.processInfo.environment["LIMESURVEY_SAMPLES_DIR"]

    @Test("every .lss and .lsa file in LIMESURVEY_SAMPLES_DIR imports or is refused with a typed error",
          .enabled(if: directory != nil, "LIMESURVEY_SAMPLES_DIR is not set: no sample folder to sweep"))
    func sweep() throws {
        let folder = URL(fileURLWithPath: try #require(Self.directory), isDirectory: true)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["lss", "lsq", "lsg", "lsa", "lsr"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        try #require(!files.isEmpty, "no LimeSurvey files in \(folder.path)")
        var lines: [String] = []
        var imported = 0
        for file in files {
            let outcome = try Self.outcome(of: file)
            if outcome.hasPrefix("imported") { imported += 1 }
            lines.append("\(file.lastPathComponent)\t\(outcome)")
        }
        lines.append("\(files.count) files: \(imported) imported, \(files.count - imported) refused")
        let text = lines.joined(separator: "\n") + "\n"
        print(text)
        if let report = ProcessInfo.processInfo.environment["LIMESURVEY_SWEEP_REPORT"] {
            try text.write(toFile: report, atomically: true, encoding: .utf8)
        }
    }

    /// `imported …` or `refused …`; records an issue for anything but a ``LimeSurveyImportError``
    /// or a questionnaire that does not validate.
    static func outcome(of file: URL) throws -> String {
        do {
            if file.pathExtension.lowercased() == "lsa" {
                let a = try LimeSurveyArchiveImporter().importArchive(from: file)
                do { try a.structure.questionnaire.validate() } catch {
                    Issue.record("\(file.lastPathComponent): the archive's questionnaire does not validate: \(error)")
                }
                if a.structure.mode == .anonymous, a.participants != nil {
                    Issue.record("\(file.lastPathComponent): an anonymous survey's participant table was read")
                }
                return "imported archive: \(a.structure.questionnaire.items.count) items, "
                    + "\(a.responses.map { "\($0.responses.count) responses" } ?? "no responses"), "
                    + (a.participants.map { "\($0.invited) invited" } ?? "no participant counts") + ", \(a.warnings.count) warnings"
            }
            let s = try LimeSurveyImporter().importStructure(from: file)
            do { try s.questionnaire.validate() } catch {
                Issue.record("\(file.lastPathComponent): the imported questionnaire does not validate: \(error)")
            }
            let skipped = s.report.skipped.map { "\($0.title)('\($0.type)'): \($0.reason)" }
            return "imported \(s.questionnaire.items.count) items in \(s.questionnaire.sections.count) sections, "
                + "\(s.report.skipped.count) skipped" + (skipped.isEmpty ? "" : " [" + skipped.joined(separator: "; ") + "]")
                + ", \(s.report.warnings.count) warnings" + (s.report.warnings.isEmpty ? "" : " {" + s.report.warnings.joined(separator: " | ") + "}")
        } catch let error as LimeSurveyImportError {
            return "refused: \(error)"
        } catch let error as LimeSurveyResponseImportError {
            return "refused responses: \(error.issues.count) issues"
        } catch {
            Issue.record("\(file.lastPathComponent): not a LimeSurveyImportError: \(error)")
            return "FAILED: \(error)"
        }
    }
}
