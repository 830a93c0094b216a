import DiversityKit
import ExampleSupport

/// Base training at the workplaces, the leader forum and the diversity forum: sessions,
/// enrolment (prerequisites enforced by the workspace), attendance and anonymous ratings.
extension MDSSScenario {
    /// The largest group at one base training session.
    static let groupSize = 18
    /// Weights of the content score 1…5 at the base training.
    static let contentWeights = [1, 5, 20, 48, 26]
    /// Weights of the trainer score 1…5 per trainer.
    static let trainerWeights: [ID<Facilitator>: [Int]] = [
        "utbildare-a": [1, 4, 17, 46, 32], "utbildare-b": [2, 6, 22, 46, 24],
        "utbildare-c": [1, 5, 19, 47, 28], "forelasare": [1, 3, 15, 45, 36],
    ]

    /// Ratings numbered in the order they are made, so runs are repeatable.
    struct RatingCounter {
        var next = 1
        mutating func rating(_ session: Session, _ dimension: RatingDimension, _ score: Int) -> Rating {
            defer { next += 1 }
            return Rating(id: ID("betyg-\(next)"), subject: .session(session.id), intervention: session.intervention,
                          dimension: dimension, score: score)
        }
    }

    /// The dates of the workplace sessions: every Tuesday from 8 March 2011, with a summer break.
    static func baseTrainingDates(count: Int) -> [CalendarDate] {
        var dates: [CalendarDate] = []
        var day = CalendarDate(year: 2011, month: 3, day: 8)!
        let summer = CalendarDate(year: 2011, month: 6, day: 20)!...CalendarDate(year: 2011, month: 8, day: 14)!
        while dates.count < count {
            if !summer.contains(day) { dates.append(day) }
            day = day.adding(days: 7)
        }
        return dates
    }

    /// Schedules the workplace sessions and a catch-up session, enrols everyone reached, records
    /// who came and their anonymous ratings of content and trainer.
    static func holdBaseTraining(_ reached: [ID<OrganisationUnit>: [Participant]], in workspace: Workspace,
                                 ratings: inout RatingCounter, rng: inout SeededGenerator) async throws -> [Session] {
        var groups: [(Workplace, [Participant])] = []
        for workplace in workplaces {
            let people = reached[workplace.unit] ?? []
            for start in stride(from: 0, to: people.count, by: groupSize) {
                groups.append((workplace, Array(people[start..<min(start + groupSize, people.count)])))
            }
        }
        let trainers = baseTrainers
        let dates = baseTrainingDates(count: groups.count)
        let sessions = groups.indices.map { i in
            Session(id: ID("bas-\(i + 1 < 10 ? "0" : "")\(i + 1)"), intervention: baseTraining, date: dates[i],
                    start: TimeOfDay(hour: 13), durationMinutes: 120, venue: ID("lokal-\(groups[i].0.unit.rawValue)"),
                    facilitators: [trainers[i % trainers.count]])
        }
        let catchUp = Session(id: "bas-uppsamling", intervention: baseTraining, date: dates.last!.adding(days: 7),
                              start: TimeOfDay(hour: 9), durationMinutes: 120, venue: "lokal-sf-styrelse",
                              facilitators: [trainers[0]])
        try await workspace.schedule(sessions + [catchUp])
        let everyone = groups.flatMap(\.1)
        try await workspace.enrol(everyone.map { ($0.id, baseTraining) }, on: CalendarDate(year: 2011, month: 2, day: 21)!)

        var entries: [Workspace.AttendanceEntry] = []
        var given: [Rating] = []
        for (session, group) in zip(sessions, groups) {
            for person in group.1 {
                if rng.chance(95) {
                    entries.append(.init(participant: person.id, session: session.id, status: .attended))
                    given += rate(session, rng: &rng, counter: &ratings)
                } else {
                    entries.append(.init(participant: person.id, session: session.id, status: rng.chance(50) ? .excused : .absent))
                    if rng.chance(70) {
                        entries.append(.init(participant: person.id, session: catchUp.id, status: .attended))
                        given += rate(catchUp, rng: &rng, counter: &ratings)
                    }
                }
            }
        }
        try await workspace.recordAttendance(entries)
        try await workspace.record(given)
        return sessions + [catchUp]
    }

    /// Most attendees rate content and trainer; some leave the form blank.
    static func rate(_ session: Session, rng: inout SeededGenerator, counter: inout RatingCounter) -> [Rating] {
        guard rng.chance(88), let trainer = session.facilitators.first else { return [] }
        return [counter.rating(session, .content, weighted(contentWeights, rng: &rng)),
                counter.rating(session, .trainer, weighted(trainerWeights[trainer] ?? contentWeights, rng: &rng))]
    }

    /// Managers and key persons who completed the base training take the leader forum in two
    /// groups: a workshop and a seminar each; both are needed to complete it.
    static func holdLeaderForum(_ leaders: [Participant], in workspace: Workspace,
                                ratings: inout RatingCounter, rng: inout SeededGenerator) async throws -> [Session] {
        let sessions = [
            Session(id: "ledarforum-workshop-1", intervention: leaderForum, date: CalendarDate(year: 2012, month: 2, day: 7)!,
                    start: TimeOfDay(hour: 9), durationMinutes: 180, venue: "folkets-hus", facilitators: ["utbildare-a"], capacity: 40),
            Session(id: "ledarforum-workshop-2", intervention: leaderForum, date: CalendarDate(year: 2012, month: 2, day: 9)!,
                    start: TimeOfDay(hour: 9), durationMinutes: 180, venue: "folkets-hus", facilitators: ["utbildare-b"], capacity: 40),
            Session(id: "ledarforum-seminarium-1", intervention: leaderForum, date: CalendarDate(year: 2012, month: 3, day: 13)!,
                    start: TimeOfDay(hour: 13), durationMinutes: 180, venue: "folkets-hus", facilitators: ["utbildare-a"], capacity: 40),
            Session(id: "ledarforum-seminarium-2", intervention: leaderForum, date: CalendarDate(year: 2012, month: 4, day: 17)!,
                    start: TimeOfDay(hour: 13), durationMinutes: 180, venue: "folkets-hus", facilitators: ["utbildare-b"], capacity: 40),
        ]
        try await hold(sessions, for: leaders, enrolledOn: CalendarDate(year: 2012, month: 1, day: 16)!, missed: .excused,
                       in: workspace, ratings: &ratings, rng: &rng) { i in
            [(sessions[i % 2], 93), (sessions[i % 2 + 2], 88)]
        }
        return sessions
    }

    /// Those who completed both the base training and the leader forum come to the diversity forum:
    /// a day of lectures and a seminar.
    static func holdDiversityForum(_ people: [Participant], in workspace: Workspace,
                                   ratings: inout RatingCounter, rng: inout SeededGenerator) async throws -> [Session] {
        let sessions = [
            Session(id: "mangfaldsforum-forelasningar", intervention: diversityForum, date: CalendarDate(year: 2012, month: 5, day: 10)!,
                    start: TimeOfDay(hour: 9), durationMinutes: 360, venue: "folkets-hus", facilitators: ["forelasare"], capacity: 150),
            Session(id: "mangfaldsforum-seminarium", intervention: diversityForum, date: CalendarDate(year: 2012, month: 5, day: 24)!,
                    start: TimeOfDay(hour: 13), durationMinutes: 180, venue: "folkets-hus", facilitators: ["utbildare-c"], capacity: 150),
        ]
        try await hold(sessions, for: people, enrolledOn: CalendarDate(year: 2012, month: 4, day: 23)!, missed: .absent,
                       in: workspace, ratings: &ratings, rng: &rng) { _ in [(sessions[0], 92), (sessions[1], 60)] }
        return sessions
    }

    /// Schedules `sessions`, enrols `people` in their intervention and records, for the i-th person,
    /// each (session, chance in percent) of `visits(i)`: attended with that chance and then rated,
    /// else `missed`.
    static func hold(_ sessions: [Session], for people: [Participant], enrolledOn date: CalendarDate,
                     missed: AttendanceStatus, in workspace: Workspace, ratings: inout RatingCounter,
                     rng: inout SeededGenerator, visits: (Int) -> [(Session, Int)]) async throws {
        guard let intervention = sessions.first?.intervention else { return }
        try await workspace.schedule(sessions)
        try await workspace.enrol(people.map { ($0.id, intervention) }, on: date)
        var entries: [Workspace.AttendanceEntry] = []
        var given: [Rating] = []
        for (i, person) in people.enumerated() {
            for (session, chance) in visits(i) {
                let came = rng.chance(chance)
                entries.append(.init(participant: person.id, session: session.id, status: came ? .attended : missed))
                if came { given += rate(session, rng: &rng, counter: &ratings) }
            }
        }
        try await workspace.recordAttendance(entries)
        try await workspace.record(given)
    }

    /// Tries to enrol `participant` in the diversity forum without the leader forum; the workspace
    /// refuses with ``ValidationProblem/prerequisitesNotCompleted(_:)`` and writes nothing.
    static func attemptForumWithoutLeaderForum(_ participant: ID<Participant>,
                                               in workspace: Workspace) async throws -> RefusedEnrolment? {
        do {
            try await workspace.enrol(participant, in: diversityForum, on: CalendarDate(year: 2012, month: 4, day: 23)!)
            return nil
        } catch let error as ValidationError {
            let missing = error.errors.compactMap { issue -> [ID<Intervention>]? in
                if case .prerequisitesNotCompleted(let m) = issue.problem { return m }
                return nil
            }.flatMap { $0 }
            return RefusedEnrolment(participant: participant, intervention: diversityForum, missing: missing, error: error)
        }
    }
}

/// An enrolment the workspace refused, kept to show in the summary and the report.
public struct RefusedEnrolment: Hashable, Sendable {
    /// Who tried to enrol.
    public var participant: ID<Participant>
    /// In what.
    public var intervention: ID<Intervention>
    /// The prerequisites the participant had not completed.
    public var missing: [ID<Intervention>]
    /// The typed error the workspace threw.
    public var error: ValidationError
}
