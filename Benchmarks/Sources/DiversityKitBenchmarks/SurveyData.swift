import DiversityKit
import EvaluationModule
import Foundation
import SurveyModule

extension SplitMix64 {
    /// An approximately standard normal value (Irwin–Hall sum of four uniforms, rescaled).
    mutating func normal() -> Double { (unit() + unit() + unit() + unit() - 2) * 3.0.squareRoot() }
}

/// The W1 survey: 24 Likert items (1–5) in 4 scales of 6, answers written as a raw `Int8` matrix.
///
/// Files in the work directory (both sides read them):
/// - `answers.i8`: rows × 24 signed bytes, row-major, 0 = missing;
/// - `units.i32`: one little-endian `Int32` unit index per row;
/// - `layout.json`: the ``LikertTally/Layout`` (items, points, missing code, units, scales).
///
/// Each respondent has a latent trait per scale; an item's answer is `round(3 + 0.9·trait + 0.8·noise)`
/// clipped to 1…5, flipped (6 − v) for the one reverse-coded item per scale, missing with probability 3 %.
/// Scale s holds items s, s+4, …, s+20; its last item is reversed. Six units have 1–4 respondents, so
/// their cells are suppressed; the other units' sizes vary about threefold.
struct SurveyData {
    static let itemCount = 24, scaleCount = 4, unitCount = 400, missingRate = 0.03
    static let smallUnits = [1, 2, 3, 4, 4, 2]

    let directory: URL
    let rows: Int

    var answersURL: URL { directory.appendingPathComponent("answers.i8") }
    var unitsURL: URL { directory.appendingPathComponent("units.i32") }
    var layoutURL: URL { directory.appendingPathComponent("layout.json") }

    static func itemCode(_ i: Int) -> String { "Q" + (i < 9 ? "0" : "") + "\(i + 1)" }
    static func isReversed(_ i: Int) -> Bool { i >= itemCount - scaleCount }
    static func unitName(_ u: Int) -> String { "unit-" + String(format: "%03d", u) }

    /// The questionnaire the rows answer: items Q01…Q24, scales S1…S4 scored from 4 of 6 items.
    static var questionnaire: Questionnaire {
        let items = (0..<itemCount).map { i in
            Item(code: itemCode(i), prompt: LocalizedText(sv: "Påstående \(i + 1)", en: "Statement \(i + 1)"),
                 kind: .likert(scale: .agreement5, reverseCoded: isReversed(i)))
        }
        let scales = (0..<scaleCount).map { s in
            Scale(code: "S\(s + 1)", title: LocalizedText(sv: "Skala \(s + 1)", en: "Scale \(s + 1)"),
                  itemCodes: stride(from: s, to: itemCount, by: scaleCount).map(itemCode), minimumAnswered: 4)
        }
        return Questionnaire(id: "benchmark-w1", title: LocalizedText(sv: "Mätning", en: "Benchmark"),
                             sections: [Section(code: "A", title: LocalizedText(sv: "Påståenden", en: "Statements"), items: items)],
                             scales: scales)
    }

    /// The tally layout, from the questionnaire through the library's own mapping.
    static func layout() throws -> LikertTally.Layout {
        let q = questionnaire
        try q.validate()
        return try LikertTally.Layout(questionnaire: q, itemCodes: (0..<itemCount).map(itemCode), missingCode: 0, unitCount: unitCount)
    }

    /// The number of respondents per unit: the small units first, the rest shared in proportion to 1…3.
    static func unitSizes(rows: Int) -> [Int] {
        let small = smallUnits.reduce(0, +)
        precondition(rows > small + 5 * (unitCount - smallUnits.count), "too few rows for the unit layout")
        let weights = (smallUnits.count..<unitCount).map { 1 + Double($0 % 3) }
        let total = weights.reduce(0, +)
        var sizes = smallUnits + weights.map { Int(Double(rows - small) * $0 / total) }
        sizes[unitCount - 1] += rows - sizes.reduce(0, +)
        return sizes
    }

    /// Writes the three files unless they exist for this row count; returns whether it generated them.
    @discardableResult
    func generate() throws -> Bool {
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        if let size = (try? fm.attributesOfItem(atPath: answersURL.path))?[.size] as? Int, size == rows * Self.itemCount,
           fm.fileExists(atPath: unitsURL.path), fm.fileExists(atPath: layoutURL.path) { return false }
        var rng = SplitMix64(seed: 20_261_122)
        var units: [Int32] = []
        units.reserveCapacity(rows)
        for (u, n) in Self.unitSizes(rows: rows).enumerated() { units += repeatElement(Int32(u), count: n) }
        units.shuffle(using: &rng)
        try units.withUnsafeBytes { try Data($0).write(to: unitsURL) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(try Self.layout()).write(to: layoutURL)

        guard fm.createFile(atPath: answersURL.path, contents: nil) else { throw BenchmarkFailure("cannot create \(answersURL.path)") }
        let out = try FileHandle(forWritingTo: answersURL)
        defer { try? out.close() }
        let chunk = 65_536
        var buffer = [Int8](repeating: 0, count: chunk * Self.itemCount)
        var row = 0
        while row < rows {
            let n = min(chunk, rows - row)
            for r in 0..<n {
                let traits = (0..<Self.scaleCount).map { _ in rng.normal() }
                for i in 0..<Self.itemCount {
                    let raw = (3 + 0.9 * traits[i % Self.scaleCount] + 0.8 * rng.normal()).rounded()
                    let v = Int8(min(5, max(1, raw)))
                    let answer = Self.isReversed(i) ? 6 - v : v
                    buffer[r * Self.itemCount + i] = rng.unit() < Self.missingRate ? 0 : answer
                }
            }
            try buffer.withUnsafeBytes { try out.write(contentsOf: Data($0.prefix(n * Self.itemCount))) }
            row += n
        }
        return true
    }
}
