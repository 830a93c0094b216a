import DiversityKit
import ExampleSupport
import Foundation
import SurveyModule
import Testing

@Suite("The audit log of the examples never holds a survey token")
struct AuditLogSurveyTests {
    @Test("distributing, answering and closing through AuditLogStore writes no raw token to its log file")
    func noRawTokenOnDisk() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("audit-survey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let logFile = dir.appendingPathComponent("audit.log").path
        let store = try AuditLogStore(wrapping: InMemoryStore(), logFile: logFile)
        try await store.insert(Organisation(id: "org", name: "Kommunen", kind: .municipality, units: [OrganisationUnit(id: "u1", name: "Enheten")]))
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let service = SurveyService(store: store, secret: ExampleTokenSecret.value, clock: { start + 60 })
        let q = try await service.publish(ItemBank.courseEvaluation())
        let (d, tokens) = try await service.distribute(DistributionPlan(
            questionnaire: q.reference, population: .units([UnitHeadcount(unit: "u1", headcount: 6)]), opens: start, closes: start + 86_400))
        for t in tokens.prefix(5) {
            try await service.submit(ResponseSubmission(token: t.token, questionnaire: q.reference, answers: ["R01": .value(4), "R02": .value(5)]))
        }
        try await service.close(d.id)
        let log = try String(contentsOfFile: logFile, encoding: .utf8)
        #expect(log.contains("survey.token"))
        for t in tokens { #expect(!log.contains(t.token)) }
        #expect(try await service.responses(of: d.id).count == 5)
    }
}
