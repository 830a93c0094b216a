import DiversityKit
import DiversityKitSQLite
import ExampleSupport
import Foundation
import ProgrammeToolkit
import SeedScenarios
import SurveyModule
import Testing

/// The adversary reads bytes, not the API: an example program's workspace (``ExampleWorkspace``, what
/// the programs and an embedder's copy of them use) runs its scenario on a SQLite file, an embedder then
/// sends a follow-up survey to named participants (tokens on a reminder list, an identified course
/// evaluation, comments that name one of them), and after `Workspace.erase` of that participant neither
/// their id nor their name is in any byte of the file, its `-wal` or `-shm`, or the example's audit log.
@Suite("Erasure in the example programs' workspaces leaves no byte behind")
struct ExampleErasureTests {
    static let name = "Greta Lovisadotter"

    /// One example program: its id prefix, its scenario, and the participants its modules entangle most.
    struct Program: Sendable, CustomTestStringConvertible {
        var label: String
        var prefix: String
        var auditLog: Bool = false
        var run: @Sendable (Workspace) async throws -> [ID<Participant>]
        var testDescription: String { label }
    }

    static let programs: [Program] = [
        Program(label: "MDSS", prefix: "mdss-") { ws in
            _ = try await MDSSScenario.run(in: ws)
            return try await ws.store.all(Attendance.self).compactMap(\.participant)
        },
        Program(label: "(o)Likabehandling", prefix: "trb-") { ws in
            let outcome = try await LikabehandlingScenario.run(in: ws)
            return outcome.reflectionGroups.flatMap(\.members)
        },
        Program(label: "Mångfaldens ansikten", prefix: "ma-") { ws in
            _ = try await MangfaldensAnsiktenScenario.run(in: ws) // its ambassadors are not participants
            return try await ws.store.all(Attendance.self).compactMap(\.participant)
        },
        Program(label: "Omvänt Mentorskap", prefix: "omv-", auditLog: true) { ws in
            let outcome = try await OmvantMentorskapScenario.run(in: ws)
            return outcome.pairs.flatMap { [$0.adept, $0.mentor] }
        },
        Program(label: "Regionalt utvecklingsprojekt (Verva)", prefix: "verva-") { ws in
            _ = try await VervaScenario.run(in: ws)
            return try await ws.store.all(Attendance.self).compactMap(\.participant)
        },
    ]

    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// Every place the id or name is found, as "file: text".
    static func traces(of texts: [String], in files: [String]) -> [String] {
        files.flatMap { file in
            let data = bytes(file)
            return texts.compactMap { text -> String? in
                guard let r = data.range(of: Data(text.utf8)) else { return nil }
                let context = data[max(data.startIndex, r.lowerBound - 60)..<min(data.endIndex, r.upperBound + 60)]
                return "\(file) at \(r.lowerBound): \(text) in \(String(decoding: context.map { $0 >= 32 && $0 < 127 ? $0 : 46 }, as: UTF8.self))"
            }
        }
    }

    /// A follow-up questionnaire with a comment field.
    static let followUp = Questionnaire(
        id: "uppfoljning", title: LocalizedText(sv: "Uppföljning", en: "Follow-up"),
        sections: [Section(code: "S", title: LocalizedText(sv: "Frågor", en: "Questions"), items: [
            Item(code: "L1", prompt: LocalizedText(sv: "Utbildningen var till nytta", en: "The training was useful"),
                 kind: .likert(scale: .agreement5, reverseCoded: false)),
            Item(code: "T1", prompt: LocalizedText(sv: "Kommentar", en: "Comment"), kind: .freeText(maxLength: 200)),
        ])])

    @Test("erasing a participant leaves their id and name in no byte of the store's files or the audit log", arguments: programs)
    func noTrace(_ program: Program) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("example-erasure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        let logPath = path + ".audit.log"
        let sqlite = try SQLiteStore(path: path)
        let store: any Store
        var extra: [any ParticipantDataOwner] = []
        if program.auditLog {
            let audited = try AuditLogStore(wrapping: sqlite, logFile: logPath)
            store = audited
            extra = [audited]
        } else {
            store = sqlite
        }
        let ws = ExampleWorkspace.make(store: store, idPrefix: program.prefix, extraOwners: extra)
        let candidates = try await program.run(ws)

        // A target whose id is part of no other participant's id, so a byte match can only be theirs.
        let everyone = try await store.all(Participant.self)
        let ids = everyone.map(\.id.rawValue)
        let target = try #require(candidates.first { c in !ids.contains { $0 != c.rawValue && $0.contains(c.rawValue) } },
                                  "no candidate with an id of its own")
        let unit = everyone.first { $0.id == target }?.unit
        let others = everyone.filter { $0.id != target }
        let colleagues = Array((others.filter { $0.unit == unit } + others.filter { $0.unit != unit }).prefix(5).map(\.id))
        try #require(colleagues.count == 5)

        // The embedder's follow-up surveys to named lists: one closed (its responses released as rows),
        // one open (a comment naming her waits in the mix; her unused token is on the reminder list),
        // and an identified course evaluation she answered.
        let surveys = SurveyService(store: store, secret: ExampleTokenSecret.value)
        let q = try await surveys.publish(Self.followUp)
        let now = Date()
        let list = DistributionPlan(questionnaire: q.reference, population: .participants([target] + colleagues),
                                    opens: now - 3_600, closes: now + 86_400)
        let (closed, closedTokens) = try await surveys.distribute(list)
        for token in closedTokens {
            let comment = token.participant == target ? "Hälsningar, \(Self.name)" : token.participant == colleagues[0] ? "fråga \(Self.name.lowercased())" : "Bra"
            try await surveys.submit(ResponseSubmission(token: token.token, questionnaire: q.reference,
                                                        answers: ["L1": .value(4), "T1": .text(comment)]))
        }
        try await surveys.close(closed.id)
        let (open, openTokens) = try await surveys.distribute(list)
        let colleague = try #require(openTokens.first { $0.participant == colleagues[1] })
        try await surveys.submit(ResponseSubmission(token: colleague.token, questionnaire: q.reference,
                                                    answers: ["L1": .value(2), "T1": .text("Tala med \(Self.name) om det")]))
        #expect(try await surveys.pendingCount(of: open.id) == 1)
        #expect(try await surveys.unusedTokens(of: open.id).contains { $0.participant == target })
        let course = try await surveys.publish(ItemBank.courseEvaluation())
        let (_, identified) = try await surveys.distribute(DistributionPlan(
            questionnaire: course.reference, mode: .identified, purpose: .courseEvaluation,
            population: .participants([target, colleagues[0]]), opens: now - 3_600, closes: now + 86_400))
        let mine = try #require(identified.first { $0.participant == target })
        try await surveys.submit(ResponseSubmission(token: mine.token, questionnaire: course.reference, answers: ["R01": .value(4), "R02": .value(5)]))

        let files = [path, path + "-wal", path + "-shm"] + (program.auditLog ? [logPath] : [])
        let needles = [target.rawValue, Self.name, Self.name.lowercased()]
        // Before: the adversary finds the id and the name (the search works).
        #expect(Self.traces(of: [target.rawValue], in: files).count > 0)
        #expect(Self.traces(of: [Self.name, Self.name.lowercased()], in: files).count > 0)

        let receipt = try await ws.erase(target, identifyingTexts: [Self.name])
        #expect(receipt.isComplete)
        let left = Self.traces(of: needles, in: files)
        #expect(left.isEmpty, "\(program.label): \(target) still traceable in \(left)")

        // The reminder list and the responses still add up, without her.
        let unused = try await surveys.unusedTokens(of: open.id)
        #expect(unused.count == 5 && unused.filter { $0.participant == nil }.count == 1)
        #expect(try await store.all(SurveyToken.self).allSatisfy { $0.participant != target })
        #expect(try await surveys.responses(of: closed.id).count == 6)
        try await surveys.close(open.id)
        let late = try await surveys.responses(of: open.id)
        #expect(late.count == 1 && late[0].answers["T1"] == nil && late[0].answers["L1"] == .value(2))
        await sqlite.close()
        #expect(Self.traces(of: needles, in: files).isEmpty, "after close")
    }
}
