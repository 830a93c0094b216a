import DiversityKit

/// Tailors a training from baseline needs (skräddarsydd basutbildning). Deterministic:
///
/// 1. Every topic with a rule or a need is in the plan; each gets its rule's minimum.
/// 2. The free time (length − minimums) is cut into granularity steps and shared among the
///    topics with a positive need in proportion to need (largest-remainder method), never
///    above a topic's maximum; steps a capped topic cannot take are shared again among the rest.
/// 3. Ties (equal need, equal remainder) go to the topic whose code sorts first.
/// 4. Steps no need can take (every need zero, or every needy topic capped) go one at a time to
///    the mandatory topic below its maximum with the fewest minutes (first in rank order among
///    equals), then likewise to any topic below its maximum. Steps nobody can take stay unallotted.
///
/// ```swift
/// let plan = try TrainingTailor.plan(needs: TopicNeed.needs(from: baseline), configuration: .baseTraining)
/// plan.minutes(for: .harassment) // e.g. 30
/// ```
public enum TrainingTailor {
    /// The tailored plan for `needs` under `configuration`.
    /// - Throws: ``TailoringError`` when the configuration cannot be satisfied.
    public static func plan(needs: [TopicNeed], configuration c: TailoringConfiguration) throws -> TrainingPlan {
        let g = c.granularity
        guard g > 0, c.totalMinutes > 0, c.totalMinutes % g == 0 else { throw TailoringError.invalidLength(total: c.totalMinutes, granularity: g) }
        var rules: [TrainingTopic: TopicRule] = [:]
        for r in c.rules {
            guard rules[r.topic] == nil else { throw TailoringError.duplicateRule(r.topic) }
            guard r.minimumMinutes >= 0, r.minimumMinutes % g == 0,
                  r.maximumMinutes.map({ $0 >= r.minimumMinutes && $0 % g == 0 }) ?? true else { throw TailoringError.invalidRule(r.topic) }
            rules[r.topic] = r
        }
        let minimums = c.rules.reduce(0) { $0 + $1.minimumMinutes }
        guard minimums <= c.totalMinutes else { throw TailoringError.minimumsExceedLength(minimums: minimums, total: c.totalMinutes) }

        var needOf: [TrainingTopic: Double] = [:]
        for n in needs { if let v = n.need { needOf[n.topic] = max(needOf[n.topic] ?? 0, v) } }
        let topics = Set(rules.keys).union(needs.map(\.topic)).sorted { a, b in
            let na = needOf[a] ?? -1, nb = needOf[b] ?? -1
            return na != nb ? na > nb : a < b
        }
        var steps: [TrainingTopic: Int] = [:]
        for t in topics { steps[t] = (rules[t]?.minimumMinutes ?? 0) / g }
        func capSteps(_ t: TrainingTopic) -> Int { rules[t]?.maximumMinutes.map { $0 / g } ?? Int.max }

        var free = c.totalMinutes / g - minimums / g
        var needSteps: [TrainingTopic: Int] = [:]
        var capped: Set<TrainingTopic> = []
        // Share in proportion to need; repeat while a cap returns steps to the pool.
        while free > 0 {
            let open = topics.filter { (needOf[$0] ?? 0) > 0 && steps[$0]! < capSteps($0) }
            let total = open.reduce(0) { $0 + needOf[$1]! }
            guard total > 0 else { break }
            let shares = open.map { (topic: $0, exact: Double(free) * needOf[$0]! / total) }
            var given = shares.map { ($0.topic, Int($0.exact.rounded(.down))) }
            var left = free - given.reduce(0) { $0 + $1.1 }
            let byRemainder = shares.indices.sorted { i, j in
                let ri = shares[i].exact - shares[i].exact.rounded(.down), rj = shares[j].exact - shares[j].exact.rounded(.down)
                return ri != rj ? ri > rj : i < j
            }
            for i in byRemainder where left > 0 {
                given[i].1 += 1
                left -= 1
            }
            var placed = 0
            for (t, n) in given {
                let take = min(n, capSteps(t) - steps[t]!)
                if take < n { capped.insert(t) }
                steps[t]! += take
                needSteps[t, default: 0] += take
                placed += take
            }
            free -= placed
            if placed == 0 { break }
        }
        // Leftover steps: mandatory topics first, then any, in rank order, one step at a time.
        var extra: [TrainingTopic: Int] = [:]
        for pool in [topics.filter { rules[$0]?.isMandatory ?? false }, topics] {
            while free > 0, let t = pool.first(where: { steps[$0]! < capSteps($0) && free > 0 && isNext($0, pool, steps, capSteps) }) {
                steps[t]! += 1
                extra[t, default: 0] += 1
                free -= 1
            }
        }
        let allocations = topics.enumerated().map { index, t -> TopicAllocation in
            var reasons: [AllocationReason] = []
            let rule = rules[t]
            if let rule, rule.minimumMinutes > 0 {
                reasons.append(rule.isMandatory ? .mandatoryMinimum(minutes: rule.minimumMinutes) : .ruleMinimum(minutes: rule.minimumMinutes))
            }
            if let n = needOf[t] {
                let m = (needSteps[t] ?? 0) * g
                reasons.append(m > 0 ? .need(need: n, rank: index + 1, minutes: m) : .noNeed)
            } else {
                reasons.append(.noBaselineData)
            }
            if let e = extra[t], e > 0 { reasons.append(.leftoverTime(minutes: e * g)) }
            if capped.contains(t), let max = rule?.maximumMinutes { reasons.append(.cappedAtMaximum(minutes: max)) }
            return TopicAllocation(topic: t, minutes: steps[t]! * g, need: needOf[t], rank: index + 1, reasons: reasons)
        }
        return TrainingPlan(totalMinutes: c.totalMinutes, allocations: allocations)
    }

    /// Whether `t` takes the next leftover step: of the topics in `pool` below their cap, the one
    /// with the fewest minutes so far (so leftovers even out), among equals the first in rank order.
    private static func isNext(_ t: TrainingTopic, _ pool: [TrainingTopic], _ steps: [TrainingTopic: Int],
                               _ cap: (TrainingTopic) -> Int) -> Bool {
        let open = pool.filter { steps[$0]! < cap($0) }
        guard let fewest = open.map({ steps[$0]! }).min() else { return false }
        return open.first { steps[$0]! == fewest } == t
    }
}
