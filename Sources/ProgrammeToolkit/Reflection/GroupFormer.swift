import DiversityKit

/// Forms reflection groups of `minimum…maximum` people from workplaces.
///
/// The rule, in order:
/// 1. A workplace that can fill whole groups on its own (some k with k·min ≤ n ≤ k·max) gets
///    k = ⌈n / max⌉ groups of its own, sizes differing by at most one.
/// 2. Otherwise it keeps ⌊n / max⌋ full groups of its own (if any) and the rest of its people
///    stay together as one block.
/// 3. Blocks are packed first-fit by decreasing size (ties by unit id) into mixed groups of at
///    most `max`, never splitting a block.
/// 4. While a group is below `min`: if there are more groups than the total allows
///    (groups·min > total), the smallest group is dissolved and its members go, one by one, to
///    a group with room that already has colleagues from the same workplace, else to the
///    smallest group with room; otherwise one member moves from the largest group above `min`.
///
/// Colleagues thus stay together wherever sizes allow; step 4 is the only place a workplace is
/// split across mixed groups. It always ends with every group within limits when any split
/// exists; when none does the call throws. Input is sorted by unit and participant id first.
public enum GroupFormer {
    /// One person and their workplace.
    public typealias Member = (participant: ID<Participant>, workplace: ID<OrganisationUnit>)

    /// The groups, as member lists, in a deterministic order.
    /// - Throws: ``ToolkitError/groupsImpossible(total:minimum:maximum:)`` when no split exists,
    ///   ``ToolkitError/invalid(entity:field:reason:)`` for limits with minimum < 1 or minimum > maximum,
    ///   ``ToolkitError/duplicateIdentifier(_:)`` for a person listed twice.
    public static func form(_ members: [Member], minimum: Int, maximum: Int) throws -> [[Member]] {
        let key = RecordKey(type: ReflectionGroup.recordType, id: "*")
        guard minimum >= 1, minimum <= maximum else {
            throw ToolkitError.invalid(entity: key, field: "size", reason: "limits \(minimum)–\(maximum) are not a range of positive sizes")
        }
        try Check.unique(members.map(\.participant))
        let total = members.count
        guard total > 0 else { return [] }
        guard (1...total).contains(where: { $0 * minimum <= total && total <= $0 * maximum }) else {
            throw ToolkitError.groupsImpossible(total: total, minimum: minimum, maximum: maximum)
        }
        let byWorkplace = Dictionary(grouping: members, by: \.workplace)
        var groups: [[Member]] = []
        var blocks: [[Member]] = []
        for unit in byWorkplace.keys.sorted() {
            let people = byWorkplace[unit]!.sorted { $0.participant < $1.participant }
            let n = people.count
            let k = (n + maximum - 1) / maximum
            if k * minimum <= n {
                groups += split(people, into: k)
            } else {
                let full = n / maximum
                groups += split(Array(people.prefix(full * maximum)), into: full)
                blocks.append(Array(people.dropFirst(full * maximum)))
            }
        }
        let mixedStart = groups.count
        for block in blocks.sorted(by: { ($0.count, $1[0].workplace) > ($1.count, $0[0].workplace) }) {
            if let i = groups.indices.dropFirst(mixedStart).first(where: { groups[$0].count + block.count <= maximum }) {
                groups[i] += block
            } else {
                groups.append(block)
            }
        }
        balance(&groups, total: total, minimum: minimum, maximum: maximum)
        return groups
    }

    /// Splits `people` into `k` consecutive runs whose sizes differ by at most one.
    static func split(_ people: [Member], into k: Int) -> [[Member]] {
        guard k > 0 else { return [] }
        var result: [[Member]] = []
        var start = 0
        for i in 0..<k {
            let size = people.count / k + (i < people.count % k ? 1 : 0)
            result.append(Array(people[start..<start + size]))
            start += size
        }
        return result
    }

    // The force-unwraps below cannot fail once `form` has checked that some k satisfies
    // k·min ≤ total ≤ k·max: dissolving happens only while groups·min > total, so groups − 1 ≥ k
    // and the others have room; moving happens only while groups·min ≤ total, so a group above
    // the minimum exists whenever one is below it.
    private static func balance(_ groups: inout [[Member]], total: Int, minimum: Int, maximum: Int) {
        while let small = groups.indices.filter({ groups[$0].count < minimum }).min(by: { groups[$0].count < groups[$1].count }) {
            if groups.count * minimum > total {
                let dissolved = groups.remove(at: small)
                for person in dissolved {
                    let open = groups.indices.filter { groups[$0].count < maximum }
                    let target = open.first { groups[$0].contains { $0.workplace == person.workplace } }
                        ?? open.min { groups[$0].count < groups[$1].count }!
                    groups[target].append(person)
                }
            } else {
                let donor = groups.indices.filter { groups[$0].count > minimum }
                    .max { groups[$0].count < groups[$1].count }!
                groups[small].append(groups[donor].removeLast())
            }
        }
    }
}
