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
        try courseEvaluation(records, date: date, history: PublicationHistory()).report
    }

    /// The course evaluation audited against everything already released from the same ratings.
    ///
    /// Each row is a segment of ``SegmentRelease/ratingsItem`` made of rating atoms
    /// (``SegmentRelease/ratingUnit(intervention:dimension:scale:subject:)``): an intervention row holds the
    /// atoms of all its sessions, a facilitator row those of the sessions they led. A row whose ratings differ
    /// by 1…k−1 from a row released before that it nests with (the same row before a few more ratings, an
    /// intervention against its facilitators' rows) is withheld with its n (marked as a secondary
    /// suppression), so no difference of two reports gives a few ratings away. Record
    /// ``ReportPublication/releases`` with ``PublicationMemory`` under a key of the programme's ratings.
    ///
    /// ```swift
    /// let memory = PublicationMemory(store: store)
    /// let course = try await memory.release(from: "ratings:mdss", title: "Kursutvärdering", at: now) { history in
    ///     let course = try reports.courseEvaluation(records, history: history)
    ///     return (course, course.releases)
    /// }
    /// ```
    /// - Throws: ``StatisticsError/answerOutsideScale(answer:index:)`` for a score outside its scale.
    public func courseEvaluation(_ records: ProgrammeRecords, date: CalendarDate? = nil, history: PublicationHistory) throws -> ReportPublication {
        let l = labels
        let perIntervention = ordered(try FollowUp.ratingSummaries(ratings: records.ratings), records: records)
        let perFacilitator = ordered(try FollowUp.ratingSummaries(ratings: records.ratings, sessions: records.sessions, byFacilitator: true),
                                     records: records)
        let plan = ratingRelease(perIntervention: perIntervention, perFacilitator: perFacilitator, records: records, history: history)
        let figures = ratingFigures(perIntervention: perIntervention, perFacilitator: perFacilitator, records: records,
                                    hiddenIntervention: plan.earlierIntervention, hiddenFacilitator: plan.facilitator.union(plan.earlierFacilitator))
        var sections = [ratingSection(perIntervention, records: records, id: "ratings", title: l[.ratings], secondary: plan.intervention,
                                      withheld: plan.earlierIntervention, figures: figures.intervention)]
        if !perFacilitator.isEmpty {
            sections.append(ratingSection(perFacilitator, records: records, id: "ratings-facilitator", title: l[.ratingsByFacilitator],
                                          secondary: plan.facilitator, withheld: plan.earlierFacilitator, figures: figures.facilitator))
        }
        if !plan.earlierIntervention.isEmpty || !plan.earlierFacilitator.isEmpty {
            sections[0].blocks.append(earlierReleaseNote(disclosure.configuration.threshold))
        }
        return ReportPublication(report: Report(title: "\(l[.courseEvaluation]): \(records.programme.name)", language: language, date: date,
                                                sections: sections),
                                 releases: plan.releases)
    }

    /// The rating segment of `summary`: the atoms of the ratings it counts.
    func ratingSegment(_ summary: RatingSummary, records: ProgrammeRecords, facilitators: [ID<Session>: Set<ID<Facilitator>>]) -> SegmentRelease {
        var units: Set<String> = []
        for r in records.ratings where r.intervention == summary.intervention && r.dimension.code == summary.dimension.code && r.scale == summary.scale {
            if let f = summary.facilitator {
                guard case .session(let s) = r.subject, facilitators[s]?.contains(f) == true else { continue }
            }
            units.insert(SegmentRelease.ratingUnit(intervention: r.intervention, dimension: r.dimension, scale: r.scale, subject: r.subject))
        }
        return SegmentRelease(units: units, item: SegmentRelease.ratingsItem, count: summary.summary.answered)
    }

    /// Which rows of a course evaluation are withheld beyond the small groups, and the segments it releases:
    /// the within-report rule (``complementaryFacilitatorRows(_:records:excluding:)``) and the overlap rule
    /// against `history`, repeated until neither withholds more.
    func ratingRelease(perIntervention: [RatingSummary], perFacilitator: [RatingSummary], records: ProgrammeRecords,
                       history: PublicationHistory) -> (intervention: Set<Int>, facilitator: Set<Int>, earlierIntervention: Set<Int>,
                                                        earlierFacilitator: Set<Int>, releases: [SegmentRelease]) {
        let k = disclosure.configuration.threshold
        let facilitators = Dictionary(records.sessions.map { ($0.id, Set($0.facilitators)) }, uniquingKeysWith: { a, _ in a })
        let segmentsI = perIntervention.map { ratingSegment($0, records: records, facilitators: facilitators) }
        let segmentsF = perFacilitator.map { ratingSegment($0, records: records, facilitators: facilitators) }
        var earlierI: Set<Int> = [], earlierF: Set<Int> = [], secondaryF: Set<Int> = []
        while true {
            secondaryF = complementaryFacilitatorRows(perFacilitator, records: records, excluding: earlierF)
            let shownI = perIntervention.indices.filter { publishable(perIntervention[$0].summary.answered) && !earlierI.contains($0) }
            let shownF = perFacilitator.indices.filter {
                publishable(perFacilitator[$0].summary.answered) && !earlierF.contains($0) && !secondaryF.contains($0)
            }
            let releases = shownI.map { segmentsI[$0] } + shownF.map { segmentsF[$0] }
            guard !history.releases.isEmpty else { return ([], secondaryF, [], [], releases) }
            // The first row that conflicts with the history (beside the others shown) is withheld; then look again.
            let conflict = releases.indices.first { r in
                history.conflicts(releases[r], alongside: releases.enumerated().filter { $0.offset != r }.map(\.element), threshold: k)
            }
            guard let conflict else { return ([], secondaryF, earlierI, earlierF, releases) }
            if conflict < shownI.count { earlierI.insert(shownI[conflict]) } else { earlierF.insert(shownF[conflict - shownI.count]) }
        }
    }

    /// Which statistics a shown rating row may print.
    enum RatingFigures: Hashable {
        /// Mean, SD and top-two-box: no count behind the row is 1…k−1.
        case all
        /// The mean only: a count is 1…k−1, but n and the mean leave it protected (``MeanDisclosure``).
        case meanOnly
        /// None: the mean would pin a small count.
        case none
    }

    /// The statistics each shown row prints. A row with no count of 1…k−1 prints all three; otherwise SD and
    /// top-two-box (two more equations on the counts) are withheld, and so is the mean unless n and the
    /// exact sum leave every small count able to be 0 and v + P. An intervention's ratings outside its
    /// facilitator rows that print a mean are a group the attacker can subtract out (the intervention's sum
    /// minus theirs): when that group's small counts are pinned, the intervention's mean is withheld too.
    func ratingFigures(perIntervention: [RatingSummary], perFacilitator: [RatingSummary], records: ProgrammeRecords,
                       hiddenIntervention: Set<Int>, hiddenFacilitator: Set<Int>) -> (intervention: [Int: RatingFigures], facilitator: [Int: RatingFigures]) {
        let rule = MeanDisclosure(threshold: disclosure.configuration.threshold, protection: disclosure.configuration.protection)
        func figures(_ s: RatingSummary, support: Set<Int>?) -> RatingFigures {
            let counts = s.summary.counts
            if !rule.hasSmallCount(counts) { return .all }
            return rule.meanIsSafe(counts: counts, points: s.scale.points, support: support) ? .meanOnly : .none
        }
        func nonzero(_ s: RatingSummary) -> Set<Int> { Set(zip(s.scale.points, s.summary.counts).filter { $0.1 > 0 }.map(\.0)) }
        var byIntervention: [Int: RatingFigures] = [:], byFacilitator: [Int: RatingFigures] = [:]
        let shownI = perIntervention.indices.filter { publishable(perIntervention[$0].summary.answered) && !hiddenIntervention.contains($0) }
        for i in shownI { byIntervention[i] = figures(perIntervention[i], support: nil) }
        let intervention = Dictionary(shownI.map { (perIntervention[$0].groupKey, $0) }, uniquingKeysWith: { a, _ in a })
        let shownF = perFacilitator.indices.filter { publishable(perFacilitator[$0].summary.answered) && !hiddenFacilitator.contains($0) }
        for f in shownF {
            // When the intervention prints all its figures, its zero counts may be known: its facilitators' ratings lie elsewhere.
            let parent = intervention[perFacilitator[f].groupKey]
            let support = parent.flatMap { byIntervention[$0] == .all ? nonzero(perIntervention[$0]) : nil }
            byFacilitator[f] = figures(perFacilitator[f], support: support)
        }
        let sessions = Dictionary(records.sessions.map { ($0.id, Set($0.facilitators)) }, uniquingKeysWith: { a, _ in a })
        for (key, i) in intervention where byIntervention[i] != RatingFigures.none {
            let withMean = Set(shownF.filter { perFacilitator[$0].groupKey == key && byFacilitator[$0] != RatingFigures.none }
                .compactMap { perFacilitator[$0].facilitator })
            guard !withMean.isEmpty else { continue }
            let s = perIntervention[i]
            var residual = Array(repeating: 0, count: s.scale.points.count)
            for r in records.ratings where r.intervention == key.intervention && r.dimension.code == key.dimension && r.scale == key.scale {
                if case .session(let session) = r.subject, !(sessions[session] ?? []).isDisjoint(with: withMean) { continue }
                residual[r.score - s.scale.minimum] += 1
            }
            let support = byIntervention[i] == .all ? nonzero(s) : nil
            if rule.hasSmallCount(residual) && !rule.meanIsSafe(counts: residual, points: s.scale.points, support: support) {
                byIntervention[i] = RatingFigures.none
            }
        }
        return (byIntervention, byFacilitator)
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
    func complementaryFacilitatorRows(_ summaries: [RatingSummary], records: ProgrammeRecords, excluding: Set<Int> = []) -> Set<Int> {
        let facilitators = Dictionary(records.sessions.map { ($0.id, Set($0.facilitators)) }, uniquingKeysWith: { a, _ in a })
        var withheld: Set<Int> = []
        let groups = Dictionary(grouping: summaries.indices) { summaries[$0].groupKey }
        for (key, rows) in groups {
            let ratings = records.ratings.filter { $0.intervention == key.intervention && $0.dimension.code == key.dimension && $0.scale == key.scale }
            var shown = rows.filter { publishable(summaries[$0].summary.answered) && !excluding.contains($0) }
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

    /// One table and chart of rating rows: rows in `secondary` show n but withhold their statistics; rows in
    /// `withheld` (too close to an earlier release) withhold n too.
    func ratingSection(_ summaries: [RatingSummary], records: ProgrammeRecords, id: String, title: String,
                       secondary: Set<Int> = [], withheld: Set<Int> = [], figures: [Int: RatingFigures] = [:]) -> ReportSection {
        let l = labels
        let byFacilitator = summaries.contains { $0.facilitator != nil }
        var columns = [ReportColumn(l[.intervention], isRowHeader: true)]
        if byFacilitator { columns.append(ReportColumn(l[.facilitator])) }
        columns += [ReportColumn(l[.dimension]), ReportColumn(l[.respondents]), ReportColumn(l[.mean]),
                    ReportColumn(l[.standardDeviation]), ReportColumn(l[.topTwoBox])]
        let shown = { (i: Int) in
            publishable(summaries[i].summary.answered) && !secondary.contains(i) && !withheld.contains(i) && figures[i] != RatingFigures.none
        }
        let rows: [[ReportCell]] = summaries.indices.map { i in
            let s = summaries[i]
            var lead: [ReportCell] = [.text(records.name(of: s.intervention))]
            if let f = s.facilitator { lead.append(.text(records.name(of: f))) }
            let d = s.summary.descriptives
            var statistics: [ReportCell] = [.decimal(d.mean, digits: 2), d.standardDeviation.map { .decimal($0, digits: 2) } ?? .empty,
                                            .percent(s.summary.topTwoBox.value, digits: 0)]
            switch figures[i] ?? .all {
            case .all: break
            case .meanOnly: statistics[1...] = [.suppressed(reason: .secondary), .suppressed(reason: .secondary)]
            case .none: statistics = statistics.map { _ in .suppressed(reason: .secondary) }
            }
            if withheld.contains(i) && publishable(s.summary.answered) {
                return lead + [.text("\(l.name(s.dimension)) (\(s.scale))")] + Array(repeating: .suppressed(reason: .secondary), count: 4)
            }
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
