import DiversityKit

extension EvaluationReports {
    /// The course evaluation: ratings per intervention and dimension, and per facilitator.
    ///
    /// Rating groups overlap (the same people rate several dimensions), so there are no additive totals an
    /// attacker could subtract from; a group of fewer than the threshold is withheld with all its statistics.
    /// - Throws: ``StatisticsError/answerOutsideScale(answer:index:)`` for a score outside its scale.
    public func courseEvaluation(_ records: ProgrammeRecords, date: CalendarDate? = nil) throws -> Report {
        let l = labels
        let perIntervention = try FollowUp.ratingSummaries(ratings: records.ratings)
        let perFacilitator = try FollowUp.ratingSummaries(ratings: records.ratings, sessions: records.sessions, byFacilitator: true)
        var sections = [ratingSection(perIntervention, records: records, id: "ratings", title: l[.ratings])]
        if !perFacilitator.isEmpty {
            sections.append(ratingSection(perFacilitator, records: records, id: "ratings-facilitator", title: l[.ratingsByFacilitator]))
        }
        return Report(title: "\(l[.courseEvaluation]): \(records.programme.name)", language: language, date: date, sections: sections)
    }

    func ratingSection(_ summaries: [RatingSummary], records: ProgrammeRecords, id: String, title: String) -> ReportSection {
        let l = labels
        let byFacilitator = summaries.contains { $0.facilitator != nil }
        var columns = [ReportColumn(l[.intervention], isRowHeader: true)]
        if byFacilitator { columns.append(ReportColumn(l[.facilitator])) }
        columns += [ReportColumn(l[.dimension]), ReportColumn(l[.respondents]), ReportColumn(l[.mean]),
                    ReportColumn(l[.standardDeviation]), ReportColumn(l[.topTwoBox])]
        let rows: [[ReportCell]] = summaries.map { s in
            var lead: [ReportCell] = [.text(records.name(of: s.intervention))]
            if let f = s.facilitator { lead.append(.text(records.name(of: f))) }
            let d = s.summary.descriptives
            return lead + [.text("\(l.name(s.dimension)) (\(s.scale))")] + groupCells(n: s.summary.answered, [
                .decimal(d.mean, digits: 2), d.standardDeviation.map { .decimal($0, digits: 2) } ?? .empty,
                .percent(s.summary.topTwoBox.value, digits: 0),
            ])
        }
        let label = { (s: RatingSummary) in
            [records.name(of: s.intervention), s.facilitator.map { records.name(of: $0) }, l.name(s.dimension)]
                .compactMap { $0 }.joined(separator: " – ")
        }
        let chart = ReportChart(id: "\(id)-chart", kind: .bar, title: "\(title): \(l[.mean].lowercased())",
                                description: summaries.filter { publishable($0.summary.answered) }
                                    .map { "\(label($0)): \(l.number($0.summary.descriptives.mean, digits: 2))" }.joined(separator: "; "),
                                categories: summaries.map(label),
                                series: [ChartSeries(name: l[.mean], values: summaries.map {
                                    publishable($0.summary.answered) ? $0.summary.descriptives.mean : nil
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
