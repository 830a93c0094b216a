import DiversityKit
import DiversityKitTesting
import Foundation
import Testing

/// Every case of DiversityKit's error types has a Swedish and an English text that names the
/// record, file or place it carries. `key(_:)` switches over every case, so a new case does not
/// compile until it is given a sample here.
@Suite("DiversityKit messages in Swedish and English")
struct LocalizedMessageTests {
    static let key = RecordKey(type: "programme", id: "p1")

    static let storeErrors: [MessageSample<StoreError>] = [
        .init(.duplicate(key), sv: ["posten p1 finns redan"], en: ["record p1 already exists"]),
        .init(.notFound(key), sv: ["p1 finns inte"], en: ["p1 does not exist"]),
        .init(.typeMismatch(expected: "programme", found: "session"), sv: ["programme", "session"], en: ["programme", "session"]),
        .init(.corruptRecord(key, reason: "JSON"), sv: ["p1", "avkodas"], en: ["p1"]),
        .init(.unsupportedRecordVersion(type: "programme", found: 3, supported: 2), sv: ["version 3", "2"], en: ["3", "2"]),
        .init(.schemaTooNew(found: 9, supported: 8), sv: ["9", "8"], en: ["9", "8"]),
        .init(.notADiversityKitStore("x.sqlite"), sv: ["x.sqlite"], en: ["x.sqlite"]),
        .init(.backend(code: 26, message: "SQLITE_NOTADB"), sv: ["databasfel 26"], en: ["database error 26"]),
        .init(.connectionLost("EOF"), sv: ["förbindelsen"], en: ["connection lost"]),
        .init(.invalidArgument("busyTimeout"), sv: ["ogiltigt argument: busyTimeout"], en: ["invalid argument: busyTimeout"]),
        .init(.conflict(key), sv: ["p1", "ingenting skrevs"], en: ["p1", "nothing was written"]),
        .init(.staleIndex(type: "session", stored: 1, required: 2), sv: ["session", "indexera om"], en: ["re-index"]),
    ]
    static func key(_ e: StoreError) -> Int {
        switch e {
        case .duplicate: 0
        case .notFound: 1
        case .typeMismatch: 2
        case .corruptRecord: 3
        case .unsupportedRecordVersion: 4
        case .schemaTooNew: 5
        case .notADiversityKitStore: 6
        case .backend: 7
        case .connectionLost: 8
        case .invalidArgument: 9
        case .conflict: 10
        case .staleIndex: 11
        }
    }

    static let valueErrors: [MessageSample<ValueError>] = [
        .init(.invalidDate("2026-02-30"), sv: ["2026-02-30", "ÅÅÅÅ-MM-DD"], en: ["YYYY-MM-DD"]),
        .init(.invalidTime("25:00"), sv: ["25:00", "TT:MM"], en: ["HH:MM"]),
        .init(.periodEndsBeforeStart(start: day("2026-03-01"), end: day("2026-02-01")), sv: ["2026-02-01", "2026-03-01"], en: ["2026-02-01"]),
        .init(.invalidOrganisationNumber("123"), sv: ["'123'", "organisationsnummer"], en: ["'123'"]),
        .init(.invalidScale(minimum: 5, maximum: 1), sv: ["5–1"], en: ["5–1"]),
    ]
    static func key(_ e: ValueError) -> Int {
        switch e {
        case .invalidDate: 0
        case .invalidTime: 1
        case .periodEndsBeforeStart: 2
        case .invalidOrganisationNumber: 3
        case .invalidScale: 4
        }
    }

    static let renderingErrors: [MessageSample<ReportRenderingError>] = [
        .init(.nonFiniteNumber(path: "sections[0]"), sv: ["sections[0]"], en: ["sections[0]"]),
        .init(.unsupportedSchemaVersion(found: 9, supported: 1), sv: ["9", "1"], en: ["9"]),
        .init(.malformedJSON(path: "sections[1].title", reason: "type"), sv: ["sections[1].title"], en: ["sections[1].title"]),
        .init(.malformedJSON(path: "", reason: "JSON"), sv: ["översta nivån"], en: ["top level"]),
        .init(.unsafeFileName("../x.html"), sv: ["../x.html"], en: ["../x.html"]),
        .init(.writeFailed(path: "/ro/report.html", reason: "EACCES"), sv: ["/ro/report.html"], en: ["/ro/report.html"]),
        .init(.nestingTooDeep(depth: 65, limit: 64), sv: ["65", "64"], en: ["65", "64"]),
        .init(.optionOutOfRange(name: "chartWidth", value: "∞", allowed: "1…10000"), sv: ["chartWidth", "1…10000"], en: ["chartWidth"]),
    ]
    static func key(_ e: ReportRenderingError) -> Int {
        switch e {
        case .nonFiniteNumber: 0
        case .unsupportedSchemaVersion: 1
        case .malformedJSON: 2
        case .unsafeFileName: 3
        case .writeFailed: 4
        case .nestingTooDeep: 5
        case .optionOutOfRange: 6
        }
    }

    static func day(_ text: String) -> CalendarDate { try! CalendarDate(text) }
    static let period = try! DatePeriod("2026-01-01", "2026-03-31")
    static let validationProblems: [MessageSample<ValidationProblem>] = [
        .init(.empty), .init(.missing), .init(.notPositive(0), sv: ["0"], en: ["0"]),
        .init(.negativeAmount(Money(kronor: -5)), sv: ["-5"], en: ["-5"]),
        .init(.amountBeyondLimit(Money(kronor: 1)), sv: ["gränsen"], en: ["limit"]),
        .init(.scoreOutsideScale(score: 9, scale: .oneToFive), sv: ["9"], en: ["9"]),
        .init(.dateOutsidePeriod(date: day("2026-05-04"), period: period), sv: ["2026-05-04", "2026-01-01–2026-03-31"], en: ["2026-05-04"]),
        .init(.periodOutsidePeriod(inner: period, outer: period), sv: ["2026-01-01"], en: ["2026-01-01"]),
        .init(.prerequisiteCycle(["a", "b"]), sv: ["a → b"], en: ["a → b"]),
        .init(.prerequisitesNotCompleted(["bas"]), sv: ["bas"], en: ["bas"]),
        .init(.budgetExceedsFunding(budget: Money(kronor: 2), funding: Money(kronor: 1)), sv: ["budgeten"], en: ["budget"]),
        .init(.outcomeExceedsPlan(outcome: Money(kronor: 2), planned: Money(kronor: 1)), sv: ["utfallet"], en: ["outcome"]),
        .init(.unitOfAnotherOrganisation(unit: "viva", organisation: "umea"), sv: ["viva", "umea"], en: ["viva", "umea"]),
        .init(.unitCycle), .init(.duplicateIdentifier("p1"), sv: ["p1"], en: ["p1"]),
        .init(.unknownReference(key), sv: ["p1 finns inte"], en: ["p1 does not exist"]),
        .init(.notInProgramme("umea"), sv: ["umea"], en: ["umea"]),
        .init(.interventionOfAnotherProgramme("bas"), sv: ["bas"], en: ["bas"]),
        .init(.sessionOfAnotherIntervention("bas-1"), sv: ["bas-1"], en: ["bas-1"]),
        .init(.notEnrolled), .init(.alreadyEnrolled),
        .init(.electiveAlreadyChosen(group: "val", chosen: "sem-1"), sv: ["sem-1", "val"], en: ["sem-1"]),
        .init(.capacityExceeded(capacity: 12), sv: ["12"], en: ["12"]),
        .init(.roleNotTargeted(.manager), sv: ["chef"], en: ["manager"]),
        .init(.measurableGoalWithoutIndicator), .init(.noBaseline), .init(.measureWithoutGoal), .init(.invalidOrganisationNumber),
        .init(.tooLong(length: 300, maximum: 200), sv: ["300", "200"], en: ["300"]),
        .init(.capacityBelowAttendance(capacity: 3, attending: 5), sv: ["3", "5"], en: ["3", "5"]),
        .init(.attendanceAlreadyRecorded),
    ]
    static func key(_ e: ValidationProblem) -> Int {
        switch e {
        case .empty: 0
        case .missing: 1
        case .notPositive: 2
        case .negativeAmount: 3
        case .amountBeyondLimit: 4
        case .scoreOutsideScale: 5
        case .dateOutsidePeriod: 6
        case .periodOutsidePeriod: 7
        case .prerequisiteCycle: 8
        case .prerequisitesNotCompleted: 9
        case .budgetExceedsFunding: 10
        case .outcomeExceedsPlan: 11
        case .unitOfAnotherOrganisation: 12
        case .unitCycle: 13
        case .duplicateIdentifier: 14
        case .unknownReference: 15
        case .notInProgramme: 16
        case .interventionOfAnotherProgramme: 17
        case .sessionOfAnotherIntervention: 18
        case .notEnrolled: 19
        case .alreadyEnrolled: 20
        case .electiveAlreadyChosen: 21
        case .capacityExceeded: 22
        case .roleNotTargeted: 23
        case .measurableGoalWithoutIndicator: 24
        case .noBaseline: 25
        case .measureWithoutGoal: 26
        case .invalidOrganisationNumber: 27
        case .tooLong: 28
        case .capacityBelowAttendance: 29
        case .attendanceAlreadyRecorded: 30
        }
    }

    @Test("every store error reads in Swedish and English, naming its record", arguments: storeErrors)
    func store(_ sample: MessageSample<StoreError>) { #expect(sample.problems == []) }

    @Test("every value error reads in Swedish and English, naming the value", arguments: valueErrors)
    func value(_ sample: MessageSample<ValueError>) { #expect(sample.problems == []) }

    @Test("every rendering error reads in Swedish and English, naming the path or option", arguments: renderingErrors)
    func rendering(_ sample: MessageSample<ReportRenderingError>) { #expect(sample.problems == []) }

    @Test("every validation problem reads in Swedish and English", arguments: validationProblems)
    func validation(_ sample: MessageSample<ValidationProblem>) { #expect(sample.problems == []) }

    @Test("the samples cover every case of every error type")
    func everyCase() {
        #expect(Set(Self.storeErrors.map { Self.key($0.message) }) == Set(0...11))
        #expect(Set(Self.valueErrors.map { Self.key($0.message) }) == Set(0...4))
        #expect(Set(Self.renderingErrors.map { Self.key($0.message) }) == Set(0...6))
        #expect(Set(Self.validationProblems.map { Self.key($0.message) }) == Set(0...30))
    }

    @Test("a validation error is worded through the same API, records by their names")
    func validationError() {
        let error = ValidationError(issues: [ValidationIssue(.error, Self.key, field: "prerequisites", value: nil, .prerequisitesNotCompleted(["bas"]))])
        let message: any LocalizedMessage = error
        #expect(message.text(.swedish) { $0.id == "bas" ? "Basutbildning" : $0.id } == "har inte genomfört det som krävs först: Basutbildning")
        #expect(ReportLanguage.english.message(for: error) == "has not completed what comes first: bas")
    }

    @Test("a place names file, line, field number and heading in both languages", arguments: [
        (SourcePlace(file: "personal.csv", line: 3, fieldNumber: 4, fieldName: "role"), "personal.csv, rad 3, fält 4 (role)",
         "personal.csv, line 3, field 4 (role)"),
        (SourcePlace(line: 2, fieldNumber: 2, column: 7), "rad 2, fält 2, tecken 7", "line 2, field 2, character 7"),
        (SourcePlace(line: 5, fieldName: "token"), "rad 5, kolumnen token", "line 5, column token"),
        (SourcePlace(file: "svar.csv", line: 0), "svar.csv", "svar.csv"),
    ])
    func place(_ place: SourcePlace, _ swedish: String, _ english: String) {
        #expect(place.text(.swedish) == swedish)
        #expect(place.text(.english) == english)
    }

    @Test("Foundation's file errors get a sentence naming the file, never NSCocoaErrorDomain", arguments: [
        (CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/x/roster.csv"]), "filen /x/roster.csv finns inte",
         "the file /x/roster.csv does not exist"),
        (CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: "/x/roster.csv"]), "behörighet saknas", "permission denied"),
        (CocoaError(.fileWriteFileExists), "filen finns redan", "the file already exists"),
    ])
    func foundationErrors(_ error: CocoaError, _ swedish: String, _ english: String) {
        #expect(ReportLanguage.swedish.message(for: error).contains(swedish))
        #expect(ReportLanguage.english.message(for: error).contains(english))
        #expect(!ReportLanguage.swedish.message(for: error).contains("NSCocoaErrorDomain"))
    }
}
