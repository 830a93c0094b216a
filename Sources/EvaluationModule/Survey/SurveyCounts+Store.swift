import DiversityKit
import Foundation
import SurveyModule

extension SurveyCounts {
    /// The counts of a stored distribution, streamed from the store page by page into a `LikertTally`
    /// — never every response in memory: the one data path from the store to the survey report.
    ///
    /// Items and scales are chosen as ``SurveyResultsInput/init(questionnaire:responses:language:textLanguage:groupByUnit:unitNames:)``
    /// chooses them (the Likert items of the questionnaire's most used scale; scales whose items are all
    /// on it, reverse-coded items flipped for reliability); free-text answers become comments.
    ///
    /// ```swift
    /// let counts = try await SurveyCounts(distribution: d.id, in: service, language: .swedish)
    /// let publication = try EvaluationReports(language: .swedish).surveyResults(counts)
    /// ```
    /// - Parameters:
    ///   - distribution: the distribution whose released responses are counted.
    ///   - service: the survey service over the store.
    ///   - language: the language of labels.
    ///   - groupByUnit: break results down by reporting unit (small groups are pooled by the report).
    ///   - unitNames: names to show for unit ids; the id is shown otherwise.
    ///   - pageSize: rows per page read from the store.
    /// - Throws: ``SurveyResultsError/noLikertItems(questionnaire:)``; `SurveyError`s; the store's errors.
    public init(distribution: ID<SurveyDistribution>, in service: SurveyService, language: ReportLanguage,
                groupByUnit: Bool = true, unitNames: [ID<OrganisationUnit>: String] = [:], pageSize: Int = 8192) async throws {
        let lang: SurveyLanguage = language == .swedish ? .swedish : .english
        let q = try await service.questionnaire(try await service.distribution(distribution).questionnaire)
        var scaleUse: [LikertScale: Int] = [:]
        for item in q.items { if case .likert(let s, _) = item.kind { scaleUse[s, default: 0] += 1 } }
        guard let scale = scaleUse.max(by: { ($0.value, $1.key.name) < ($1.value, $0.key.name) })?.key else {
            throw SurveyResultsError.noLikertItems(questionnaire: q.reference.description)
        }
        let likert = q.items.filter { if case .likert(let s, _) = $0.kind { return s == scale } else { return false } }
        let column = Dictionary(likert.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let tallyScales = q.scales.filter { $0.itemCodes.allSatisfy { column[$0] != nil } }.map { s in
            LikertTally.Layout.Scale(name: s.title[lang], items: s.itemCodes.map { column[$0]! }, reversed: s.itemCodes.map { code in
                if case .likert(_, true)? = q.item(code)?.kind { return true } else { return false }
            }, minimumAnswered: 1)
        }
        // Pass 1: the units (cheap: the codes are not copied).
        var units: [String] = []
        if groupByUnit { try await service.forEachCodePage(of: distribution, pageSize: pageSize) { units = $0.unitNames } }
        let sortedUnits = units.sorted()
        let finalIndex = Dictionary(uniqueKeysWithValues: sortedUnits.enumerated().map { ($1, Int32($0)) })
        let points = scale.minimum...scale.maximum
        let missing = points.lowerBound > Int(Int8.min) ? points.lowerBound - 1 : points.upperBound + 1
        var tally = try LikertTally(layout: .init(itemCount: likert.count, points: points, missingCode: missing,
                                                  unitCount: sortedUnits.count, scales: tallyScales))
        // Pass 2: each page's cells (0 = no answer, else value − minimum + 1) become the tally's codes.
        var codes: [Int8] = [], rowUnits: [Int32] = []
        try await service.forEachCodePage(of: distribution, pageSize: pageSize) { page in
            let width = page.itemCodes.count
            let source = likert.map { item in page.itemCodes.firstIndex(of: item.code) }
            let pageToFinal = page.unitNames.map { finalIndex[$0] ?? -1 }
            codes.removeAll(keepingCapacity: true)
            rowUnits.removeAll(keepingCapacity: true)
            for r in 0..<page.rowCount {
                for c in source {
                    let cell = c.map { Int(page.codes[r * width + $0]) } ?? 0
                    codes.append(Int8(cell == 0 ? missing : cell - 1 + points.lowerBound))
                }
                let u = page.units[r]
                rowUnits.append(groupByUnit && u >= 0 ? pageToFinal[Int(u)] : -1)
            }
            try tally.add(rows: codes, units: rowUnits)
        }
        let freeText = Set(q.items.filter { if case .freeText = $0.kind { return true } else { return false } }.map(\.code))
        var comments: [String] = []
        if !freeText.isEmpty {
            try await service.forEachResponse(of: distribution, pageSize: pageSize) { r in
                for code in freeText.sorted() {
                    if case .text(let t)? = r.answers[code], !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { comments.append(t) }
                }
            }
        }
        try self.init(title: q.title[lang], pointLabels: scale.labels.map { $0[lang] },
                      items: likert.map { .init(code: $0.code, label: $0.prompt[lang]) },
                      unitNames: groupByUnit ? sortedUnits.map { unitNames[ID($0)] ?? $0 } : nil,
                      comments: comments, tally: tally)
    }
}
