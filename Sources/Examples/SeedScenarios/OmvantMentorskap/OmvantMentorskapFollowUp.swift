import DiversityKit

extension OmvantMentorskapScenario {
    /// The evaluation module's programme and goal follow-up of the stored programme: participation
    /// in the conferences against plan, budget and ESF funding, milestones, goals and the
    /// conference measures linked to them.
    /// - Throws: `FollowUpError.unknownProgramme` when the scenario has not run in `store`.
    public static func followUpReports(from store: any Store, asOf date: CalendarDate = CalendarDate(year: 2013, month: 12, day: 31)!,
                                       language: ReportLanguage = .swedish) async throws -> [Report] {
        try await FollowUpReports.build(programme: programmeID, from: store, asOf: date, language: language)
    }
}
