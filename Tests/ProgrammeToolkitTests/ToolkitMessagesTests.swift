import DiversityKit
import DiversityKitTesting
import Testing
@testable import ProgrammeToolkit

/// Every case of ``ToolkitError`` has a Swedish and an English text naming the records it
/// carries; `key(_:)` switches over every case, so a new case needs a sample here.
@Suite("Toolkit messages in Swedish and English")
struct ToolkitMessagesTests {
    static let entity = RecordKey(type: "ambassador", id: "amb-1")
    static let day = try! CalendarDate("2026-04-01")

    static let errors: [MessageSample<ToolkitError>] = [
        .init(.unknownReference(entity), sv: ["amb-1 finns inte"], en: ["amb-1 does not exist"]),
        .init(.emptyText(entity: entity, field: "municipality"), sv: ["amb-1: municipality får inte vara tomt"], en: ["municipality"]),
        .init(.notPositive(entity: entity, field: "everyWeeks", value: 0), sv: ["everyWeeks", "0"], en: ["everyWeeks"]),
        .init(.invalid(entity: entity, field: "seminars", reason: "0"), sv: ["fältet seminars är ogiltigt"], en: ["seminars"]),
        .init(.duplicateIdentifier("amb-1"), sv: ["amb-1"], en: ["amb-1"]),
        .init(.missingUnit(participant: "p1"), sv: ["p1 saknar enhet"], en: ["p1"]),
        .init(.profileDoesNotMatchParticipant("p1"), sv: ["p1"], en: ["p1"]),
        .init(.perspectiveNotChosen(.recruitment, conference: "sdk1"), sv: ["rekrytering", "sdk1"], en: ["recruitment", "sdk1"]),
        .init(.outputAlreadyAdopted(conference: "sdk1", output: 2), sv: ["förslag 2", "sdk1"], en: ["output 2"]),
        .init(.unknownOutput(conference: "sdk1", output: 9), sv: ["förslag 9"], en: ["output 9"]),
        .init(.unknownSeminar("sem-x", participant: "p1"), sv: ["sem-x", "p1"], en: ["sem-x"]),
        .init(.sameChoiceTwice(participant: "p1"), sv: ["p1"], en: ["p1"]),
        .init(.groupsImpossible(total: 7, minimum: 4, maximum: 5), sv: ["7 personer", "4–5"], en: ["7 people"]),
        .init(.notAGroupMember("p1", group: "g1"), sv: ["p1", "g1"], en: ["g1"]),
        .init(.workshopBeforeTraining(ambassador: "amb-1", date: day), sv: ["amb-1", "2026-04-01"], en: ["2026-04-01"]),
        .init(.missingDisseminationPlan(application: "ev-diplom"), sv: ["ansökan ev-diplom saknar spridningsplan"], en: ["ev-diplom"]),
        .init(.scoreOutOfRange(criterion: "nytta", score: 9, maximum: 5), sv: ["nytta", "0–5"], en: ["0–5"]),
        .init(.missingScore(criterion: "nytta"), sv: ["nytta"], en: ["nytta"]),
        .init(.unknownCriterion("nytta"), sv: ["nytta"], en: ["nytta"]),
        .init(.unassessed(application: "ev-diplom"), sv: ["ev-diplom"], en: ["ev-diplom"]),
        .init(.alreadyDecided(fund: "pilot"), sv: ["pilot"], en: ["pilot"]),
        .init(.notGranted(application: "ev-diplom"), sv: ["ev-diplom"], en: ["ev-diplom"]),
        .init(.notOnCadence(date: day, series: "nv"), sv: ["2026-04-01", "nv"], en: ["nv"]),
        .init(.notANetworkMember("umea", series: "nv"), sv: ["umea", "nv"], en: ["umea"]),
        .init(.unknownAccessibilityCriterion("ramp"), sv: ["ramp"], en: ["ramp"]),
        .init(.unitNotInScope("viva", material: "reagera"), sv: ["viva", "reagera"], en: ["viva"]),
    ]
    static func key(_ e: ToolkitError) -> Int {
        switch e {
        case .unknownReference: 0
        case .emptyText: 1
        case .notPositive: 2
        case .invalid: 3
        case .duplicateIdentifier: 4
        case .missingUnit: 5
        case .profileDoesNotMatchParticipant: 6
        case .perspectiveNotChosen: 7
        case .outputAlreadyAdopted: 8
        case .unknownOutput: 9
        case .unknownSeminar: 10
        case .sameChoiceTwice: 11
        case .groupsImpossible: 12
        case .notAGroupMember: 13
        case .workshopBeforeTraining: 14
        case .missingDisseminationPlan: 15
        case .scoreOutOfRange: 16
        case .missingScore: 17
        case .unknownCriterion: 18
        case .unassessed: 19
        case .alreadyDecided: 20
        case .notGranted: 21
        case .notOnCadence: 22
        case .notANetworkMember: 23
        case .unknownAccessibilityCriterion: 24
        case .unitNotInScope: 25
        }
    }

    @Test("every toolkit error reads in Swedish and English, naming its records", arguments: errors)
    func reads(_ sample: MessageSample<ToolkitError>) { #expect(sample.problems == []) }

    @Test("the samples cover every case")
    func everyCase() { #expect(Set(Self.errors.map { Self.key($0.message) }) == Set(0...25)) }
}
