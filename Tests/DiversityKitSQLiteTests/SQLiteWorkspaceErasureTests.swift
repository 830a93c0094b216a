import DiversityKit
import DiversityKitSQLite
import Foundation
import Testing

/// The adversary here reads bytes, not the API: after `Workspace.erase`, the erased participant's id
/// and every text naming them must appear in no byte of the SQLite file, its `-wal` or `-shm`, nor
/// in a backup taken after the erasure.
@Suite("SQLiteStore: Workspace.erase leaves no byte behind")
struct SQLiteWorkspaceErasureTests {
    static let id = "greta-lovisa-7731"
    static let name = "Greta Lovisadotter"

    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    static func holds(_ data: Data, _ text: String) -> Bool { data.range(of: Data(text.utf8)) != nil }

    @Test("the id and an identifying comment are in no byte of the file, WAL, shared memory or a later backup")
    func noByteLeft() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path()
        let store = try SQLiteStore(path: path)
        let ws = Workspace(store: store)
        try await ws.register(Organisation(id: "org", name: "Kommunen", kind: .municipality, units: [OrganisationUnit(id: "u", name: "Enheten")]))
        try await ws.plan(Programme(id: "prog", name: "Programmet", owner: "org", period: try DatePeriod("2026-01-01", "2026-12-31")))
        try await ws.add(Intervention(id: "bas", programme: "prog", name: "Bas", kind: .baseTraining))
        try await ws.schedule(Session(id: "s1", intervention: "bas", date: try CalendarDate("2026-03-01"), durationMinutes: 60, capacity: 10))
        try await ws.register([Participant(id: ID(Self.id), organisation: "org", unit: "u"), Participant(id: "other", organisation: "org", unit: "u")])
        for p in [Self.id, "other"] {
            try await ws.enrol(ID(p), in: "bas")
            try await ws.recordAttendance(of: ID(p), at: "s1", .attended)
        }
        try await ws.record(Rating(id: "r1", rater: .participant(ID(Self.id)), subject: .session("s1"), intervention: "bas",
                                   dimension: .content, score: 4, comment: "Bra, hälsar \(Self.name)"))
        // Before: the adversary finds her (proves the search works).
        #expect(Self.holds(Self.bytes(path) + Self.bytes(path + "-wal"), Self.id))

        let receipt = try await ws.erase(ID(Self.id), identifyingTexts: [Self.name])
        #expect(receipt.physical == .reclaimed, "SQLite reclaims in place: secure_delete and a truncating checkpoint")
        try await store.backup(to: directory.path("backup.sqlite"))

        for file in [path, path + "-wal", path + "-shm", directory.path("backup.sqlite")] {
            let data = Self.bytes(file)
            #expect(!Self.holds(data, Self.id), "\(file) still holds the id")
            #expect(!Self.holds(data, Self.name), "\(file) still holds the name")
        }
        // Counts survive: two attended, one under a stand-in.
        let attendance = try await ws.attendance(of: "bas")
        #expect(attendance.filter { $0.status == .attended }.count == 2)
        #expect(try await store.integrityCheck() == ["ok"])
    }
}
