import DiversityKit
import Testing

/// The README's embedding snippet, line for line, so the first thing a new user copies works.
@Test("the README's embedding snippet runs and refuses the out-of-scale rating")
func readmeSnippet() async throws {
    let workspace = Workspace(store: InMemoryStore())
    try await workspace.register(Organisation(id: "umea", name: "Umeå kommun", kind: .municipality,
                                              units: [OrganisationUnit(id: "viva", name: "VIVA")]))
    try await workspace.plan(Programme(id: "mdss", name: "MDSS", owner: "umea",
                                       period: try DatePeriod("2010-01-01", "2012-12-31")))
    try await workspace.add(Intervention(id: "bas", programme: "mdss", name: "Basutbildning",
                                         kind: .baseTraining, plannedDurationMinutes: 120))
    try await workspace.schedule(Session(id: "bas-1", intervention: "bas",
                                         date: try CalendarDate("2010-04-01"), durationMinutes: 120))
    try await workspace.register(Participant(id: "p1", organisation: "umea", unit: "viva"))
    try await workspace.enrol("p1", in: "bas")
    try await workspace.recordAttendance(of: "p1", at: "bas-1", .attended)
    try await workspace.record(Rating(id: "r1", subject: .session("bas-1"), intervention: "bas",
                                      dimension: .content, score: 4))
    let error = await #expect(throws: ValidationError.self) {
        try await workspace.record(Rating(id: "r2", subject: .session("bas-1"), intervention: "bas",
                                          dimension: .trainer, score: 6))
    }
    #expect(error?.description.contains("score 6 is outside the scale 1–5") == true)
    #expect(try await workspace.ratings(of: "bas").count == 1)
}
