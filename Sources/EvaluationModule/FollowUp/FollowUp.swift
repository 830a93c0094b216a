import DiversityKit

/// Programme follow-up (uppföljning): pure functions from the domain records to the figures
/// steering groups, funders and organisations read.
///
/// Every function takes plain arrays so it is easy to test and to call with records from any
/// source; ``ProgrammeRecords/load(programme:from:)`` gathers them from a `Store`.
///
/// ```swift
/// let records = try await ProgrammeRecords.load(programme: "mdss", from: store)
/// let participation = FollowUp.participation(programme: records.programme, attendances: records.attendances)
/// ```
public enum FollowUp {}

/// Why a follow-up could not be computed.
public enum FollowUpError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No programme with this identifier in the store.
    case unknownProgramme(ID<Programme>)
    /// A prerequisite names an intervention that is not among those given.
    case unknownIntervention(ID<Intervention>)
    /// The prerequisites loop back on themselves at this intervention.
    case prerequisiteCycle(ID<Intervention>)
    /// Fully loaded costs must be positive for a return on investment.
    case nonPositiveCosts(Money)

    /// A readable description.
    public var description: String { text(.english) }
}
