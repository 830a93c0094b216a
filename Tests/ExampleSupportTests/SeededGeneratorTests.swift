import ExampleSupport
import Testing

@Suite("Seeded generator")
struct SeededGeneratorTests {
    @Test("the same seed gives the same sequence; another seed another")
    func deterministic() {
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 1), c = SeededGenerator(seed: 2)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test("SplitMix64 gives its reference output for seed 0")
    func reference() {
        var rng = SeededGenerator(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("int, pick and sample stay within their bounds")
    func bounds() {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<1000 { #expect((3...5).contains(rng.int(in: 3...5))) }
        #expect(rng.pick([Int]()) == nil)
        let sample = rng.sample(Array(0..<20), count: 8)
        #expect(sample.count == 8 && Set(sample).count == 8 && sample == sample.sorted())
        #expect(rng.sample([1, 2], count: 5) == [1, 2])
    }
}
