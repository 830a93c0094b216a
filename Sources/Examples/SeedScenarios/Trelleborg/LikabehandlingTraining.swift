import DiversityKit
import ExampleSupport
import ProgrammeToolkit

extension LikabehandlingScenario {
    /// The training days as planned: allocations, and the attendance to record.
    struct TrainingPlan {
        var days: [TrainingDayResult]
        var attendance: [Workspace.AttendanceEntry]
        /// The intervention of every session, and the seminar id for the afternoon ones.
        var sessions: [ID<Session>: (intervention: ID<Intervention>, seminar: String?)]
    }

    /// How popular each seminar is as a first choice (managers lean to recruitment).
    static let choiceWeights: [String: (employee: Int, manager: Int)] = [
        "funktionshinder": (14, 10), "genus": (16, 12), "islam": (22, 14),
        "rekrytering": (7, 40), "kulturkrockar": (26, 14), "sprak": (15, 10),
    ]

    /// Sessions of a training day: the plenary and one per seminar.
    static func plenarySession(_ day: Int) -> ID<Session> { ID("dag-\(twoDigits(day))-plenar") }
    /// The session of `seminar` on training day `day` (1-based).
    static func seminarSession(_ day: Int, _ seminar: String) -> ID<Session> { ID("dag-\(twoDigits(day))-\(seminar)") }

    /// Plans the 26 days, spreads the staff over them, allocates the afternoon seminars from
    /// everyone's choices and enrols everyone in the plenary and their seminar.
    static func planTraining(for staff: [Participant], in workspace: Workspace, toolkit: ProgrammeToolkit,
                             rng: inout SeededGenerator) async throws -> TrainingPlan {
        var sessions: [Session] = []
        for (i, date) in trainingDates.enumerated() {
            let day = i + 1
            try await toolkit.electives.plan(TrainingDay(id: ID("utbildningsdag-\(twoDigits(day))"), date: date,
                                                         plenary: "Kulturkompetens", seminars: seminars))
            sessions.append(Session(id: plenarySession(day), intervention: plenaryIntervention, date: date,
                                    start: TimeOfDay(hour: 8, minute: 30), durationMinutes: 180))
            for s in seminars {
                sessions.append(Session(id: seminarSession(day, s.id), intervention: electiveIntervention(s.id), date: date,
                                        start: TimeOfDay(hour: 13), durationMinutes: 150, capacity: s.capacity))
            }
        }
        try await workspace.schedule(sessions)
        var plan = TrainingPlan(days: [], attendance: [], sessions: [:])
        for session in sessions {
            plan.sessions[session.id] = (session.intervention, seminars.first { electiveIntervention($0.id) == session.intervention }?.id)
        }

        // Colleagues go on different days so that every workplace keeps running.
        let shuffled = shuffle(staff, rng: &rng)
        for (i, date) in trainingDates.enumerated() {
            let day = i + 1
            let people = stride(from: i, to: shuffled.count, by: trainingDates.count).map { shuffled[$0] }
            let choices = people.map { choice(for: $0, rng: &rng) }
            let allocation = try await toolkit.electives.allocate(choices, on: ID("utbildningsdag-\(twoDigits(day))"))
            var pairs: [(ID<Participant>, ID<Intervention>)] = []
            for person in people {
                pairs.append((person.id, plenaryIntervention))
                if let seat = allocation.seats[person.id] { pairs.append((person.id, electiveIntervention(seat))) }
                plan.attendance.append(.init(participant: person.id, session: plenarySession(day), status: .attended))
                if let seat = allocation.seats[person.id] {
                    plan.attendance.append(.init(participant: person.id, session: seminarSession(day, seat),
                                                 status: rng.chance(97) ? .attended : .excused))
                }
            }
            try await workspace.enrol(pairs, on: date.adding(days: -21))
            plan.days.append(TrainingDayResult(day: allocation.day, date: date, participants: people.count,
                                               countsPerSeminar: allocation.countsPerSeminar,
                                               firstChoices: allocation.firstChoices, secondChoices: allocation.secondChoices,
                                               unassigned: allocation.unassigned))
        }
        return plan
    }

    /// A first choice by popularity and, for most, a different second choice.
    static func choice(for person: Participant, rng: inout SeededGenerator) -> ElectiveChoice {
        let weights = seminars.map { s in (s.id, person.role == .manager ? choiceWeights[s.id]!.manager : choiceWeights[s.id]!.employee) }
        let first = weighted(weights, rng: &rng)
        let second = rng.chance(88) ? weighted(weights.filter { $0.0 != first }, rng: &rng) : nil
        return ElectiveChoice(participant: person.id, first: first, second: second)
    }

    static func weighted(_ options: [(String, Int)], rng: inout SeededGenerator) -> String {
        var ticket = rng.int(in: 0...(options.reduce(0) { $0 + $1.1 } - 1))
        for (id, weight) in options {
            if ticket < weight { return id }
            ticket -= weight
        }
        return options[options.count - 1].0
    }

    /// A Fisher–Yates shuffle driven by the seeded generator.
    static func shuffle<T>(_ elements: [T], rng: inout SeededGenerator) -> [T] {
        var result = elements
        for i in stride(from: result.count - 1, to: 0, by: -1) { result.swapAt(i, rng.int(in: 0...i)) }
        return result
    }

    /// Anonymous course evaluation: about four in ten rate the plenary and their seminar on
    /// content and trainer (1–5).
    static func rateTraining(_ plan: TrainingPlan, in workspace: Workspace, rng: inout SeededGenerator) async throws -> Int {
        let seminarMeans = ["funktionshinder": 4.1, "genus": 3.8, "islam": 4.3, "rekrytering": 3.7, "kulturkrockar": 4.4, "sprak": 4.2]
        var ratings: [Rating] = []
        for entry in plan.attendance where entry.status == .attended && rng.chance(40) {
            guard let (intervention, seminar) = plan.sessions[entry.session] else { continue }
            let mean = seminar.map { seminarMeans[$0] ?? 4.0 } ?? 4.5
            for dimension in [RatingDimension.content, .trainer] {
                let score = min(5, max(1, Int((mean + Double(rng.int(in: -15...10)) / 10).rounded())))
                ratings.append(Rating(id: ID("betyg-\(ratings.count + 1)"), subject: .session(entry.session),
                                      intervention: intervention, dimension: dimension, score: score))
            }
        }
        for start in stride(from: 0, to: ratings.count, by: chunkSize) {
            try await workspace.record(Array(ratings[start..<min(start + chunkSize, ratings.count)]))
        }
        return ratings.count
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
