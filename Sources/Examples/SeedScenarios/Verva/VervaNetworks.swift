import DiversityKit
import ExampleSupport
import ProgrammeToolkit

/// The networks: each county's network of authorities every fourth week, and the regional
/// project managers by phone every second week and in Stockholm every second month.
extension VervaScenario {
    /// One network's record on the follow-up date.
    public struct NetworkSummary: Hashable, Sendable {
        /// The series as created.
        public var series: NetworkSeries
        /// Meetings held up to the follow-up date.
        public var held: Int
        /// Mean share of meetings each member attended.
        public var meanAttendance: Double
        /// The next meeting on the cadence, if any.
        public var next: CalendarDate?
    }

    /// The last day whose meetings are recorded (the end of the reporting year).
    static let meetingsRecordedUntil = CalendarDate(year: 2006, month: 12, day: 31)!

    static func networkSeries(grants: [CountyGrant]) throws -> [NetworkSeries] {
        let period = try DatePeriod("2006-02-01", "2007-12-31")
        // Each county network starts two weeks after its project manager.
        let county = counties.indices.map { i in
            NetworkSeries(id: ID("natverk-\(slug(counties[i].name))"), name: "Mångfaldsnätverket \(counties[i].name)",
                          members: counties[i].participants.map(\.id), firstMeeting: grants[i].projectManagerFrom.adding(days: 14),
                          everyWeeks: 4, period: period)
        }
        let managers = [verva] + counties.map(\.board)
        let allStarted = grants.map(\.projectManagerFrom).max()!.adding(days: 7)
        return county + [
            NetworkSeries(id: "projektledare-telefon", name: "Projektledarmöten per telefon", members: managers,
                          firstMeeting: allStarted, everyWeeks: 2, period: period),
            NetworkSeries(id: "projektledare-stockholm", name: "Projektledarmöten i Stockholm", members: managers,
                          firstMeeting: allStarted.adding(days: 3), everyWeeks: 8, period: period),
        ]
    }

    /// Creates the series and records who came to each meeting held in 2006.
    static func holdNetworks(_ series: [NetworkSeries], toolkit: ProgrammeToolkit,
                             rng: inout SeededGenerator) async throws -> [NetworkSummary] {
        var summaries: [NetworkSummary] = []
        for s in series {
            try await toolkit.networks.create(s)
            let presence = s.everyWeeks == 4 ? 78 : 92
            for date in s.meetingDates where date <= meetingsRecordedUntil {
                try await toolkit.networks.record(NetworkMeeting(series: s.id, date: date,
                                                                 present: Set(s.members.filter { _ in rng.chance(presence) })))
            }
            let attendance = try await toolkit.networks.attendance(s.id)
            summaries.append(NetworkSummary(
                series: s, held: attendance.first?.held ?? 0,
                meanAttendance: attendance.map(\.share).reduce(0, +) / Double(max(attendance.count, 1)),
                next: try await toolkit.networks.upcoming(s.id, from: meetingsRecordedUntil).first))
        }
        return summaries
    }
}
