import DiversityKit

extension EvaluationReports {
    /// The course evaluation: ratings per intervention and dimension, and per facilitator.
    ///
    /// A group of fewer than the threshold is withheld with all its statistics. An intervention's row is the
    /// sum of its facilitators' rows, so the ratings no shown facilitator row covers (a withheld facilitator's,
    /// or ratings of the intervention as a whole) must be none or at least the threshold: otherwise the
    /// intervention row minus the shown facilitator rows gives a trainer's few ratings away, and the smallest
    /// shown facilitator rows are withheld too (secondary suppression) until that holds.
    /// - Throws: ``StatisticsError/answerOutsideScale(answer:index:)`` for a score outside its scale.
    public func courseEvaluation(_ records: ProgrammeRecords, date: CalendarDate? = nil) throws -> Report {
        let l = labels
        let perIntervention = ordered(try FollowUp.ratingSummaries(ratings: records.ratings), records: records)
        let perFacilitator = ordered(try FollowUp.ratingSummaries(ratings: records.ratings, sessions: records.sessions, byFacilitator: true),
                                     records: records)
        var sections = [ratingSection(perIntervention, records: records, id: "ratings", title: l[.ratings])]
        if !perFacilitator.isEmpty {
            sections.append(ratingSection(perFacilitator, records: records, id: "ratings-facilitator", title: l[.ratingsByFacilitator],
                                          secondary: complementaryFacilitatorRows(perFacilitator, records: records)))
        }
        return Report(title: "\(l[.courseEvaluation]): \(records.programme.name)", language: language, date: date, sections: sections)
    }

    /// `summaries` as the report lists them: interventions, then facilitators, by name in the report
    /// language's alphabetical order (``/DiversityKit/ReportCollation``); per row, the dimensions in
    /// their natural order (content, trainer, relevance, organisation, overall, then an embedder's own
    /// by name) and the scales by range.
    func ordered(_ summaries: [RatingSummary], records: ProgrammeRecords) -> [RatingSummary] {
        let collation = ReportCollation(language: language), l = labels
        let interventions = Dictionary(records.interventions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let facilitators = Dictionary(records.facilitators.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let known: [RatingDimension] = [.content, .trainer, .relevance, .organisation, .overall]
        // Names first; identifiers only keep two namesakes' rows apart.
        struct Key { var names: [String], ids: [String], dimension: Int, scale: (Int, Int), index: Int }
        let keys = summaries.enumerated().map { i, s in
            Key(names: [interventions[s.intervention] ?? s.intervention.rawValue, s.facilitator.map { facilitators[$0] ?? $0.rawValue } ?? "",
                        known.contains(s.dimension) ? "" : l.name(s.dimension)],
                ids: [s.intervention.rawValue, s.facilitator?.rawValue ?? ""],
                dimension: known.firstIndex(of: s.dimension) ?? known.count, scale: (s.scale.minimum, s.scale.maximum), index: i)
        }
        let sorted = keys.sorted { a, b in
            for part in 0..<2 {
                if a.names[part] != b.names[part] { return collation.areInIncreasingOrder(a.names[part], b.names[part]) }
                if a.ids[part] != b.ids[part] { return a.ids[part] < b.ids[part] }
            }
            if a.dimension != b.dimension { return a.dimension < b.dimension }
            if a.names[2] != b.names[2] { return collation.areInIncreasingOrder(a.names[2], b.names[2]) }
            if a.scale != b.scale { return a.scale < b.scale }
            return a.index < b.index
        }
        return sorted.map { summaries[$0.index] }
    }

    /// The facilitator rows (indices into `summaries`) to withhold so that, per intervention, dimension and
    /// scale, the ratings outside the shown facilitator rows are none or at least the threshold.
    func complementaryFacilitatorRows(_ summaries: [RatingSummary], records: ProgrammeRecords) -> Set<Int> {
        let facilitators = Dictionary(records.sessions.map { ($0.id, Set($0.facilitators)) }, uniquingKeysWith: { a, _ in a })
        var withheld: Set<Int> = []
        let groups = Dictionary(grouping: summaries.indices) { summaries[$0].groupKey }
        for (key, rows) in groups {
            let ratings = records.ratings.filter { $0.intervention == key.intervention && $0.dimension.code == key.dimension && $0.scale == key.scale }
            var shown = rows.filter { publishable(summaries[$0].summary.answered) }
            while !shown.isEmpty {
                let shownFacilitators = Set(shown.compactMap { summaries[$0].facilitator })
                let covered = ratings.filter { r in
                    if case .session(let s) = r.subject { return !(facilitators[s] ?? []).isDisjoint(with: shownFacilitators) }
                    return false
                }.count
                let residual = ratings.count - covered
                if residual == 0 || residual >= disclosure.configuration.threshold { break }
                let smallest = shown.min { (summaries[$0].summary.answered, $0) < (summaries[$1].summary.answered, $1) }!
                withheld.insert(smallest)
                shown.removeAll { $0 == smallest }
            }
        }
        return withheld
    }

    func ratingSection(_ summaries: [RatingSummary], records: ProgrammeRecords, id: String, title: String,
                       secondary: Set<Int> = []) -> ReportSection {
        let l = labels
        let byFacilitator = summaries.contains { $0.facilitator != nil }
        var columns = [ReportColumn(l[.intervention], isRowHeader: true)]
        if byFacilitator { columns.append(ReportColumn(l[.facilitator])) }
        columns += [ReportColumn(l[.dimension]), ReportColumn(l[.respondents]), ReportColumn(l[.mean]),
                    ReportColumn(l[.standardDeviation]), ReportColumn(l[.topTwoBox])]
        let shown = { (i: Int) in publishable(summaries[i].summary.answered) && !secondary.contains(i) }
        let rows: [[ReportCell]] = summaries.indices.map { i in
            let s = summaries[i]
            var lead: [ReportCell] = [.text(records.name(of: s.intervention))]
            if let f = s.facilitator { lead.append(.text(records.name(of: f))) }
            let d = s.summary.descriptives
            let statistics: [ReportCell] = [.decimal(d.mean, digits: 2), d.standardDeviation.map { .decimal($0, digits: 2) } ?? .empty,
                                            .percent(s.summary.topTwoBox.value, digits: 0)]
            if secondary.contains(i) {
                return lead + [.text("\(l.name(s.dimension)) (\(s.scale))"), .integer(s.summary.answered)]
                    + statistics.map { _ in .suppressed(reason: .secondary) }
            }
            return lead + [.text("\(l.name(s.dimension)) (\(s.scale))")] + groupCells(n: s.summary.answered, statistics)
        }
        let label = { (s: RatingSummary) in
            [records.name(of: s.intervention), s.facilitator.map { records.name(of: $0) }, l.name(s.dimension)]
                .compactMap { $0 }.joined(separator: " – ")
        }
        let chart = ReportChart(id: "\(id)-chart", kind: .bar, title: "\(title): \(l[.mean].lowercased())",
                                description: summaries.indices.filter(shown)
                                    .map { "\(label(summaries[$0])): \(l.number(summaries[$0].summary.descriptives.mean, digits: 2))" }
                                    .joined(separator: "; "),
                                categories: summaries.map(label),
                                series: [ChartSeries(name: l[.mean], values: summaries.indices.map {
                                    shown($0) ? summaries[$0].summary.descriptives.mean : nil
                                }, digits: 2)],
                                valueRange: scaleRange(summaries))
        let table = ReportTable(id: id, caption: title, columns: columns, rows: rows)
        return ReportSection(title: title, blocks: withSuppressionNote([.table(table), .chart(chart)]))
    }

    /// The rating scale all `summaries` share, as the chart's value axis; `nil` when they differ.
    func scaleRange(_ summaries: [RatingSummary]) -> ClosedRange<Double>? {
        let scales = Set(summaries.map(\.scale))
        guard scales.count == 1, let scale = scales.first else { return nil }
        return Double(scale.minimum)...Double(scale.maximum)
    }
}

extension RatingSummary {
    /// What an intervention's row and its facilitators' rows share.
    struct GroupKey: Hashable {
        let intervention: ID<Intervention>
        let dimension: String
        let scale: RatingScale
    }

    var groupKey: GroupKey { GroupKey(intervention: intervention, dimension: dimension.code, scale: scale) }
}
