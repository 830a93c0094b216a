import DiversityKit
import DiversityKitPostgres
import Foundation
import Testing

/// Issue 15's attack: "one `SELECT xmin` by any role with read access re-identifies 24 of 24".
///
/// The attacker reads every column of every table, system columns included (`xmin`, `cmin`,
/// `ctid`), and knows which participant each token-use record belongs to (the worst case: the
/// token list leaked). The writer is SurveyModule's mix, simulated with the protocol: each token
/// use is its own transaction; responses are appended later in shuffled batches of k, one
/// transaction per batch.
@Suite("PostgresStore system columns after anonymous redemptions", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresSystemColumnTests {
    static let n = 24, k = 6
    static let set = RowSetKey(type: "survey.response", partition: "q@1")

    /// What the attacker sees of one row or record.
    struct Seen {
        var xmin: UInt64
        var cmin: Int
        var ctid: [Int]
        var id: Int64
        var token: Int // ground truth, never used by the attack
    }

    static func tokenUse(_ i: Int) -> RecordEnvelope {
        // The id stands for the token's keyed hash: its text says nothing about i's position.
        RecordEnvelope(type: "survey.token-use", id: String(format: "%016llx", Self.hash(i)),
                       version: 1, keys: ["distribution": "d1"], payload: Data())
    }

    static func hash(_ i: Int) -> UInt64 {
        var generator = SplitMix64(seed: UInt64(i))
        return generator.next()
    }

    /// The response of redemption `i`: its one cell is the ground truth (the attack ignores cells).
    static func response(_ i: Int) -> CompactRow { CompactRow(scope: "d1", group: "unit", cells: [UInt8(i)]) }

    /// Redeems `n` tokens. `mixed`: token uses one per transaction, responses released afterwards
    /// in shuffled batches of `k`. Otherwise each token use and its response share one batch, as the
    /// code before issue 15 did.
    static func redeem(_ store: PostgresStore, mixed: Bool, seed: UInt64) async throws -> [[Int]] {
        var rng = SplitMix64(seed: seed)
        var pending: [Int] = [], batches: [[Int]] = []
        for i in 0..<n {
            if mixed {
                try await store.write(WriteBatch([.insert(tokenUse(i))]))
                pending.append(i)
                if pending.count == k {
                    pending.shuffle(using: &rng)
                    try await store.write(WriteBatch([.appendRows(set, pending.map(response))]))
                    batches.append(pending)
                    pending = []
                }
            } else {
                try await store.write(WriteBatch([.insert(tokenUse(i)), .appendRows(set, [response(i)])]))
                batches.append([i])
            }
        }
        return batches
    }

    static func ctid(_ text: String?) -> [Int] {
        (text ?? "").split(whereSeparator: { "(),".contains($0) }).compactMap { Int($0) }
    }

    /// Token uses and rows with every system column the attacker reads.
    static func observe(_ store: PostgresStore) async throws -> (tokens: [Seen], rows: [Seen], revisions: Set<String>) {
        let schema = "\"\(store.configuration.schema)\""
        let uses = try await store.execute("SELECT xmin::text, cmin::text, ctid::text, id, revision::text FROM \(schema).records WHERE type = 'survey.token-use'")
        let idOf = Dictionary(uniqueKeysWithValues: (0..<n).map { (tokenUse($0).id, $0) })
        let tokens = uses.map { Seen(xmin: UInt64($0[0]!)!, cmin: Int($0[1]!)!, ctid: ctid($0[2]), id: 0, token: idOf[$0[3]!]!) }
        let rows = try await store.execute("SELECT xmin::text, cmin::text, ctid::text, id::text, get_byte(cells, 0)::text FROM \(schema).rows")
            .map { Seen(xmin: UInt64($0[0]!)!, cmin: Int($0[1]!)!, ctid: ctid($0[2]), id: Int64($0[3]!)!, token: Int($0[4]!)!) }
        return (tokens, rows, Set(uses.map { $0[4]! }))
    }

    /// The attack: pair the r-th token use by commit order (`xmin`) with the r-th response by
    /// (`xmin`, `cmin`, `ctid`, `id`). Returns how many pairs are right.
    static func commitOrderAttack(tokens: [Seen], rows: [Seen]) -> Int {
        let t = tokens.sorted { $0.xmin < $1.xmin }
        let r = rows.sorted { a, b in
            if a.xmin != b.xmin { return a.xmin < b.xmin }
            if a.cmin != b.cmin { return a.cmin < b.cmin }
            if a.ctid != b.ctid { return a.ctid.lexicographicallyPrecedes(b.ctid) }
            return a.id < b.id
        }
        return zip(t, r).filter { $0.token == $1.token }.count
    }

    @Test("without the mix, xmin links every response to its token (the attack works)")
    func linkedWritesAreReidentified() async throws {
        try await TestDatabase.withStore { store in
            _ = try await Self.redeem(store, mixed: false, seed: 1)
            let seen = try await Self.observe(store)
            #expect(Self.commitOrderAttack(tokens: seen.tokens, rows: seen.rows) == Self.n)
            let tokenByXmin = Dictionary(uniqueKeysWithValues: seen.tokens.map { ($0.xmin, $0.token) })
            #expect(seen.rows.filter { tokenByXmin[$0.xmin] == $0.token }.count == Self.n)
        }
    }

    @Test("with the mix, no system column or column links a response to its token better than the shuffle allows")
    func mixedWritesAreUnlinkable() async throws {
        try await TestDatabase.withStore { store in
            let batches = try await Self.redeem(store, mixed: true, seed: 2026)
            let seen = try await Self.observe(store)
            #expect(seen.rows.count == Self.n && seen.tokens.count == Self.n)

            // No response shares a transaction with a token use.
            let tokenXmins = Set(seen.tokens.map(\.xmin))
            #expect(seen.rows.allSatisfy { !tokenXmins.contains($0.xmin) })

            // Every response of a batch has the same xmin and cmin: one transaction, one statement (COPY).
            let byXmin = Dictionary(grouping: seen.rows, by: \.xmin)
            #expect(byXmin.count == Self.n / Self.k)
            for (_, batch) in byXmin {
                #expect(batch.count == Self.k)
                #expect(Set(batch.map(\.cmin)).count == 1)
                // Inside a batch, physical order and ids follow the writer's shuffle and nothing else.
                let byCtid = batch.sorted { $0.ctid.lexicographicallyPrecedes($1.ctid) }.map(\.token)
                let byID = batch.sorted { $0.id < $1.id }.map(\.token)
                #expect(byCtid == byID)
                #expect(batches.contains(byID), "a batch's rows are not in the order the writer shuffled them")
                // The attacker's candidates for a response: the k token uses committed since the last batch.
                let xmin = batch[0].xmin
                let previous = byXmin.keys.filter { $0 < xmin }.max() ?? 0
                let candidates = seen.tokens.filter { $0.xmin > previous && $0.xmin < xmin }
                #expect(candidates.count == Self.k)
                #expect(Set(candidates.map(\.token)) == Set(batch.map(\.token)))
            }

            // So the commit-order attack gets exactly the shuffle's fixed points: chance (one per batch expected).
            let fixedPoints = batches.enumerated().reduce(0) { sum, b in
                sum + b.element.enumerated().filter { $0.element == b.offset * Self.k + $0.offset }.count
            }
            let hits = Self.commitOrderAttack(tokens: seen.tokens, rows: seen.rows)
            #expect(hits == fixedPoints)
            #expect(hits < Self.n / 2)

            // Revisions are per record: every token use is at 1, whatever was written before or after it.
            #expect(seen.revisions == ["1"])
        }
    }
}

