import DiversityKit
import ExampleSupport
import ProgrammeToolkit

/// Reverse mentoring: synthetic pools (roles only), optimal matching, meeting logs and follow-up.
extension OmvantMentorskapScenario {
    /// The mentoring pool's name.
    public static let pool = "omvant-2012"
    /// Meetings each pair is expected to hold.
    public static let plannedMeetings = 6
    /// The day of the mentoring follow-up.
    public static let followUpDate = CalendarDate(year: 2013, month: 2, day: 28)!

    private static let mentorUnits: [(ID<Organisation>, ID<OrganisationUnit>)] = [
        (municipality, "ks-hemtjanst"), (municipality, "ks-sarskilt-boende"), (municipality, "ks-grundskola"),
        (municipality, "ks-forskola"), (municipality, "ks-arbete-valfard"), (municipality, "ks-c4-teknik"),
        (hospital, "csk-medicin-avd"), (hospital, "csk-akut"), (hospital, "csk-kirurgi"),
        (hospital, "csk-psykiatri"), (hospital, "csk-service"),
    ]
    private static let adeptUnits: [(ID<Organisation>, ID<OrganisationUnit>)] = [
        (municipality, "ks-kommunledning"), (municipality, ownerUnit), (municipality, "ks-vard-omsorg"),
        (municipality, "ks-barn-utbildning"), (municipality, "ks-hemtjanst"), (municipality, "ks-grundskola"),
        (hospital, "csk-ledning"), (hospital, "csk-medicin"), (hospital, "csk-akut"), (hospital, "csk-psykiatri"),
    ]
    private static let otherLanguages = ["en", "ar", "bs", "fa", "so", "ti", "pl"]

    /// Synthetic mentors (employees) and adepts (leaders and key persons): participants and profiles.
    static func pools(mentors: Int, adepts: Int, rng: inout SeededGenerator) -> ([Participant], [MentoringProfile]) {
        var participants: [Participant] = []
        var profiles: [MentoringProfile] = []
        func profile(_ id: String, _ side: MentoringSide, _ org: ID<Organisation>, _ unit: ID<OrganisationUnit>,
                     capacity: Int?, rng: inout SeededGenerator) -> MentoringProfile {
            var languages: Set<String> = ["sv"]
            if rng.chance(45) { languages.insert(rng.pick(otherLanguages)!) }
            let perspectives = Set(rng.sample(Perspective.allCases, count: rng.int(in: 2...3)))
            var slots: Set<AvailabilitySlot> = []
            for _ in 0..<rng.int(in: 2...4) {
                slots.insert(AvailabilitySlot(weekday: rng.int(in: 1...5), part: rng.pick(DayPart.allCases)!))
            }
            return MentoringProfile(pool: pool, participant: ID(id), side: side, organisation: org, unit: unit,
                                    perspectives: perspectives, languages: languages, availability: slots, capacity: capacity)
        }
        for n in 1...mentors {
            let (org, unit) = rng.pick(mentorUnits)!
            let id = "omv-mentor-\(n < 10 ? "0" : "")\(n)"
            participants.append(Participant(id: ID(id), organisation: org, unit: unit, role: .mentor,
                                            indicators: SyntheticIndicators.indicators(for: ID(id))))
            profiles.append(profile(id, .mentor, org, unit, capacity: rng.chance(30) ? 1 : nil, rng: &rng))
        }
        for n in 1...adepts {
            let (org, unit) = rng.pick(adeptUnits)!
            let id = "omv-adept-\(n < 10 ? "0" : "")\(n)"
            participants.append(Participant(id: ID(id), organisation: org, unit: unit, role: rng.chance(70) ? .adept : .keyPerson,
                                            indicators: SyntheticIndicators.indicators(for: ID(id))))
            profiles.append(profile(id, .adept, org, unit, capacity: nil, rng: &rng))
        }
        return (participants, profiles)
    }

    /// A monthly meeting log per pair from September 2012: most meetings held, some cancelled,
    /// and a few pairs that stop meeting (which the follow-up must flag).
    static func meetingLog(for pairs: [MentoringPair], rng: inout SeededGenerator) -> [MentoringMeeting] {
        var log: [MentoringMeeting] = []
        for pair in pairs {
            let stopsAfter = rng.chance(15) ? rng.int(in: 1...3) : plannedMeetings
            for n in 0..<plannedMeetings {
                let month = 9 + n
                let date = CalendarDate(year: month > 12 ? 2013 : 2012, month: (month - 1) % 12 + 1, day: rng.int(in: 3...26))!
                guard n < stopsAfter else { break }
                let held = rng.chance(88)
                let topics = Set(pair.components.first { $0.kind == .sharedPerspectives }?.detail
                    .compactMap(Perspective.init(rawValue:)) ?? [])
                log.append(MentoringMeeting(pair: pair.id, date: date, status: held ? .held : .cancelled,
                                            topics: held ? topics : [], durationMinutes: held ? rng.int(in: 4...8) * 15 : nil))
            }
        }
        return log
    }
}
