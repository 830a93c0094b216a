import DiversityKit
import DiversityKitPostgres
import Foundation

/// PG: survey responses appended through `PostgresStore` (`appendRows`, one batch, binary `COPY`)
/// against `psql`'s `\copy` into a plain table `responses(questionnaire text, unit text, answers
/// bytea)` in the same run, and the bytes each takes (`pg_total_relation_size`). Issue 19's target:
/// the store within 2× the plain `COPY`.
///
/// Needs `DIVERSITYKIT_POSTGRES_URL` (a database the benchmark may create schemas in) and `psql`.
enum PG {
    static func run(_ options: Options) async throws {
        guard let url = ProcessInfo.processInfo.environment["DIVERSITYKIT_POSTGRES_URL"], !url.isEmpty else {
            throw BenchmarkFailure("the pg workload needs DIVERSITYKIT_POSTGRES_URL, e.g. postgresql://user@127.0.0.1:5432/db")
        }
        let n = options.postgresResponses, repeats = min(options.repeats, 5)
        say("PG storage: \(n) responses × \(SurveyData.itemCount) items through PostgresStore.appendRows vs psql \\copy; \(repeats) runs")
        let data = SurveyData(directory: options.workDirectory.appendingPathComponent("w1-\(n)"), rows: n)
        try data.generate()
        let answers = [UInt8](try Data(contentsOf: data.answersURL))
        let units = try Data(contentsOf: data.unitsURL).withUnsafeBytes { Array($0.bindMemory(to: Int32.self)) }
        let set = RowSetKey(type: "survey.response", partition: "benchmark-w1@1")

        // The plain table's input, as psql's text COPY format: bytea in hex.
        let dir = options.workDirectory.appendingPathComponent("pg-\(n)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let copyFile = dir.appendingPathComponent("responses.tsv")
        var text = ""
        text.reserveCapacity(n * 70)
        for r in 0..<n {
            let cells = answers[r * SurveyData.itemCount..<(r + 1) * SurveyData.itemCount]
            text += "\(set.partition)\t\(SurveyData.unitName(Int(units[r])))\t\\\\x"
            text += cells.map { String(format: "%02x", $0) }.joined() + "\n"
        }
        try Data(text.utf8).write(to: copyFile)

        var encode: [Double] = [], ours: [Double] = [], read: [Double] = [], theirs: [Double] = []
        var ourBytes = 0, plainBytes = 0
        for run in 0..<repeats {
            let schema = "dk_bench_\(getpid())_\(run)"
            let store = try await PostgresStore(.init(connectionString: url, schema: schema, applicationName: "DiversityKitBenchmarks"))
            let (rows, te) = Meter.time {
                (0..<n).map { r in
                    CompactRow(scope: "d1", group: SurveyData.unitName(Int(units[r])),
                               cells: Array(answers[r * SurveyData.itemCount..<(r + 1) * SurveyData.itemCount]))
                }
            }
            encode.append(te)
            let (_, tw) = try await Meter.time { try await store.write(WriteBatch([.appendRows(set, rows)])) }
            ours.append(tw)
            let (count, tr) = try await Meter.time { () async throws -> Int in
                var total = 0, after: Int64? = nil
                while true {
                    let page = try await store.rows(RowQuery(set: set, afterID: after, limit: 10_000))
                    total += page.count
                    guard let last = page.lastID, page.count == 10_000 else { break }
                    after = last
                }
                return total
            }
            read.append(tr)
            guard count == n else { throw BenchmarkFailure("read back \(count) of \(n) rows") }

            _ = try await store.execute("CREATE TABLE \"\(schema)\".responses (questionnaire text, unit text, answers bytea)")
            let (_, tp) = try Meter.time {
                try psql(url, "\\copy \"\(schema)\".responses FROM '\(copyFile.path)'")
            }
            theirs.append(tp)
            if run == 0 {
                let sizes = try await store.execute("""
                    SELECT (sum(pg_total_relation_size(c.oid)) FILTER (WHERE c.relname <> 'responses'))::text,
                           (sum(pg_total_relation_size(c.oid)) FILTER (WHERE c.relname = 'responses'))::text
                    FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r'
                    """, [schema])
                ourBytes = Int(sizes.first?[0] ?? "") ?? 0
                plainBytes = Int(sizes.first?[1] ?? "") ?? 0
                let plainRows = try await store.execute("SELECT count(*)::text FROM \"\(schema)\".responses")
                guard plainRows == [[String(n)]] else { throw BenchmarkFailure("psql copied \(plainRows) rows") }
            }
            _ = try await store.execute("DROP SCHEMA \"\(schema)\" CASCADE")
        }
        let o = Timings(seconds: ours), p = Timings(seconds: theirs)
        report("build CompactRows", Timings(seconds: encode).description)
        report("appendRows (one batch, COPY)", "\(o) = \(Int(Double(n) / o.median)) rows/s")
        report("psql \\copy into plain table", "\(p) = \(Int(Double(n) / p.median)) rows/s")
        report("insert ratio (ours ÷ psql)", format(o.median / p.median, 2) + "×  (target ≤ 2×: \(o.median <= 2 * p.median ? "met" : "MISSED"))")
        report("read back in pages of 10 000", Timings(seconds: read).description)
        report("bytes, store's tables", megabytes(ourBytes))
        report("bytes, plain table", megabytes(plainBytes))
        report("bytes ratio (ours ÷ plain)", format(Double(ourBytes) / Double(max(plainBytes, 1)), 2) + "×")
    }

    /// Runs one psql command against `url` and waits for it.
    static func psql(_ url: String, _ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", command]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure("psql failed: " + String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }
}
