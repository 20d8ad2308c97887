import Testing

@testable import SaringCore

@Suite("The classifier's weight table")
struct WeightTableTests {
    /// Deterministic, well-spread 64-bit keys (splitmix64).
    static func keys(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 7, 6_000, 40_000])
    func everyWeightIsFoundAndAnUnknownFeatureWeighsNothing(_ count: Int) {
        let known = Self.keys(count, seed: 7)
        var table = WeightTable(capacity: count)
        var added = 0
        for (index, key) in known.enumerated() where table.insert(key, Float(index % 97) - 48.5) { added += 1 }
        #expect(added == count)
        #expect(table.count == count)
        let found = table.withLookup { lookup in known.map { lookup.weight($0) } }
        #expect(found == known.indices.map { Float($0 % 97) - 48.5 })
        let unknown = Self.keys(20_000, seed: 99)
        let strays = table.withLookup { lookup in unknown.filter { lookup.weight($0) != 0 }.count }
        // 32-bit fingerprints: a stray match is a one-in-a-hundred-million event per lookup.
        #expect(strays == 0)
    }

    @Test func aKeyAddedAgainTakesTheNewWeight() {
        var table = WeightTable(capacity: 4)
        let first = table.insert(42, 1.5)
        let again = table.insert(42, -2)
        #expect(first && !again)
        #expect(table.count == 1)
        #expect(table.weight(42) == -2)
        #expect(table.weight(43) == 0)
    }
}
