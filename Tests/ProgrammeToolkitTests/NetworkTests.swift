import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Network meetings")
struct NetworkTests {
    static func series() throws -> NetworkSeries {
        NetworkSeries(id: "nv", name: "Mångfaldsnätverket Skåne", members: ["ks", "co", "rs"], firstMeeting: try day("2007-01-15"),
                      everyWeeks: 4, period: try DatePeriod("2007-01-01", "2007-06-30"))
    }

    @Test("the cadence gives a meeting every fourth week within the period")
    func cadence() throws {
        let dates = try Self.series().meetingDates
        #expect(dates.map(\.description) == ["2007-01-15", "2007-02-12", "2007-03-12", "2007-04-09", "2007-05-07", "2007-06-04"])
        #expect(dates.allSatisfy { $0.weekday == 1 })
    }

    @Test("attendance per organisation and each one's share of the meetings held")
    func attendance() async throws {
        let service = ProgrammeToolkit(store: try await Kristianstad.store()).networks
        try await service.create(try Self.series())
        try await service.record(NetworkMeeting(series: "nv", date: try day("2007-01-15"), present: ["ks", "co"]))
        try await service.record(NetworkMeeting(series: "nv", date: try day("2007-02-12"), present: ["ks"]))
        try await service.record(NetworkMeeting(series: "nv", date: try day("2007-03-12"), present: ["ks", "rs"]))
        try await service.record(NetworkMeeting(series: "nv", date: try day("2007-04-09"), present: ["ks", "co"]))
        let rows = try await service.attendance("nv")
        #expect(rows.map(\.organisation) == ["ks", "co", "rs"])
        #expect(rows.map(\.attended) == [4, 2, 1])
        #expect(rows.map(\.share) == [1.0, 0.5, 0.25])
        #expect(try await service.upcoming("nv", from: try day("2007-03-01")).map(\.description) == ["2007-05-07", "2007-06-04"])
    }

    @Test("meetings off the cadence or with non-members are refused")
    func errors() async throws {
        let service = ProgrammeToolkit(store: try await Kristianstad.store()).networks
        try await service.create(try Self.series())
        await #expect(throws: ToolkitError.notOnCadence(date: try day("2007-01-22"), series: "nv")) {
            try await service.record(NetworkMeeting(series: "nv", date: try day("2007-01-22"), present: ["ks"]))
        }
        await #expect(throws: ToolkitError.notANetworkMember("other", series: "nv")) {
            try await service.record(NetworkMeeting(series: "nv", date: try day("2007-01-15"), present: ["other"]))
        }
        var s = try Self.series()
        s.everyWeeks = 0
        await #expect(throws: ToolkitError.notPositive(entity: .of(NetworkSeries.self, "nv"), field: "everyWeeks", value: 0)) {
            try await service.create(s)
        }
        s = try Self.series()
        s.firstMeeting = try day("2008-01-01")
        await #expect(throws: ToolkitError.self) { try await service.create(s) }
        s = try Self.series()
        s.members.append("ghost")
        await #expect(throws: ToolkitError.unknownReference(.of(Organisation.self, "ghost"))) { try await service.create(s) }
    }
}
