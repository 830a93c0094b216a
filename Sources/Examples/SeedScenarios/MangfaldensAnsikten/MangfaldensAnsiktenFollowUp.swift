import DiversityKit

extension MangfaldensAnsiktenScenario {
    /// The evaluation module's programme and goal follow-up of the stored partnership:
    /// seminar sessions and attendance, milestones, and the goal "an ambassador in every
    /// municipality" with its measurement.
    /// - Throws: `FollowUpError.unknownProgramme` when the scenario has not run in `store`.
    public static func followUpReports(from store: any Store, asOf date: CalendarDate = coverageDate,
                                       language: ReportLanguage = .swedish) async throws -> [Report] {
        try await FollowUpReports.build(programme: programmeID, from: store, asOf: date, language: language)
    }
}
