import DiversityKit
import EvaluationModule
import ProgrammeToolkit

extension OmvantMentorskapScenario {
    /// The evaluation module's programme and goal follow-up of the stored programme: participation
    /// in the conferences against plan, budget and ESF funding, milestones, goals and the
    /// conference measures linked to them. Reverse mentoring is delivered as meetings within each
    /// pair rather than as sessions, so the sessions section says how many meetings were held.
    /// - Throws: `FollowUpError.unknownProgramme` when the scenario has not run in `store`.
    public static func followUpReports(from store: any Store, asOf date: CalendarDate = CalendarDate(year: 2013, month: 12, day: 31)!,
                                       language: ReportLanguage = .swedish) async throws -> [Report] {
        var reports = try await FollowUpReports.build(programme: programmeID, from: store, asOf: date, language: language)
        let pairs = try await ProgrammeToolkit(store: store).mentoring.followUp(pool: pool, on: date)
        let held = pairs.reduce(0) { $0 + $1.held }, planned = pairs.reduce(0) { $0 + $1.planned }
        let f = ReportFormatter(language: language)
        let text = language == .swedish
            ? "Omvänt mentorskap genomförs som möten i varje mentorpar, inte som tillfällen: \(f.integer(held)) av \(f.integer(planned)) planerade möten hölls i \(f.integer(pairs.count)) par."
            : "Reverse mentoring is delivered as meetings within each pair, not as sessions: \(f.integer(held)) of \(f.integer(planned)) planned meetings were held in \(f.integer(pairs.count)) pairs."
        if let i = reports.first?.sections.firstIndex(where: { $0.title == Labels(language)[.sessions] }) {
            reports[0].sections[i].blocks.append(.note(ReportNote(.info, text)))
        }
        return reports
    }
}
