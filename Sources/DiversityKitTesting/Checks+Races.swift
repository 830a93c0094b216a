import DiversityKit
import Foundation

/// A small programme every race check starts from: one organisation with a unit, a programme, a
/// base training, an elective pair in one choose-one group, sessions of capacity 1 and 5, and
/// participants p0…p(n−1), all enrolled in the base training.
struct RaceFixture {
    let workspace: Workspace
    let participants: [ID<Participant>]

    static func make(_ store: any Store, participants n: Int = 40) async throws -> RaceFixture {
        let ws = Workspace(store: store)
        try await ws.register(Organisation(id: "org", name: "Kommunen", kind: .municipality,
                                           units: [OrganisationUnit(id: "u", name: "Enheten")]))
        try await ws.plan(Programme(id: "prog", name: "Programmet", owner: "org",
                                    period: try DatePeriod("2026-01-01", "2026-12-31")))
        try await ws.add(Intervention(id: "bas", programme: "prog", name: "Bas", kind: .baseTraining))
        try await ws.add(Intervention(id: "val-a", programme: "prog", name: "Val A", kind: .electiveSeminar, electiveGroup: "val"))
        try await ws.add(Intervention(id: "val-b", programme: "prog", name: "Val B", kind: .electiveSeminar, electiveGroup: "val"))
        let day = try CalendarDate("2026-03-01")
        try await ws.schedule([Session(id: "one", intervention: "bas", date: day, durationMinutes: 60, capacity: 1),
                               Session(id: "five", intervention: "bas", date: day, durationMinutes: 60, capacity: 5)])
        let ids = (0..<n).map { ID<Participant>("p\($0)") }
        try await ws.register(ids.map { Participant(id: $0, organisation: "org", unit: "u") })
        try await ws.enrol(ids.map { ($0, ID<Intervention>("bas")) })
        return RaceFixture(workspace: ws, participants: ids)
    }
}

/// Runs `body(i)` for i in 0..<n at once and returns how many calls succeeded; validation refusals
/// count as failures, any other error is rethrown.
func concurrently(_ n: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws -> Int {
    try await withThrowingTaskGroup(of: Bool.self) { group in
        for i in 0..<n {
            group.addTask {
                do { try await body(i); return true } catch is ValidationError { return false }
            }
        }
        return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
}

extension StoreConformanceKit {
    /// Races through one `Workspace` (many tasks): each invariant validation enforces must hold.
    static let raceChecks: [StoreConformanceCheck] = [
        StoreConformanceCheck("concurrent attendance never overfills a session of capacity 1") { store in
            let name = "concurrent attendance never overfills a session of capacity 1"
            let f = try await RaceFixture.make(store, participants: 2)
            for round in 0..<10 {
                let session = ID<Session>("one-\(round)")
                try await f.workspace.schedule(Session(id: session, intervention: "bas", date: try CalendarDate("2026-04-01"),
                                                       durationMinutes: 60, capacity: 1))
                let accepted = try await concurrently(2) { i in
                    try await f.workspace.recordAttendance(of: f.participants[i], at: session, .attended)
                }
                let attended = try await store.all(Attendance.self, where: "session", equals: session.rawValue).filter { $0.status == .attended }
                try expect(accepted == 1 && attended.count == 1,
                           "round \(round): \(accepted) accepted, \(attended.count) attending a session of capacity 1", check: name)
            }
        },
        StoreConformanceCheck("capacity 5 accepts exactly 5 of 40 concurrent attendees") { store in
            let name = "capacity 5 accepts exactly 5 of 40 concurrent attendees"
            let f = try await RaceFixture.make(store, participants: 40)
            let accepted = try await concurrently(40) { i in
                try await f.workspace.recordAttendance(of: f.participants[i], at: "five", .attended)
            }
            let attended = try await store.all(Attendance.self, where: "session", equals: "five").filter { $0.status == .attended }
            try expect(accepted == 5 && attended.count == 5, "\(accepted) accepted, \(attended.count) attending", check: name)
        },
        StoreConformanceCheck("a participant is never enrolled twice by concurrent enrolments") { store in
            let name = "a participant is never enrolled twice by concurrent enrolments"
            let f = try await RaceFixture.make(store, participants: 30)
            for p in f.participants {
                let accepted = try await concurrently(3) { _ in try await f.workspace.enrol(p, in: "val-a") }
                let enrolments = try await store.all(Enrolment.self, where: "participant", equals: p.rawValue).filter { $0.intervention == "val-a" }
                try expect(accepted == 1 && enrolments.count == 1, "\(p): \(accepted) accepted, \(enrolments.count) enrolments", check: name)
            }
        },
        StoreConformanceCheck("one choose-one elective group accepts only one of two concurrent choices") { store in
            let name = "one choose-one elective group accepts only one of two concurrent choices"
            let f = try await RaceFixture.make(store, participants: 10)
            for p in f.participants {
                let accepted = try await concurrently(2) { i in try await f.workspace.enrol(p, in: i == 0 ? "val-a" : "val-b") }
                let chosen = try await store.all(Enrolment.self, where: "participant", equals: p.rawValue).filter { $0.intervention != "bas" }
                try expect(accepted == 1 && chosen.count == 1, "\(p): \(accepted) accepted, \(chosen.count) electives", check: name)
            }
        },
        StoreConformanceCheck("100 concurrent measurements of a goal are all kept") { store in
            let name = "100 concurrent measurements of a goal are all kept"
            let f = try await RaceFixture.make(store, participants: 1)
            try await f.workspace.set(Goal(id: "g", programme: "prog", owner: "org", level: .measurable, title: "Andel",
                                           indicator: Indicator(name: "Andel", unit: "%", baseline: .measured(value: 10, date: try CalendarDate("2026-01-01")), target: 20)))
            let day = try CalendarDate("2026-06-01")
            _ = try await concurrently(100) { i in
                try await f.workspace.addMeasurement(Measurement(date: day, value: Double(i)), to: "g")
            }
            let kept = try await f.workspace.goals(of: "org").first?.indicator?.measurements.count ?? 0
            try expect(kept == 100, "\(kept) of 100 measurements kept", check: name)
        },
        StoreConformanceCheck("erasure racing attendance leaves no real participant id behind") { store in
            let name = "erasure racing attendance leaves no real participant id behind"
            let f = try await RaceFixture.make(store, participants: 20)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for p in f.participants {
                    group.addTask { _ = try? await f.workspace.recordAttendance(of: p, at: "five", .excused) }
                    group.addTask { try await f.workspace.erase(p) }
                }
                try await group.waitForAll()
            }
            let left = try await store.all(Attendance.self, where: "session", equals: "five")
                .compactMap(\.participant).filter { f.participants.contains($0) }
            try expect(left.isEmpty, "\(left.count) attendance records still name an erased participant", check: name)
            let enrolled = try await store.all(Enrolment.self, where: [])
            try expect(enrolled.isEmpty, "\(enrolled.count) enrolments of erased participants remain", check: name)
        },
        StoreConformanceCheck("two concurrent additions to one action plan both survive") { store in
            let name = "two concurrent additions to one action plan both survive"
            let f = try await RaceFixture.make(store, participants: 1)
            let period = try DatePeriod("2026-01-01", "2026-12-31")
            try await f.workspace.save(ActionPlan(id: "plan", programme: "prog", owner: "org", title: "Plan", period: period, measures: []))
            for round in 0..<5 {
                _ = try await concurrently(2) { i in
                    try await f.workspace.addMeasure(Measure(id: ID("m\(round)-\(i)"), title: "Åtgärd \(round)-\(i)", responsibleRole: "HR",
                                                             deadline: try CalendarDate("2026-10-01")), to: "plan")
                }
            }
            let kept = try await f.workspace.actionPlans(of: "org").first?.measures.count ?? 0
            try expect(kept == 10, "\(kept) of 10 measures kept", check: name)
        },
        StoreConformanceCheck("compare-and-swap increments from many tasks lose no update") { store in
            let name = "compare-and-swap increments from many tasks lose no update"
            try await store.write(WriteBatch([.insert(envelope("counter", payload: "0"))]))
            let key = RecordKey(type: "kit.item", id: "counter")
            _ = try await concurrently(20) { _ in
                for _ in 0..<5 {
                    try await withConflictRetry(attempts: 200) {
                        let e = try await store.fetch(key)!
                        let n = Int(String(decoding: e.payload, as: UTF8.self))! + 1
                        try await store.write(WriteBatch([.check(key, .revision(e.revision)), .update(envelope("counter", payload: "\(n)"))]))
                    }
                }
            }
            let final = try await store.fetch(key).map { String(decoding: $0.payload, as: UTF8.self) }
            try expect(final == "100", "counter is \(final ?? "gone"), not 100", check: name)
        },
        StoreConformanceCheck("write skew is refused: two writers that each check the other's record cannot both win") { store in
            let name = "write skew is refused: two writers that each check the other's record cannot both win"
            for round in 0..<10 {
                let a = RecordKey(type: "kit.oncall", id: "a\(round)"), b = RecordKey(type: "kit.oncall", id: "b\(round)")
                try await store.write(WriteBatch([.insert(envelope(a.id, type: a.type, payload: "on")), .insert(envelope(b.id, type: b.type, payload: "on"))]))
                let ra = try await store.fetch(a)!.revision, rb = try await store.fetch(b)!.revision
                // Each goes off call only if the other is still on call (unchanged since read).
                let wins = try await concurrently(2) { i in
                    let (mine, other, otherRevision) = i == 0 ? (a, b, rb) : (b, a, ra)
                    do {
                        try await store.write(WriteBatch([.check(other, .revision(otherRevision)),
                                                          .update(envelope(mine.id, type: mine.type, payload: "off"))]))
                    } catch StoreError.conflict { throw ValidationError(issues: []) }
                }
                let off = try await [store.fetch(a), store.fetch(b)].filter { $0?.payload == Data("off".utf8) }.count
                try expect(wins == 1 && off == 1, "round \(round): \(wins) writers won, \(off) off call", check: name)
            }
        },
    ]
}
