import DiversityKit

/// A disclosure-controlled distribution over named categories.
public struct ProtectedDistribution: Hashable, Sendable, Codable {
    /// Category codes, e.g. `"woman"`, `"from30to54"`, `"notStated"`.
    public let categories: [String]
    /// The protected one-row table of counts.
    public let table: ProtectedTable

    /// The published count of a category, or `nil` when withheld.
    public func count(_ category: String) -> Int? {
        categories.firstIndex(of: category).flatMap { table.publishedCount(row: 0, column: $0) }
    }
}

/// Funder participant statistics (ESF+ style): counts by gender, age band and education level.
///
/// Built only from participant records, never from survey answers, and every distribution passes disclosure control.
public struct FunderStatistics: Hashable, Sendable, Codable {
    /// Participants counted.
    public let participants: Int
    /// By gender; participants without indicators count as `notStated`.
    public let gender: ProtectedDistribution
    /// By age band; unknown as `"unknown"`.
    public let ageBand: ProtectedDistribution
    /// By education level (ISCED); unknown as `"unknown"`.
    public let education: ProtectedDistribution
}

extension FollowUp {
    /// Funder statistics of `participants` (pass those who took part).
    /// - Throws: ``DisclosureError`` from the disclosure component.
    public static func funderStatistics(participants: [Participant],
                                        disclosure: DisclosureControl = DisclosureControl()) throws -> FunderStatistics {
        func distribution(_ categories: [String], _ code: (FunderIndicators?) -> String) throws -> ProtectedDistribution {
            var counts = Array(repeating: 0, count: categories.count)
            for p in participants { counts[categories.firstIndex(of: code(p.indicators))!] += 1 }
            return ProtectedDistribution(categories: categories, table: try disclosure.protect(CountTable(distribution: counts)))
        }
        let unknown = "unknown"
        return FunderStatistics(
            participants: participants.count,
            gender: try distribution(FunderIndicators.Gender.allCases.map(\.rawValue)) { $0?.gender?.rawValue ?? "notStated" },
            ageBand: try distribution(FunderIndicators.AgeBand.allCases.map(\.rawValue) + [unknown]) { $0?.ageBand?.rawValue ?? unknown },
            education: try distribution(FunderIndicators.EducationLevel.allCases.map(\.rawValue) + [unknown]) { $0?.education?.rawValue ?? unknown })
    }
}
