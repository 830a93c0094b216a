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

    @Test("no pair or meeting key names a participant, so erasure rewrites a pair in place and its key and meeting log stay")
    func opaquePairKeys() async throws {
        let store = try await Kristianstad.store(participants: [
            Participant(id: "anna-7731", organisation: "co", unit: "co-sales", role: .mentor),
            Participant(id: "ali-4412", organisation: "ks", unit: "ks-care", role: .adept),
        ])
        let ws = Workspace(store: store, dataOwners: [ToolkitParticipantData()])
        let mentoring = ProgrammeToolkit(store: store).mentoring
        try await mentoring.register([MentoringTests.profile("anna-7731", .mentor, "co", "co-sales", perspectives: [.recruitment]),
                                      MentoringTests.profile("ali-4412", .adept, "ks", "ks-care", perspectives: [.recruitment])])
        let pair = try #require(try await mentoring.confirm(try await mentoring.match(pool: "p"), pool: "p", plannedMeetings: 4).first)
        try await mentoring.log(MentoringMeeting(pair: pair.id, date: try CalendarDate("2012-09-04"), status: .held, durationMinutes: 60))
        for type in [MentoringPair.recordType, MentoringMeeting.recordType] {
            for e in try await store.query(RecordQuery(type: type)) {
                #expect(!e.id.contains("anna-7731") && !e.id.contains("ali-4412"), "the key \(e.id) names a participant")
            }
        }
        try await ws.erase("anna-7731")
        let after = try #require(try await store.fetch(MentoringPair.self, id: pair.id.rawValue))
        #expect(after.mentor.rawValue.hasPrefix("erased-") && after.adept == "ali-4412")
        #expect(try await mentoring.meetings(of: pair.id).count == 1)
    }

    @Test("a pair stored under an old key that names the participant is moved to an opaque key on erasure, with its meetings")
    func legacyPairKeys() async throws {
        let store = InMemoryStore()
        let ws = Workspace(store: store, dataOwners: [ToolkitParticipantData()])
        try await ws.register(Organisation(id: "ks", name: "Kristianstads kommun", kind: .municipality, units: [OrganisationUnit(id: "top", name: "Ledning")]))
        try await ws.register([Participant(id: "anna", organisation: "ks", unit: "top"), Participant(id: "ali", organisation: "ks", unit: "top")])
        let legacy = MentoringPair(id: "p/anna+ali", pool: "p", mentor: "anna", adept: "ali", score: 7, components: [], plannedMeetings: 6)
        try await store.insert(legacy)
        try await store.insert(MentoringMeeting(pair: legacy.id, date: try CalendarDate("2012-03-01"), status: .held, durationMinutes: 60))
        try await ws.erase("anna")
        let pairs = try await store.all(MentoringPair.self)
        #expect(pairs.count == 1 && !pairs[0].id.rawValue.contains("anna") && pairs[0].mentor.rawValue.hasPrefix("erased-"))
        let meetings = try await store.all(MentoringMeeting.self)
        #expect(meetings.count == 1 && meetings[0].pair == pairs[0].id && !meetings[0].recordID.contains("anna"))
    }
}
