// Issue 19's migration crash test: a process migrating survey responses that the test kills with SIGKILL.
//
//   SurveyMigrationCrashWriter setup <path> <n>     writes a store as earlier versions did: n responses as
//                                                   `survey.response` envelopes, each with the comment "r<i>"
//   SurveyMigrationCrashWriter migrate <path> <page> migrates in pages of <page>, printing "page" after
//                                                   every committed batch, until killed or done ("done")
import DiversityKit
import DiversityKitSQLite
import Foundation
import SurveyModule

/// Forwards to a store and prints a line after each committed write.
actor PrintingStore: Store {
    let base: any Store
    init(_ base: any Store) { self.base = base }
    var schemaVersion: Int { get async throws { try await base.schemaVersion } }
    func fetch(_ key: RecordKey) async throws -> RecordEnvelope? { try await base.fetch(key) }
    func query(_ query: RecordQuery) async throws -> [RecordEnvelope] { try await base.query(query) }
    func count(_ query: RecordQuery) async throws -> Int { try await base.count(query) }
    func rows(_ query: RowQuery) async throws -> RowPage { try await base.rows(query) }
    func countRows(_ query: RowQuery) async throws -> Int { try await base.countRows(query) }
    func write(_ batch: WriteBatch) async throws {
        try await base.write(batch)
        FileHandle.standardOutput.write(Data("page\n".utf8))
    }
    func bulkInsert(_ envelopes: [RecordEnvelope]) async throws { try await write(WriteBatch(envelopes.map { .insert($0) })) }
}

/// The questionnaire of the test: five Likert items and a comment.
let questionnaire = Questionnaire(
    id: "crash", version: 1, title: LocalizedText(sv: "Krasch", en: "Crash"),
    sections: [Section(code: "S", title: LocalizedText(sv: "S", en: "S"), items:
        (1...5).map { Item(code: "L\($0)", prompt: LocalizedText(sv: "P\($0)", en: "P\($0)"), kind: .likert(scale: .agreement5, reverseCoded: false)) }
        + [Item(code: "T", prompt: LocalizedText(sv: "Kommentar", en: "Comment"), kind: .freeText(maxLength: 40))])],
    scales: [])
let secret = try TokenSecret(bytes: Array("SurveyMigrationCrashWriter  test".utf8))

let args = CommandLine.arguments
guard args.count == 4, let number = Int(args[3]) else {
    FileHandle.standardError.write(Data("usage: SurveyMigrationCrashWriter setup|migrate <path> <n|page>\n".utf8))
    exit(2)
}
let store = try SQLiteStore(path: args[2])
switch args[1] {
case "setup":
    try await store.insert(questionnaire)
    try await store.insert(SurveyDistribution(id: "d", questionnaire: questionnaire.reference, mode: .anonymous,
                                              opens: Date(timeIntervalSince1970: 0), closes: Date(timeIntervalSince1970: 1)))
    try await store.bulkInsert((0..<number).map { i in
        SurveyResponse(id: .random(), questionnaire: questionnaire.reference, distribution: "d", reportingUnit: "u",
                       submittedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(i)),
                       answers: ["L1": .value(1 + i % 5), "T": .text("r\(i)")])
    })
    FileHandle.standardOutput.write(Data("done\n".utf8))
case "migrate":
    try await SurveyService(store: PrintingStore(store), secret: secret).migrateStorage(pageSize: number)
    FileHandle.standardOutput.write(Data("done\n".utf8))
default:
    exit(2)
}
await store.close()
