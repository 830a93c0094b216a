import DiversityKit
import DiversityKitPostgres
import Foundation
import Testing

@Suite("PostgresStore values", .enabled(if: TestDatabase.isAvailable, TestDatabase.skipReason))
struct PostgresValueTests {
    /// Schema names a caller may pass: a quote glued to a combining mark is one `Character` but two
    /// scalars, and the quote must still be doubled (the server's own `quote_ident` drops them).
    @Test("a schema name with quotes, a quote glued to a combining mark, or SQL in it names exactly that schema",
          arguments: ["dk_q\"\u{301}.records; CREATE SCHEMA dk_injected; --", "dk_\"plain\"_quote", "dk_åäö \"\u{308}"])
    func hostileSchemaName(_ suffix: String) async throws {
        let name = suffix + String(UUID().uuidString.prefix(8))
        do {
            let store = try await PostgresStore(TestDatabase.configuration(schema: name))
            let org = Organisation(id: "o", name: "Org", kind: .stateAgency)
            try await store.insert(org)
            #expect(try await store.fetch(Organisation.self, id: "o") == org)
            let named = try await store.execute("SELECT nspname FROM pg_namespace WHERE nspname = $1", [name])
            #expect(named.count == 1)
            #expect(try await store.execute("SELECT nspname FROM pg_namespace WHERE nspname = 'dk_injected'").isEmpty)
        } catch {
            try? await Self.dropExactly(name)
            throw error
        }
        try await Self.dropExactly(name)
    }

    private static func dropExactly(_ name: String) async throws {
        let quoted = try await TestDatabase.admin("SELECT quote_ident($1)", [name])
        if let identifier = quoted.first?.first ?? nil { try await TestDatabase.admin("DROP SCHEMA IF EXISTS \(identifier) CASCADE") }
    }

    @Test("Swedish text round-trips as UTF-8 and ids sort by their bytes, not by Swedish collation")
    func swedishText() async throws {
        try await TestDatabase.withStore { store in
            let org = Organisation(id: "härnösand", name: "Härnösands kommun – Åsele, Ödeshög", kind: .municipality,
                                   units: [OrganisationUnit(id: "öst", name: "Äldreomsorg Öst")])
            try await store.insert(org)
            #expect(try await store.fetch(Organisation.self, id: "härnösand") == org)
            let stored = try await store.execute("SELECT id FROM \"\(store.configuration.schema)\".records WHERE type = 'organisation'")
            #expect(stored == [["härnösand"]], "the id is not stored as UTF-8 text")
            for id in ["ö", "z", "å", "ä", "o"] { try await store.insert(RecordEnvelope(type: "kit.sv", id: id, version: 1, keys: [:], payload: Data())) }
            // Swedish collation would give z å ä ö; byte order puts ä (C3 A4) before å (C3 A5).
            #expect(try await store.query(RecordQuery(type: "kit.sv")).map(\.id) == ["o", "z", "ä", "å", "ö"])
        }
    }

    @Test("money keeps every öre, up to the largest amount an Int64 holds")
    func money() async throws {
        try await TestDatabase.withStore { store in
            var programme = Programme(id: "omvant", name: "Omvänt Mentorskap", owner: "kristianstad",
                                      period: try DatePeriod("2012-02-01", "2013-12-31"))
            programme.funding = [FundingSource(kind: .esfGrant, name: "ESF", amount: Money(minorUnits: 425_163_199)),
                                 FundingSource(kind: .ownFunding, amount: Money(minorUnits: Int64.max)),
                                 FundingSource(kind: .other, amount: Money(minorUnits: Int64.min + 1))]
            try await store.insert(programme)
            let back = try #require(try await store.fetch(Programme.self, id: "omvant"))
            #expect(back.funding.map(\.amount.minorUnits) == [425_163_199, Int64.max, Int64.min + 1])
        }
    }

    @Test("payload versions beyond 32 bits are refused and nothing is written")
    func versionRange() async throws {
        try await TestDatabase.withStore { store in
            let top = RecordEnvelope(type: "kit.item", id: "top", version: Int(Int32.max), keys: [:], payload: Data())
            try await store.insert(top)
            #expect(try await store.fetch(top.key)?.version == Int(Int32.max))
            let tooBig = RecordEnvelope(type: "kit.item", id: "big", version: Int(Int32.max) + 1, keys: [:], payload: Data())
            for write in [{ try await store.write(WriteBatch([.insert(top.with(id: "x")), .insert(tooBig)])) },
                          { try await store.bulkInsert([top.with(id: "y"), tooBig]) }] as [@Sendable () async throws -> Void] {
                do { try await write(); Issue.record("an oversized version was written") } catch StoreError.invalidArgument {}
            }
            #expect(try await store.query(RecordQuery(type: "kit.item")).map(\.id) == ["top"])
        }
    }

    @Test("text holding NUL is refused without quoting it, and payload bytes may hold NUL")
    func nulCharacters() async throws {
        try await TestDatabase.withStore { store in
            let withNUL = RecordEnvelope(type: "kit.item", id: "a\u{0}secret", version: 1, keys: [:], payload: Data())
            // The messages also show that a direct `bulkInsert` on the store takes the COPY path.
            let paths: [(String, @Sendable () async throws -> Void)] = [
                ("parameter $2", { try await store.insert(withNUL) }),
                ("a bulk-inserted text value", { try await store.bulkInsert([withNUL]) }),
                ("a bulk-inserted text value", { try await (store as any Store).bulkInsert([withNUL]) }),
            ]
            for (prefix, write) in paths {
                do { try await write(); Issue.record("a NUL id was written") } catch StoreError.invalidArgument(let message) {
                    #expect(message.hasPrefix(prefix))
                    #expect(!message.contains("secret"))
                }
            }
            let keyed = RecordEnvelope(type: "kit.item", id: "b", version: 1, keys: ["k": "v\u{0}"], payload: Data([0, 0]))
            await #expect(throws: StoreError.self) { try await store.insert(keyed) }
            #expect(try await store.count(RecordQuery(type: "kit.item")) == 0)
            let zeros = RecordEnvelope(type: "kit.item", id: "c", version: 1, keys: [:], payload: Data([0, 0, 0]))
            try await store.insert(zeros)
            #expect(try await store.fetch(zeros.key)?.contents == zeros)
        }
    }

    @Test("an index value the server refuses is a backend error with its SQLSTATE and without the value")
    func backendError() async throws {
        try await TestDatabase.withStore { store in
            // Random hex does not compress below the b-tree's limit of about 2.7 kB per entry.
            let huge = (0..<300).map { _ in UUID().uuidString }.joined()
            let e = RecordEnvelope(type: "kit.item", id: "a", version: 1, keys: ["k": huge], payload: Data())
            do {
                try await store.insert(e)
                Issue.record("an oversized index value was accepted")
            } catch StoreError.backend(let code, let message) {
                #expect(PostgresFailure.sqlstate(for: code) == "54000")
                #expect(message.hasPrefix("SQLSTATE 54000"))
                #expect(!message.contains(huge.prefix(36)))
            }
            #expect(try await store.fetch(e.key) == nil)
        }
    }
}

extension RecordEnvelope {
    func with(id: String) -> RecordEnvelope {
        RecordEnvelope(type: type, id: id, version: version, keys: keys, payload: payload)
    }
}
