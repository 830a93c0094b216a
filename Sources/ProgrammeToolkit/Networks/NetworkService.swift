import DiversityKit

/// Network meetings: a cadence of dates, attendance per organisation, and each organisation's share.
public struct NetworkService: Sendable {
    /// The store.
    public let store: any Store

    /// A service over `store`.
    public init(store: any Store) { self.store = store }

    /// Creates or replaces a series.
    /// - Throws: ``ToolkitError/emptyText(entity:field:)``, ``ToolkitError/notPositive(entity:field:value:)``
    ///   for `everyWeeks`, ``ToolkitError/invalid(entity:field:reason:)`` when the first meeting is outside
    ///   the period or there are no members, ``ToolkitError/unknownReference(_:)`` for an unknown member,
    ///   ``ToolkitError/duplicateIdentifier(_:)`` for a member listed twice.
    public func create(_ series: NetworkSeries) async throws {
        let key = RecordKey.of(NetworkSeries.self, series.id.rawValue)
        try Check.text(series.name, key, "name")
        try Check.positive(series.everyWeeks, key, "everyWeeks")
        guard series.period.contains(series.firstMeeting) else {
            throw ToolkitError.invalid(entity: key, field: "firstMeeting", reason: "\(series.firstMeeting) is outside \(series.period)")
        }
        guard !series.members.isEmpty else { throw ToolkitError.invalid(entity: key, field: "members", reason: "needs at least one member") }
        try Check.unique(series.members)
        _ = try await store.requireAll(Organisation.self, series.members.map(\.rawValue))
        try await store.upsert(series)
    }

    /// Records (or replaces) who came to a meeting.
    /// - Throws: ``ToolkitError/unknownReference(_:)``, ``ToolkitError/notOnCadence(date:series:)``,
    ///   ``ToolkitError/notANetworkMember(_:series:)``.
    public func record(_ meeting: NetworkMeeting) async throws {
        let series = try await store.require(NetworkSeries.self, meeting.series.rawValue)
        guard series.meetingDates.contains(meeting.date) else {
            throw ToolkitError.notOnCadence(date: meeting.date, series: series.id)
        }
        for org in meeting.present.sorted() where !series.members.contains(org) {
            throw ToolkitError.notANetworkMember(org, series: series.id)
        }
        try await store.upsert(meeting)
    }

    /// Attendance per member over the meetings recorded, in member order.
    /// - Throws: ``ToolkitError/unknownReference(_:)``.
    public func attendance(_ seriesID: ID<NetworkSeries>) async throws -> [NetworkAttendance] {
        let series = try await store.require(NetworkSeries.self, seriesID.rawValue)
        let meetings = try await store.all(NetworkMeeting.self, where: "series", equals: seriesID.rawValue)
        return series.members.map { org in
            NetworkAttendance(organisation: org, attended: meetings.filter { $0.present.contains(org) }.count, held: meetings.count)
        }
    }

    /// The cadence dates from `date` on that have no recorded meeting yet.
    public func upcoming(_ seriesID: ID<NetworkSeries>, from date: CalendarDate) async throws -> [CalendarDate] {
        let series = try await store.require(NetworkSeries.self, seriesID.rawValue)
        let recorded = Set(try await store.all(NetworkMeeting.self, where: "series", equals: seriesID.rawValue).map(\.date))
        return series.meetingDates.filter { $0 >= date && !recorded.contains($0) }
    }
}
