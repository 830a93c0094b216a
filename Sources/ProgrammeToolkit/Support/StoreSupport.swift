import Foundation
import DiversityKit

extension Store {
    /// The record `id` of type `R`, or ``ToolkitError/unknownReference(_:)``.
    func require<R: StoredRecord>(_: R.Type, _ id: String) async throws -> R {
        guard let record = try await fetch(R.self, id: id) else {
            throw ToolkitError.unknownReference(.of(R.self, id))
        }
        return record
    }

    /// The record `id` of type `R` with its revision, for a conditional write, or ``ToolkitError/unknownReference(_:)``.
    func requireVersioned<R: StoredRecord>(_: R.Type, _ id: String) async throws -> Versioned<R> {
        guard let record = try await fetchVersioned(R.self, id: id) else {
            throw ToolkitError.unknownReference(.of(R.self, id))
        }
        return record
    }

    /// The records `ids` of type `R` with their revisions, in their order, read with one
    /// ``/DiversityKit/Store/fetch(keys:)``.
    /// - Throws: ``ToolkitError/unknownReference(_:)`` for the first id that does not exist.
    func requireAllVersioned<R: StoredRecord>(_: R.Type, _ ids: [String]) async throws -> [Versioned<R>] {
        try zip(ids, try await fetchVersioned(R.self, ids: ids)).map { id, read in
            guard let read else { throw ToolkitError.unknownReference(.of(R.self, id)) }
            return read
        }
    }

    /// The records `ids` of type `R`, in their order, read with one ``/DiversityKit/Store/fetch(keys:)``.
    /// - Throws: ``ToolkitError/unknownReference(_:)`` for the first id that does not exist.
    func requireAll<R: StoredRecord>(_: R.Type, _ ids: [String]) async throws -> [R] {
        try await requireAllVersioned(R.self, ids).map(\.record)
    }
}

/// Checks shared by every capability's validation.
enum Check {
    /// Throws ``ToolkitError/emptyText(entity:field:)`` when `text` is blank.
    static func text(_ text: String, _ entity: RecordKey, _ field: String) throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ToolkitError.emptyText(entity: entity, field: field)
        }
    }

    /// Throws ``ToolkitError/notPositive(entity:field:value:)`` when `value` ≤ 0.
    static func positive(_ value: Int, _ entity: RecordKey, _ field: String) throws {
        if value <= 0 { throw ToolkitError.notPositive(entity: entity, field: field, value: value) }
    }

    /// Throws ``ToolkitError/duplicateIdentifier(_:)`` for the first repeated id.
    static func unique<S: Sequence>(_ ids: S) throws where S.Element: CustomStringConvertible {
        var seen: Set<String> = []
        for id in ids where !seen.insert(id.description).inserted {
            throw ToolkitError.duplicateIdentifier(id.description)
        }
    }
}

/// Joins values for a multi-valued index key.
func indexList<S: Sequence>(_ values: S) -> String where S.Element: CustomStringConvertible {
    values.map(\.description).sorted().joined(separator: indexValueSeparator)
}
