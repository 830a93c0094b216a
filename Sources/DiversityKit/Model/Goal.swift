/// A goal (mål) with an optional indicator: baseline, target, measurements.
///
/// ```swift
/// let g = Goal(id: "g1", owner: "skatteverket", level: .measurable, focusArea: .recruitment,
///              title: "Fler sökande med utländsk bakgrund",
///              indicator: Indicator(name: "Andel sökande", unit: "%", baseline: .none,
///                                   target: 20, direction: .increase))
/// ```
public struct Goal: StoredRecord, Codable, Hashable, Sendable {
    /// The stable record type name under which stores keep this entity.
    public static let recordType = "goal"

    /// The goal's identifier.
    public var id: ID<Goal>
    /// The programme it serves, if any.
    public var programme: ID<Programme>?
    /// The organisation that owns it.
    public var owner: ID<Organisation>
    /// Vision, overall or measurable.
    public var level: GoalLevel
    /// The Verva focus area.
    public var focusArea: FocusArea?
    /// Grounds the goal concerns.
    public var grounds: Set<DiscriminationGround>
    /// What the goal says.
    public var title: String
    /// How it is measured; required for ``GoalLevel/measurable`` goals.
    public var indicator: Indicator?

    /// Creates a goal.
    public init(id: ID<Goal>, programme: ID<Programme>? = nil, owner: ID<Organisation>, level: GoalLevel,
                focusArea: FocusArea? = nil, grounds: Set<DiscriminationGround> = [], title: String,
                indicator: Indicator? = nil) {
        self.id = id
        self.programme = programme
        self.owner = owner
        self.level = level
        self.focusArea = focusArea
        self.grounds = grounds
        self.title = title
        self.indicator = indicator
    }

    /// The record's key in a store.
    public var recordID: String { id.rawValue }
    /// The index keys queries filter on.
    public var indexKeys: [String: String] {
        var keys = ["owner": owner.rawValue, "level": level.rawValue]
        if let programme { keys["programme"] = programme.rawValue }
        if let focusArea { keys["focusArea"] = focusArea.rawValue }
        return keys
    }
}

/// How concrete a goal is.
public enum GoalLevel: String, Codable, Hashable, Sendable, CaseIterable {
    /// Vision.
    case vision
    /// Övergripande mål.
    case overall
    /// Mätbart mål.
    case measurable
}

/// A goal's indicator: what is measured, from what, to what.
public struct Indicator: Codable, Hashable, Sendable {
    /// What is measured, e.g. "Andel chefer som genomgått utbildning".
    public var name: String
    /// The unit, e.g. "%", "antal".
    public var unit: String
    /// The baseline (nulägesanalys), or explicitly none.
    public var baseline: Baseline
    /// The target value.
    public var target: Double
    /// Whether higher or lower values are better.
    public var direction: Direction
    /// Measurements over time.
    public var measurements: [Measurement]

    /// Creates an indicator.
    public init(name: String, unit: String, baseline: Baseline, target: Double,
                direction: Direction = .increase, measurements: [Measurement] = []) {
        self.name = name
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.direction = direction
        self.measurements = measurements
    }

    /// The most recent measurement.
    public var latest: Measurement? { measurements.max { $0.date < $1.date } }

    /// Whether higher or lower is better.
    public enum Direction: String, Codable, Hashable, Sendable {
        /// Higher is better.
        case increase
        /// Lower is better.
        case decrease
    }
}

/// A goal's starting point: measured, or explicitly not made.
public enum Baseline: Codable, Hashable, Sendable {
    /// Measured at a date.
    case measured(value: Double, date: CalendarDate)
    /// No baseline analysis was made; effects cannot be measured.
    case none

    /// The baseline value, if measured.
    public var value: Double? {
        if case .measured(let v, _) = self { return v }
        return nil
    }
}

/// One measurement of an indicator.
public struct Measurement: Codable, Hashable, Sendable {
    /// When.
    public var date: CalendarDate
    /// The value.
    public var value: Double
    /// Creates a measurement.
    public init(date: CalendarDate, value: Double) {
        self.date = date
        self.value = value
    }
}
