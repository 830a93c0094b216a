import DiversityKit
import Foundation
import Testing
@testable import SurveyModule

@Suite("Questionnaires and the item bank")
struct QuestionnaireTests {
    @Test("survey records are stored under the module's prefix")
    func prefix() {
        for type in [Questionnaire.recordType, SurveyResponse.recordType, SurveyDistribution.recordType,
                     SurveyToken.recordType, TokenUse.recordType] {
            #expect(type.hasPrefix(SurveyModule.recordTypePrefix))
        }
    }

    @Test("the item bank has at least 24 items in Swedish and English with unique codes")
    func bankSize() {
        let items = ItemBank.allItems
        #expect(items.count >= 24)
        #expect(Set(items.map(\.code)).count == items.count)
        #expect(items.allSatisfy { !$0.prompt.sv.isEmpty && !$0.prompt.en.isEmpty && $0.prompt.sv != $0.prompt.en })
    }

    @Test("the bank covers every Discrimination Act topic, bemötande, climate and sensitive experience items")
    func bankCoverage() {
        let topics = Set(ItemBank.knowledgeItems.compactMap { if case .knowledge(let k) = $0.kind { return k.topic } else { return nil } })
        #expect(topics.isSuperset(of: [.grounds, .directAndIndirectDiscrimination, .harassment, .instructions, .accessibility, .discriminationAct]))
        #expect(ItemBank.knowledgeItems.contains { $0.prompt.sv.contains("Sexuella trakasserier") || $0.prompt.sv.contains("sexuella trakasserier") })
        #expect(ItemBank.treatmentItems.count >= 4 && ItemBank.climateItems.count >= 4)
        #expect(ItemBank.experienceItems.allSatisfy { $0.isSensitive })
        #expect(ItemBank.item("E02")?.kind.options.count == 8)
    }

    @Test("the baseline battery and the course evaluation are valid questionnaires")
    func batteries() throws {
        let battery = ItemBank.baselineBattery()
        try battery.validate()
        #expect(battery.hasSensitiveItems)
        #expect(battery.knowledgeItems.count == 12)
        #expect(battery.items.filter(\.isRequired).count >= 12)
        let course = ItemBank.courseEvaluation()
        try course.validate()
        #expect(!course.hasSensitiveItems)
    }

    static let invalid: [String: (Questionnaire, QuestionnaireError)] = {
        func with(_ change: (inout Questionnaire) -> Void) -> Questionnaire {
            var q = Fixture.small()
            change(&q)
            return q
        }
        let cases: [(String, Questionnaire, QuestionnaireError)] = [
            ("duplicate code", with { $0.sections[1].items[0].code = "L1" }, .duplicateItemCode("L1")),
            ("code with separator", with { $0.sections[1].items[1].code = "N;1" }, .invalidItemCode("N;1")),
            ("knowledge key not an option", with {
                $0.sections[1].items[0].kind = .knowledge(KnowledgeQuestion(options: ItemBank.numbered([("a", "a"), ("b", "b")]), correct: 9, topic: .grounds))
            }, .invalidItem("K1", reason: "the correct key 9 is not an option")),
            ("free text of length 0", with { $0.sections[1].items[2].kind = .freeText(maxLength: 0) }, .invalidItem("T1", reason: "max length must be positive")),
            ("scale over unknown item", with { $0.scales[0].itemCodes.append("X9") }, .scaleNamesUnknownItem(scale: "GRID", item: "X9")),
            ("scale over a non-Likert item", with { $0.scales[0].itemCodes.append("N1") }, .scaleItemNotLikert(scale: "GRID", item: "N1")),
            ("scale minimum above its items", with { $0.scales[0].minimumAnswered = 6 }, .invalidScale("GRID", reason: "minimum answered must be 1…5")),
            ("version 0", with { $0.version = 0 }, .invalidVersion(0)),
        ]
        return Dictionary(uniqueKeysWithValues: cases.map { ($0.0, ($0.1, $0.2)) })
    }()

    @Test("a malformed questionnaire is refused with a specific error", arguments: invalid.keys.sorted())
    func malformed(_ name: String) throws {
        let (q, expected) = try #require(Self.invalid[name])
        #expect(throws: expected) { try q.validate() }
    }

    @Test("a published version is immutable; a change becomes the next version")
    func versions() async throws {
        let service = SurveyService(store: InMemoryStore(), secret: Fixture.secret)
        let v1 = try await service.publish(Fixture.small())
        await #expect(throws: SurveyError.questionnaireAlreadyPublished(v1.reference)) {
            var changed = v1
            changed.title = LocalizedText(sv: "Ändrad", en: "Changed")
            try await service.publish(changed)
        }
        let v2 = try await service.publishNewVersion(of: "small") { $0.sections[1].items.removeLast() }
        #expect(v2.version == 2 && v2.items.count == v1.items.count - 1)
        #expect(try await service.questionnaire(v1.reference) == v1)
        #expect(try await service.latestVersion(of: "small")?.version == 2)
        await #expect(throws: SurveyError.versionNotNext(QuestionnaireReference(id: "small", version: 5), latest: 2)) {
            try await service.publish(Fixture.small(version: 5))
        }
        await #expect(throws: SurveyError.unknownQuestionnaire(QuestionnaireReference(id: "nope", version: 1))) {
            try await service.publishNewVersion(of: "nope") { _ in }
        }
    }
}
