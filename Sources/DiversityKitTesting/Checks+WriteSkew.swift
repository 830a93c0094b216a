import DiversityKit
import Foundation

/// Runs `a` and `b` at once; returns whether each succeeded. Validation refusals and
/// ``StoreError/notFound(_:)`` count as refusals, any other error is rethrown.
func race(_ a: @escaping @Sendable () async throws -> Void, _ b: @escaping @Sendable () async throws -> Void) async throws -> (Bool, Bool) {
    @Sendable func attempt(_ body: @Sendable () async throws -> Void) async throws -> Bool {
        do { try await body(); return true } catch is ValidationError { return false } catch StoreError.notFound { return false }
    }
    async let first = attempt(a)
    async let second = attempt(b)
    return try await (first, second)
}

extension StoreConformanceKit {
    /// Write skew through one `Workspace`: two commands that each validate against what the other
    /// writes (a set read by query, a record read but not written) must not both succeed when no
    /// order of the two would accept both.
    static let writeSkewChecks: [StoreConformanceCheck] = [
        StoreConformanceCheck("moving an intervention while a session is scheduled on it never leaves the session outside its programme's period") { store in
            let name = "moving an intervention while a session is scheduled on it never leaves the session outside its programme's period"
            let f = try await RaceFixture.make(store, participants: 1)
            let ws = f.workspace
            try await ws.plan(Programme(id: "kort", name: "Kort", owner: "org", period: try DatePeriod("2026-01-01", "2026-02-28")))
            for round in 0..<20 {
                let iid = ID<Intervention>("flytt-\(round)")
                try await ws.add(Intervention(id: iid, programme: "prog", name: "Flytt", kind: .lecture))
                var moved = try await ws.intervention(iid)!
                moved.programme = "kort"
                let move = moved
                let june = try CalendarDate("2026-06-01")
                let (a, b) = try await race({ try await ws.update(move) },
                                            { try await ws.schedule(Session(id: ID("flytt-\(round)-s"), intervention: iid, date: june, durationMinutes: 60)) })
                let programme = try await ws.programme(try await ws.intervention(iid)!.programme)!
                let outside = try await ws.sessions(of: iid).filter { !programme.period.contains($0.date) }
                try expect(outside.isEmpty, "round \(round): move \(a ? "accepted" : "refused"), schedule \(b ? "accepted" : "refused"), "
                           + "\(outside.count) session outside \(programme.id)'s period", check: name)
            }
        },
        StoreConformanceCheck("shortening a programme's period while a session is scheduled never leaves the session outside it") { store in
            let name = "shortening a programme's period while a session is scheduled never leaves the session outside it"
            let f = try await RaceFixture.make(store, participants: 1)
            let ws = f.workspace
            for round in 0..<20 {
                let pid = ID<Programme>("p-\(round)"), iid = ID<Intervention>("i-\(round)")
                let year = Programme(id: pid, name: "År", owner: "org", period: try DatePeriod("2026-01-01", "2026-12-31"))
                try await ws.plan(year)
                try await ws.add(Intervention(id: iid, programme: pid, name: "Kurs", kind: .lecture))
                var spring = year
                spring.period = try DatePeriod("2026-01-01", "2026-02-28")
                let shorter = spring
                let june = try CalendarDate("2026-06-01")
                let (a, b) = try await race({ try await ws.plan(shorter) },
                                            { try await ws.schedule(Session(id: ID("s-\(round)"), intervention: iid, date: june, durationMinutes: 60)) })
                let period = try await ws.programme(pid)!.period
                let outside = try await ws.sessions(of: iid).filter { !period.contains($0.date) }
                try expect(outside.isEmpty, "round \(round): plan \(a ? "accepted" : "refused"), schedule \(b ? "accepted" : "refused"), "
                           + "\(outside.count) session outside \(period)", check: name)
            }
        },
        StoreConformanceCheck("removing a unit while a participant is registered in it never leaves the participant in a missing unit") { store in
            let name = "removing a unit while a participant is registered in it never leaves the participant in a missing unit"
            let f = try await RaceFixture.make(store, participants: 1)
            let ws = f.workspace
            for round in 0..<20 {
                let unit = ID<OrganisationUnit>("enhet-\(round)")
                var org = try await ws.organisation("org")!
                org.units.append(OrganisationUnit(id: unit, name: "Enhet \(round)"))
                try await ws.update(org)
                org.units.removeAll { $0.id == unit }
                let without = org
                let (a, b) = try await race({ try await ws.update(without) },
                                            { try await ws.register(Participant(id: ID("ny-\(round)"), organisation: "org", unit: unit)) })
                let units = Set(try await ws.organisation("org")!.units.map(\.id))
                let stranded = try await ws.participants(of: "org").filter { $0.unit.map { !units.contains($0) } ?? false }
                try expect(stranded.isEmpty, "round \(round): unit removal \(a ? "accepted" : "refused"), registration \(b ? "accepted" : "refused"), "
                           + "\(stranded.count) participant in a removed unit", check: name)
            }
        },
        StoreConformanceCheck("two interventions made each other's prerequisite at once never form a cycle") { store in
            let name = "two interventions made each other's prerequisite at once never form a cycle"
            let f = try await RaceFixture.make(store, participants: 1)
            let ws = f.workspace
            for round in 0..<20 {
                let x = ID<Intervention>("x-\(round)"), y = ID<Intervention>("y-\(round)")
                try await ws.add(Intervention(id: x, programme: "prog", name: "X", kind: .lecture))
                try await ws.add(Intervention(id: y, programme: "prog", name: "Y", kind: .lecture))
                let (a, b) = try await race({ try await ws.add(Intervention(id: x, programme: "prog", name: "X", kind: .lecture, prerequisites: [y])) },
                                            { try await ws.add(Intervention(id: y, programme: "prog", name: "Y", kind: .lecture, prerequisites: [x])) })
                let (sx, sy) = (try await ws.intervention(x)!, try await ws.intervention(y)!)
                let cycle = sx.prerequisites.contains(y) && sy.prerequisites.contains(x)
                try expect(!cycle, "round \(round): both accepted (\(a), \(b)): \(x) and \(y) require each other", check: name)
            }
        },
        StoreConformanceCheck("a prerequisite moved to another programme while it is being named never ends up required across programmes") { store in
            let name = "a prerequisite moved to another programme while it is being named never ends up required across programmes"
            let f = try await RaceFixture.make(store, participants: 1)
            let ws = f.workspace
            try await ws.plan(Programme(id: "annat", name: "Annat", owner: "org", period: try DatePeriod("2026-01-01", "2026-12-31")))
            for round in 0..<20 {
                let x = ID<Intervention>("kx-\(round)"), y = ID<Intervention>("ky-\(round)")
                try await ws.add(Intervention(id: x, programme: "prog", name: "X", kind: .lecture))
                try await ws.add(Intervention(id: y, programme: "prog", name: "Y", kind: .lecture))
                let (a, b) = try await race({ try await ws.add(Intervention(id: x, programme: "prog", name: "X", kind: .lecture, prerequisites: [y])) },
                                            { try await ws.update(Intervention(id: y, programme: "annat", name: "Y", kind: .lecture)) })
                let (sx, sy) = (try await ws.intervention(x)!, try await ws.intervention(y)!)
                let across = sx.prerequisites.contains(y) && sy.programme != sx.programme
                try expect(!across, "round \(round): both accepted (\(a), \(b)): \(x) requires \(y) of another programme", check: name)
            }
        },
        StoreConformanceCheck("an intervention deleted while it is being updated is not created again") { store in
            let name = "an intervention deleted while it is being updated is not created again"
            let f = try await RaceFixture.make(store, participants: 1)
            let ws = f.workspace
            for round in 0..<20 {
                let iid = ID<Intervention>("borta-\(round)")
                try await ws.add(Intervention(id: iid, programme: "prog", name: "Borta", kind: .lecture))
                let (a, b) = try await race({ try await ws.update(Intervention(id: iid, programme: "prog", name: "Ny", kind: .lecture)) },
                                            { try await store.delete(Intervention.self, id: iid.rawValue) })
                let left = try await ws.intervention(iid)
                try expect(left == nil, "round \(round): update \(a ? "accepted" : "refused"), delete \(b ? "done" : "refused"), "
                           + "the deleted intervention exists again", check: name)
            }
        },
    ]
}
