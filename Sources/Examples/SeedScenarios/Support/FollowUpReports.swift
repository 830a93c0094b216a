import DiversityKit
import EvaluationModule

/// The evaluation module's follow-up documents for a programme as stored, shared by the scenarios.
enum FollowUpReports {
    /// The programme follow-up (participation, sessions, budget, funding, milestones) and the
    /// goal follow-up (goals, measures, audit) of `programme` on `date`.
    /// - Throws: `FollowUpError.unknownProgramme` and the store's errors.
    static func build(programme: ID<Programme>, from store: any Store, asOf date: CalendarDate,
                      language: ReportLanguage) async throws -> [Report] {
        let records = try await ProgrammeRecords.load(programme: programme, from: store)
        let reports = EvaluationReports(language: language)
        let names = Dictionary(uniqueKeysWithValues: records.organisations.map { ($0.id, $0.name) })
        return [try reports.programmeFollowUp(records, asOf: date),
                reports.goalFollowUp(goals: records.goals, plans: records.plans, asOf: date, organisationNames: names,
                                     programme: records.programme, organisations: records.organisations)]
    }
}
