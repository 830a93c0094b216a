import CSQLite
import DiversityKit
import Foundation

/// Opens a file as a DiversityKit store: recognises it, refuses what is not ours, migrates forward.
///
/// Nothing is written before the file is known to be ours (or empty), not newer than this code and
/// holding every table its version promises; `journal_mode = WAL` comes only after the migrations
/// committed. So a refused file — and a file whose migration failed and rolled back — is left byte
/// for byte as it was.
enum SchemaOpener {
    static func open(_ configuration: SQLiteStore.Configuration, migratingTo target: Int) throws -> Connection {
        if !configuration.isInMemory { try checkHeader(of: configuration.path) }
        let connection = try Connection(path: configuration.path, busyTimeout: configuration.busyTimeout)
        // Connection settings only; none of them writes to the file.
        try connection.execute("PRAGMA foreign_keys = ON")
        try connection.execute("PRAGMA secure_delete = ON")
        try connection.execute("PRAGMA synchronous = \(configuration.synchronous.rawValue)")
        try recognise(connection, path: configuration.path)
        try migrate(connection, to: target)
        // journal_mode rewrites the file header, so it comes only after the file is known to be ours.
        try connection.execute("PRAGMA journal_mode = WAL")
        return connection
    }

    /// Refuses a file that does not start with SQLite's header, before SQLite ever opens it.
    private static func checkHeader(of path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard !isDirectory.boolValue else { throw StoreError.notADiversityKitStore("\(path) is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.backend(code: SQLITE_CANTOPEN, message: "\(path) cannot be read")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header.isEmpty || header == Data("SQLite format 3\0".utf8) else {
            throw StoreError.notADiversityKitStore("\(path) is not a SQLite database")
        }
    }

    /// Reads (never writes) the identity and shape of the file: ours, at a version this code knows,
    /// with every table and index that version promises — or empty.
    private static func recognise(_ connection: Connection, path: String) throws {
        let applicationID = try connection.integer("PRAGMA application_id")
        let version = try connection.integer("PRAGMA user_version")
        let names = Set(try connection.strings("SELECT name FROM sqlite_master"))
        if applicationID == Int(Migrations.applicationID) {
            guard version >= 0 else {
                throw StoreError.notADiversityKitStore("\(path) carries the DiversityKit id but schema version \(version), which no release writes")
            }
            guard version <= Migrations.latest else {
                throw StoreError.schemaTooNew(found: version, supported: Migrations.latest)
            }
            let missing = Migrations.objects(atVersion: version).filter { !names.contains($0) }
            guard missing.isEmpty, version > 0 || names.isEmpty else {
                throw StoreError.notADiversityKitStore(
                    "\(path) carries the DiversityKit id but lacks what schema version \(version) holds (\(missing.joined(separator: ", ")))")
            }
            return
        }
        guard applicationID == 0, names.isEmpty else {
            throw StoreError.notADiversityKitStore(
                "\(path) is a SQLite database of another application (application_id \(applicationID), \(names.count) schema objects)")
        }
    }

    private static func migrate(_ connection: Connection, to target: Int) throws {
        guard try connection.integer("PRAGMA user_version") < target else { return }
        try connection.transaction {
            // Read again under the write lock: another connection may have migrated meanwhile.
            let current = try connection.integer("PRAGMA user_version")
            guard current <= Migrations.latest, current >= 0 else {
                throw StoreError.schemaTooNew(found: current, supported: Migrations.latest)
            }
            guard current < target else { return }
            for migration in Migrations.all[current..<target] {
                try connection.execute(migration.sql)
                // Prepared after the first migration, which creates the table it writes to.
                let record = try connection.statement("INSERT INTO diversitykit_migrations (name, applied_at) VALUES (?, ?)")
                try record.bind(migration.name, at: 1)
                try record.bind(Date().ISO8601Format(), at: 2)
                try record.run()
            }
            // PRAGMAs take no parameters; both values are this file's own constants, not data.
            try connection.execute("PRAGMA application_id = \(Migrations.applicationID)")
            try connection.execute("PRAGMA user_version = \(target)")
        }
    }
}
