import DiversityKit
import Testing

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("seed 0 gives the published SplitMix64 reference sequence")
    func referenceSequence() {
        // Reference: Vigna's splitmix64.c with x = 0: the first three outputs.
        var rng = SplitMix64(seed: 0)
        #expect([rng.next(), rng.next(), rng.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test("the same seed repeats the sequence; another seed does not")
    func repeatable() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        #expect(xs != (0..<5).map { _ in c.next() })
    }

    @Test("unit values lie in [0, 1)")
    func unitRange() {
        var rng = SplitMix64(seed: 7)
        #expect((0..<1000).allSatisfy { _ in let u = rng.unit(); return u >= 0 && u < 1 })
    }
}
