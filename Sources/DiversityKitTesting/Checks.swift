import DiversityKit
import Foundation

func expect(_ condition: Bool, _ message: @autoclosure () -> String, check: String = #function) throws {
    if !condition { throw ConformanceFailure(check: check, message: message()) }
}

func expectThrows<T>(_ check: String, _ expected: StoreError, _ body: () async throws -> T) async throws {
    do {
        _ = try await body()
        throw ConformanceFailure(check: check, message: "expected \(expected), nothing was thrown")
    } catch let e as StoreError {
        try expect(e == expected, "expected \(expected), got \(e)", check: check)
    }
}

func envelope(_ id: String, type: String = "kit.item", keys: [String: String] = [:], payload: String = "p") -> RecordEnvelope {
    RecordEnvelope(type: type, id: id, version: 1, keys: keys, payload: Data(payload.utf8))
}

extension StoreConformanceKit {
    static let basicChecks: [StoreConformanceCheck] = [
        StoreConformanceCheck("an inserted record is fetched back byte for byte") { store in
            let name = "an inserted record is fetched back byte for byte"
            let e = RecordEnvelope(type: "kit.item", id: "a", version: 7, keys: ["k": "v"],
                                   payload: Data([0, 1, 2, 255, 0, 34, 39, 92]))
            try await store.insert(e)
            let back = try await store.fetch(e.key)
            try expect(back?.contents == e, "fetched \(String(describing: back)) not \(e)", check: name)
            try expect(try await store.fetch(RecordKey(type: "kit.item", id: "missing")) == nil,
                       "fetch of a missing key returned a record", check: name)
        },
        StoreConformanceCheck("fetching many keys gives each key's record in the keys' order, nil where missing") { store in
            let name = "fetching many keys gives each key's record in the keys' order, nil where missing"
            let nfc = "K\u{00E4}rna", nfd = "Ka\u{0308}rna"
            var stored: [RecordEnvelope] = []
            for i in 0..<1200 { stored.append(RecordEnvelope(type: "kit.item", id: "r\(i)", version: 1, keys: ["g": "\(i % 3)"], payload: Data("\(i)".utf8))) }
            stored += [envelope(nfc, payload: "nfc"), envelope(nfd, payload: "nfd"), envelope("r7", type: "kit.other", payload: "other")]
            try await store.bulkInsert(stored)
            // Over a thousand keys (past any one statement's batch), repeats, two types, twins and gaps, shuffled.
            var keys = stored.map(\.key) + [RecordKey(type: "kit.item", id: "missing"), RecordKey(type: "kit.gone", id: "r1"),
                                           RecordKey(type: "kit.item", id: "r5"), RecordKey(type: "kit.item", id: nfd)]
            var rng = SystemRandomNumberGenerator()
            keys.shuffle(using: &rng)
            let many = try await store.fetch(keys: keys)
            try expect(many.count == keys.count, "\(many.count) results for \(keys.count) keys", check: name)
            for (key, got) in zip(keys, many) {
                let single = try await store.fetch(key)
                try expect(got?.contents == single?.contents && got?.revision == single?.revision,
                           "\(key.type)/\(key.id): \(String(describing: got?.payload)) against a single fetch's \(String(describing: single?.payload))",
                           check: name)
                try expect((got == nil) == (key.id == "missing" || key.type == "kit.gone"), "\(key.type)/\(key.id) presence", check: name)
                try expect(got.map { Array($0.id.utf8) == Array(key.id.utf8) } ?? true, "\(key.id) answered with another id's bytes", check: name)
            }
            try expect(try await store.fetch(keys: []).isEmpty, "no keys, no records", check: name)
        },
        StoreConformanceCheck("inserting an existing key fails with duplicate and keeps the original") { store in
            let name = "inserting an existing key fails with duplicate and keeps the original"
            try await store.insert(envelope("a", payload: "one"))
            try await expectThrows(name, .duplicate(RecordKey(type: "kit.item", id: "a"))) {
                try await store.insert(envelope("a", payload: "two"))
            }
            try expect(try await store.fetch(RecordKey(type: "kit.item", id: "a"))?.payload == Data("one".utf8),
                       "original payload changed", check: name)
        },
        StoreConformanceCheck("update replaces an existing record and refuses a missing one") { store in
            let name = "update replaces an existing record and refuses a missing one"
            try await expectThrows(name, .notFound(RecordKey(type: "kit.item", id: "a"))) {
                try await store.write(WriteBatch([.update(envelope("a"))]))
            }
            try await store.insert(envelope("a", keys: ["g": "1"], payload: "one"))
            try await store.write(WriteBatch([.update(envelope("a", keys: ["g": "2"], payload: "two"))]))
            let back = try await store.fetch(RecordKey(type: "kit.item", id: "a"))
            try expect(back?.payload == Data("two".utf8) && back?.keys == ["g": "2"], "update not applied", check: name)
            try expect(try await store.count(RecordQuery(type: "kit.item").where("g", equals: "1")) == 0,
                       "old index key still matches after update", check: name)
        },
        StoreConformanceCheck("upsert adds a missing record and replaces an existing one") { store in
            let name = "upsert adds a missing record and replaces an existing one"
            try await store.write(WriteBatch([.upsert(envelope("a", payload: "one"))]))
            try await store.write(WriteBatch([.upsert(envelope("a", payload: "two"))]))
            try expect(try await store.fetch(RecordKey(type: "kit.item", id: "a"))?.payload == Data("two".utf8),
                       "upsert did not replace", check: name)
        },
        StoreConformanceCheck("delete removes a record and refuses a missing one") { store in
            let name = "delete removes a record and refuses a missing one"
            try await store.insert(envelope("a", keys: ["g": "1"]))
            try await store.write(WriteBatch([.delete(RecordKey(type: "kit.item", id: "a"))]))
            try expect(try await store.fetch(RecordKey(type: "kit.item", id: "a")) == nil, "record still there", check: name)
            try expect(try await store.count(RecordQuery(type: "kit.item").where("g", equals: "1")) == 0,
                       "deleted record still counted", check: name)
            try await expectThrows(name, .notFound(RecordKey(type: "kit.item", id: "a"))) {
                try await store.write(WriteBatch([.delete(RecordKey(type: "kit.item", id: "a"))]))
            }
        },
        StoreConformanceCheck("record types are separate namespaces") { store in
            let name = "record types are separate namespaces"
            try await store.insert(envelope("x", type: "kit.one", payload: "1"))
            try await store.insert(envelope("x", type: "kit.two", payload: "2"))
            try expect(try await store.fetch(RecordKey(type: "kit.one", id: "x"))?.payload == Data("1".utf8), "kit.one/x wrong", check: name)
            try expect(try await store.query(RecordQuery(type: "kit.two")).map(\.id) == ["x"], "kit.two query wrong", check: name)
        },
        StoreConformanceCheck("Swedish text, emoji and quotes in ids, keys and payloads round-trip") { store in
            let name = "Swedish text, emoji and quotes in ids, keys and payloads round-trip"
            let e = RecordEnvelope(type: "kit.item", id: "Åsa's 'enhet' \"ö\" 😀; DROP TABLE x;--", version: 1,
                                   keys: ["kommun": "Härnösand", "note": "a'b\"c\\d"], payload: Data("ÅÄÖ åäö é ü 😀".utf8))
            try await store.insert(e)
            try expect(try await store.fetch(e.key)?.contents == e, "unicode envelope changed", check: name)
            try expect(try await store.query(RecordQuery(type: "kit.item").where("kommun", equals: "Härnösand")).count == 1,
                       "unicode key not queryable", check: name)
        },
        StoreConformanceCheck("the schema version is at least 1") { store in
            try expect(try await store.schemaVersion >= 1, "schema version below 1", check: "the schema version is at least 1")
        },
    ]

    static let batchChecks: [StoreConformanceCheck] = [
        StoreConformanceCheck("a batch that fails halfway leaves the store exactly as it was") { store in
            let name = "a batch that fails halfway leaves the store exactly as it was"
            try await store.insert(envelope("keep", keys: ["g": "1"], payload: "original"))
            let batch = WriteBatch([.insert(envelope("new1")), .update(envelope("keep", keys: ["g": "2"], payload: "changed")),
                                    .delete(RecordKey(type: "kit.item", id: "keep")), .insert(envelope("new2")),
                                    .insert(envelope("new1"))])
            try await expectThrows(name, .duplicate(RecordKey(type: "kit.item", id: "new1"))) { try await store.write(batch) }
            let all = try await store.query(RecordQuery(type: "kit.item"))
            try expect(all.map(\.id) == ["keep"], "store holds \(all.map(\.id)) after a failed batch", check: name)
            try expect(all.first?.payload == Data("original".utf8) && all.first?.keys == ["g": "1"],
                       "kept record changed by a failed batch", check: name)
        },
        StoreConformanceCheck("a batch applies its operations in order") { store in
            let name = "a batch applies its operations in order"
            try await store.write(WriteBatch([.insert(envelope("a", payload: "1")), .update(envelope("a", payload: "2")),
                                              .insert(envelope("b")), .delete(RecordKey(type: "kit.item", id: "b"))]))
            try expect(try await store.fetch(RecordKey(type: "kit.item", id: "a"))?.payload == Data("2".utf8), "order not kept", check: name)
            try expect(try await store.fetch(RecordKey(type: "kit.item", id: "b")) == nil, "b not deleted", check: name)
        },
        StoreConformanceCheck("an empty batch is accepted and changes nothing") { store in
            try await store.write(WriteBatch())
            try expect(try await store.count(RecordQuery(type: "kit.item")) == 0, "records appeared", check: "an empty batch is accepted and changes nothing")
        },
        StoreConformanceCheck("a bulk insert is all or nothing") { store in
            let name = "a bulk insert is all or nothing"
            var many = (0..<500).map { envelope(String(format: "r%04d", $0), keys: ["g": String($0 % 7)]) }
            many.append(envelope("r0003"))
            try await expectThrows(name, .duplicate(RecordKey(type: "kit.item", id: "r0003"))) { try await store.bulkInsert(many) }
            try expect(try await store.count(RecordQuery(type: "kit.item")) == 0, "a failed bulk insert left records", check: name)
            many.removeLast()
            try await store.bulkInsert(many)
            try expect(try await store.count(RecordQuery(type: "kit.item")) == 500, "bulk insert lost records", check: name)
            try expect(try await store.count(RecordQuery(type: "kit.item").where("g", equals: "3")) == 71, "bulk index keys wrong", check: name)
        },
        StoreConformanceCheck("concurrent writers lose nothing") { store in
            let name = "concurrent writers lose nothing"
            try await withThrowingTaskGroup(of: Void.self) { group in
                for t in 0..<8 {
                    group.addTask {
                        for i in 0..<25 { try await store.insert(envelope("t\(t)-\(i)", keys: ["t": String(t)])) }
                    }
                }
                try await group.waitForAll()
            }
            try expect(try await store.count(RecordQuery(type: "kit.item")) == 200, "lost concurrent writes", check: name)
        },
    ]

    static let queryChecks: [StoreConformanceCheck] = [
        StoreConformanceCheck("queries filter on equals, one-of and multi-valued keys") { store in
            let name = "queries filter on equals, one-of and multi-valued keys"
            try await store.bulkInsert([
                envelope("1", keys: ["org": "a", "tags": ["x", "y"].joined(separator: indexValueSeparator)]),
                envelope("2", keys: ["org": "b", "tags": "y"]),
                envelope("3", keys: ["org": "c", "tags": "xy"]),
                envelope("4", keys: [:]),
            ])
            let q = RecordQuery(type: "kit.item")
            try expect(try await store.query(q.where("org", equals: "a")).map(\.id) == ["1"], "equals", check: name)
            try expect(try await store.query(q.where("org", in: ["a", "c"])).map(\.id) == ["1", "3"], "one-of", check: name)
            try expect(try await store.query(q.where("tags", contains: "y")).map(\.id) == ["1", "2"], "contains y", check: name)
            try expect(try await store.query(q.where("tags", contains: "x")).map(\.id) == ["1"], "contains must match whole values", check: name)
            try expect(try await store.query(q.where("org", equals: "a").where("tags", contains: "y")).map(\.id) == ["1"], "and", check: name)
            try expect(try await store.query(q.where("org", equals: "zzz")).isEmpty, "no match", check: name)
            try expect(try await store.count(q.where("org", in: ["a", "b"])) == 2, "count", check: name)
            try expect(try await store.query(q).count == 4, "unfiltered", check: name)
        },
        StoreConformanceCheck("queries are ordered by id and page without gaps or repeats") { store in
            let name = "queries are ordered by id and page without gaps or repeats"
            let ids = (0..<53).map { "id-\(($0 * 37) % 53)" } + ["Z", "a", "Ä", "_"]
            try await store.bulkInsert(ids.map { envelope($0) })
            let expected = ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            try expect(try await store.query(RecordQuery(type: "kit.item")).map(\.id) == expected, "not in id order", check: name)
            var seen: [String] = []
            var after: String? = nil
            while true {
                let page = try await store.query(RecordQuery(type: "kit.item").page(after: after, limit: 10))
                seen += page.map(\.id)
                guard page.count == 10 else { break }
                after = page.last?.id
            }
            try expect(seen == expected, "paging gave \(seen.count) ids, not the \(expected.count) in order", check: name)
        },
        StoreConformanceCheck("a negative limit is refused as an invalid argument") { store in
            let name = "a negative limit is refused as an invalid argument"
            try await store.insert(envelope("a"))
            do {
                _ = try await store.query(RecordQuery(type: "kit.item", limit: -1))
                throw ConformanceFailure(check: name, message: "a negative limit was accepted")
            } catch let e as StoreError {
                guard case .invalidArgument = e else { throw ConformanceFailure(check: name, message: "expected invalidArgument, got \(e)") }
            }
        },
    ]

    static let moduleChecks: [StoreConformanceCheck] = [
        StoreConformanceCheck("a record type of a module unknown to the store is stored and queried") { store in
            let name = "a record type of a module unknown to the store is stored and queried"
            let probes = [ConformanceProbe(id: "p1", group: "g", tags: ["a", "b"], bytes: [0, 1, 0, 200]),
                          ConformanceProbe(id: "p2", group: "h", tags: ["b"], bytes: [])]
            try await store.bulkInsert(probes)
            let back = try await store.fetch(ConformanceProbe.self, id: "p1")
            try expect(back?.bytes == [0, 1, 0, 200] && back?.tags == ["a", "b"], "probe payload changed", check: name)
            try expect(try await store.fetch(RecordKey.of(ConformanceProbe.self, "p1"))?.version == 3, "payload version lost", check: name)
            let tagged: [ConformanceProbe] = try await store.all(ConformanceProbe.self, where: [.init(key: "tags", match: .contains("b"))])
            try expect(tagged.count == 2, "multi-valued module key not queryable", check: name)
        },
        StoreConformanceCheck("the core's domain records round-trip through the typed API") { store in
            let name = "the core's domain records round-trip through the typed API"
            let org = Organisation(id: "umea", name: "Umeå kommun", kind: .municipality,
                                   units: [OrganisationUnit(id: "viva", name: "VIVA")])
            let p = Participant(id: "p-1", organisation: "umea", unit: "viva", role: .manager,
                                indicators: FunderIndicators(gender: .nonBinary, ageBand: .from30to54, education: .isced5to8))
            let r = Rating(id: "r1", rater: .participant("p-1"), subject: .session("s1"), intervention: "bas",
                           dimension: .custom("pace"), score: 4, comment: "Bra – \"tydligt\"")
            let plan = ActionPlan(id: "ap", owner: "umea", title: "Plan", period: try DatePeriod("2010-01-01", "2010-12-31"),
                                  measures: [Measure(id: "m1", title: "Rutin", responsibleRole: "HR", deadline: try CalendarDate("2010-06-30"),
                                                     linkedGoals: ["g1", "g2"], origin: .dialogueConference("dk1"))])
            try await store.insert(org)
            try await store.insert(p)
            try await store.insert(r)
            try await store.insert(plan)
            try expect(try await store.fetch(Organisation.self, id: "umea") == org, "organisation changed", check: name)
            try expect(try await store.fetch(Participant.self, id: "p-1") == p, "participant changed", check: name)
            try expect(try await store.fetch(Rating.self, id: "r1") == r, "rating changed", check: name)
            try expect(try await store.fetch(ActionPlan.self, id: "ap") == plan, "action plan changed", check: name)
            try expect(try await store.all(Participant.self, where: "organisation", equals: "umea") == [p], "participants of organisation", check: name)
            try expect(try await store.all(ActionPlan.self, where: [.init(key: "goal", match: .contains("g2"))]).count == 1,
                       "plans by linked goal", check: name)
        },
    ]
}
