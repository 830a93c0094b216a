import DiversityKit
import DiversityKitTesting
import Foundation
@testable import LimeSurveyImport
import SurveyModule
import Testing

/// Issue 17: fuzz harnesses for the LimeSurvey structure and response importers (their fixes
/// belong to issue 20; these only run the corpus and require no trap).
@Suite("Fuzz: LimeSurvey")
struct LimeSurveyFuzzTests {
    @Test("LimeSurvey structure: no mutated .lss traps; every structure read gives a valid questionnaire")
    func structure() throws {
        let corpus = try ["staff_l10ns", "sweep_old_layout", "workenv_old"].map(Fixtures.data)
        var wrong: [String] = []
        Fuzzer(corpus: corpus, iterations: Fuzzer(corpus: []).iterations / 3).run { bytes in
            let structure = try LimeSurveyImporter().importStructure(data: bytes)
            do { try structure.questionnaire.validate() } catch { wrong.append(String(describing: error)) }
        }
        #expect(wrong.isEmpty)
    }

    @Test("LimeSurvey responses: no mutated export traps; every response passed on is valid")
    func responses() throws {
        let importer = try ResponseImportTests.importer()
        let q = importer.questionnaire
        let corpus = [ResponseImportTests.csv([ResponseImportTests.complete, ResponseImportTests.partial]),
                      ResponseImportTests.csv([ResponseImportTests.complete], separator: ";")].map { Data($0.utf8) }
        var accepted: [SurveyResponse] = []
        Fuzzer(corpus: corpus).run { bytes in
            _ = try importer.read(try CSVReader(data: bytes)) { accepted.append($0) }
        }
        #expect(accepted.allSatisfy { q.issues(in: $0.answers, partial: $0.isPartial).isEmpty })
    }
}
