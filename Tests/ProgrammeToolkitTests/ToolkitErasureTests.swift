import DiversityKit
import Foundation
import Testing
@testable import ProgrammeToolkit

@Suite("Erasure of a participant from the toolkit's records")
struct ToolkitErasureTests {
    @Test("mentoring, reflection, ambassador and allocation records keep their counts but no longer name the participant")
    func erasesEverywhere() async throws {
        let store = InMemoryStore()
        let ws = Workspace(store: store, dataOwners: [ToolkitParticipantData()])
        try await ws.register(Organisation(id: "ks", name: "Kristianstads kommun", kind: .municipality,
                                           units: [OrganisationUnit(id: "top", name: "Ledning"), OrganisationUnit(id: "care", name: "Omsorg")]))
        try await ws.register([Participant(id: "anna", organisation: "ks", unit: "top"), Participant(id: "ali", organisation: "ks", unit: "care")])
        try await store.insert(MentoringProfile(pool: "p", participant: "anna", side: .mentor, organisation: "ks", unit: "top"))
        try await store.insert(MentoringProfile(pool: "p", participant: "ali", side: .adept, organisation: "ks", unit: "care"))
        let pair = MentoringPair(pool: "p", mentor: "anna", adept: "ali", score: 7, components: [], plannedMeetings: 6)
        try await store.insert(pair)
        try await store.insert(MentoringMeeting(pair: pair.id, date: try CalendarDate("2012-03-01"), status: .held, durationMinutes: 60))
        try await store.insert(ReflectionGroup(id: "g1", round: "vt", members: ["anna", "ali"], workplaces: ["top", "care"]))
        try await store.insert(ReflectionSession(group: "g1", date: try CalendarDate("2012-04-01"), attendees: ["anna", "ali"]))
        try await store.insert(Ambassador(id: "amb", participant: "anna", organisation: "ks", municipality: "Kristianstad", county: "Skåne"))

        try await ws.erase("anna")

        #expect(try await store.all(MentoringProfile.self).map(\.participant) == ["ali"])
        let pairs = try await store.all(MentoringPair.self)
        #expect(pairs.count == 1 && pairs[0].adept == "ali" && pairs[0].mentor.rawValue.hasPrefix("erased-"))
        #expect(!pairs[0].id.rawValue.contains("anna"))
        let meetings = try await store.all(MentoringMeeting.self)
        #expect(meetings.count == 1 && meetings[0].pair == pairs[0].id)
        #expect(try await store.fetch(ReflectionGroup.self, id: "g1")?.members == ["ali"])
        let attendees = try await store.all(ReflectionSession.self).first?.attendees ?? []
        #expect(attendees.count == 2 && !attendees.contains("anna"))
        #expect(try await store.fetch(Ambassador.self, id: "amb")?.participant == nil)
        for type in [MentoringProfile.recordType, MentoringPair.recordType, MentoringMeeting.recordType,
                     ReflectionGroup.recordType, ReflectionSession.recordType, Ambassador.recordType] {
            for e in try await store.query(RecordQuery(type: type)) {
                #expect(!(e.id + String(decoding: e.payload, as: UTF8.self) + e.keys.values.joined()).contains("anna"), "\(type)/\(e.id)")
            }
        }
    }
}
