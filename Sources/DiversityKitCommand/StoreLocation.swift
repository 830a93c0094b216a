import DiversityKit
import DiversityKitPostgres
import DiversityKitSQLite
import EvaluationModule
import Foundation
import LimeSurveyImport
import ProgrammeToolkit
import SurveyModule

/// Where the store is: a SQLite file (`--store`) or a PostgreSQL database (`--postgres`).
enum StoreLocation {
    case sqlite(path: String)
    case postgres(url: String, schema: String)

    /// The options that name a store, shared by `store` and `follow-up`.
    static let options: [OptionSpec] = [
        .value("store", "FILE", "the SQLite store file"),
        .value("postgres", "URL", "a PostgreSQL store instead, e.g. postgresql://user@host/db"),
        .value("schema", "NAME", "the PostgreSQL schema (default diversitykit)"),
    ]

    init(_ arguments: ParsedArguments) throws {
        switch (arguments.value("store"), arguments.value("postgres")) {
        case (let path?, nil):
            guard !path.isEmpty else { throw UsageError("alternativet '--store' behöver en fil", "option '--store' needs a file") }
            self = .sqlite(path: path)
        case (nil, let url?): self = .postgres(url: url, schema: arguments.value("schema") ?? "diversitykit")
        case (nil, nil): throw UsageError("ange lagret med --store FIL eller --postgres URL", "name the store with --store FILE or --postgres URL")
        case (_?, _?): throw UsageError("ange antingen --store eller --postgres, inte båda", "give either --store or --postgres, not both")
        }
    }

    var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url, let schema): return "\(Self.redacted(url)) (schema \(schema))"
        }
    }

    /// Opens the store (which migrates it forward, as every program using the library does).
    /// A SQLite file, or a PostgreSQL schema, must already exist: a typo should not create an empty store.
    func open() async throws -> any Store {
        switch self {
        case .sqlite(let path):
            guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(path): lagringsfilen finns inte", "\(path): no such store file") }
            return try SQLiteStore(path: path)
        case .postgres(let url, let schema):
            // As for a SQLite file: a mistyped schema name must not become an empty store.
            let configuration = PostgresStore.Configuration(connectionString: url, schema: schema, applicationName: "diversitykit")
            guard try await PostgresStore.schemaExists(configuration) else {
                throw CommandFailure("\(Self.redacted(url)): det finns inget lager i schemat '\(schema)' (kontrollera --schema; standard är diversitykit)",
                                     "\(Self.redacted(url)): there is no store in schema '\(schema)' (check --schema; the default is diversitykit)")
            }
            return try await PostgresStore(configuration)
        }
    }

    /// A connection string without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}

/// Every record type the library's products define, so `store check` can decode them and
/// `store backup` of a PostgreSQL store can copy them. An embedder's own types are not known here.
let knownRecordTypes: [any StoredRecord.Type] = [
    Organisation.self, Programme.self, Intervention.self, Session.self, Facilitator.self, Venue.self,
    Participant.self, Enrolment.self, Attendance.self, Rating.self, Goal.self, ActionPlan.self,
    Questionnaire.self, SurveyDistribution.self, SurveyToken.self, SurveyResponse.self, LimeSurveyMapping.self,
    AccessibilityRequest.self, Ambassador.self, AmbassadorWorkshop.self, DialogueConference.self, ElectiveAllocation.self,
    GoodExample.self, GrantApplication.self, GrantAssessment.self, GrantDecision.self, GrantReport.self,
    LearningMaterial.self, MaterialUse.self, MentoringMeeting.self, MentoringPair.self, MentoringProfile.self,
    NetworkMeeting.self, NetworkSeries.self, PilotFund.self, ReflectionGroup.self, ReflectionSession.self, TrainingDay.self,
    // Publication memory: without it a restored store would forget what was released and let a
    // later report be subtracted from an earlier one.
    PublicationRecord.self,
]
