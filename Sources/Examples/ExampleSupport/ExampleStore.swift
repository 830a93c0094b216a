import DiversityKit
import DiversityKitSQLite
import Foundation

/// Why an example's store could not be opened.
public enum ExampleStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `--store` named a file that already exists; examples never overwrite a file they were
    /// pointed at, because each run starts from an empty store.
    case storeFileExists(path: String)
    /// The directory of the store file could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// `--store` named a file in a directory that does not exist; examples create only their
    /// own default directory, never one a typo named.
    case directoryMissing(path: String)
    /// The old default store file could not be removed.
    case cannotRemoveOldStore(path: String, reason: String)

    /// A readable description.
    public var description: String { text(.english) }
}

/// Opens the SQLite store an example runs on, always empty.
///
/// - The default path (`./.diversitykit/<name>.sqlite`) belongs to the example: its directory
///   is created, and a file left by an earlier run is first checked to be a DiversityKit store
///   (``StoreError/notADiversityKitStore(_:)`` otherwise — a foreign file is never deleted) and
///   then replaced, together with its `-wal` and `-shm` companions.
/// - A path given with `--store` must not exist yet (``ExampleStoreError/storeFileExists(path:)``),
///   and its directory must (``ExampleStoreError/directoryMissing(path:)``): no directory is created for it.
public enum ExampleStore {
    /// Opens a fresh store for `options`.
    /// - Throws: ``ExampleStoreError``, or the ``StoreError`` of ``SQLiteStore``.
    public static func openFresh(_ options: ExampleOptions) async throws -> SQLiteStore {
        let files = FileManager.default
        let url = URL(fileURLWithPath: options.storePath)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if options.isDefaultStore {
            do {
                try files.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw ExampleStoreError.cannotCreateDirectory(path: directory.path, reason: error.localizedDescription)
            }
        } else if !files.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw ExampleStoreError.directoryMissing(path: directory.path)
        }
        if files.fileExists(atPath: url.path) {
            guard options.isDefaultStore else { throw ExampleStoreError.storeFileExists(path: options.storePath) }
            // Opening proves the file is ours before anything is deleted.
            let old = try SQLiteStore(path: url.path)
            await old.close()
            for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: url.path + suffix) {
                do { try files.removeItem(atPath: url.path + suffix) } catch {
                    throw ExampleStoreError.cannotRemoveOldStore(path: url.path + suffix, reason: error.localizedDescription)
                }
            }
        }
        return try SQLiteStore(path: url.path)
    }

    /// Removes the store file a failed run created, with its `-wal` and `-shm` files, so that
    /// an error leaves nothing behind. Call it only for a store ``openFresh(_:)`` created.
    public static func discard(_ options: ExampleOptions) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.storePath + suffix) }
    }
}
