// Quickstart: plan a small programme, enrol staff, record attendance and ratings, print a summary.
// Runs on an in-memory store with deterministic identifiers.
import DiversityKit
import Foundation

let usage = """
    usage: Quickstart [--lang sv|en] [--help]

    Plans a small programme on an in-memory store, enrols 20 synthetic staff, records attendance
    and ratings, and prints a summary in Swedish (sv, the default) or English (en).
    Nothing is written to disk.
    """
var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
var language = ReportLanguage.swedish
if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count, let chosen = ReportLanguage(rawValue: arguments[index + 1]) {
    language = chosen
    arguments.removeSubrange(index...index + 1)
}
let sv = language == .swedish
if let argument = arguments.first {
    FileHandle.standardError.write(Data("\(sv ? "fel: okänt argument" : "error: unknown argument") \(argument)\n\n\(usage)\n".utf8))
    exit(2)
}

let workspace = Workspace(store: InMemoryStore(), ids: SequentialIDGenerator())

do {
    try await workspace.register(Organisation(
        id: "umea", name: "Umeå kommun", kind: .municipality,
        units: [OrganisationUnit(id: "viva", name: "VIVA"), OrganisationUnit(id: "soc", name: "Socialtjänsten")]))
    try await workspace.plan(Programme(
        id: "demo", name: "Likabehandling i praktiken", owner: "umea",
        period: try DatePeriod("2026-01-01", "2026-12-31"), plannedParticipants: ["umea": 20]))
    try await workspace.add(Intervention(id: "bas", programme: "demo", name: "Basutbildning", kind: .baseTraining,
                                         topics: ["diskrimineringslagen", "bemötande"], plannedDurationMinutes: 120,
                                         plannedSessions: 2))
    try await workspace.add(Intervention(id: "ledar", programme: "demo", name: "Ledarforum", kind: .leaderForum,
                                         targetRoles: [.manager], prerequisites: ["bas"]))
    let day1 = try CalendarDate("2026-03-10"), day2 = try CalendarDate("2026-03-17")
    try await workspace.schedule([
        Session(id: "bas-1", intervention: "bas", date: day1, start: try TimeOfDay("09:00"), durationMinutes: 120, capacity: 12),
        Session(id: "bas-2", intervention: "bas", date: day2, start: try TimeOfDay("13:00"), durationMinutes: 120, capacity: 12),
    ])

    // Deterministic synthetic staff: 18 employees and 2 managers.
    let staff = (1...20).map { n in
        Participant(id: ID("p\(n)"), organisation: "umea", unit: n % 2 == 0 ? "viva" : "soc",
                    role: n <= 2 ? .manager : .employee)
    }
    try await workspace.register(staff)
    try await workspace.enrol(staff.map { ($0.id, "bas") })
    try await workspace.recordAttendance(staff.map { p in
        let n = Int(p.id.rawValue.dropFirst())!
        return .init(participant: p.id, session: n <= 10 ? "bas-1" : "bas-2", status: n % 7 == 0 ? .absent : .attended)
    })
    let ratings = staff.enumerated().flatMap { i, p in
        [Rating(id: ID("r\(i)c"), subject: .intervention("bas"), intervention: "bas", dimension: .content, score: 3 + i % 3),
         Rating(id: ID("r\(i)t"), subject: .intervention("bas"), intervention: "bas", dimension: .trainer, score: 3 + (i + 1) % 3)]
    }
    try await workspace.record(ratings)

    // A manager who completed base training may join the leader forum; one who did not is refused.
    try await workspace.enrol("p1", in: "ledar")
    do {
        try await workspace.enrol("p7", in: "ledar")
    } catch let error as ValidationError {
        // The message a coordinator reads: in the chosen language, the intervention by its name.
        let names = ["bas": "Basutbildning", "ledar": "Ledarforum"]
        print((sv ? "Avvisad som väntat: " : "Refused as expected: ") + error.text(language) { names[$0.id] ?? $0.id })
    }

    let format = ReportFormatter(language: language)
    let attended = try await workspace.attendance(of: "bas").filter { $0.status == .attended }.count
    print(sv ? "Basutbildning: \(attended) av \(staff.count) deltog" : "Base training: \(attended) of \(staff.count) attended")
    for dimension in [RatingDimension.content, .trainer] {
        let scores = try await workspace.ratings(of: "bas").filter { $0.dimension == dimension }.map(\.score)
        let mean = format.decimal(Double(scores.reduce(0, +)) / Double(scores.count), digits: 2)
        let name = sv ? (dimension == .content ? "innehåll" : "utbildare") : "\(dimension)"
        print(sv ? "Medelbetyg \(name): \(mean) (n = \(scores.count))" : "Mean \(name) rating: \(mean) (n = \(scores.count))")
    }
} catch {
    FileHandle.standardError.write(Data("Quickstart: \(sv ? "fel" : "error"): \(language.message(for: error))\n".utf8))
    exit(1)
}
