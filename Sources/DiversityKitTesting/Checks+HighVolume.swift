import DiversityKit
import Foundation

/// Checks for the patterns high-volume modules rely on (a survey's responses and one-time
/// tokens): a guard insert that fails first undoes the whole batch, and many small binary
/// records bulk-insert and page by an index key without loss.
extension StoreConformanceKit {
    static let highVolumeChecks: [StoreConformanceCheck] = [
        StoreConformanceCheck("a batch whose first insert collides applies none of its later operations") { store in
            let name = "a batch whose first insert collides applies none of its later operations"
            try await store.insert(envelope("t1", type: "kit.guard"))
            try await store.insert(envelope("t1", type: "kit.token", keys: ["used": "0"], payload: "unused"))
            let batch = WriteBatch([.insert(envelope("t1", type: "kit.guard")),
                                    .update(envelope("t1", type: "kit.token", keys: ["used": "1"], payload: "used")),
                                    .insert(envelope("r1", type: "kit.response", payload: "answers"))])
            try await expectThrows(name, .duplicate(RecordKey(type: "kit.guard", id: "t1"))) { try await store.write(batch) }
            let token = try await store.fetch(RecordKey(type: "kit.token", id: "t1"))
            try expect(token?.payload == Data("unused".utf8) && token?.keys == ["used": "0"], "token changed by a refused batch", check: name)
            try expect(try await store.fetch(RecordKey(type: "kit.response", id: "r1")) == nil, "response stored by a refused batch", check: name)
            try expect(try await store.count(RecordQuery(type: "kit.token").where("used", equals: "1")) == 0,
                       "index key of a refused update is visible", check: name)
        },
        StoreConformanceCheck("thousands of small binary records bulk-insert and page by an index key") { store in
            let name = "thousands of small binary records bulk-insert and page by an index key"
            func payload(_ i: Int) -> Data { Data([0, UInt8(i & 0xFF), 0xFF, UInt8((i >> 8) & 0xFF), 0]) }
            let records = (0..<5000).map { i in
                RecordEnvelope(type: "kit.response", id: String(format: "%08x", (i &* 2_654_435_761) & 0xFFFF_FFFF), version: 1,
                               keys: ["unit": String(i % 13), "version": "q#1"], payload: payload(i))
            }
            try await store.bulkInsert(records)
            try expect(try await store.count(RecordQuery(type: "kit.response")) == 5000, "bulk insert lost records", check: name)
            let expected = records.filter { $0.keys["unit"] == "3" }.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            var seen: [RecordEnvelope] = []
            var after: String? = nil
            while true {
                let page = try await store.query(RecordQuery(type: "kit.response").where("unit", equals: "3").page(after: after, limit: 100))
                seen += page.map(\.contents)
                guard page.count == 100 else { break }
                after = page.last?.id
            }
            try expect(seen == expected, "paging by key gave \(seen.count) records, not the \(expected.count) in id order", check: name)
        },
    ]
}
