import DiversityKit
import ExampleSupport
import ProgrammeToolkit

/// Norrköping's diversity ambassadors and Erfarenhetsdialogen's seminars.
extension MangfaldensAnsiktenScenario {
    /// The day ambassador coverage is measured.
    public static let coverageDate = CalendarDate(year: 2007, month: 12, day: 31)!
    /// The day Norrköping's twelve ambassadors finished their training.
    public static let ambassadorTrainingDate = CalendarDate(year: 2006, month: 3, day: 24)!

    /// Where the twelve ambassadors work and which actor they represent.
    static let ambassadorPlacements: [(ID<Organisation>, String)] = [
        (norrkoping, "Norrköping"), (norrkoping, "Norrköping"), (norrkoping, "Norrköping"), (norrkoping, "Norrköping"),
        (norrkoping, "Norrköping"), ("kommunal-ostergotland", "Norrköping"), ("integrationsforeningen", "Norrköping"),
        ("linkopings-kommun", "Linköping"), ("region-ostergotland", "Linköping"), ("motala-kommun", "Motala"),
        ("arbetsformedlingen-ostergotland", "Söderköping"), ("unionen-ostergotland", "Finspång"),
    ]

    static func ambassadors() -> [Ambassador] {
        ambassadorPlacements.enumerated().map { i, placement in
            Ambassador(id: ID("ambassador-\(i + 1 < 10 ? "0" : "")\(i + 1)"), organisation: placement.0,
                       municipality: placement.1, county: county, trainedOn: ambassadorTrainingDate)
        }
    }

    /// One to four workshops per ambassador around the film "Blåögd", after their training.
    static func workshops(for ambassadors: [Ambassador], rng: inout SeededGenerator) -> [AmbassadorWorkshop] {
        let audiences = ["företag", "kommun", "förening", "skola"]
        var result: [AmbassadorWorkshop] = []
        for ambassador in ambassadors {
            for n in 1...rng.int(in: 1...4) {
                let day = ambassadorTrainingDate.adding(days: rng.int(in: 30...600))
                result.append(AmbassadorWorkshop(id: ID("\(ambassador.id.rawValue)-ws\(n)"), ambassador: ambassador.id, date: day,
                                                 audience: rng.pick(audiences)!, material: "Blåögd",
                                                 participantCount: rng.int(in: 8...25)))
            }
        }
        return result
    }

    /// An Erfarenhetsdialogen seminar: its own intervention with one session.
    struct Seminar {
        var id: String
        var title: String
        var audience: String
        var date: CalendarDate
        var venue: ID<Venue>
        var capacity: Int
        var isOpen: Bool
    }

    static let seminarVenues = [
        Venue(id: "norrkoping-louis-de-geer", name: "Louis De Geer konsert & kongress, Norrköping", municipality: "Norrköping"),
        Venue(id: "linkoping-konsert-kongress", name: "Konsert & Kongress, Linköping", municipality: "Linköping"),
    ]

    static let seminars: [Seminar] = [
        Seminar(id: "ed-riktig-karl", title: "Vad är en riktig karl? – om könsroller", audience: "Öppet seminarium",
                date: CalendarDate(year: 2006, month: 2, day: 14)!, venue: "norrkoping-louis-de-geer", capacity: 120, isOpen: true),
        Seminar(id: "ed-rekrytering", title: "Rekrytering med mångfaldsperspektiv", audience: "Chefer och HR",
                date: CalendarDate(year: 2006, month: 4, day: 25)!, venue: "linkoping-konsert-kongress", capacity: 60, isOpen: false),
        Seminar(id: "ed-jamstalldhet", title: "Jämställdhet i arbetslivet", audience: "Öppet seminarium",
                date: CalendarDate(year: 2006, month: 9, day: 19)!, venue: "norrkoping-louis-de-geer", capacity: 120, isOpen: true),
        Seminar(id: "ed-funktionshinder", title: "Arbetsliv och funktionshinder", audience: "Arbetsgivare och fack",
                date: CalendarDate(year: 2006, month: 11, day: 7)!, venue: "linkoping-konsert-kongress", capacity: 60, isOpen: false),
        Seminar(id: "ed-metoder", title: "Metoder från Experimentverkstaden", audience: "Partnerskapets aktörer",
                date: CalendarDate(year: 2007, month: 5, day: 22)!, venue: "norrkoping-louis-de-geer", capacity: 80, isOpen: false),
        Seminar(id: "ed-alder", title: "Ålder och kompetens", audience: "Öppet seminarium",
                date: CalendarDate(year: 2007, month: 10, day: 2)!, venue: "linkoping-konsert-kongress", capacity: 120, isOpen: true),
    ]

    static func seminarIntervention(_ seminar: Seminar) -> Intervention {
        Intervention(id: ID(seminar.id), programme: programmeID, name: seminar.title, kind: .knowledgeSeminar,
                     topics: ["Erfarenhetsdialogen", seminar.audience], plannedDurationMinutes: 180, plannedSessions: 1)
    }

    static func seminarSession(_ seminar: Seminar) -> Session {
        Session(id: ID("\(seminar.id)-1"), intervention: ID(seminar.id), date: seminar.date, start: TimeOfDay(hour: 13),
                durationMinutes: 180, venue: seminar.venue, capacity: seminar.capacity)
    }
}
