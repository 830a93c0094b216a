import DiversityKit
import Foundation

extension SurveyService {
    /// A service whose clock stands at `date`: how to enter a survey held in the past, such as
    /// paper forms typed in afterwards or answers moved over from another system.
    ///
    /// A distribution that opened and closed long ago accepts submissions through this service,
    /// and every response is stored as submitted at `date`. For a clock that moves (tests,
    /// simulations) pass your own to ``init(store:clock:ids:)``.
    ///
    /// ```swift
    /// let past = SurveyService(store: store, asOf: ISO8601DateFormatter().date(from: "2010-03-15T12:00:00Z")!)
    /// ```
    /// - Parameters:
    ///   - store: where records live.
    ///   - date: the moment every operation of this service takes as now.
    ///   - ids: how distribution identifiers are made.
    public init(store: any Store, asOf date: Date, ids: any IDGenerator = RandomIDGenerator()) {
        self.init(store: store, clock: { date }, ids: ids)
    }

    /// A service whose clock stands at noon of `day` in `timeZone`, for entering a survey held on that day.
    ///
    /// ```swift
    /// let past = SurveyService(store: store, asOf: try CalendarDate("2010-03-15"))
    /// ```
    /// - Parameters:
    ///   - store: where records live.
    ///   - day: the day every operation of this service takes as today.
    ///   - timeZone: the time zone of `day` (default: Sweden's).
    ///   - ids: how distribution identifiers are made.
    public init(store: any Store, asOf day: CalendarDate, timeZone: TimeZone = TimeZone(identifier: "Europe/Stockholm")!,
                ids: any IDGenerator = RandomIDGenerator()) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        self.init(store: store, asOf: noon, ids: ids)
    }
}
