import DiversityKit
import DiversityKitCrypto
import DiversityKitPostgres
import DiversityKitSQLite
import Foundation
import Testing
@testable import SurveyModule

/// A store decorator that logs what an operator's key-logging proxy would: per write, every key and the
/// rows appended in the order the batch holds them (like the Omvänt Mentorskap example's `AuditLogStore`,
/// plus row contents). With `writesAllowed` it fails every write after that many: a crash mid-migration.
actor KeyLoggingStore: Store {
    struct Write: Sendable {
        /// Every key the batch writes or checks.
        var keys: [RecordKey]
        /// The tokens the batch updates (marks used), in batch order.
        var markedTokens: [String]
        /// The rows the batch appends, in batch order.
        var appended: [CompactRow]
    }
    let base: any Store
    private(set) var writes: [Write] = []
    private var writesAllowed: Int?
    init(_ base: any Store, writesAllowed: Int? = nil) {
        self.base = base
        self.writesAllowed = writesAllowed
    }
    var schemaVersion: Int { get async throws { try await base.schemaVersion } }
    func fetch(_ key: RecordKey) async throws -> RecordEnvelope? { try await base.fetch(key) }
    func query(_ query: RecordQuery) async throws -> [RecordEnvelope] { try await base.query(query) }
    func count(_ query: RecordQuery) async throws -> Int { try await base.count(query) }
    func rows(_ query: RowQuery) async throws -> RowPage { try await base.rows(query) }
    func countRows(_ query: RowQuery) async throws -> Int { try await base.countRows(query) }
    func reclaimSpace() async throws { try await base.reclaimSpace() }
    func write(_ batch: WriteBatch) async throws {
        if let left = writesAllowed {
            guard left > 0 else { throw StoreError.invalidArgument("simulated crash") }
            writesAllowed = left - 1
        }
        try await base.write(batch)
        var rows: [CompactRow] = []
        for case .appendRows(_, let r) in batch.operations { rows += r }
        var marked: [String] = []
        for case .update(let e) in batch.operations where e.type == SurveyToken.recordType { marked.append(e.id) }
        writes.append(Write(keys: batch.operations.map(\.key), markedTokens: marked, appended: rows))
    }
    func bulkInsert(_ envelopes: [RecordEnvelope]) async throws { try await write(WriteBatch(envelopes.map { .insert($0) })) }
}

/// The stores the adversary tests run on; SQLite and PostgreSQL only once their adapters support rows and checks.
enum AdversaryStores {
    static func sqlite() throws -> (SQLiteStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("adversary-\(UUID().uuidString).sqlite").path
        return (try SQLiteStore(path: path), path)
    }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["DIVERSITYKIT_POSTGRES_URL"] }

    static func postgres(schema: String = "adversary_\(UInt32.random(in: 0...UInt32.max))") async throws -> PostgresStore {
        try await PostgresStore(PostgresStore.Configuration(connectionString: postgresURL ?? "", schema: schema))
    }

    /// Whether `store` accepts a conditional batch with a row append (the round-2 protocol).
    static func supportsRound2(_ store: any Store) async -> Bool {
        do {
            var batch = WriteBatch()
            batch.expect(RecordKey(type: "adversary.probe", id: "x"), .absent)
            batch.append([CompactRow(cells: [1])], to: RowSetKey(type: "adversary.probe", partition: "p"))
            try await store.write(batch)
            return true
        } catch { return false }
    }

    static func sqliteReady() async -> Bool {
        guard let (store, path) = try? sqlite() else { return false }
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        return await supportsRound2(store)
    }

    static func postgresReady() async -> Bool {
        guard postgresURL != nil, let store = try? await postgres() else { return false }
        return await supportsRound2(store)
    }
}

@Suite("An operator with the store, its log or its files cannot link a response to a token or participant")
struct AnonymityAdversaryTests {
    static let people = 40

    /// Forty registered participants in two units receive tokens of an anonymous distribution; each answers with
    /// a comment that is their own marker. Returns the log and, for the attacker, who each token mark belongs to.
    static func redeem(on base: any Store) async throws -> (log: [KeyLoggingStore.Write], markers: [String: ID<Participant>], store: KeyLoggingStore) {
        let store = KeyLoggingStore(base)
        try await store.insert(Fixture.organisation)
        for i in 0..<people { try await store.insert(Participant(id: ID("p\(i)"), organisation: "umea", unit: i % 2 == 0 ? "viva" : "soc")) }
        let service = SurveyService(store: store, secret: Fixture.secret, clock: { Fixture.t0 + 60 })
        let q = try await service.publish(Fixture.small())
        let (d, tokens) = try await service.distribute(DistributionPlan(
            questionnaire: q.reference, population: .participants((0..<people).map { ID("p\($0)") }), opens: Fixture.t0, closes: Fixture.t0 + Fixture.day))
        var markers: [String: ID<Participant>] = [:]
        for t in tokens {
            let marker = "m\(t.participant!.rawValue)z"
            markers[marker] = t.participant!
            var answers = Fixture.fullAnswers()
            answers["T1"] = .text(marker)
            try await service.submit(ResponseSubmission(token: t.token, questionnaire: q.reference, answers: answers))
        }
        try await service.close(d.id)
        #expect(try await service.responses(of: d.id).count == people)
        return (await store.writes, markers, store)
    }

    /// The attacker's best guess from write order: the i-th row appended after a run of token marks is the i-th
    /// of those marks (per unit, since rows carry their unit); returns how many guesses are right.
    static func linkByWriteOrder(_ log: [KeyLoggingStore.Write], markers: [String: ID<Participant>], tokenOwner: [String: ID<Participant>]) -> Int {
        var marks: [String: [ID<Participant>]] = [:]
        var right = 0
        let layout = ResponseRowLayout(questionnaire: Fixture.small())
        for w in log {
            for id in w.markedTokens {
                if let who = tokenOwner[id] { marks[unitOf(who), default: []].append(who) }
            }
            for row in w.appended {
                guard let r = try? ResponseRowCoding.response(id: 0, scope: row.scope, group: row.group, cells: row.cells, extra: row.extra, layout: layout),
                      case .text(let m)? = r.answers["T1"], let truth = markers[m] else { continue }
                var queue = marks[row.group] ?? []
                if !queue.isEmpty {
                    if queue.removeFirst() == truth { right += 1 }
                    marks[row.group] = queue
                }
            }
        }
        return right
    }

    static func unitOf(_ p: ID<Participant>) -> String { Int(p.rawValue.dropFirst())! % 2 == 0 ? "viva" : "soc" }

    static func check(_ base: any Store) async throws {
        let (log, markers, store) = try await redeem(on: base)
        // 1. No write holds both a token key and a readable response.
        for w in log {
            let tokenKeys = w.keys.contains { $0.type == SurveyToken.recordType || $0.type == "survey.token-use" }
            let responseKeys = w.keys.contains { $0.type == SurveyResponse.recordType || $0.type == "rows:" + ResponseRowLayout.rowType } || !w.appended.isEmpty
            #expect(!(tokenKeys && responseKeys))
        }
        // 2. Linking by write order does no better than chance (1 in 5 per batch, 8 of 40 expected; the old
        //    same-batch write gave 40 of 40).
        var owner: [String: ID<Participant>] = [:]
        for t in try await store.all(SurveyToken.self) { if let p = t.participant { owner[t.digest] = p } }
        let right = linkByWriteOrder(log, markers: markers, tokenOwner: owner)
        #expect(right <= people / 2, "write order linked \(right) of \(people) responses")
        // 3. Released rows hold no participant, token or exact instant.
        let rows = try await store.rows(RowQuery(set: ResponseRowLayout.rowSet(Fixture.small().reference), includeExtra: true))
        #expect(rows.count == people)
        for r in 0..<rows.count {
            let response = try ResponseRowCoding.response(page: rows, row: r, layout: ResponseRowLayout(questionnaire: Fixture.small()))
            #expect(response.participant == nil && response.startedAt == nil)
            #expect(response.submittedAt.map { $0.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) == 0 } ?? true)
        }
    }

    @Test("the write-order attacker links every response when mark and response share a write (the old submit)")
    func attackerHasPower() async throws {
        // Replays what the old `submit` did: one batch per respondent with the token mark and the response.
        let store = KeyLoggingStore(InMemoryStore())
        let layout = ResponseRowLayout(questionnaire: Fixture.small())
        var markers: [String: ID<Participant>] = [:], owner: [String: ID<Participant>] = [:]
        for i in 0..<Self.people {
            let p = ID<Participant>("p\(i)")
            let token = SurveyToken(digest: Fixture.secret.digest(of: "t\(i)"), distribution: "d", participant: p, unit: ID(Self.unitOf(p)))
            try await store.insert(token)
            owner[token.digest] = p
            markers["m\(p.rawValue)z"] = p
            var used = token
            used.isUsed = true
            var answers = Fixture.fullAnswers()
            answers["T1"] = .text("m\(p.rawValue)z")
            var batch = WriteBatch()
            try batch.update(used)
            batch.append([ResponseRowCoding.row(SurveyResponse(id: "", questionnaire: layout.reference, distribution: "d",
                                                               reportingUnit: used.unit, answers: answers), layout: layout)], to: layout.rowSet)
            try await store.write(batch)
        }
        #expect(Self.linkByWriteOrder(await store.writes, markers: markers, tokenOwner: owner) == Self.people)
    }

    @Test("over InMemoryStore no write holds a token key and a response, and write order links no better than chance")
    func inMemory() async throws { try await Self.check(InMemoryStore()) }

    @Test("over SQLiteStore the same holds", .enabled("the SQLite adapter does not support checks and rows yet (branch sqlite)") {
        await AdversaryStores.sqliteReady()
    })
    func sqlite() async throws {
        let (store, path) = try AdversaryStores.sqlite()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        try await Self.check(store)
    }

    @Test("over PostgresStore the same holds", .enabled("needs DIVERSITYKIT_POSTGRES_URL and a PostgreSQL adapter with checks and rows (branch postgres)") {
        await AdversaryStores.postgresReady()
    })
    func postgres() async throws { try await Self.check(try await AdversaryStores.postgres()) }

    @Test("the SQLite file and its WAL after N redemptions link no response to a token better than chance",
          .enabled("the SQLite adapter does not support checks and rows yet (branch sqlite)") { await AdversaryStores.sqliteReady() })
    func sqliteFiles() async throws {
        let (store, path) = try AdversaryStores.sqlite()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let (_, markers, logged) = try await Self.redeem(on: store)
        var owner: [String: ID<Participant>] = [:]
        for t in try await logged.all(SurveyToken.self) { if let p = t.participant { owner[t.digest] = p } }
        // The attacker pairs each response marker with the nearest token digest before it in the bytes.
        var mostFound = 0
        for suffix in ["-wal", ""] {
            guard let bytes = FileManager.default.contents(atPath: path + suffix), !bytes.isEmpty else { continue }
            let (digests, found) = Self.scan([UInt8](bytes), digests: owner, markers: markers)
            var right = 0
            for (at, truth) in found {
                if let guess = digests.last(where: { $0.0 < at })?.1, guess == truth { right += 1 }
            }
            mostFound = max(mostFound, digests.isEmpty ? 0 : Set(found.map(\.1)).count)
            #expect(right <= Self.people / 2, "file\(suffix) linked \(right) of \(Self.people)")
        }
        #expect(mostFound == Self.people, "the attacker has the material: every response and the tokens are in the file or its WAL")
    }

    /// One pass over `bytes`: where each token digest (64 hex characters) and each response marker
    /// (`m<participant>z`, first occurrence) appears.
    static func scan(_ bytes: [UInt8], digests owner: [String: ID<Participant>], markers: [String: ID<Participant>])
        -> (digests: [(Int, ID<Participant>)], markers: [(Int, ID<Participant>)]) {
        var digestAt: [(Int, ID<Participant>)] = [], markerAt: [(Int, ID<Participant>)] = []
        var seen = Set<String>()
        func isHex(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x61...0x66).contains(c) }
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                if b[i] == UInt8(ascii: "m"), i + 2 < b.count, b[i + 1] == UInt8(ascii: "p") {
                    var j = i + 2
                    while j < b.count, (0x30...0x39).contains(b[j]) { j += 1 }
                    if j < b.count, b[j] == UInt8(ascii: "z") {
                        let m = String(decoding: UnsafeBufferPointer(rebasing: b[i...j]), as: UTF8.self)
                        if let p = markers[m], seen.insert(m).inserted { markerAt.append((i, p)) }
                    }
                }
                if i + 64 <= b.count, isHex(b[i]) {
                    var j = i
                    while j < i + 64, isHex(b[j]) { j += 1 }
                    if j == i + 64, let p = owner[String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self)] {
                        digestAt.append((i, p))
                        i += 64
                        continue
                    }
                }
                i += 1
            }
        }
        return (digestAt, markerAt)
    }

    @Test("PostgreSQL's xmin and ctid after N redemptions link no response to a token better than chance",
          .enabled("needs DIVERSITYKIT_POSTGRES_URL and a PostgreSQL adapter with checks and rows (branch postgres)") {
              await AdversaryStores.postgresReady()
          })
    func postgresSystemColumns() async throws {
        let schema = "adversary_\(UInt32.random(in: 0...UInt32.max))"
        let store = try await AdversaryStores.postgres(schema: schema)
        let (_, markers, logged) = try await Self.redeem(on: store)
        var owner: [String: ID<Participant>] = [:]
        for t in try await logged.all(SurveyToken.self) { if let p = t.participant { owner[t.digest] = p } }
        // The token marks in transaction order, per unit (an operator reads xmin of the token rows).
        let marks = try await store.execute(#"SELECT xmin::text, id FROM "\#(schema)".records WHERE type = 'survey.token'"#)
        var markOrder: [String: [ID<Participant>]] = [:]
        for m in marks.sorted(by: { UInt64($0[0]!)! < UInt64($1[0]!)! }) {
            if let p = owner[m[1]!] { markOrder[Self.unitOf(p), default: []].append(p) }
        }
        // The response rows in (xmin, ctid) order with their unit and content.
        let rows = try await store.execute(#"""
            SELECT r.xmin::text, r.ctid::text, l.label, encode(r.extra, 'hex')
            FROM "\#(schema)".rows r JOIN "\#(schema)".row_sets s ON s.set_id = r.set_id
            JOIN "\#(schema)".row_labels l ON l.set_id = r.set_id AND l.label_id = r.group_id
            WHERE s.type = 'survey.response'
            """#)
        #expect(rows.count == Self.people)
        func ctid(_ t: String) -> (Int, Int) {
            let parts = t.dropFirst().dropLast().split(separator: ",").map { Int($0)! }
            return (parts[0], parts[1])
        }
        let ordered = rows.sorted { a, b in
            let (xa, xb) = (UInt64(a[0]!)!, UInt64(b[0]!)!)
            return xa != xb ? xa < xb : ctid(a[1]!) < ctid(b[1]!)
        }
        var right = 0, found = 0
        for r in ordered {
            let extra = String(decoding: Hex.decode(r[3]!) ?? [], as: UTF8.self)
            guard let (marker, truth) = markers.first(where: { extra.contains($0.key) }) else { continue }
            _ = marker
            found += 1
            var queue = markOrder[r[2]!] ?? []
            if !queue.isEmpty, queue.removeFirst() == truth { right += 1 }
            markOrder[r[2]!] = queue
        }
        #expect(found == Self.people)
        #expect(right <= Self.people / 2, "xmin/ctid linked \(right) of \(Self.people)")
        _ = try await store.execute(#"DROP SCHEMA "\#(schema)" CASCADE"#)
    }
}
