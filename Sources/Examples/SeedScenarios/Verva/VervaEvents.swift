import DiversityKit
import ExampleSupport

/// The project's own events with people: the kick-off in Stockholm ("about fifty participants from
/// the project authorities") and the full-day training with DO and Integrationsverket in every
/// county in the autumn of 2006. Each authority is represented by its contact person and an HR
/// representative, as roles with pseudonymous ids.
extension VervaScenario {
    /// The kick-off.
    public static let kickOff: ID<Intervention> = "kick-off"
    /// The full-day training on discrimination law, integration and diversity.
    public static let trainingDay: ID<Intervention> = "utbildningsdag-do-integrationsverket"

    static func interventions() -> [Intervention] {
        [Intervention(id: kickOff, programme: programmeID, name: "Kick-off för projektmyndigheterna", kind: .lecture,
                      topics: ["projektets ram", "verksamhetsintegrerat mångfaldsarbete"], plannedDurationMinutes: 360, plannedSessions: 1),
         Intervention(id: trainingDay, programme: programmeID, name: "Utbildningsdag med DO och Integrationsverket", kind: .knowledgeSeminar,
                      topics: ["diskrimineringslagstiftning", "aktiva åtgärder", "integration och mångfald"],
                      plannedDurationMinutes: 420, plannedSessions: 5)]
    }

    /// Each authority's two representatives: the contact person (kontaktperson) and an HR representative.
    static func representatives() -> [Participant] {
        counties.flatMap { county in
            county.participants.flatMap { authority in
                SyntheticIndicators.recorded([
                    Participant(id: ID("\(authority.id.rawValue)-kontaktperson"), organisation: authority.id, role: .keyPerson),
                    Participant(id: ID("\(authority.id.rawValue)-hr"), organisation: authority.id, role: .employee)])
            }
        }
    }

    /// Holds the kick-off (contact persons) and one training day per county (both representatives).
    static func holdEvents(in workspace: Workspace, rng: inout SeededGenerator) async throws {
        for intervention in interventions() { try await workspace.add(intervention) }
        let people = representatives()
        try await workspace.register(people)
        let kickOffSession = Session(id: "kick-off-2006", intervention: kickOff, date: CalendarDate(year: 2006, month: 4, day: 5)!,
                                     start: TimeOfDay(hour: 9), durationMinutes: 360, capacity: 60)
        let days = counties.enumerated().map { i, county in
            Session(id: ID("utbildningsdag-\(slug(county.name))"), intervention: trainingDay,
                    date: CalendarDate(year: 2006, month: 9 + i / 2, day: 12 + 7 * (i % 2))!, start: TimeOfDay(hour: 9),
                    durationMinutes: 420, facilitators: ["do-expert", "integrationsverket-utredare"])
        }
        try await workspace.add(Facilitator(id: "do-expert", label: "Expert, DO", organisation: ombudsman))
        try await workspace.add(Facilitator(id: "integrationsverket-utredare", label: "Utredare, Integrationsverket", organisation: integrationBoard))
        try await workspace.schedule([kickOffSession] + days)
        let contacts = people.filter { $0.role == .keyPerson }
        try await workspace.enrol(contacts.map { ($0.id, kickOff) }, on: CalendarDate(year: 2006, month: 3, day: 15)!)
        try await workspace.enrol(people.map { ($0.id, trainingDay) }, on: CalendarDate(year: 2006, month: 8, day: 21)!)
        var entries = contacts.map {
            Workspace.AttendanceEntry(participant: $0.id, session: kickOffSession.id, status: rng.chance(92) ? .attended : .excused)
        }
        for (county, day) in zip(counties, days) {
            let members = Set(county.participants.map(\.id))
            for person in people where members.contains(person.organisation) {
                entries.append(.init(participant: person.id, session: day.id, status: rng.chance(80) ? .attended : .excused))
            }
        }
        try await workspace.recordAttendance(entries)
    }
}
