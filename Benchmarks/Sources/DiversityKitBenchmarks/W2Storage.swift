import DiversityKit
import DiversityKitSQLite
import EvaluationModule
import Foundation

/// What the W2 baseline script prints (`Benchmarks/baselines/w2_rows.py`).
struct W2Baselines: Codable {
    var rows: Int
    var insert_seconds: [Double]
    var plain_bytes: Int
    var numpy_seconds: [Double]
    var duckdb_insert_seconds: [Double]
    var duckdb_seconds: [Double]
    var duckdb_bytes: Int
    var polars_seconds: [Double]
    var parquet_bytes: Int
    var counts: [Int]
    var peak_rss_kb: Int?
}

/// W2: W1's responses stored as compact rows in a `SQLiteStore` (`appendRows` in batches, one
/// transaction each), the file's bytes, and open → all counts (rows streamed page by page into
/// ``LikertTally``), against Python `sqlite3.executemany` into the plain table
/// `responses(questionnaire, unit, answers BLOB)`, Python sqlite3 + numpy, DuckDB and polars, in one run.
enum W2 {
    static let batchSize = 50_000
    static let set = RowSetKey(type: "survey.response", partition: "benchmark-w1#1")

    static func run(_ options: Options) async throws {
        let repeats = min(options.repeats, 3)
        say("W2 storage: \(options.responses) responses × \(SurveyData.itemCount) items as compact rows in SQLiteStore; \(repeats) runs"
            + (options.baselines ? "" : " (baselines skipped)"))
        let data = SurveyData(directory: options.workDirectory.appendingPathComponent("w1-\(options.responses)"), rows: options.responses)
        try data.generate()
        let dir = options.workDirectory.appendingPathComponent("w2-\(options.responses)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let expected = try W1.compute(data)
        let path = dir.appendingPathComponent("rows.sqlite").path

        var insert: [Double] = [], appendOnly: [Double] = [], counts: [Double] = [], peaks: [Int] = [], before: [Int] = []
        var bytes = 0
        for run in 0..<repeats {
            let (total, writes) = try await insertRows(data, path)
            insert.append(total)
            appendOnly.append(writes)
            bytes = try fileSize(path)
            let child = try countInChildProcess(path)
            peaks.append(child.peakBytes)
            before.append(child.residentBeforeBytes)
            counts.append(child.seconds)
            if run == 0 {
                let diff = W1.compare(child.result, expected)
                guard diff.isEmpty else { throw BenchmarkFailure("the stored responses differ:\n" + diff.prefix(5).joined(separator: "\n")) }
            }
        }
        let n = Double(options.responses)
        let ins = Timings(seconds: insert), app = Timings(seconds: appendOnly), open = Timings(seconds: counts)
        report("insert ours (rows + appendRows ×\(batchSize))", "\(ins) = \(rate(n, ins.median))")
        report("  of which inside write", "\(app) = \(rate(n, app.median))")
        report("bytes on disk ours", megabytes(bytes))
        report("open → counts ours (rows → LikertTally)", "\(open)")
        report("peak RSS open → counts", "\(megabytes(peaks.max() ?? 0)) (fresh process; resident at start \(megabytes(before.max() ?? 0)))")
        report("read-back check", "the tally of the stored rows equals W1's")
        guard options.baselines else { return }

        let theirs = try Python.baseline("w2_rows.py", [data.directory.path, dir.path, "--repeat", "\(repeats)"], as: W2Baselines.self)
        let pyIns = Timings(seconds: theirs.insert_seconds), numpy = Timings(seconds: theirs.numpy_seconds)
        let duck = Timings(seconds: theirs.duckdb_seconds), polars = Timings(seconds: theirs.polars_seconds)
        report("insert executemany, plain table", "\(pyIns) = \(rate(n, pyIns.median))")
        report("insert DuckDB (from polars)", "\(Timings(seconds: theirs.duckdb_insert_seconds))")
        report("bytes plain table / DuckDB / Parquet",
               "\(megabytes(theirs.plain_bytes)) / \(megabytes(theirs.duckdb_bytes)) / \(megabytes(theirs.parquet_bytes))")
        report("open → counts sqlite3 + numpy", "\(numpy)")
        report("open → counts DuckDB", "\(duck)")
        report("open → counts polars (Parquet)", "\(polars)")
        report("peak RSS Python process", megabytes((theirs.peak_rss_kb ?? 0) * 1024) + " (holds all rows as tuples)")
        report("insert: ours ÷ executemany", format(ins.median / pyIns.median, 2) + "×  (target ≤ 1×: \(ins.median <= pyIns.median ? "met" : "MISSED"))")
        let ratio = Double(bytes) / Double(theirs.plain_bytes)
        report("bytes: ours ÷ plain table", format(ratio, 2) + "×  (target ≤ 1.5×: \(ratio <= 1.5 ? "met" : "MISSED"))")
        report("open → counts: ours ÷ numpy", format(open.median / numpy.median, 2) + "×  (target ≤ 1×: \(open.median <= numpy.median ? "met" : "MISSED"))")
        report("open → counts: ours ÷ DuckDB", format(open.median / duck.median, 2) + "×  (target ≤ 3×: \(open.median <= 3 * duck.median ? "met" : "MISSED"))")
        report("open → counts: ours ÷ polars", format(open.median / polars.median, 2) + "×")
        let peakMB = Double(peaks.max() ?? 0) / 1_048_576
        report("peak RSS < 100 MB", peakMB < 100 ? "met" : "MISSED")
    }

    static func rate(_ rows: Double, _ seconds: Double) -> String { "\(Int(rows / seconds)) rows/s" }

    static func fileSize(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// A fresh store holding every response as a compact row (distribution as scope, unit as group,
    /// one byte per item); returns the whole time and the time inside `write`.
    static func insertRows(_ data: SurveyData, _ path: String) async throws -> (total: Double, writes: Double) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let answers = try Data(contentsOf: data.answersURL), units = try Data(contentsOf: data.unitsURL)
        let store = try SQLiteStore(path: path)
        let names = (0..<SurveyData.unitCount).map(SurveyData.unitName)
        let k = SurveyData.itemCount
        var writes = 0.0
        let (_, total) = try await Meter.time {
            var start = 0
            while start < data.rows {
                let end = min(start + batchSize, data.rows)
                let rows: [CompactRow] = answers.withUnsafeBytes { a in
                    units.withUnsafeBytes { u in
                        let u = u.bindMemory(to: Int32.self)
                        return (start..<end).map { r in
                            CompactRow(scope: "benchmark-w1", group: names[Int(u[r])], cells: Array(a[r * k..<(r + 1) * k]))
                        }
                    }
                }
                let (_, t) = try await Meter.time { try await store.write(WriteBatch([.appendRows(set, rows)])) }
                writes += t
                start = end
            }
            await store.close()
        }
        return (total, writes)
    }

    /// The hidden first argument that runs ``openAndCountChild(path:)``.
    static let childMode = "w2-open-count"

    /// What the child process prints.
    struct ChildResult: Codable {
        var seconds: Double
        var peakBytes: Int
        var residentBeforeBytes: Int
        var result: W1Result
    }

    /// Runs open → counts in a fresh process (this executable in ``childMode``) and decodes its report.
    static func countInChildProcess(_ path: String) throws -> ChildResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: p.executableURL!.path) {
            p.executableURL = Bundle.main.executableURL
        }
        p.arguments = [childMode, path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw BenchmarkFailure("the open → counts process failed (\(p.terminationStatus))") }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(ChildResult.self, from: data)
    }

    /// The child's work: open → counts, timed, with the process's peak memory, printed as JSON.
    static func openAndCountChild(path: String) async throws {
        let before = Meter.residentBytes()
        let (tally, seconds) = try await Meter.time { try await openAndCount(path) }
        let peak = Meter.peakResidentBytes()
        let result = ChildResult(seconds: seconds, peakBytes: peak, residentBeforeBytes: before, result: try W1Result(tally))
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        FileHandle.standardOutput.write(try encoder.encode(result))
    }

    /// Opens the file and streams every row, page by page, into a ``LikertTally``.
    static func openAndCount(_ path: String) async throws -> LikertTally {
        let store = try SQLiteStore(path: path)
        var tally = try LikertTally(layout: try SurveyData.layout())
        var units: [Int32] = []
        try await store.forEachRowPage(RowQuery(set: set), pageSize: 16_384) { page in
            // Group strings once per page, not per row.
            let unitOf = page.groups.map { Int32($0.dropFirst(5)) ?? -1 }
            units.removeAll(keepingCapacity: true)
            for g in page.groupIndex { units.append(unitOf[Int(g)]) }
            try page.cells.withUnsafeBufferPointer { cells in
                try cells.withMemoryRebound(to: Int8.self) { codes in
                    try units.withUnsafeBufferPointer { u in try tally.add(rows: codes, units: u) }
                }
            }
        }
        await store.close()
        return tally
    }
}
