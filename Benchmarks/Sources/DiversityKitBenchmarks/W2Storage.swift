import DiversityKit
import DiversityKitSQLite
import EvaluationModule
import Foundation
import SurveyModule

/// Timings of one W2 run, in the shape both sides print.
struct W2Result: Codable {
    var rows: Int
    var insert_seconds: [Double]
    var read_seconds: [Double]
    var peak_rss_kb: Int?
}

/// W2: W1's responses inserted through the SQLite store's bulk path and read back, against Python's
/// `sqlite3.executemany` into the same tables in one transaction.
enum W2 {
    static func run(_ options: Options) async throws {
        let repeats = min(options.repeats, 3)
        say("W2 storage: \(options.responses) responses through SQLiteStore.bulkInsert, read back; \(repeats) runs")
        let data = SurveyData(directory: options.workDirectory.appendingPathComponent("w1-\(options.responses)"), rows: options.responses)
        try data.generate()
        let dir = options.workDirectory.appendingPathComponent("w2-\(options.responses)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let answers = try Data(contentsOf: data.answersURL), units = try Data(contentsOf: data.unitsURL)
        let dump = dir.appendingPathComponent("envelopes.bin")
        let expected = try W1.compute(data)

        var encode: [Double] = [], insert: [Double] = [], readRaw: [Double] = [], readMatrix: [Double] = []
        for run in 0..<repeats {
            let path = dir.appendingPathComponent("ours.sqlite").path
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let store = try SQLiteStore(path: path)
            let service = SurveyService(store: store, secret: try TokenSecret.generate().secret)
            let q = try await service.publish(SurveyData.questionnaire)
            var rng = SplitMix64(seed: 7)
            // One bulk insert, one transaction, as the baseline: committing in chunks of 50 000 made every
            // commit checkpoint the WAL and cost a third more at a million rows.
            let (envelopes, te) = try Meter.time { try makeEnvelopes(0..<options.responses, answers, units, q.reference, &rng) }
            let (_, tw) = try await Meter.time { try await store.bulkInsert(envelopes) }
            encode.append(te)
            insert.append(tw)
            if run == 0 { try writeDump(envelopes, to: dump) }
            let (count, tr) = try await Meter.time { try await readAll(store) }
            readRaw.append(tr)
            guard count == options.responses else { throw BenchmarkFailure("read back \(count) of \(options.responses) records") }
            let (matrix, tm) = try await Meter.time { try await service.matrix(for: q.reference) }
            readMatrix.append(tm)
            if run == 0 { try verify(matrix, expected) }
            await store.close()
        }
        let n = Double(options.responses)
        let ins = Timings(seconds: insert), raw = Timings(seconds: readRaw), matrix = Timings(seconds: readMatrix)
        report("encode responses (compact payload)", Timings(seconds: encode).description)
        report("insert DiversityKit", "\(ins) = \(rate(n, ins.median))")
        report("read envelopes DiversityKit", "\(raw) = \(rate(n, raw.median))")
        report("read + decode into ResponseMatrix", "\(matrix) = \(rate(n, matrix.median))")
        report("read-back check", "the matrix's tally equals W1's")
        let theirs = try Python.baseline("w2_sqlite.py", [dump.path, data.unitsURL.path, dir.path, "--repeat", "\(repeats)"], as: W2Result.self)
        let pyIns = Timings(seconds: theirs.insert_seconds), pyRead = Timings(seconds: theirs.read_seconds)
        report("insert Python sqlite3", "\(pyIns) = \(rate(n, pyIns.median))")
        report("read rows Python sqlite3", "\(pyRead) = \(rate(n, pyRead.median))")
        report("insert ratio (ours ÷ baseline rows/s)", format(pyIns.median / ins.median, 2) + "×  (target ≥ 1×: \(ins.median <= pyIns.median ? "met" : "MISSED"))")
        report("read ratio (ours ÷ baseline rows/s)", format(pyRead.median / raw.median, 2) + "×  (target ≥ 1×: \(raw.median <= pyRead.median ? "met" : "MISSED"))")
        report("read into matrix ÷ baseline read rows/s", format(pyRead.median / matrix.median, 2) + "×")
        report("peak RSS Python process", megabytes((theirs.peak_rss_kb ?? 0) * 1024) + " (holds all rows as tuples)")
    }

    static func rate(_ rows: Double, _ seconds: Double) -> String { "\(Int(rows / seconds)) rows/s" }

    /// Responses for `rows` of the W1 data, with ids from `rng` (so both sides store the same keys).
    static func makeEnvelopes(_ rows: Range<Int>, _ answers: Data, _ units: Data, _ reference: QuestionnaireReference,
                              _ rng: inout SplitMix64) throws -> [RecordEnvelope] {
        let codes = (0..<SurveyData.itemCount).map(SurveyData.itemCode)
        let unitIDs = (0..<SurveyData.unitCount).map { ID<OrganisationUnit>(SurveyData.unitName($0)) }
        return try answers.withUnsafeBytes { a in
            try units.withUnsafeBytes { u in
                let a = a.bindMemory(to: Int8.self), u = u.bindMemory(to: Int32.self)
                return try rows.map { r in
                    var given: [String: Answer] = [:]
                    for i in 0..<SurveyData.itemCount where a[r * SurveyData.itemCount + i] != 0 {
                        given[codes[i]] = .value(Int(a[r * SurveyData.itemCount + i]))
                    }
                    let id = UUID(uuid: withUnsafeBytes(of: (rng.next(), rng.next())) { $0.load(as: uuid_t.self) })
                    return try SurveyResponse(id: ID(id.uuidString.lowercased()), questionnaire: reference,
                                              reportingUnit: unitIDs[Int(u[r])], answers: given).envelope()
                }
            }
        }
    }

    /// Every envelope of the store, page by page as `forEach` reads.
    static func readAll(_ store: SQLiteStore) async throws -> Int {
        var after: String?, count = 0
        let q = RecordQuery(type: SurveyResponse.recordType)
        while true {
            let page = try await store.query(q.page(after: after, limit: 5000))
            count += page.count
            guard page.count == 5000, let last = page.last else { return count }
            after = last.id
        }
    }

    /// Tallies the read-back matrix and compares it with W1's results from the file.
    static func verify(_ m: ResponseMatrix, _ expected: W1Result) throws {
        var tally = try LikertTally(layout: try SurveyData.layout())
        let unitOf = Dictionary(uniqueKeysWithValues: (0..<SurveyData.unitCount).map { (SurveyData.unitName($0), Int32($0)) })
        // Rows in chunks: each `add` is all-or-nothing, which costs a copy of the counters per call.
        var codes: [Int8] = [], units: [Int32] = []
        for r in 0..<m.rowCount {
            for c in 0..<SurveyData.itemCount {
                let v = m.columns[c][r]
                codes.append(v == ResponseMatrix.missing ? 0 : Int8(v))
            }
            units.append(m.unit(row: r).flatMap { unitOf[$0] } ?? -1)
            if units.count == 10_000 || r == m.rowCount - 1 {
                try tally.add(rows: codes, units: units)
                codes.removeAll(keepingCapacity: true)
                units.removeAll(keepingCapacity: true)
            }
        }
        let diff = W1.compare(try W1Result(tally), expected)
        guard diff.isEmpty else { throw BenchmarkFailure("the read-back responses differ:\n" + diff.prefix(5).joined(separator: "\n")) }
    }

    /// The dump the Python baseline inserts: per record the 36-byte id, a UInt16 length and the payload.
    static func writeDump(_ envelopes: [RecordEnvelope], to url: URL) throws {
        var bytes = Data()
        for e in envelopes {
            bytes.append(contentsOf: e.id.utf8)
            withUnsafeBytes(of: UInt16(e.payload.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(e.payload)
        }
        try bytes.write(to: url)
    }
}
