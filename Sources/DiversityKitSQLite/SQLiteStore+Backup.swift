import CSQLite
import DiversityKit
import Foundation

extension SQLiteStore {
    /// Copies the whole database, consistently, to a new file at `path` with SQLite's online
    /// backup API, while the store stays open. The copy is itself a DiversityKit store.
    ///
    /// ```swift
    /// try await store.backup(to: "/backups/diversity-2026-11-22.sqlite")
    /// ```
    /// Works for an in-memory store too, which is a way to save one to disk.
    /// - Throws: ``/DiversityKit/StoreError/invalidArgument(_:)`` when a non-empty file already exists at `path`
    ///   (a backup never overwrites), ``/DiversityKit/StoreError/backend(code:message:)`` when SQLite fails; a
    ///   failed backup removes the partial copy.
    public func backup(to path: String) throws {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 {
            throw StoreError.invalidArgument("backup destination \(path) already exists")
        }
        let source = try connection.database()
        do {
            let destination = try Connection(path: path, busyTimeout: configuration.busyTimeout)
            defer { destination.close() }
            let target = try destination.database()
            guard let backup = sqlite3_backup_init(target, "main", source, "main") else {
                throw SQLiteFailure.error(from: target, code: sqlite3_extended_errcode(target))
            }
            let stepped = sqlite3_backup_step(backup, -1)
            let finished = sqlite3_backup_finish(backup)
            guard stepped == SQLITE_DONE else { throw SQLiteFailure.error(from: nil, code: stepped) }
            try destination.check(finished)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
