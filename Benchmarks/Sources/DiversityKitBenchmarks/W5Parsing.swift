import DiversityKit
import ExampleSupport
import Foundation
import SurveyModule

/// W5: the parsers on 1, 10 and 100 MB of input (issue 17): time must grow linearly with the
/// size and memory must not grow with it.
///
/// - `response CSV`: a well-formed response export, streamed through `ResponseCSVImporter.read`.
/// - `HR roster`: a roster file through `HRRoster.parse(contentsOf:)` (its result is held, so
///   its memory grows with the rows; the reader's does not).
/// - `quote on line 1`: one unterminated quote opening a whole file, the old quadratic case;
///   the default `CSVLimits` refuse it after one field's worth, whatever the size.
/// - `quote, limits lifted`: the same with `maximumFieldBytes` above the file, so the reader
///   must scan it all: linear, with memory for the one field it must hold.
enum W5 {
    static func run(_ options: Options) throws {
        let sizes = options.quick ? [1, 4] : [1, 10, 100]
        let repeats = min(options.repeats, 3)
        say("W5 parsers: \(sizes.map { "\($0) MB" }.joined(separator: ", ")); \(repeats) runs each, peak RSS per case")
        try FileManager.default.createDirectory(at: options.workDirectory, withIntermediateDirectories: true)
        let q = questionnaire
        var rows: [(String, Int, Timings, Int)] = []
        for mb in sizes {
            let bytes = mb << 20
            let responses = try file("w5-responses-\(mb)mb.csv", options) { try writeResponses(q, bytes: bytes, to: $0) }
            let roster = try file("w5-roster-\(mb)mb.csv", options) { try writeRoster(bytes: bytes, to: $0) }
            let quote = try file("w5-quote-\(mb)mb.csv", options) { try writeQuote(bytes: bytes, to: $0) }
            rows.append(try measure("response CSV", mb, repeats) {
                var n = 0
                let issues = try ResponseCSVImporter(questionnaire: q).read(try CSVReader(url: responses)) { _ in n += 1 }
                guard issues.isEmpty, n > 0 else { throw BenchmarkFailure("response CSV: \(issues.prefix(3))") }
            })
            rows.append(try measure("HR roster", mb, repeats) {
                let parsed = try HRRoster.parse(contentsOf: roster, limits: CSVLimits(maximumRecords: .max))
                guard !parsed.isEmpty else { throw BenchmarkFailure("empty roster") }
            })
            rows.append(try measure("quote on line 1", mb, repeats) {
                do {
                    let reader = try CSVReader(url: quote)
                    while try reader.next() != nil {}
                    throw BenchmarkFailure("an unterminated quote was accepted")
                } catch CSVError.fieldTooLarge {}
            })
            rows.append(try measure("quote, limits lifted", mb, repeats) {
                do {
                    let lifted = CSVLimits(maximumFieldBytes: 1 << 30, maximumRecordBytes: 1 << 30)
                    let reader = try CSVReader(url: quote, limits: lifted)
                    while try reader.next() != nil {}
                    throw BenchmarkFailure("an unterminated quote was accepted")
                } catch CSVError.unterminatedQuote {}
            })
        }
        for (name, mb, t, peak) in rows { report("\(name), \(mb) MB", "\(t)  peak RSS \(megabytes(peak))") }
        for name in ["response CSV", "HR roster", "quote on line 1", "quote, limits lifted"] {
            let cases = rows.filter { $0.0 == name }
            guard let first = cases.first, let last = cases.last, first.1 != last.1 else { continue }
            let ratio = last.2.median / first.2.median, scale = Double(last.1) / Double(first.1)
            report("\(name): \(last.1) MB ÷ \(first.1) MB", "time ×\(format(ratio, 1)) for ×\(format(scale, 0)) input")
        }
    }

    /// Runs `body` `repeats` times after resetting the peak; returns the timings and the peak.
    static func measure(_ name: String, _ mb: Int, _ repeats: Int, _ body: () throws -> Void) throws -> (String, Int, Timings, Int) {
        Meter.resetPeak()
        var seconds: [Double] = []
        for _ in 0..<repeats { seconds.append(try Meter.time(body).1) }
        return (name, mb, Timings(seconds: seconds), Meter.peakResidentBytes())
    }

    static func file(_ name: String, _ options: Options, _ write: (URL) throws -> Void) throws -> URL {
        let url = options.workDirectory.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: url.path) { try write(url) }
        return url
    }

    static let questionnaire: Questionnaire = {
        let items = (1...24).map { i in
            Item(code: String(format: "Q%02d", i), prompt: LocalizedText(sv: "Påstående \(i)", en: "Statement \(i)"),
                 kind: .likert(scale: .agreement5, reverseCoded: false))
        }
        return Questionnaire(id: "w5", title: LocalizedText(sv: "W5", en: "W5"),
                             sections: [Section(code: "S", title: LocalizedText(sv: "S", en: "S"), items: items)])
    }()

    /// Writes `header` and then lines made by `line(i)` until about `bytes`, streaming.
    static func write(to url: URL, bytes: Int, header: String, _ line: (Int) -> String) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw BenchmarkFailure("cannot create \(url.path)") }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var pending = header, written = 0, i = 0
        while written + pending.utf8.count < bytes {
            i += 1
            pending += line(i)
            if pending.utf8.count > 1 << 16 {
                try handle.write(contentsOf: Data(pending.utf8))
                written += pending.utf8.count
                pending = ""
            }
        }
        try handle.write(contentsOf: Data(pending.utf8))
    }

    static func writeResponses(_ q: Questionnaire, bytes: Int, to url: URL) throws {
        var rng = SplitMix64(seed: 17)
        let header = CSVFormat().line(ResponseCSV.header(for: q))
        try write(to: url, bytes: bytes, header: header) { i in
            var r = SurveyResponse(id: ID("r\(i)"), questionnaire: q.reference, answers: [:])
            r.reportingUnit = ID("unit-\(i % 400)")
            for item in q.items { r.answers[item.code] = .value(1 + Int(rng.next() % 5)) }
            return CSVFormat().line(ResponseCSV.row(r, questionnaire: q))
        }
    }

    static func writeRoster(bytes: Int, to url: URL) throws {
        let roles = ["employee", "chef", "nyckelperson", "ambassador"]
        try write(to: url, bytes: bytes, header: "employee_ref;organisation;unit;role\n") { i in
            "E\(i);org-\(i % 12);unit-\(i % 300);\(roles[i % roles.count])\n"
        }
    }

    static func writeQuote(bytes: Int, to url: URL) throws {
        let filler = String(repeating: "ab, cd; ef\t", count: 1000)
        try write(to: url, bytes: bytes, header: "\"") { _ in filler }
    }
}
