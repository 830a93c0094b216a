import DiversityKit
import DiversityKitPostgres
import DiversityKitSQLite
import Foundation

/// `diversitykit store check|backup|migrate|erase`: look after a store without writing Swift.
enum StoreCommand {
    static let check = Command(
        name: "store check",
        summary: "check a store: schema version, file integrity, and that every record decodes",
        usage: "diversitykit store check (--store FILE | --postgres URL)",
        options: StoreLocation.options,
        details: """
        A SQLite file written by older code is not migrated by check: it is reported (exit 1) with the
        advice to back it up and run 'store migrate'. Otherwise the store is opened, SQLite's integrity
        check runs, and every record of the types DiversityKit defines is read and decoded; records by
        type are counted. Exit status 0 when all is well, 1 when anything is wrong.
        """,
        examples: ["diversitykit store check --store diversity.sqlite",
                   "diversitykit store check --postgres postgresql://app@db.example/diversity --format json"],
        run: runCheck)

    static let backup = Command(
        name: "store backup",
        summary: "copy a store, consistently, to a new SQLite file",
        usage: "diversitykit store backup (--store FILE | --postgres URL) --to FILE",
        options: StoreLocation.options + [.value("to", "FILE", "the new backup file; never overwritten")],
        details: """
        A SQLite store is copied with SQLite's online backup while it stays in use. A PostgreSQL store is
        copied record by record into a new SQLite store: every record of the types DiversityKit defines
        (an embedder's own record types are not known to the tool; use pg_dump for the whole database).
        """,
        examples: ["diversitykit store backup --store diversity.sqlite --to backups/diversity-2026-12-01.sqlite"],
        run: runBackup)

    static let migrate = Command(
        name: "store migrate",
        summary: "bring a store's schema up to this version of DiversityKit",
        usage: "diversitykit store migrate (--store FILE | --postgres URL)",
        options: StoreLocation.options,
        details: """
        Prints the schema version before and after. A store written by newer code is refused and left
        untouched (exit 1). Take a backup first: a migrated SQLite file cannot be opened by older code.
        """,
        examples: ["diversitykit store migrate --store diversity.sqlite"],
        run: runMigrate)

    static let erase = Command(
        name: "store erase",
        summary: "erase a participant: record and enrolments deleted, ratings made anonymous",
        usage: "diversitykit store erase PARTICIPANT (--store FILE | --postgres URL)",
        options: StoreLocation.options,
        details: """
        In one step that either completes or changes nothing: the participant's record and their
        enrolments are deleted, their ratings become anonymous, and their attendance is kept under a
        random stand-in that links to no one, so follow-up still counts them once. PARTICIPANT is the
        participant's id in the store. Exit status 1 when there is no such participant.
        """,
        examples: ["diversitykit store erase p-1042 --store diversity.sqlite"],
        run: runErase)

    // MARK: check

    struct CheckResult: Encodable {
        var store: String
        var schemaVersion: Int?
        var supportedSchemaVersion: Int
        var integrity: [String]
        var records: [String: Int]
        var problems: [String]
        var ok: Bool { problems.isEmpty }

        enum CodingKeys: String, CodingKey { case store, schemaVersion, supportedSchemaVersion, integrity, records, problems, ok }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(store, forKey: .store)
            try c.encode(schemaVersion, forKey: .schemaVersion)
            try c.encode(supportedSchemaVersion, forKey: .supportedSchemaVersion)
            try c.encode(integrity, forKey: .integrity)
            try c.encode(records, forKey: .records)
            try c.encode(problems, forKey: .problems)
            try c.encode(ok, forKey: .ok)
        }
    }

    static func runCheck(_ arguments: ParsedArguments, _ console: Console) async throws -> Int32 {
        try arguments.noPositionals()
        let location = try StoreLocation(arguments)
        let t = console.text
        var result = CheckResult(store: location.description, schemaVersion: nil, supportedSchemaVersion: supportedVersion(location),
                                 integrity: [], records: [:], problems: [])
        if case .sqlite(let path) = location, let header = try sqliteHeaderVersion(path), header < result.supportedSchemaVersion {
            result.schemaVersion = header
            result.problems.append(t("schemaversion \(header) är äldre än \(result.supportedSchemaVersion): säkerhetskopiera och kör 'diversitykit store migrate'",
                                     "schema version \(header) is older than \(result.supportedSchemaVersion): back it up and run 'diversitykit store migrate'"))
            return try finish(result, console)
        }
        let store = try await location.open()
        result.schemaVersion = try await store.schemaVersion
        if let sqlite = store as? SQLiteStore {
            result.integrity = try await sqlite.integrityCheck()
            if result.integrity != ["ok"] { result.problems += result.integrity.map { "integrity: \($0)" } }
        }
        for type in knownRecordTypes {
            let (count, problems) = try await decodeAll(type, in: store, console: console)
            if count > 0 { result.records[type.recordType] = count }
            result.problems += problems
        }
        return try finish(result, console)
    }

    private static func finish(_ result: CheckResult, _ console: Console) throws -> Int32 {
        try console.json(result)
        let t = console.text
        console.line("\(result.store): " + t("schemaversion", "schema version") + " \(result.schemaVersion.map(String.init) ?? "?")"
                     + t(" (den här versionen: \(result.supportedSchemaVersion))", " (this version: \(result.supportedSchemaVersion))"))
        if !result.integrity.isEmpty { console.line(t("integritet: ", "integrity: ") + result.integrity.joined(separator: "; ")) }
        for (type, count) in result.records.sorted(by: { $0.key < $1.key }) { console.line("  \(type): \(count)") }
        for problem in result.problems { console.line(t("FEL: ", "PROBLEM: ") + problem) }
        console.line(result.ok ? t("Lagret är i ordning.", "The store is sound.") : t("Lagret har fel.", "The store has problems."))
        return result.ok ? 0 : 1
    }

    /// Reads every record of `type`, page by page, decoding each; returns the count and what failed.
    private static func decodeAll<R: StoredRecord>(_ type: R.Type, in store: any Store, console: Console) async throws -> (Int, [String]) {
        var count = 0
        var problems: [String] = []
        var after: String?
        while true {
            let page = try await store.query(RecordQuery(type: R.recordType).page(after: after, limit: 1000))
            for envelope in page {
                do { _ = try envelope.decode(R.self) } catch {
                    if problems.count < 100 { problems.append("\(envelope.key): \(error)") }
                }
            }
            count += page.count
            if count > 0 && count % 50_000 < page.count { console.progress("\(R.recordType): \(count) …") }
            guard page.count == 1000, let last = page.last else { return (count, problems) }
            after = last.id
        }
    }

    private static func supportedVersion(_ location: StoreLocation) -> Int {
        switch location {
        case .sqlite: return SQLiteStore.supportedSchemaVersion
        case .postgres: return PostgresStore.supportedSchemaVersion
        }
    }

    /// The schema version (`user_version`, bytes 60–63 of the header) of a DiversityKit SQLite
    /// file, read without opening it, so a check never migrates. `nil` when the file cannot say:
    /// it has a write-ahead log that may hold a newer header, or is not a SQLite file (opening reports that).
    static func sqliteHeaderVersion(_ path: String) throws -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(path): lagringsfilen finns inte", "\(path): no such store file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int, size > 0 { return nil }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure("\(path): kan inte läsas", "\(path): cannot be read") }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else { return nil }
        return header[60..<64].reduce(0) { $0 << 8 | Int($1) }
    }

    // MARK: backup

    static func runBackup(_ arguments: ParsedArguments, _ console: Console) async throws -> Int32 {
        try arguments.noPositionals()
        let location = try StoreLocation(arguments)
        let destination = try arguments.required("to")
        if let size = (try? FileManager.default.attributesOfItem(atPath: destination))?[.size] as? Int, size > 0 {
            throw CommandFailure("\(destination) finns redan; en säkerhetskopia skriver aldrig över",
                                              "\(destination) already exists; a backup never overwrites")
        }
        let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure("mappen \(folder) finns inte; skapa den först (en säkerhetskopia skapar inga mappar)",
                                 "the folder \(folder) does not exist; create it first (a backup creates no folders)")
        }
        let store = try await location.open()
        var copied: [String: Int]?
        if let sqlite = store as? SQLiteStore {
            console.progress(console.text("Kopierar \(location.description) …", "Copying \(location.description) …"))
            try await sqlite.backup(to: destination)
        } else {
            copied = try await copyRecords(from: store, to: destination, console: console)
        }
        struct Result: Encodable { var store: String; var backup: String; var records: [String: Int]? }
        try console.json(Result(store: location.description, backup: destination, records: copied))
        console.line(console.text("Säkerhetskopia skriven: \(destination)", "Backup written: \(destination)"))
        for (type, count) in (copied ?? [:]).sorted(by: { $0.key < $1.key }) { console.line("  \(type): \(count)") }
        return 0
    }

    /// Copies every record of the known types, bytes as stored, into a new SQLite store at `path`;
    /// a failed copy removes the partial file.
    private static func copyRecords(from store: any Store, to path: String, console: Console) async throws -> [String: Int] {
        let target = try SQLiteStore(path: path)
        var counts: [String: Int] = [:]
        do {
            // survey.token-use is SurveyModule's internal marker that a token was used; it must travel with the tokens.
            for type in knownRecordTypes.map({ $0.recordType }) + ["survey.token-use"] {
                var after: String?
                while true {
                    let page = try await store.query(RecordQuery(type: type).page(after: after, limit: 1000))
                    if !page.isEmpty { try await target.bulkInsert(page) }
                    counts[type, default: 0] += page.count
                    guard page.count == 1000, let last = page.last else { break }
                    after = last.id
                    console.progress("\(type): \(counts[type] ?? 0) …")
                }
                if counts[type] == 0 { counts[type] = nil }
            }
            await target.close()
        } catch {
            await target.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        return counts
    }

    // MARK: migrate

    static func runMigrate(_ arguments: ParsedArguments, _ console: Console) async throws -> Int32 {
        try arguments.noPositionals()
        let location = try StoreLocation(arguments)
        var before: Int?
        if case .sqlite(let path) = location { before = try sqliteHeaderVersion(path) }
        let store = try await location.open()
        let after = try await store.schemaVersion
        struct Result: Encodable { var store: String; var schemaVersionBefore: Int?; var schemaVersion: Int }
        try console.json(Result(store: location.description, schemaVersionBefore: before, schemaVersion: after))
        if let before, before < after {
            console.line(console.text("\(location.description): migrerad från schemaversion \(before) till \(after)",
                                      "\(location.description): migrated from schema version \(before) to \(after)"))
        } else {
            console.line(console.text("\(location.description): schemaversion \(after), aktuell",
                                      "\(location.description): schema version \(after), up to date"))
        }
        return 0
    }

    // MARK: erase

    static func runErase(_ arguments: ParsedArguments, _ console: Console) async throws -> Int32 {
        let participant = ID<Participant>(try arguments.single(("deltagaren som ska raderas", "the participant to erase")))
        let location = try StoreLocation(arguments)
        let workspace = Workspace(store: try await location.open())
        do {
            try await workspace.erase(participant)
        } catch StoreError.notFound {
            throw CommandFailure("deltagaren \(participant) finns inte i \(location.description)",
                                              "participant \(participant) does not exist in \(location.description)")
        }
        struct Result: Encodable { var store: String; var erased: String }
        try console.json(Result(store: location.description, erased: participant.rawValue))
        console.line(console.text("Deltagaren \(participant) är raderad.", "Participant \(participant) is erased."))
        return 0
    }
}
