import DiversityKit
import Foundation
import SurveyModule

/// What an HR roster import registered.
public struct RosterImportResult: Hashable, Sendable {
    /// Participants registered (or replaced).
    public var registered: Int
    /// Registered participants per organisation.
    public var perOrganisation: [ID<Organisation>: Int]
    /// Registered participants per role.
    public var perRole: [ParticipantRole: Int]
    /// How many `Workspace.register(_:)` batches were written.
    public var batches: Int
    /// Warnings the workspace returned.
    public var warnings: [ValidationIssue]
}

/// Imports an HR system's roster (`employee_ref;organisation;unit;role`) into a workspace, the
/// way an embedding HR system would: pseudonymous references become participant ids, in batches,
/// with progress reported after each batch.
///
/// The whole file is parsed and checked against the workspace's organisations and units
/// before anything is written, so a bad row (with its line and field) registers nothing.
/// Rows are then registered in batches of ``batchSize`` through `Workspace.register(_:)`, each
/// batch atomic; re-importing the same roster replaces the same participants.
///
/// ```swift
/// let importer = HRRosterImporter(workspace: workspace)
/// let result = try await importer.importRoster(contentsOf: url) { done, total in
///     progress.update(done, of: total)
/// }
/// ```
public struct HRRosterImporter: Sendable {
    /// The workspace participants are registered in.
    public let workspace: Workspace
    /// Rows per `register` call.
    public let batchSize: Int
    /// The bounds the roster file is read under (``HRRoster/defaultLimits`` unless given).
    public let limits: CSVLimits

    /// Creates an importer.
    public init(workspace: Workspace, batchSize: Int = 500, limits: CSVLimits = HRRoster.defaultLimits) {
        self.workspace = workspace
        self.batchSize = max(1, batchSize)
        self.limits = limits
    }

    /// Imports the roster file at `url`.
    /// - Throws: ``HRRosterError``, wrapped in ``HRRosterError/inFile(_:_:)`` naming the file
    ///   (``HRRosterError/unreadable(_:)`` when the file cannot be read); the workspace's
    ///   `ValidationError` or `StoreError` when a batch is refused.
    @discardableResult
    public func importRoster(contentsOf url: URL,
                             progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws -> RosterImportResult {
        let rows = try HRRoster.parse(contentsOf: url, limits: limits)
        return try await HRRosterError.within(file: url.lastPathComponent) { try await importRoster(rows: rows, progress: progress) }
    }

    /// Imports a roster held in memory.
    /// - Throws: ``HRRosterError``; the workspace's `ValidationError` or `StoreError` when a batch is refused.
    @discardableResult
    public func importRoster(_ data: Data,
                             progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws -> RosterImportResult {
        try await importRoster(rows: try HRRoster.parse(data, limits: limits), progress: progress)
    }

    private func importRoster(rows: [RosterRow], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) async throws -> RosterImportResult {
        try await checkReferences(rows)
        var result = RosterImportResult(registered: 0, perOrganisation: [:], perRole: [:], batches: 0, warnings: [])
        progress?(0, rows.count)
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + batchSize, rows.count)].map(\.entry)
            result.warnings += try await workspace.register(batch.map(\.participant))
            for entry in batch {
                result.perOrganisation[entry.organisation, default: 0] += 1
                result.perRole[entry.role, default: 0] += 1
            }
            result.registered += batch.count
            result.batches += 1
            start += batch.count
            progress?(start, rows.count)
        }
        return result
    }

    private func checkReferences(_ rows: [RosterRow]) async throws {
        var organisations: [ID<Organisation>: Organisation?] = [:]
        for row in rows {
            let id = row.entry.organisation
            if organisations[id] == nil { organisations[id] = .some(try await workspace.organisation(id)) }
            guard let organisation = organisations[id]! else {
                throw HRRosterError.unknownOrganisation(line: row.line, field: row.columns.organisation, value: id.rawValue)
            }
            if let unit = row.entry.unit, organisation.unit(unit) == nil {
                throw HRRosterError.unknownUnit(line: row.line, field: row.columns.unit, value: unit.rawValue)
            }
        }
    }
}
