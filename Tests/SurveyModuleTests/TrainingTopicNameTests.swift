import SurveyModule
import Testing

@Suite("Training topic names")
struct TrainingTopicNameTests {
    @Test("every standard topic has a Swedish and an English name, all different", arguments: SurveyLanguage.allCases)
    func names(_ language: SurveyLanguage) {
        let names = TrainingTopic.standard.map { $0.standardName?[language] }
        #expect(names.allSatisfy { $0?.isEmpty == false })
        #expect(Set(names).count == TrainingTopic.standard.count)
    }

    @Test("the standard list holds every topic the library declares, and the item bank uses only those")
    func standard() {
        #expect(Set(TrainingTopic.standard) == [.discriminationAct, .grounds, .directAndIndirectDiscrimination, .harassment,
                                                .instructions, .accessibility, .treatmentOfCitizens, .workClimate, .attitudes])
        let used = Set(ItemBank.allItems.compactMap { item -> TrainingTopic? in if case .knowledge(let k) = item.kind { k.topic } else { nil } })
        #expect(!used.isEmpty)
        #expect(used.isSubset(of: Set(TrainingTopic.standard)))
    }

    @Test("a topic of one's own has no standard name and is shown by its code")
    func custom() {
        let own = TrainingTopic("payAudit")
        #expect(own.standardName == nil)
        #expect(own.name(in: .swedish) == "payAudit")
        #expect(TrainingTopic.accessibility.name(in: .swedish) == "Bristande tillgänglighet")
    }
}
