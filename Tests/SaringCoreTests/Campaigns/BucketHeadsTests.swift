import Testing

@testable import SaringCore

@Suite("Campaign bucket heads")
struct BucketHeadsTests {
    /// Random inserts, overwrites and removals over few distinct keys (long probe runs that wrap
    /// around the table, removals in the middle of runs) answer as a `Dictionary` does, while the
    /// table grows from 16 slots.
    @Test func answersAsADictionaryThroughInsertsOverwritesAndRemovals() {
        var generator = SeededRandom(seed: 20_261_204)
        for keySpace in [8, 40, 3_000] {
            var heads = BucketHeads()
            var reference: [UInt64: Int] = [:]
            // Keys that share their slot's high bits collide; some keys are 0 and UInt64.max.
            let keys: [UInt64] = (0..<keySpace).map { index in
                switch index {
                case 0: 0
                case 1: .max
                default: UInt64.random(in: 0...UInt64.max, using: &generator)
                }
            }
            for step in 0..<20_000 {
                let key = keys.randomElement(using: &generator)!
                switch UInt8.random(in: 0..<10, using: &generator) {
                case 0..<5:
                    #expect(heads.updateValue(step, forKey: key) == reference.updateValue(step, forKey: key))
                case 5..<8:
                    heads[key] = nil
                    reference[key] = nil
                default:
                    #expect(heads[key] == reference[key])
                }
                #expect(heads.count == reference.count)
            }
            for key in keys { #expect(heads[key] == reference[key], "key \(key)") }
            for key in keys { heads[key] = nil }
            #expect(heads.isEmpty)
        }
    }
}
