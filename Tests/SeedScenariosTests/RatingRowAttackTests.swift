import DiversityKit
import EvaluationModule
import Foundation
import SeedScenarios
import Testing

/// A rating row prints n, mean, SD and top-two-box; the ratings behind it are counts over the scale points.
/// ``IntegerAttacker`` solves for those counts from the printed figures alone (rounded figures as intervals):
/// a count of 1…k−1 must stay able to be 0 and v + P (or n), as for any withheld count.
enum RatingRowAttack {
    struct Row {
        var label: String
        var n: Int
        var mean: Double?
        var sd: Double?
        var topTwoBox: Double?
    }

    /// The rating rows of a rendered Markdown course evaluation: every table with "Antal svar" and "Medelvärde".
    static func rows(_ markdown: String) -> [Row] {
        RenderedReportReader.markdown(markdown).flatMap { t -> [Row] in
            guard let n = t.header.firstIndex(where: { $0 == "Antal svar" || $0 == "Respondents" }), n + 3 < t.header.count,
                  t.header[n + 1] == "Medelvärde" || t.header[n + 1] == "Mean" else { return [] }
            return t.rows.compactMap { row in
                guard let count = RenderedReportReader.number(row[n]).map({ Int($0) }) else { return nil }
                return Row(label: row[0..<n].joined(separator: " / "), n: count, mean: RenderedReportReader.number(row[n + 1]),
                           sd: RenderedReportReader.number(row[n + 2]), topTwoBox: RenderedReportReader.number(row[n + 3]))
            }
        }
    }

    /// What the attacker learns of `row` (a 1–5 scale): per point, the feasible range of its count.
    static func ranges(_ row: Row, points: Int = 5) -> [ClosedRange<Int>]? {
        var item = PublishedItem(label: row.label, cells: Array(repeating: nil, count: points), n: row.n)
        item.mean = row.mean
        item.standardDeviation = row.sd
        item.topTwoBox = row.topTwoBox
        var (attacker, vars) = item.system(digits: 2)
        var result: [ClosedRange<Int>] = []
        for c in 0..<points {
            guard let range = attacker.range(of: vars["-1,\(c)"]!) else { return nil }
            result.append(range)
        }
        return result
    }

    /// The true counts behind each row a course evaluation of `records` prints, by the row's label.
    static func truth(_ records: ProgrammeRecords) throws -> [String: [Int]] {
        let l = Labels(.swedish)
        let summaries = try FollowUp.ratingSummaries(ratings: records.ratings)
            + FollowUp.ratingSummaries(ratings: records.ratings, sessions: records.sessions, byFacilitator: true)
        var result: [String: [Int]] = [:]
        for s in summaries {
            let names = [records.name(of: s.intervention)] + (s.facilitator.map { [records.name(of: $0)] } ?? []) + ["\(l.name(s.dimension)) (\(s.scale))"]
            result[names.joined(separator: " / ")] = s.summary.counts
        }
        return result
    }

    /// The small counts a row gives away: a true count of 1…k−1 whose range does not reach 0 and v + P (or n),
    /// as for any withheld cell.
    static func leaks(_ markdown: String, truth: [String: [Int]]) -> [String] {
        rows(markdown).compactMap { row -> String? in
            guard row.mean != nil, let counts = truth[row.label], let ranges = ranges(row, points: counts.count) else { return nil }
            let exposed = counts.indices.filter { c in
                counts[c] > 0 && counts[c] < 5 && !(ranges[c].lowerBound == 0 && ranges[c].upperBound >= min(counts[c] + 5, row.n))
            }
            return exposed.isEmpty ? nil : "\(row.label) (n = \(row.n)): " + exposed.map { "point \($0 + 1) = \(counts[$0]) ∈ \(ranges[$0])" }.joined(separator: ", ")
        }
    }
}

@Suite("Rating rows under an integer attack")
struct RatingRowAttackTests {
    @Test("a rating row's n, mean, SD and top-two-box pin no count of 1–4")
    func constructed() throws {
        // Six ratings: five 5s and one 4. n, 4,83 and the rest would pin the single 4.
        let programme = Programme(id: "p", name: "Kurs", owner: "o", period: try DatePeriod("2026-01-01", "2026-12-31"))
        let course = Intervention(id: "c", programme: "p", name: "Grundkurs", kind: .baseTraining)
        let scores = [5, 5, 5, 5, 5, 4] 
        let records = ProgrammeRecords(programme: programme, interventions: [course], ratings: scores.enumerated().map {
            Rating(id: ID("r\($0.offset)"), subject: .intervention("c"), intervention: "c", dimension: .content, score: $0.element)
        })
        let markdown = MarkdownRenderer().markdown(try EvaluationReports(language: .swedish).courseEvaluation(records))
        #expect(!RatingRowAttack.rows(markdown).isEmpty)
        let truth = try RatingRowAttack.truth(records)
        let leaks = RatingRowAttack.leaks(markdown, truth: truth)
        #expect(leaks.isEmpty, "\(leaks)")
        // The row as the report printed it before: the attacker pins the single 4 (and the five 5s).
        let old = Report(title: "Kursutvärdering", sections: [ReportSection(title: "Betyg", blocks: [.table(ReportTable(
            id: "ratings", caption: "Betyg", columns: ["Insats", "Dimension", "Antal svar", "Medelvärde", "Standardavvikelse", "Andel 4–5"].map { ReportColumn($0) },
            rows: [[.text("Grundkurs"), .text("Innehåll (1–5)"), .integer(6), .decimal(29.0 / 6, digits: 2), .decimal(0.408, digits: 2), .percent(1, digits: 0)]]))])])
        #expect(RatingRowAttack.leaks(MarkdownRenderer().markdown(old), truth: truth) == ["Grundkurs / Innehåll (1–5) (n = 6): point 4 = 1 ∈ 1...1"])
    }

    @Test("the seed course evaluations (MDSS, Likabehandling) pin no rating count of 1–4")
    func seeds() async throws {
        _ = try await MDSSRun.get()
        let trelleborg = try await TrelleborgScenarioTests.shared.value.1
        let seeds: [(reports: [Report], records: ProgrammeRecords)] = [
            (try await MDSSScenario.followUpReports(from: MDSSRun.store),
             try await ProgrammeRecords.load(programme: MDSSScenario.programmeID, from: MDSSRun.store)),
            (try await LikabehandlingScenario.followUpReports(from: trelleborg),
             try await ProgrammeRecords.load(programme: LikabehandlingScenario.programmeID, from: trelleborg)),
        ]
        var attacked = 0
        for (reports, records) in seeds {
            let truth = try RatingRowAttack.truth(records)
            for report in reports where report.title.hasPrefix("Kursutvärdering") {
                let markdown = MarkdownRenderer().markdown(report)
                attacked += RatingRowAttack.rows(markdown).count
                let leaks = RatingRowAttack.leaks(markdown, truth: truth)
                #expect(leaks.isEmpty, "\(report.title): \(leaks)")
            }
        }
        #expect(attacked > 0)
    }
}
