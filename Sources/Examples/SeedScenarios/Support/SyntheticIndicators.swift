import DiversityKit
import ExampleSupport

/// The funder's participant indicators (ESF+: gender, age band, ISCED level) for the examples'
/// synthetic participants, as a project records them from each participant's registration form.
///
/// Drawn from a distribution like that of Swedish public-sector staff — about seven in ten women,
/// most aged 30–54, more than half with tertiary education, a few who leave a question blank —
/// and derived from the participant's reference alone (FNV-1a hash as seed), so every run and
/// every store gives each person the same answers and no other random sequence shifts.
enum SyntheticIndicators {
    /// The indicators of the participant `id`.
    static func indicators(for id: ID<Participant>) -> FunderIndicators {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.rawValue.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var rng = SeededGenerator(seed: hash)
        let g = rng.int(in: 0...999), a = rng.int(in: 0...999), e = rng.int(in: 0...999)
        let gender: FunderIndicators.Gender? = g < 695 ? .woman : g < 985 ? .man : g < 990 ? .nonBinary : g < 996 ? .notStated : nil
        let age: FunderIndicators.AgeBand? = a < 140 ? .from18to29 : a < 770 ? .from30to54 : a < 995 ? .from55 : nil
        let education: FunderIndicators.EducationLevel? = e < 60 ? .isced0to2 : e < 420 ? .isced3to4 : e < 985 ? .isced5to8 : nil
        return FunderIndicators(gender: gender, ageBand: age, education: education)
    }

    /// `participants` with their indicators filled in.
    static func recorded(_ participants: [Participant]) -> [Participant] {
        participants.map { p in
            var p = p
            p.indicators = indicators(for: p.id)
            return p
        }
    }
}
