import DiversityKit
import Foundation

/// One group of answers a report published (or a reminder list revealed): which reporting units it
/// covers, which item, and how many answers it counts.
///
/// Two releases of segments that nest (the same unit before and after more answers; an organisation and
/// one of its units) publish the difference of their counts too, and so do a segment and released parts
/// that fill it. ``PublicationHistory/conflicts(_:alongside:threshold:)`` stops any such difference of
/// 1…k−1 answers — the overlap rule of HR survey platforms.
public struct SegmentRelease: Hashable, Sendable, Codable {
    /// What released the segment.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A report showed the segment's answers.
        case report
        /// A reminder list (påminnelselista) of unused tokens showed who in the segment had answered, but no answers.
        case reminderList
    }

    /// The key of "every respondent", units or none.
    public static let everyone = "*"
    /// The key of respondents without a reporting unit.
    public static let noUnit = ""
    /// The item key of a survey report's free-text comments (held to the comment threshold).
    public static let commentsItem = "#comments"
    /// The item key of ratings (course evaluation rows, the Kirkpatrick reaction): one item, so every
    /// aggregate of ratings is compared with every other; units name rating atoms (see ``ratingUnit(intervention:dimension:scale:subject:)``).
    public static let ratingsItem = "#ratings"

    /// The unit key of the ratings of one intervention, dimension and scale given to one subject (a session,
    /// or the intervention as a whole): the atoms rating segments are made of.
    public static func ratingUnit(intervention: ID<Intervention>, dimension: RatingDimension, scale: RatingScale,
                                  subject: RatingSubject) -> String {
        let about: String
        switch subject {
        case .session(let s): about = "session:" + s.rawValue
        case .intervention: about = "whole"
        }
        return [intervention.rawValue, dimension.code, "\(scale.minimum)-\(scale.maximum)", about].joined(separator: "|")
    }

    /// The item key of one funder statistic (gender, age band, education) of a programme's participants.
    public static func funderItem(_ statistic: String) -> String { "#funder:" + statistic }

    /// What released it.
    public var kind: Kind
    /// The reporting-unit keys the segment covers: ``everyone``, or unit keys and possibly ``noUnit``.
    public var units: Set<String>
    /// The item code, or `nil` for a count of respondents (a reminder list).
    public var item: String?
    /// How many answers (or respondents) the segment counts.
    public var count: Int

    /// Creates a release.
    public init(kind: Kind = .report, units: Set<String>, item: String?, count: Int) {
        self.kind = kind
        self.units = units
        self.item = item
        self.count = count
    }

    /// Whether every respondent of `other` is in this segment.
    func contains(_ other: SegmentRelease) -> Bool { units.contains(Self.everyone) || other.units.isSubset(of: units) }
    /// Whether the two segments share no respondent.
    func isDisjoint(from other: SegmentRelease) -> Bool {
        !units.contains(Self.everyone) && !other.units.contains(Self.everyone) && units.isDisjoint(with: other.units)
    }
}

/// Everything already released from one distribution's responses, in release order.
public struct PublicationHistory: Hashable, Sendable, Codable {
    /// The releases, oldest first.
    public var releases: [SegmentRelease]
    /// The sequence number of the last release it includes (0 when nothing was released): a release
    /// audited against this history is recorded as number `through + 1`, and only while that number is free
    /// (``PublicationMemory/record(_:distribution:title:at:auditedAgainst:)``).
    public var through: Int

    /// Creates a history.
    public init(releases: [SegmentRelease] = [], through: Int = 0) {
        self.releases = releases
        self.through = through
    }

    private enum CodingKeys: String, CodingKey { case releases, through }

    /// Decodes a history; one encoded before ``through`` existed reads as through 0.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        releases = try c.decode([SegmentRelease].self, forKey: .releases)
        through = try c.decodeIfPresent(Int.self, forKey: .through) ?? 0
    }

    /// Whether publishing `candidate` beside the released segments and `alongside` (the other segments of the
    /// same report) would let someone subtract out a group of 1…`threshold`−1 answers:
    /// - a nested segment of the same item (the same segment earlier, a larger or smaller segment around it)
    ///   whose count differs by 1…k−1;
    /// - a segment whose released, pairwise disjoint parts leave 1…k−1 answers unaccounted for, or hold
    ///   1…k−1 more than it (parts released after more answers came in).
    ///
    /// Reminder lists count respondents, not answers: they make a difference group identifiable (who answered
    /// in between), which is why every difference is held to k whether or not a list went out.
    public func conflicts(_ candidate: SegmentRelease, alongside: [SegmentRelease] = [], threshold k: Int) -> Bool {
        let small = { (d: Int) in d > 0 && d < k }
        let peers = (releases + alongside).filter { $0.item == candidate.item && $0.kind == .report && $0 != candidate }
        for other in peers where (candidate.contains(other) || other.contains(candidate)) && small(abs(candidate.count - other.count)) {
            return true
        }
        // Residuals: the candidate as a parent of released parts, and as a part of released parents.
        let parents = [candidate] + peers.filter { $0.contains(candidate) && $0.units != candidate.units }
        for parent in parents {
            var parts = peers.filter { parent.contains($0) && $0.units != parent.units }
            if parent != candidate { parts.append(candidate) }
            // The latest release of each segment, largest first, kept while pairwise disjoint.
            var latest: [Set<String>: SegmentRelease] = [:]
            for p in parts { latest[p.units] = p }
            var family: [SegmentRelease] = []
            let mustKeep = parent == candidate ? nil : candidate
            for p in latest.values.sorted(by: { ($0 == mustKeep ? 1 : 0, $0.units.count, $0.count) > ($1 == mustKeep ? 1 : 0, $1.units.count, $1.count) })
            where family.allSatisfy({ $0.isDisjoint(from: p) }) {
                family.append(p)
            }
            // Either way round: parts that now hold a few more than the parent once did give those few away too.
            if family.count >= 2 || (family.count == 1 && parent.units.contains(SegmentRelease.everyone)) {
                if small(abs(parent.count - family.reduce(0) { $0 + $1.count })) { return true }
            }
        }
        return false
    }
}

/// What one report (or reminder list) released from a distribution, as kept in the store.
public struct PublicationRecord: StoredRecord, Codable, Hashable, Sendable {
    /// The record type.
    public static let recordType = "publication"
    /// A unique id: the distribution and the release's sequence number.
    public let id: String
    /// The distribution whose responses were released.
    public let distribution: String
    /// The release's position among the distribution's releases (1, 2, …).
    public let sequence: Int
    /// When it was released.
    public let releasedAt: Date
    /// The report's title, or what else released it.
    public let title: String
    /// The segments released.
    public let segments: [SegmentRelease]

    /// The record id.
    public var recordID: String { id }
    /// Queried by distribution.
    public var indexKeys: [String: String] { ["distribution": distribution] }
}

/// Publication memory (publiceringsminne): what has been released from each distribution's responses,
/// recorded in the store, so each new report is audited against everything released before it.
///
/// Releasing is read → audit → conditional write: a release is recorded only if nothing else was
/// released from the distribution since its history was read, so two reports prepared at once are each
/// audited against the other (``release(from:title:at:_:)`` re-reads and re-audits on a conflict).
///
/// ```swift
/// let memory = PublicationMemory(store: store)
/// let publication = try await memory.release(from: "dist-1", title: "Medarbetarenkät", at: now) { history in
///     let publication = try reports.surveyResults(counts, history: history)
///     return (publication, publication.releases)
/// }
/// ```
public struct PublicationMemory: Sendable {
    /// The store holding the records.
    public let store: any Store

    /// Creates the memory over `store`.
    public init(store: any Store) { self.store = store }

    /// Everything released from `distribution`, oldest first, with the number of the last release.
    /// - Throws: the store's errors.
    public func history(of distribution: String) async throws -> PublicationHistory {
        let records = try await store.all(PublicationRecord.self, where: "distribution", equals: distribution)
            .sorted { $0.sequence < $1.sequence }
        return PublicationHistory(releases: records.flatMap(\.segments), through: records.last?.sequence ?? 0)
    }

    /// Reads the history of `distribution`, lets `audit` decide what to release against it, and records
    /// that release, all as one conditional step: if another release was recorded in between, it reads the
    /// history again and runs `audit` again (``/DiversityKit/withConflictRetry(attempts:isolation:_:)``).
    /// Publish what `audit` returned only after this returns.
    /// - Parameters:
    ///   - distribution: the distribution whose responses the report releases.
    ///   - title: the report's title, kept with the release.
    ///   - date: when it is released.
    ///   - audit: given the history, returns a value (the report) and the segments it releases;
    ///     throws to release nothing.
    /// - Returns: the value `audit` returned on the attempt that was recorded.
    /// - Throws: what `audit` throws; ``/DiversityKit/StoreError/conflict(_:)`` when every attempt met a
    ///   concurrent release.
    public func release<T>(from distribution: String, title: String, at date: Date,
                           _ audit: (PublicationHistory) async throws -> (value: T, segments: [SegmentRelease])) async throws -> T {
        try await withConflictRetry {
            let history = try await history(of: distribution)
            let (value, segments) = try await audit(history)
            try await record(segments, distribution: distribution, title: title, at: date, auditedAgainst: history)
            return value
        }
    }

    /// Records a release of `segments` from `distribution` that was audited against `history`: it becomes
    /// release number `history.through + 1`, and is written only if no release was recorded since `history`
    /// was read.
    /// - Throws: ``/DiversityKit/StoreError/conflict(_:)`` when another release was recorded meanwhile:
    ///   read the history again and audit again (``release(from:title:at:_:)`` does both); the store's errors.
    public func record(_ segments: [SegmentRelease], distribution: String, title: String, at date: Date,
                       auditedAgainst history: PublicationHistory) async throws {
        let sequence = history.through + 1
        do {
            try await store.insert(PublicationRecord(id: "\(distribution)#\(sequence)", distribution: distribution, sequence: sequence,
                                                     releasedAt: date, title: title, segments: segments))
        } catch StoreError.duplicate(let key) {
            throw StoreError.conflict(key)
        }
    }

    /// Records a reminder list: per unit key, how many had answered when it went out. A reminder list
    /// releases no answers, so it is not audited; it takes the next free number, and a report audited
    /// before it was recorded is audited again.
    /// - Throws: the store's errors.
    public func recordReminderList(distribution: String, respondents: [String: Int], at date: Date) async throws {
        let segments = respondents.sorted { $0.key < $1.key }.map { SegmentRelease(kind: .reminderList, units: [$0.key], item: nil, count: $0.value) }
        try await withConflictRetry {
            try await record(segments, distribution: distribution, title: "reminder list", at: date,
                             auditedAgainst: try await history(of: distribution))
        }
    }
}
