import DiversityKit
import Foundation

/// A record type whose index keys changed: version 2 adds the key `"region"`. Rows written as
/// version 1 lack it, so a query on it must refuse (stale) until ``Store/reindex(_:pageSize:)`` ran.
struct KitReindexed: StoredRecord, Codable, Hashable {
    static let recordType = "kit.reindexed"
    static let indexVersion = 2
    var id: String
    var region: String
    var recordID: String { id }
    var indexKeys: [String: String] { ["region": region] }
}

extension StoreConformanceKit {
    static let revisionChecks: [StoreConformanceCheck] = [
        StoreConformanceCheck("the store assigns revisions: 1 on insert, one more on every update and upsert") { store in
            let name = "the store assigns revisions: 1 on insert, one more on every update and upsert"
            var e = envelope("a")
            e.revision = 99 // ignored: revisions are the store's
            try await store.write(WriteBatch([.insert(e)]))
            try expect(try await store.fetch(e.key)?.revision == 1, "insert did not give revision 1", check: name)
            try await store.write(WriteBatch([.update(envelope("a", payload: "2"))]))
            try expect(try await store.fetch(e.key)?.revision == 2, "update did not give revision 2", check: name)
            try await store.write(WriteBatch([.upsert(envelope("a", payload: "3"))]))
            try expect(try await store.fetch(e.key)?.revision == 3, "upsert did not give revision 3", check: name)
            try await store.write(WriteBatch([.upsert(envelope("b"))]))
            try expect(try await store.query(RecordQuery(type: "kit.item")).map(\.revision) == [3, 1],
                       "query does not return revisions", check: name)
        },
        StoreConformanceCheck("a check that does not hold fails the batch with a conflict and writes nothing") { store in
            let name = "a check that does not hold fails the batch with a conflict and writes nothing"
            try await store.write(WriteBatch([.insert(envelope("a"))]))
            let a = RecordKey(type: "kit.item", id: "a"), b = RecordKey(type: "kit.item", id: "b")
            for (condition, key) in [(RecordCondition.absent, a), (.present, b), (.revision(2), a)] {
                try await expectThrows(name, .conflict(key)) {
                    try await store.write(WriteBatch([.insert(envelope("c")), .check(key, condition), .insert(envelope("d"))]))
                }
            }
            try expect(try await store.count(RecordQuery(type: "kit.item")) == 1, "a refused batch wrote", check: name)
            try await store.write(WriteBatch([.check(a, .revision(1)), .check(b, .absent), .check(a, .present),
                                              .update(envelope("a", payload: "new"))]))
            try expect(try await store.fetch(a)?.payload == Data("new".utf8), "checks that hold blocked the write", check: name)
            // A check sees the operations before it in the same batch.
            try await store.write(WriteBatch([.insert(envelope("b")), .check(b, .revision(1))]))
        },
        StoreConformanceCheck("of two compare-and-swap writers from the same revision exactly one wins") { store in
            let name = "of two compare-and-swap writers from the same revision exactly one wins"
            try await store.write(WriteBatch([.insert(envelope("counter", payload: "0"))]))
            let key = RecordKey(type: "kit.item", id: "counter")
            let results = await withTaskGroup(of: Bool.self) { group in
                for i in 0..<8 {
                    group.addTask {
                        do {
                            try await store.write(WriteBatch([.check(key, .revision(1)), .update(envelope("counter", payload: "\(i)"))]))
                            return true
                        } catch { return false }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            try expect(results.filter { $0 }.count == 1, "\(results.filter { $0 }.count) of 8 writers won", check: name)
            try expect(try await store.fetch(key)?.revision == 2, "revision is not 2", check: name)
        },
        StoreConformanceCheck("ids are bytes in a bulk insert too: NFC and NFD twins are two records, a true repeat a duplicate") { store in
            let name = "ids are bytes in a bulk insert too: NFC and NFD twins are two records, a true repeat a duplicate"
            let nfc = "Jos\u{E9}", nfd = "Jose\u{301}"
            try await store.bulkInsert([envelope(nfc, payload: "nfc"), envelope(nfd, payload: "nfd")])
            try expect(try await store.count(RecordQuery(type: "kit.item")) == 2, "the bulk insert merged or refused the twins", check: name)
            try await expectThrows(name, .duplicate(RecordKey(type: "kit.item", id: "x"))) {
                try await store.bulkInsert([envelope("x"), envelope("y"), envelope("x")])
            }
            try expect(try await store.count(RecordQuery(type: "kit.item")) == 2, "a refused bulk insert left records behind", check: name)
        },
        StoreConformanceCheck("ids are bytes: the same name in NFC and NFD is two records, both paged") { store in
            let name = "ids are bytes: the same name in NFC and NFD is two records, both paged"
            let nfc = "Jos\u{E9}", nfd = "Jose\u{301}"
            try await store.write(WriteBatch([.insert(envelope(nfc, keys: ["g": nfc], payload: "nfc")),
                                              .insert(envelope(nfd, keys: ["g": nfd], payload: "nfd"))]))
            try expect(try await store.fetch(RecordKey(type: "kit.item", id: nfc))?.payload == Data("nfc".utf8), "NFC record", check: name)
            try expect(try await store.fetch(RecordKey(type: "kit.item", id: nfd))?.payload == Data("nfd".utf8), "NFD record", check: name)
            try expect(try await store.count(RecordQuery(type: "kit.item")) == 2, "the two were merged", check: name)
            try expect(try await store.query(RecordQuery(type: "kit.item").where("g", equals: nfc)).map(\.id).map { Array($0.utf8) } == [Array(nfc.utf8)],
                       "a key value matched its canonical twin", check: name)
            var seen: [[UInt8]] = []
            var after: String? = nil
            while true {
                let page = try await store.query(RecordQuery(type: "kit.item").page(after: after, limit: 1))
                guard let last = page.last else { break }
                seen.append(Array(last.id.utf8))
                after = last.id
            }
            try expect(seen == [Array(nfd.utf8), Array(nfc.utf8)], "paging by id lost or reordered a record", check: name)
        },
        StoreConformanceCheck("records indexed by older code are refused as stale until re-indexed, then found") { store in
            let name = "records indexed by older code are refused as stale until re-indexed, then found"
            // What code of index version 1 wrote: no "region" key.
            let old = try KitReindexed(id: "x", region: "norr").encodePayload()
            try await store.write(WriteBatch([.insert(RecordEnvelope(type: KitReindexed.recordType, id: "x", version: 1, keys: [:],
                                                                     payload: old, indexVersion: 1))]))
            try await store.insert(KitReindexed(id: "y", region: "norr"))
            try await expectThrows(name, .staleIndex(type: KitReindexed.recordType, stored: 1, required: 2)) {
                try await store.all(KitReindexed.self, where: "region", equals: "norr")
            }
            let outdated = try await store.query(RecordQuery(type: KitReindexed.recordType, outdated: .of(KitReindexed.self)))
            try expect(outdated.map(\.id) == ["x"], "outdated query gave \(outdated.map(\.id))", check: name)
            try expect(try await store.reindex(KitReindexed.self, pageSize: 1) == 1, "re-index rewrote a wrong count", check: name)
            try expect(try await store.all(KitReindexed.self, where: "region", equals: "norr").map(\.id) == ["x", "y"],
                       "a re-indexed record is not found by its new key", check: name)
            try expect(try await store.reindex(KitReindexed.self) == 0, "a second re-index found work", check: name)
        },
        StoreConformanceCheck("a cancelled task's write fails and leaves the store as it was") { store in
            let name = "a cancelled task's write fails and leaves the store as it was"
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                try await store.write(WriteBatch([.insert(envelope("a"))]))
            }
            do {
                try await task.value
                throw ConformanceFailure(check: name, message: "the cancelled write succeeded")
            } catch is CancellationError {}
            try expect(try await store.count(RecordQuery(type: "kit.item")) == 0, "the cancelled write wrote", check: name)
        },
    ]

    static let rowChecks: [StoreConformanceCheck] = [
        StoreConformanceCheck("appended rows get unique ascending ids and page back by scope and group") { store in
            let name = "appended rows get unique ascending ids and page back by scope and group"
            let set = RowSetKey(type: "kit.rows", partition: "p@1")
            let rows = (0..<250).map { i in
                CompactRow(scope: "d\(i % 2)", group: "u\(i % 5)", cells: [UInt8(i % 6), UInt8(i % 4), 0], extra: Data("x\(i)".utf8))
            }
            try await store.write(WriteBatch([.appendRows(set, Array(rows[..<100]))]))
            try await store.write(WriteBatch([.appendRows(set, Array(rows[100...]))]))
            try await store.write(WriteBatch([.appendRows(RowSetKey(type: "kit.rows", partition: "p@2"), [CompactRow(cells: [9])])]))
            try expect(try await store.countRows(RowQuery(set: set)) == 250, "row count", check: name)
            try expect(try await store.countRows(RowQuery(set: set, scope: "d1", group: "u3")) == 25, "scoped row count", check: name)
            var ids: [Int64] = []
            var cells: [[UInt8]] = []
            var page = RowPage()
            repeat {
                page = try await store.rows(RowQuery(set: set, scope: "d0", afterID: page.lastID ?? ids.last, limit: 40, includeExtra: true))
                for r in 0..<page.count {
                    let row = page.row(r)
                    ids.append(row.id)
                    cells.append(row.cells)
                    try expect(row.scope == "d0" && row.extra.starts(with: Data("x".utf8)), "row columns", check: name)
                }
            } while page.count == 40
            try expect(ids.count == 125 && Set(ids).count == 125 && ids == ids.sorted(), "ids not unique and ascending", check: name)
            let expected = rows.filter { $0.scope == "d0" }.map(\.cells)
            try expect(cells.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) },
                       "cells changed", check: name)
            let plain = try await store.rows(RowQuery(set: set, limit: 1))
            try expect(plain.extras.isEmpty, "extras read when not asked for", check: name)
        },
        StoreConformanceCheck("row scopes and groups are bytes: NFC and NFD twins are two units, in one batch and across batches") { store in
            let name = "row scopes and groups are bytes: NFC and NFD twins are two units, in one batch and across batches"
            let set = RowSetKey(type: "kit.rows", partition: "p")
            let nfc = "Malm\u{F6}", nfd = "Malmo\u{308}"
            try await store.write(WriteBatch([.appendRows(set, [CompactRow(scope: nfc, group: nfc, cells: [1]),
                                                                CompactRow(scope: nfd, group: nfd, cells: [2]),
                                                                CompactRow(scope: nfc, group: nfd, cells: [3])])]))
            try await store.write(WriteBatch([.appendRows(set, [CompactRow(scope: nfd, group: nfc, cells: [4])])]))
            let page = try await store.rows(RowQuery(set: set))
            var seen: [UInt8: ([UInt8], [UInt8])] = [:]
            for r in 0..<page.count {
                let row = page.row(r)
                seen[row.cells[0]] = (Array(row.scope.utf8), Array(row.group.utf8))
            }
            let c: [UInt8] = Array(nfc.utf8), d: [UInt8] = Array(nfd.utf8)
            let wanted: [UInt8: ([UInt8], [UInt8])] = [1: (c, c), 2: (d, d), 3: (c, d), 4: (d, c)]
            for (cell, want) in wanted {
                let got = seen[cell]
                try expect(got?.0 == want.0 && got?.1 == want.1, "row \(cell) came back under its twin's scope or group", check: name)
            }
            let groups: [(String, Set<UInt8>)] = [(nfc, [1, 4]), (nfd, [2, 3])]
            for (group, cells) in groups {
                let only = try await store.rows(RowQuery(set: set, group: group))
                let got = Set((0..<only.count).map { only.row($0).cells[0] })
                try expect(got == cells, "group \(Array(group.utf8)) matched its twin", check: name)
                try expect(try await store.countRows(RowQuery(set: set, group: group)) == 2, "count of group \(Array(group.utf8))", check: name)
            }
        },
        StoreConformanceCheck("rows are replaced and deleted atomically with record writes") { store in
            let name = "rows are replaced and deleted atomically with record writes"
            let set = RowSetKey(type: "kit.rows", partition: "p")
            try await store.write(WriteBatch([.appendRows(set, [CompactRow(group: "u", cells: [1], extra: Data("Anna skrev".utf8)),
                                                                CompactRow(group: "u", cells: [2])])]))
            let before = try await store.rows(RowQuery(set: set, includeExtra: true))
            var edited = before.row(0)
            edited.extra = Data()
            // A batch that fails after the row operations leaves the rows as they were.
            try await expectThrows(name, .notFound(RecordKey(type: "kit.item", id: "missing"))) {
                try await store.write(WriteBatch([.replaceRows(set, [edited]), .deleteRows(set, ids: [before.ids[1]]),
                                                  .delete(RecordKey(type: "kit.item", id: "missing"))]))
            }
            try expect(try await store.rows(RowQuery(set: set, includeExtra: true)) == before, "a failed batch changed rows", check: name)
            try await store.write(WriteBatch([.replaceRows(set, [edited]), .deleteRows(set, ids: [before.ids[1]]), .insert(envelope("a"))]))
            let after = try await store.rows(RowQuery(set: set, includeExtra: true))
            try expect(after.count == 1 && after.row(0) == edited, "replace or delete not applied", check: name)
            try await expectThrows(name, .notFound(RowSetKey.rowKey(set, before.ids[1]))) {
                try await store.write(WriteBatch([.deleteRows(set, ids: [before.ids[1]])]))
            }
        },
    ]
}
