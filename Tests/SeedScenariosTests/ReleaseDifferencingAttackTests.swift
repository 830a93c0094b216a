import DiversityKit
import EvaluationModule
import Foundation
import Testing

/// Every figure a report prints from protected data, differenced across two releases of the same people by
/// ``DifferencingAttacker`` (the rendered Markdown only): before and after a few more answers, and a group
/// against the same group less a few. With publication memory, no difference of 1…k−1 people is printable.
@Suite("Differencing attacks on rendered releases")
struct ReleaseDifferencingAttackTests {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    // MARK: Survey rankings and comments

    static func survey(_ rankings: [[Int]], comments: [String]) -> SurveyResultsInput {
        let answers: [Int?] = rankings.indices.map { 1 + $0 % 5 }
        return SurveyResultsInput(title: "Åtgärder", points: 1...5, items: [.init(code: "q", label: "Trivs", answers: answers)],
                                  comments: comments,
                                  rankings: [.init(code: "R1", label: "Rangordna åtgärderna", options: ["Mentorskap", "Utbildning", "Nätverk"],
                                                   answers: rankings)])
    }

    static let everyRanking: [[Int]] = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]

    /// Two survey reports over the same distribution, the second after `change`, each audited against and
    /// recorded in publication memory; both rendered as Markdown.
    static func surveyPair(change: (inout [[Int]], inout [String]) -> Void) async throws -> (String, String) {
        let memory = PublicationMemory(store: InMemoryStore())
        var rankings = (0..<36).map { everyRanking[($0 * 5) % 6] }
        var comments = (1...12).map { "Synpunkt nummer \($0)" }
        let reports = EvaluationReports(language: .swedish)
        let first = try reports.surveyResults(try survey(rankings, comments: comments).counts(), history: try await memory.history(of: "d"))
        try await memory.record(first.releases, distribution: "d", title: first.report.title, at: t0, auditedAgainst: try await memory.history(of: "d"))
        change(&rankings, &comments)
        let second = try reports.surveyResults(try survey(rankings, comments: comments).counts(), history: try await memory.history(of: "d"))
        try await memory.record(second.releases, distribution: "d", title: second.report.title, at: t0 + 60, auditedAgainst: try await memory.history(of: "d"))
        return (MarkdownRenderer().markdown(first.report), MarkdownRenderer().markdown(second.report))
    }

    @Test("a ranking before and after one more response does not give that person's ranking away")
    func rankingOneMoreResponse() async throws {
        let (a, b) = try await Self.surveyPair { rankings, comments in
            rankings.append([2, 0, 1])
            comments.append("Den nya synpunkten")
        }
        #expect(!DifferencingAttacker.rankings(a).isEmpty, "the first report shows its ranking")
        let learnt = DifferencingAttacker.rankingDifferences(a, b)
        #expect(learnt.isEmpty, "\(learnt)")
    }

    @Test("a ranking of a group and of the group less three people does not give the three's rankings away")
    func rankingGroupLessThree() async throws {
        let (a, b) = try await Self.surveyPair { rankings, comments in
            rankings.removeLast(3)
            comments.removeLast(3)
        }
        let learnt = DifferencingAttacker.rankingDifferences(a, b)
        #expect(learnt.isEmpty, "\(learnt)")
    }

    @Test("comments before and after one more response do not single out the new comment")
    func commentOneMoreResponse() async throws {
        let (a, b) = try await Self.surveyPair { _, comments in comments.append("Den nya synpunkten") }
        #expect(DifferencingAttacker.comments(a).count == 12)
        let learnt = DifferencingAttacker.commentDifferences(a, b)
        #expect(learnt.isEmpty, "\(learnt)")
    }

    // MARK: Course evaluation

    static let programme = Programme(id: "p", name: "Kursprogram", owner: "o", period: try! DatePeriod("2026-01-01", "2026-12-31"))
    static let course = Intervention(id: "c", programme: "p", name: "Grundkurs", kind: .baseTraining)
    static let sessions = [
        Session(id: "s1", intervention: "c", date: try! CalendarDate("2026-03-01"), durationMinutes: 180, facilitators: ["f1"]),
        Session(id: "s2", intervention: "c", date: try! CalendarDate("2026-03-08"), durationMinutes: 180, facilitators: ["f2"]),
    ]
    static let facilitators = [Facilitator(id: "f1", label: "Kursledare A"), Facilitator(id: "f2", label: "Kursledare B")]

    static func ratings(_ scores: [(session: String, score: Int)]) -> [Rating] {
        scores.enumerated().map { i, s in
            Rating(id: ID("r\(i)"), subject: .session(ID(s.session)), intervention: "c", dimension: .content, score: s.score)
        }
    }

    static func records(_ scores: [(session: String, score: Int)]) -> ProgrammeRecords {
        ProgrammeRecords(programme: programme, interventions: [course], sessions: sessions, ratings: ratings(scores), facilitators: facilitators)
    }

    /// Two course evaluations of the same programme, the second after `change`, both rendered as Markdown.
    static func coursePair(_ scores: [(session: String, score: Int)], change: ([(session: String, score: Int)]) -> [(session: String, score: Int)])
        async throws -> (String, String) {
        let memory = PublicationMemory(store: InMemoryStore())
        let reports = EvaluationReports(language: .swedish)
        let first = try reports.courseEvaluation(records(scores), history: try await memory.history(of: "programme:p"))
        try await memory.record(first.releases, distribution: "programme:p", title: first.report.title, at: t0, auditedAgainst: try await memory.history(of: "programme:p"))
        let second = try reports.courseEvaluation(records(change(scores)), history: try await memory.history(of: "programme:p"))
        try await memory.record(second.releases, distribution: "programme:p", title: second.report.title, at: t0 + 60, auditedAgainst: try await memory.history(of: "programme:p"))
        return (MarkdownRenderer().markdown(first.report), MarkdownRenderer().markdown(second.report))
    }

    static let scores: [(session: String, score: Int)] = (0..<24).map { (session: $0 < 12 ? "s1" : "s2", score: [3, 4, 5, 4][$0 % 4]) }

    @Test("a course evaluation before and after one more rating does not give that rating away")
    func courseOneMoreRating() async throws {
        let (a, b) = try await Self.coursePair(Self.scores) { $0 + [(session: "s1", score: 1)] }
        #expect(!DifferencingAttacker.ratingRows(a).isEmpty)
        let learnt = DifferencingAttacker.ratingDifferences(a, b)
        #expect(learnt.isEmpty, "\(learnt)")
    }

    @Test("a course evaluation whose facilitator rows now hold two more ratings than its earlier intervention row gives neither away")
    func courseFacilitatorsAboveEarlierWhole() async throws {
        // Kursledare A had 3 ratings (withheld, and B with them); two more arrive at A's session.
        let scores = (0..<24).map { (session: $0 < 3 ? "s1" : "s2", score: [3, 4, 5, 4][$0 % 4]) }
        let (a, b) = try await Self.coursePair(scores) { $0 + [(session: "s1", score: 2), (session: "s1", score: 5)] }
        let learnt = DifferencingAttacker.ratingDifferences(a, b)
        #expect(learnt.isEmpty, "\(learnt)")
    }

    @Test("the Kirkpatrick reaction mean beside the course evaluation does not give a small course's ratings away")
    func reactionAgainstCourseRows() async throws {
        // Grundkurs: twenty ratings, no count below five; Fördjupning: three ratings, withheld in the course evaluation.
        let deep = Intervention(id: "d", programme: "p", name: "Fördjupning", kind: .workshop)
        var ratings = Self.ratings((0..<20).map { (session: "s1", score: [3, 4, 4, 5][$0 % 4]) })
        ratings += [1, 2, 5].enumerated().map { Rating(id: ID("d\($0.offset)"), subject: .intervention("d"), intervention: "d", dimension: .content, score: $0.element) }
        let records = ProgrammeRecords(programme: Self.programme, interventions: [Self.course, deep], sessions: Self.sessions, ratings: ratings,
                                       facilitators: Self.facilitators)
        let memory = PublicationMemory(store: InMemoryStore())
        let reports = EvaluationReports(language: .swedish)
        let course = try reports.courseEvaluation(records, history: try await memory.history(of: "programme:p"))
        try await memory.record(course.releases, distribution: "programme:p", title: course.report.title, at: Self.t0, auditedAgainst: try await memory.history(of: "programme:p"))
        let kirkpatrick = try FollowUp.kirkpatrick(ratings: ratings, knowledge: nil, plans: [], goals: [])
        let followUp = try reports.programmeFollowUp(records, asOf: try CalendarDate("2026-06-30"), kirkpatrick: kirkpatrick,
                                                     history: try await memory.history(of: "programme:p"))
        let (a, b) = (MarkdownRenderer().markdown(course.report), MarkdownRenderer().markdown(followUp.report))
        #expect(DifferencingAttacker.ratingRows(a).values.flatMap { $0 }.contains { $0.key.first == "Grundkurs" && $0.mean != nil })
        // Without memory the reaction is printed, and 23 × its mean − 20 × Grundkurs's is the three's sum.
        let alone = MarkdownRenderer().markdown(try reports.programmeFollowUp(records, asOf: try CalendarDate("2026-06-30"), kirkpatrick: kirkpatrick))
        #expect(DifferencingAttacker.reactionDifferences(course: a, followUp: alone) == ["the 3 rating(s) outside the course rows sum to 8"])
        let learnt = DifferencingAttacker.reactionDifferences(course: a, followUp: b)
        #expect(learnt.isEmpty, "\(learnt)")
    }

    // MARK: Funder statistics (Antal deltagare)

    static func followUp(participants n: Int) -> ProgrammeRecords {
        let people = (0..<n).map { i in
            Participant(id: ID("p\(i)"), organisation: "o",
                        indicators: FunderIndicators(gender: i == 20 ? .man : (i % 3 == 0 ? .man : .woman), ageBand: .from30to54, education: .isced5to8))
        }
        return ProgrammeRecords(programme: programme, interventions: [course], sessions: sessions, participants: people)
    }

    @Test("participant statistics before and after one more participant do not give that person's gender away")
    func funderOneMoreParticipant() async throws {
        let memory = PublicationMemory(store: InMemoryStore())
        let reports = EvaluationReports(language: .swedish)
        let asOf = try CalendarDate("2026-06-30")
        let first = try reports.programmeFollowUp(Self.followUp(participants: 20), asOf: asOf, history: try await memory.history(of: "programme:p"))
        try await memory.record(first.releases, distribution: "programme:p", title: first.report.title, at: Self.t0, auditedAgainst: try await memory.history(of: "programme:p"))
        let second = try reports.programmeFollowUp(Self.followUp(participants: 21), asOf: asOf, history: try await memory.history(of: "programme:p"))
        let a = MarkdownRenderer().markdown(first.report), b = MarkdownRenderer().markdown(second.report)
        #expect(DifferencingAttacker.categoryTables(a)["Kön"] != nil)
        let learnt = DifferencingAttacker.categoryDifferences(a, b)
        #expect(learnt.isEmpty, "\(learnt)")
    }
}
