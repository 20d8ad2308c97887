import Testing

@testable import SaringCore

@Suite("Campaign MinHash: slot agreement estimates Jaccard similarity")
struct CampaignMinHashTests {
    /// Two feature sets of `shared + own` features each, so the exact Jaccard is
    /// shared / (shared + 2 own).
    private static func estimate(shared: Int, own: Int, trial: UInt64) -> Double {
        var random = SeededRandom(seed: trial)
        let common = (0..<shared).map { _ in random.next() }
        let first = MinHash.slots(of: common + (0..<own).map { _ in random.next() })
        let second = MinHash.slots(of: common + (0..<own).map { _ in random.next() })
        let equal = zip(first, second).filter { $0 == $1 }.count
        return Double(equal) / Double(CampaignSignature.slotCount)
    }

    @Test(arguments: [(40, 0), (30, 5), (20, 10), (10, 15), (5, 40), (0, 30)])
    func estimateIsUnbiasedAndWithinSamplingError(_ shared: Int, _ own: Int) {
        let exact = Double(shared) / Double(shared + 2 * own)
        let estimates = (0..<200).map { Self.estimate(shared: shared, own: own, trial: UInt64($0 * 1_000 + shared)) }
        let mean = estimates.reduce(0, +) / Double(estimates.count)
        #expect(abs(mean - exact) < 0.03)
        // 64 slots: the standard error is at most 0.0625, so 0.25 is four of them.
        #expect(estimates.allSatisfy { abs($0 - exact) < 0.25 })
    }
}
