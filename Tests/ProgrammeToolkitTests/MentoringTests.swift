import DiversityKit
import Testing
@testable import ProgrammeToolkit

@Suite("Reverse mentoring")
struct MentoringTests {
    static func profile(_ id: String, _ side: MentoringSide, _ org: ID<Organisation>, _ unit: ID<OrganisationUnit>,
                        perspectives: Set<Perspective> = [], languages: Set<String> = ["sv"],
                        slots: Set<AvailabilitySlot> = [], capacity: Int? = nil) -> MentoringProfile {
        MentoringProfile(pool: "p", participant: ID(id), side: side, organisation: org, unit: unit,
                         perspectives: perspectives, languages: languages, availability: slots, capacity: capacity)
    }

    static let units: [(ID<Organisation>, ID<OrganisationUnit>)] = [
        ("ks", "ks-top"), ("ks", "ks-care"), ("ks", "ks-care-home"), ("ks", "ks-school"),
        ("co", "co-hq"), ("co", "co-sales"), ("rs", "rs-hosp"),
    ]

    static func randomPool(seed: UInt64) -> (mentors: [MentoringProfile], adepts: [MentoringProfile], rules: MatchingRules) {
        var rng = SeededRandom(seed: seed)
        func random(_ id: String, _ side: MentoringSide) -> MentoringProfile {
            let (org, unit) = units.randomElement(using: &rng)!
            let perspectives = Set(Perspective.allCases.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 })
            let languages = Set(["sv", "en", "ar"].filter { _ in Bool.random(using: &rng) })
            let slots = Set((1...3).map { AvailabilitySlot(weekday: $0, part: .afternoon) }.filter { _ in Bool.random(using: &rng) })
            return profile(id, side, org, unit, perspectives: perspectives, languages: languages, slots: slots,
                           capacity: Int.random(in: 1...2, using: &rng))
        }
        let mentors = (0..<Int.random(in: 1...3, using: &rng)).map { random("m\($0)", .mentor) }
        let adepts = (0..<Int.random(in: 1...5, using: &rng)).map { random("a\($0)", .adept) }
        return (mentors, adepts, MatchingRules(maxAdeptsPerMentor: 2))
    }

    /// The best (pairs, score) over every assignment of adepts to mentors or to nobody.
    static func bruteForce(_ mentors: [MentoringProfile], _ adepts: [MentoringProfile], _ rules: MatchingRules) -> (Int, Int) {
        let orgs = Dictionary(uniqueKeysWithValues: Kristianstad.organisations.map { ($0.id, $0) })
        var best = (0, 0)
        func go(_ i: Int, _ load: [Int], _ pairs: Int, _ score: Int) {
            if i == adepts.count {
                if (pairs, score) > best { best = (pairs, score) }
                return
            }
            go(i + 1, load, pairs, score)
            for (m, mentor) in mentors.enumerated()
            where load[m] < min(mentor.capacity ?? rules.maxAdeptsPerMentor, rules.maxAdeptsPerMentor)
                && rules.obstacle(mentor: mentor, adept: adepts[i], organisations: orgs) == nil {
                var next = load
                next[m] += 1
                go(i + 1, next, pairs + 1, score + rules.explain(mentor: mentor, adept: adepts[i]).reduce(0) { $0 + $1.points })
            }
        }
        go(0, Array(repeating: 0, count: mentors.count), 0, 0)
        return best
    }

    @Test("matching is optimal: as many pairs as possible, then the highest total fit (vs brute force)", arguments: 1...60)
    func optimalAgainstBruteForce(seed: Int) throws {
        let (mentors, adepts, rules) = Self.randomPool(seed: UInt64(seed))
        let result = try MentorMatcher.match(mentors: mentors, adepts: adepts, organisations: Kristianstad.organisations, rules: rules)
        let best = Self.bruteForce(mentors, adepts, rules)
        #expect(result.pairs.count == best.0)
        #expect(result.totalScore == best.1)
    }

    @Test("constraints are never violated: reporting line, unit, capacity, language", arguments: 1...60)
    func constraintsHold(seed: Int) throws {
        let (mentors, adepts, rules) = Self.randomPool(seed: UInt64(seed) + 1000)
        let result = try MentorMatcher.match(mentors: mentors, adepts: adepts, organisations: Kristianstad.organisations, rules: rules)
        let byID = Dictionary(uniqueKeysWithValues: (mentors + adepts).map { ($0.participant, $0) })
        let orgs = Dictionary(uniqueKeysWithValues: Kristianstad.organisations.map { ($0.id, $0) })
        for pair in result.pairs {
            let m = byID[pair.mentor]!, a = byID[pair.adept]!
            #expect(m.unit != a.unit)
            #expect(rules.obstacle(mentor: m, adept: a, organisations: orgs) == nil)
            #expect(!m.languages.isDisjoint(with: a.languages))
        }
        for m in mentors {
            #expect(result.pairs.filter { $0.mentor == m.participant }.count <= min(m.capacity ?? 2, rules.maxAdeptsPerMentor))
        }
        #expect(Set(result.pairs.map(\.adept)).count == result.pairs.count)
        #expect(result.pairs.count + result.unmatchedAdepts.count == adepts.count)
    }

    @Test("the same pool gives the same pairs, whatever order the profiles come in", arguments: 1...20)
    func deterministic(seed: Int) throws {
        let (mentors, adepts, rules) = Self.randomPool(seed: UInt64(seed) + 2000)
        let once = try MentorMatcher.match(mentors: mentors, adepts: adepts, organisations: Kristianstad.organisations, rules: rules)
        let again = try MentorMatcher.match(mentors: mentors.reversed(), adepts: adepts.reversed(),
                                        organisations: Kristianstad.organisations.reversed(), rules: rules)
        #expect(once == again)
    }

    @Test("a manager's unit and the unit below it share a reporting line; sibling units do not")
    func reportingLine() {
        let orgs = Dictionary(uniqueKeysWithValues: Kristianstad.organisations.map { ($0.id, $0) })
        let rules = MatchingRules()
        let top = Self.profile("m", .mentor, "ks", "ks-top")
        let home = Self.profile("a", .adept, "ks", "ks-care-home")
        let school = Self.profile("a2", .adept, "ks", "ks-school")
        let care = Self.profile("m2", .mentor, "ks", "ks-care")
        #expect(rules.obstacle(mentor: top, adept: home, organisations: orgs) == .sameReportingLine)
        #expect(rules.obstacle(mentor: Self.profile("m3", .mentor, "ks", "ks-care-home"), adept: Self.profile("a3", .adept, "ks", "ks-care"),
                               organisations: orgs) == .sameReportingLine)
        #expect(rules.obstacle(mentor: care, adept: Self.profile("a4", .adept, "ks", "ks-care"), organisations: orgs) == .sameUnit)
        #expect(rules.obstacle(mentor: care, adept: school, organisations: orgs) == nil)
    }

    @Test("an adept whose only mentor is in the same reporting line stays unmatched rather than being forced")
    func forbiddenStaysUnmatched() throws {
        let result = try MentorMatcher.match(mentors: [Self.profile("m", .mentor, "ks", "ks-care")],
                                         adepts: [Self.profile("a", .adept, "ks", "ks-care-home")],
                                         organisations: Kristianstad.organisations)
        #expect(result.pairs.isEmpty)
        #expect(result.unmatchedAdepts == ["a"])
    }

    @Test("each pair's score is explained component by component")
    func explained() throws {
        let slot = AvailabilitySlot(weekday: 2, part: .afternoon)
        let mentor = Self.profile("m", .mentor, "co", "co-sales", perspectives: [.recruitment, .competition, .profitability],
                                  languages: ["sv", "ar"], slots: [slot])
        let adept = Self.profile("a", .adept, "ks", "ks-care", perspectives: [.recruitment, .competition],
                                 languages: ["ar", "en"], slots: [slot])
        let result = try MentorMatcher.match(mentors: [mentor], adepts: [adept], organisations: Kristianstad.organisations)
        let pair = try #require(result.pairs.first)
        #expect(pair.components.map(\.description) == [
            "sharedPerspectives +6 (competition, recruitment)", "sharedLanguage +2 (ar)",
            "availabilityOverlap +1 (2-afternoon)", "crossOrganisation +4 (co, ks)",
        ])
        #expect(pair.score == 13)
        #expect(result.pairsPerOrganisationPair == ["co→ks": 1])
    }

    @Test("the cross-organisation bonus tips an otherwise equal choice across organisations")
    func balanceAcrossOrganisations() throws {
        let result = try MentorMatcher.match(mentors: [Self.profile("m1", .mentor, "ks", "ks-school"), Self.profile("m2", .mentor, "co", "co-hq")],
                                         adepts: [Self.profile("a", .adept, "ks", "ks-care")],
                                         organisations: Kristianstad.organisations, rules: MatchingRules(maxAdeptsPerMentor: 1))
        #expect(result.pairs.map(\.mentor) == ["m2"])
    }

    @Test("negative weights and a non-positive mentor maximum are refused")
    func badRules() {
        #expect(throws: ToolkitError.invalid(entity: RecordKey(type: "toolkit.mentoring.rules", id: "rules"),
                                             field: "languagePoints", reason: "must not be negative, was -1")) {
            try MentorMatcher.match(mentors: [], adepts: [], organisations: [], rules: MatchingRules(languagePoints: -1))
        }
        #expect(throws: ToolkitError.self) {
            try MentorMatcher.match(mentors: [], adepts: [], organisations: [], rules: MatchingRules(maxAdeptsPerMentor: 0))
        }
    }

    /// Mentor "m" and adept "a" registered in pool "p", and the matcher's result for it.
    static func onePairPool() async throws -> (MentoringService, MatchingResult) {
        let store = try await Kristianstad.store(participants: [
            Participant(id: "m", organisation: "co", unit: "co-sales", role: .mentor),
            Participant(id: "a", organisation: "ks", unit: "ks-care", role: .adept),
        ])
        let mentoring = ProgrammeToolkit(store: store).mentoring
        try await mentoring.register([Self.profile("m", .mentor, "co", "co-sales", perspectives: [.recruitment]),
                                      Self.profile("a", .adept, "ks", "ks-care", perspectives: [.recruitment])])
        let result = try await mentoring.match(pool: "p")
        return (mentoring, result)
    }

    @Test("the service registers profiles, matches, confirms pairs and follows up meetings")
    func serviceFlow() async throws {
        let (mentoring, result) = try await Self.onePairPool()
        await #expect(throws: ToolkitError.notPositive(entity: RecordKey(type: MentoringPair.recordType, id: "p"), field: "plannedMeetings", value: 0)) {
            try await mentoring.confirm(result, pool: "p", plannedMeetings: 0)
        }
        let pairs = try await mentoring.confirm(result, pool: "p", plannedMeetings: 4)
        let pair = try #require(pairs.first)
        #expect(pair.mentor == "m" && pair.adept == "a" && pair.id != "p/m+a") // an opaque id
        try await mentoring.log(MentoringMeeting(pair: pair.id, date: try day("2012-09-04"), status: .held, topics: [.recruitment], durationMinutes: 60))
        try await mentoring.log(MentoringMeeting(pair: pair.id, date: try day("2012-10-02"), status: .cancelled))
        #expect(try await mentoring.meetings(of: pair.id).map(\.status) == [.held, .cancelled])
        let early = try #require(try await mentoring.followUp(pool: "p", on: try day("2012-10-10")).first)
        #expect(early.held == 1 && early.cancelled == 1 && early.planned == 4 && !early.needsAttention)
        #expect(early.completion == 0.25)
        let late = try #require(try await mentoring.followUp(pool: "p", on: try day("2012-12-01")).first)
        #expect(late.needsAttention)
        await #expect(throws: StoreError.duplicate(.of(MentoringPair.self, pair.id.rawValue))) {
            try await mentoring.confirm(result, pool: "p", plannedMeetings: 4)
        }
    }

    @Test("confirming one result from eight tasks at once stores each pair once; the others are told it is a duplicate")
    func concurrentConfirm() async throws {
        let (mentoring, result) = try await Self.onePairPool()
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        _ = try await mentoring.confirm(result, pool: "p", plannedMeetings: 4)
                        return true
                    } catch StoreError.duplicate(let key) {
                        return key.type != MentoringPair.recordType // a duplicate names the pair that won
                    } catch { return true }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await mentoring.pairs(pool: "p").count == 1)
    }

    @Test("the service refuses profiles that contradict the participant, lack a unit, or have no capacity")
    func serviceErrors() async throws {
        let store = try await Kristianstad.store(participants: [
            Participant(id: "m", organisation: "co", unit: "co-sales"), Participant(id: "nounit", organisation: "co"),
        ])
        let mentoring = MentoringService(store: store)
        await #expect(throws: ToolkitError.unknownReference(.of(Participant.self, "ghost"))) {
            try await mentoring.register([Self.profile("ghost", .mentor, "co", "co-sales")])
        }
        await #expect(throws: ToolkitError.missingUnit(participant: "nounit")) {
            try await mentoring.register([Self.profile("nounit", .mentor, "co", "co-sales")])
        }
        await #expect(throws: ToolkitError.profileDoesNotMatchParticipant("m")) {
            try await mentoring.register([Self.profile("m", .mentor, "co", "co-hq")])
        }
        await #expect(throws: ToolkitError.notPositive(entity: .of(MentoringProfile.self, "p/mentor/m"), field: "capacity", value: 0)) {
            try await mentoring.register([Self.profile("m", .mentor, "co", "co-sales", capacity: 0)])
        }
        await #expect(throws: ToolkitError.unknownReference(.of(MentoringPair.self, "nope"))) {
            try await mentoring.log(MentoringMeeting(pair: "nope", date: try day("2012-01-01"), status: .held))
        }
        #expect(try await mentoring.profiles(pool: "p", side: .mentor).isEmpty)
    }
}
