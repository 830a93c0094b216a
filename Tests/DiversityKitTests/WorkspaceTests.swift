import DiversityKit
import Foundation
import Testing

/// Snapshot of every record in a store, to prove a refused call changed nothing.
func snapshot(_ store: InMemoryStore) async throws -> [RecordEnvelope] {
    var all: [RecordEnvelope] = []
    for type in ["organisation", "programme", "intervention", "session", "participant", "enrolment", "attendance",
                 "rating", "goal", "actionPlan", "facilitator", "venue"] {
        all += try await store.query(RecordQuery(type: type))
    }
    return all
}

@Suite("Workspace: planning")
struct PlanningTests {
    @Test("a programme with an unknown partner is refused and nothing is stored")
    func unknownPartner() async throws {
        let w = World()
        try await w.workspace.register(World.umea)
        var p = try World.programme()
        p.partners = ["nowhere"]
        p.plannedParticipants = ["umea": 1]
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.plan(p) }
        #expect(error?.problems == [.unknownReference(RecordKey(type: "organisation", id: "nowhere"))])
        #expect(error?.errors.first?.field == "partners[0]")
        #expect(try await w.workspace.programme("mdss") == nil)
    }

    @Test("a budget above funding is refused, counting indirect costs at the flat rate")
    func budgetAboveFunding() async throws {
        let w = World()
        try await w.workspace.register(World.umea)
        try await w.workspace.register(World.fk)
        var p = try World.programme()
        p.budget = [BudgetLine(category: .salaries, planned: Money(kronor: 900_000))] // + 15% = 1 035 000
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.plan(p) }
        #expect(error?.problems == [.budgetExceedsFunding(budget: Money(kronor: 1_035_000), funding: Money(kronor: 1_000_000))])
    }

    @Test("a phase outside the programme period is refused")
    func phaseOutside() async throws {
        let w = World()
        try await w.workspace.register(World.umea)
        try await w.workspace.register(World.fk)
        var p = try World.programme()
        p.phases.append(Phase(kind: .closing, period: try DatePeriod("2012-10-01", "2013-03-31")))
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.plan(p) }
        #expect(error?.errors.first?.field == "phases[1].period")
    }

    @Test("negative amounts and planned participants of a non-member are refused together")
    func severalErrors() async throws {
        let w = World()
        try await w.workspace.register(World.umea)
        try await w.workspace.register(World.fk)
        var p = try World.programme()
        p.funding.append(FundingSource(kind: .ownFunding, amount: Money(kronor: -5)))
        p.plannedParticipants["elsewhere"] = 10
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.plan(p) }
        #expect(error?.contains(.negativeAmount(Money(kronor: -5))) == true)
        #expect(error?.contains(.notInProgramme("elsewhere")) == true)
    }

    @Test("outcome above plan on a budget line is accepted with a warning")
    func outcomeWarning() async throws {
        let w = World()
        try await w.workspace.register(World.umea)
        try await w.workspace.register(World.fk)
        var p = try World.programme()
        p.budget[1].outcome = Money(kronor: 236_000)
        let warnings = try await w.workspace.plan(p)
        #expect(warnings.map(\.problem) == [.outcomeExceedsPlan(outcome: Money(kronor: 236_000), planned: Money(kronor: 200_000))])
        #expect(warnings.first?.severity == .warning)
    }

    @Test("a prerequisite cycle is refused with its path")
    func prerequisiteCycle() async throws {
        let w = World()
        try await w.setUp()
        var bas = try #require(try await w.workspace.intervention("bas"))
        bas.prerequisites = ["forum"]
        let before = try await snapshot(w.store)
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.add(bas) }
        #expect(error?.problems == [.prerequisiteCycle(["bas", "forum", "bas"])])
        #expect(try await snapshot(w.store) == before)
    }

    @Test("an intervention may not require itself")
    func selfPrerequisite() async throws {
        let w = World()
        try await w.setUp()
        let i = Intervention(id: "x", programme: "mdss", name: "X", kind: .workshop, prerequisites: ["x"])
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.add(i) }
        #expect(error?.problems == [.prerequisiteCycle(["x", "x"])])
    }

    @Test("an unknown prerequisite and an unknown programme are refused")
    func unknownReferences() async throws {
        let w = World()
        try await w.setUp()
        let e1 = await #expect(throws: ValidationError.self) {
            try await w.workspace.add(Intervention(id: "x", programme: "mdss", name: "X", kind: .workshop, prerequisites: ["ghost"]))
        }
        #expect(e1?.problems == [.unknownReference(RecordKey(type: "intervention", id: "ghost"))])
        let e2 = await #expect(throws: ValidationError.self) {
            try await w.workspace.add(Intervention(id: "y", programme: "ghost", name: "Y", kind: .workshop))
        }
        #expect(e2?.problems == [.unknownReference(RecordKey(type: "programme", id: "ghost"))])
    }

    @Test("a prerequisite from another programme is refused")
    func prerequisiteOfAnotherProgramme() async throws {
        let w = World()
        try await w.setUp()
        try await w.workspace.plan(Programme(id: "other", name: "Annat", owner: "umea", period: try DatePeriod("2010-01-01", "2012-12-31")))
        try await w.workspace.add(Intervention(id: "x", programme: "other", name: "X", kind: .workshop))
        let error = await #expect(throws: ValidationError.self) {
            try await w.workspace.add(Intervention(id: "y", programme: "mdss", name: "Y", kind: .workshop, prerequisites: ["x"]))
        }
        #expect(error?.problems == [.interventionOfAnotherProgramme("x")])
        #expect(try await w.workspace.intervention("y") == nil)
    }

    @Test("non-positive planned durations and session counts are refused", arguments: [(0, 1), (120, 0), (-5, 3)])
    func nonPositive(_ duration: Int, _ sessions: Int) async throws {
        let w = World()
        try await w.setUp()
        let i = Intervention(id: "x", programme: "mdss", name: "X", kind: .lecture, plannedDurationMinutes: duration, plannedSessions: sessions)
        await #expect(throws: ValidationError.self) { try await w.workspace.add(i) }
    }

    @Test("a session outside the programme's period is refused")
    func sessionOutsidePeriod() async throws {
        let w = World()
        try await w.setUp()
        let s = Session(id: "late", intervention: "bas", date: try CalendarDate("2013-01-10"), durationMinutes: 120)
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.schedule(s) }
        #expect(error?.problems == [.dateOutsidePeriod(date: try CalendarDate("2013-01-10"), period: try DatePeriod("2010-01-01", "2012-12-31"))])
        #expect(error?.errors.first?.entity == RecordKey(type: "session", id: "late"))
        #expect(error?.errors.first?.value == "2013-01-10")
    }

    @Test("a batch of sessions with one bad session stores none of them")
    func sessionBatchAtomic() async throws {
        let w = World()
        try await w.setUp()
        let good = Session(id: "ok", intervention: "bas", date: try CalendarDate("2010-05-01"), durationMinutes: 120)
        let bad = Session(id: "bad", intervention: "bas", date: try CalendarDate("2010-05-02"), durationMinutes: 0)
        await #expect(throws: ValidationError.self) { try await w.workspace.schedule([good, bad]) }
        #expect(try await w.workspace.sessions(of: "bas").map(\.id) == ["bas-1"])
    }

    @Test("a session at an unknown venue or with an unknown facilitator is refused")
    func unknownVenue() async throws {
        let w = World()
        try await w.setUp()
        let s = Session(id: "s", intervention: "bas", date: try CalendarDate("2010-05-01"), durationMinutes: 60, venue: "hall")
        await #expect(throws: ValidationError.self) { try await w.workspace.schedule(s) }
        try await w.workspace.add(Venue(id: "hall", name: "Stora salen"))
        try await w.workspace.schedule(s)
        var t = s
        t.facilitators = ["trainer-a"]
        await #expect(throws: ValidationError.self) { try await w.workspace.schedule(t) }
        try await w.workspace.add(Facilitator(id: "trainer-a", label: "Utbildare A"))
        try await w.workspace.schedule(t)
    }

    @Test("moving a programme's period past its sessions is refused")
    func periodShrink() async throws {
        let w = World()
        try await w.setUp()
        var p = try World.programme()
        p.period = try DatePeriod("2011-01-01", "2012-12-31")
        p.phases = []
        await #expect(throws: ValidationError.self) { try await w.workspace.plan(p) }
    }
}

@Suite("Workspace: organisations and participants")
struct ParticipantTests {
    @Test("an organisation with duplicate or dangling units is refused", arguments: [
        [OrganisationUnit(id: "a", name: "A"), OrganisationUnit(id: "a", name: "A2")],
        [OrganisationUnit(id: "a", name: "A", parent: "elsewhere")],
        [OrganisationUnit(id: "a", name: "A", parent: "b"), OrganisationUnit(id: "b", name: "B", parent: "a")],
        [OrganisationUnit(id: "a", name: " ")],
    ])
    func badUnits(_ units: [OrganisationUnit]) async throws {
        let w = World()
        await #expect(throws: ValidationError.self) {
            try await w.workspace.register(Organisation(id: "x", name: "X", kind: .other, units: units))
        }
        #expect(try await w.workspace.organisations().isEmpty)
    }

    @Test("registering the same organisation twice is a duplicate")
    func duplicateOrganisation() async throws {
        let w = World()
        try await w.workspace.register(World.fk)
        await #expect(throws: StoreError.duplicate(RecordKey(type: "organisation", id: "fk"))) { try await w.workspace.register(World.fk) }
    }

    @Test("the unit tree answers subtree and ancestor questions")
    func unitTree() {
        #expect(World.umea.subtree(of: "soc") == ["soc", "viva"])
        #expect(World.umea.ancestors(of: "viva") == ["viva", "soc"])
    }

    @Test("a participant in a unit of another organisation is refused")
    func unitOfAnotherOrganisation() async throws {
        let w = World()
        try await w.setUp()
        let p = Participant(id: "x", organisation: "umea", unit: "fk-umea")
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.register(p) }
        #expect(error?.problems == [.unitOfAnotherOrganisation(unit: "fk-umea", organisation: "umea")])
        #expect(try await w.workspace.participant("x") == nil)
    }

    @Test("a participant of an unknown organisation is refused")
    func unknownOrganisation() async throws {
        let w = World()
        await #expect(throws: ValidationError.self) { try await w.workspace.register(Participant(id: "x", organisation: "nowhere")) }
    }

    @Test("the same participant twice in one registration is refused")
    func duplicateInBatch() async throws {
        let w = World()
        try await w.setUp()
        let p = Participant(id: "dup", organisation: "umea")
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.register([p, p]) }
        #expect(error?.problems == [.duplicateIdentifier("dup")])
    }

    @Test("removing a unit still used by a participant is refused")
    func removeUsedUnit() async throws {
        let w = World()
        try await w.setUp()
        var fk = World.fk
        fk.units.removeAll { $0.id == "fk-lycksele" }
        await #expect(throws: ValidationError.self) { try await w.workspace.update(fk) }
        fk.units.append(OrganisationUnit(id: "fk-lycksele", name: "Lycksele"))
        fk.units.append(OrganisationUnit(id: "fk-skelleftea", name: "Skellefteå"))
        try await w.workspace.update(fk)
        #expect(try await w.workspace.organisation("fk")?.units.count == 3)
    }
}

@Suite("Workspace: enrolment, attendance and completion")
struct EnrolmentTests {
    @Test("enrolment in the diversity forum requires base training and leader forum completed")
    func prerequisites() async throws {
        let w = World()
        try await w.setUp()
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.enrol("m1", in: "forum") }
        #expect(error?.problems == [.prerequisitesNotCompleted(["bas", "ledar"])])

        try await w.workspace.enrol("m1", in: "bas")
        try await w.workspace.recordAttendance(of: "m1", at: "bas-1", .attended)
        let still = await #expect(throws: ValidationError.self) { try await w.workspace.enrol("m1", in: "forum") }
        #expect(still?.problems == [.prerequisitesNotCompleted(["ledar"])])

        try await w.workspace.enrol("m1", in: "ledar")
        try await w.workspace.recordAttendance(of: "m1", at: "ledar-1", .attended)
        try await w.workspace.enrol("m1", in: "forum")
        #expect(try await w.workspace.completedInterventions(of: "m1") == ["bas", "ledar"])
    }

    @Test("absence does not complete an intervention")
    func absenceDoesNotComplete() async throws {
        let w = World()
        try await w.setUp()
        try await w.workspace.enrol("e1", in: "bas")
        try await w.workspace.recordAttendance(of: "e1", at: "bas-1", .excused)
        #expect(try await w.workspace.completedInterventions(of: "e1").isEmpty)
        try await w.workspace.recordAttendance(of: "e1", at: "bas-1", .attended) // corrected, not duplicated
        #expect(try await w.workspace.completedInterventions(of: "e1") == ["bas"])
        #expect(try await w.workspace.attendance(of: "bas").count == 1)
    }

    @Test("completion rules count attended against registered sessions", arguments: [
        (CompletionRule.minimumSessions(2), 1, 3, false), (.minimumSessions(2), 2, 3, true),
        (.allRegisteredSessions, 2, 3, false), (.allRegisteredSessions, 3, 3, true), (.allRegisteredSessions, 0, 0, false),
    ])
    func completionRules(_ rule: CompletionRule, _ attended: Int, _ registered: Int, _ expected: Bool) {
        #expect(rule.isSatisfied(attended: attended, registered: registered) == expected)
    }

    @Test("a batch enrolment reads each of two NFC/NFD twin participants' own enrolments", arguments: [false, true])
    func canonicalTwinsInOneBatch(_ twinFirst: Bool) async throws {
        let w = World()
        try await w.setUp()
        let nfc = ID<Participant>("Jos\u{E9}"), nfd = ID<Participant>("Jose\u{301}")
        try await w.workspace.register(Participant(id: nfc, organisation: "fk", unit: "fk-umea"))
        try await w.workspace.register(Participant(id: nfd, organisation: "fk", unit: "fk-umea"))
        try await w.workspace.enrol(nfc, in: "bas")
        // One up-front query for both: a Set<String> of the two ids would ask for only one of them.
        let bas = ID<Intervention>("bas"), ledar = ID<Intervention>("ledar")
        let pairs: [(ID<Participant>, ID<Intervention>)] = twinFirst ? [(nfd, ledar), (nfc, bas)] : [(nfc, bas), (nfd, ledar)]
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.enrol(pairs) }
        #expect(error?.problems == [.alreadyEnrolled])
        try await w.workspace.enrol([(nfd, "bas")])
        let enrolled = try await w.workspace.enrolments(in: "bas").map { Array($0.participant.rawValue.utf8) }
        #expect(Set(enrolled) == [Array(nfc.rawValue.utf8), Array(nfd.rawValue.utf8)])
    }

    @Test("enrolling twice is refused")
    func twice() async throws {
        let w = World()
        try await w.setUp()
        try await w.workspace.enrol("e1", in: "bas")
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.enrol("e1", in: "bas") }
        #expect(error?.problems == [.alreadyEnrolled])
    }

    @Test("an employee enrolled in a managers' forum is accepted with a warning")
    func roleWarning() async throws {
        let w = World()
        try await w.setUp()
        let warnings = try await w.workspace.enrol("e1", in: "ledar")
        #expect(warnings.map(\.problem) == [.roleNotTargeted(.employee)])
    }

    @Test("a second elective of the same group is refused")
    func electives() async throws {
        let w = World()
        try await w.setUp()
        for (id, name) in [("islam", "Islam – vad är det?"), ("genus", "Genus")] {
            try await w.workspace.add(Intervention(id: ID(id), programme: "mdss", name: name, kind: .electiveSeminar, electiveGroup: "eftermiddag"))
        }
        try await w.workspace.enrol("e1", in: "islam")
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.enrol("e1", in: "genus") }
        #expect(error?.problems == [.electiveAlreadyChosen(group: "eftermiddag", chosen: "islam")])
        let batch = await #expect(throws: ValidationError.self) { try await w.workspace.enrol([("e2", "islam"), ("e2", "genus")]) }
        #expect(batch?.problems == [.electiveAlreadyChosen(group: "eftermiddag", chosen: "islam")])
        #expect(try await w.workspace.enrolments(of: "e2").isEmpty)
    }

    @Test("attendance of someone not enrolled is refused")
    func notEnrolled() async throws {
        let w = World()
        try await w.setUp()
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.recordAttendance(of: "e1", at: "bas-1", .attended) }
        #expect(error?.problems == [.notEnrolled])
    }

    @Test("attendance beyond a session's capacity is refused and the batch writes nothing")
    func capacity() async throws {
        let w = World()
        try await w.setUp()
        try await w.workspace.enrol([("e1", "bas"), ("e2", "bas"), ("e3", "bas")])
        let before = try await snapshot(w.store)
        let error = await #expect(throws: ValidationError.self) {
            try await w.workspace.recordAttendance(["e1", "e2", "e3"].map { .init(participant: ID($0), session: "bas-1", status: .attended) })
        }
        #expect(error?.problems == [.capacityExceeded(capacity: 2)])
        #expect(try await snapshot(w.store) == before)
        try await w.workspace.recordAttendance(["e1", "e2"].map { .init(participant: ID($0), session: "bas-1", status: .attended) })
        try await w.workspace.recordAttendance(of: "e3", at: "bas-1", .absent) // absence takes no seat
    }

    @Test("attendance at an unknown session is refused")
    func unknownSession() async throws {
        let w = World()
        try await w.setUp()
        try await w.workspace.enrol("e1", in: "bas")
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.recordAttendance(of: "e1", at: "nope", .attended) }
        #expect(error?.problems == [.unknownReference(RecordKey(type: "session", id: "nope"))])
    }

    @Test("erasing a participant removes the personal link and keeps anonymous ratings and counts")
    func erasure() async throws {
        let w = World()
        try await w.setUp()
        try await w.workspace.enrol("e1", in: "bas")
        try await w.workspace.recordAttendance(of: "e1", at: "bas-1", .attended)
        try await w.workspace.enrol("e1", in: "ledar")
        try await w.workspace.recordAttendance(of: "e1", at: "ledar-1", .attended)
        try await w.workspace.record(Rating(id: "r1", rater: .participant("e1"), subject: .session("bas-1"), intervention: "bas", dimension: .content, score: 4))
        try await w.workspace.erase("e1")
        #expect(try await w.workspace.participant("e1") == nil)
        #expect(try await w.workspace.enrolments(of: "e1").isEmpty)
        let attendance = try await w.workspace.attendance(of: "bas") + w.workspace.attendance(of: "ledar")
        #expect(attendance.count == 2 && attendance.allSatisfy { $0.organisation == "fk" })
        // One random stand-in for both records: still one person in the counts, linked to no one.
        let standIns = Set(attendance.compactMap(\.participant))
        #expect(standIns.count == 1 && standIns.first?.rawValue.hasPrefix("erased-") == true && !standIns.contains("e1"))
        let ratings = try await w.workspace.ratings(of: "bas")
        #expect(ratings.count == 1 && ratings[0].rater == .anonymous && ratings[0].score == 4)
        await #expect(throws: StoreError.notFound(RecordKey(type: "participant", id: "e1"))) { try await w.workspace.erase("e1") }
    }
}

@Suite("Workspace: ratings, goals and action plans")
struct FollowUpTests {
    @Test("scores outside the scale are refused", arguments: [0, 6, -1, 100])
    func scoreOutside(_ score: Int) async throws {
        let w = World()
        try await w.setUp()
        let r = Rating(id: "r", subject: .intervention("bas"), intervention: "bas", dimension: .trainer, score: score)
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.record(r) }
        #expect(error?.problems == [.scoreOutsideScale(score: score, scale: .oneToFive)])
        #expect(error?.errors.first?.field == "score")
        #expect(try await w.workspace.ratings(of: "bas").isEmpty)
    }

    @Test("a score on a declared 0–10 scale is accepted")
    func otherScale() async throws {
        let w = World()
        try await w.setUp()
        try await w.workspace.record(Rating(id: "r", subject: .intervention("bas"), intervention: "bas", dimension: .overall,
                                            score: 9, scale: try RatingScale(minimum: 0, maximum: 10)))
        #expect(try await w.workspace.ratings(of: "bas").first?.score == 9)
    }

    @Test("a rating of a session of another intervention is refused")
    func sessionOfAnother() async throws {
        let w = World()
        try await w.setUp()
        let r = Rating(id: "r", subject: .session("ledar-1"), intervention: "bas", dimension: .content, score: 4)
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.record(r) }
        #expect(error?.problems == [.sessionOfAnotherIntervention("ledar-1")])
    }

    @Test("a rating by an unknown participant or of an unknown intervention is refused")
    func unknownRater() async throws {
        let w = World()
        try await w.setUp()
        await #expect(throws: ValidationError.self) {
            try await w.workspace.record(Rating(id: "r", rater: .participant("ghost"), subject: .intervention("bas"), intervention: "bas", dimension: .content, score: 3))
        }
        await #expect(throws: ValidationError.self) {
            try await w.workspace.record(Rating(id: "r", subject: .intervention("ghost"), intervention: "ghost", dimension: .content, score: 3))
        }
    }

    @Test("an over-long comment is refused")
    func longComment() async throws {
        let w = World()
        try await w.setUp()
        let r = Rating(id: "r", subject: .intervention("bas"), intervention: "bas", dimension: .content, score: 3,
                       comment: String(repeating: "å", count: Rating.maximumCommentLength + 1))
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.record(r) }
        #expect(error?.problems == [.tooLong(length: Rating.maximumCommentLength + 1, maximum: Rating.maximumCommentLength)])
    }

    @Test("a measurable goal without an indicator is refused; a goal without baseline is accepted with a warning")
    func goals() async throws {
        let w = World()
        try await w.setUp()
        let bare = Goal(id: "g0", owner: "fk", level: .measurable, title: "Bättre bemötande")
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.set(bare) }
        #expect(error?.problems == [.measurableGoalWithoutIndicator])
        let g = Goal(id: "g1", owner: "fk", level: .measurable, focusArea: .recruitment, grounds: [.ethnicity], title: "Fler sökande",
                     indicator: Indicator(name: "Andel", unit: "%", baseline: .none, target: 20))
        let warnings = try await w.workspace.set(g)
        #expect(warnings.map(\.problem) == [.noBaseline])
        try await w.workspace.addMeasurement(Measurement(date: try CalendarDate("2011-12-31"), value: 14), to: "g1")
        #expect(try await w.workspace.goals(of: "fk").first?.indicator?.latest?.value == 14)
        let vision = Goal(id: "g2", owner: "fk", level: .vision, title: "Ett samhälle för alla")
        try await w.workspace.set(vision)
        await #expect(throws: ValidationError.self) { try await w.workspace.addMeasurement(Measurement(date: try CalendarDate("2011-12-31"), value: 1), to: "g2") }
    }

    @Test("a measure without responsible role or deadline is refused")
    func measureRequirements() async throws {
        let w = World()
        try await w.setUp()
        let period = try DatePeriod("2011-01-01", "2011-12-31")
        let plan = ActionPlan(id: "ap", owner: "fk", title: "Mångfaldsplan", period: period, measures: [
            Measure(id: "m1", title: "Kartlägg rekryteringen", responsibleRole: nil, deadline: try CalendarDate("2011-06-30")),
            Measure(id: "m2", title: "Ta fram rutin", responsibleRole: "HR-chef", deadline: nil),
        ])
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.save(plan) }
        #expect(error?.errors.map(\.field) == ["measures[0].responsibleRole", "measures[1].deadline"])
        #expect(error?.problems == [.missing, .missing])
        #expect(try await w.workspace.actionPlans(of: "fk").isEmpty)
    }

    @Test("measures linked to no goal are warned about; links to unknown goals are refused")
    func measureLinks() async throws {
        let w = World()
        try await w.setUp()
        let period = try DatePeriod("2011-01-01", "2011-12-31")
        var plan = ActionPlan(id: "ap", owner: "fk", unit: "fk-umea", title: "Plan", period: period, measures: [
            Measure(id: "m1", title: "Utbilda chefer", responsibleRole: "HR", deadline: try CalendarDate("2011-05-01"),
                    area: .trainingAndSkills, step: .act),
        ])
        let warnings = try await w.workspace.save(plan)
        #expect(warnings.map(\.problem) == [.measureWithoutGoal])
        plan.measures[0].linkedGoals = ["nope"]
        let error = await #expect(throws: ValidationError.self) { try await w.workspace.save(plan) }
        #expect(error?.problems == [.unknownReference(RecordKey(type: "goal", id: "nope"))])
        plan.unit = "soc"
        await #expect(throws: ValidationError.self) { try await w.workspace.save(plan) }
    }

    @Test("a measure is overdue after its deadline unless done or cancelled")
    func overdue() throws {
        var m = Measure(id: "m", title: "t", responsibleRole: "r", deadline: try CalendarDate("2011-06-30"))
        let after = try CalendarDate("2011-07-01")
        #expect(m.isOverdue(on: after))
        #expect(!m.isOverdue(on: try CalendarDate("2011-06-30")))
        m.status = .done
        #expect(!m.isOverdue(on: after))
    }

    @Test("validation messages name the entity, field and value")
    func messages() {
        let issue = ValidationIssue(.error, RecordKey(type: "rating", id: "r9"), field: "score", value: "6",
                                    .scoreOutsideScale(score: 6, scale: .oneToFive))
        #expect(issue.description == "error: rating/r9 score = 6: score 6 is outside the scale 1–5")
    }
}
