/// The MinHash slots of a feature set: for each of 64 fixed hash functions, the smallest value it
/// gives any feature.
///
/// Slot i hashes feature x as `(x ^ b[i]) &* a[i]` (a odd) and keeps the high 32 bits: one xor and
/// one multiply per feature and slot, with no branches the compiler cannot turn into `min`. Features
/// arrive well mixed (SplitMix64), so the high product bits behave as independent hashes. The seeds
/// are fixed so signatures agree between processes and versions; changing them invalidates every
/// stored signature.
enum MinHash {
    private static let multipliers: [UInt64] = seeds(from: 0x5341_5249_4E47_0001).map { $0 | 1 }
    private static let offsets: [UInt64] = seeds(from: 0x5341_5249_4E47_0002)

    static func slots(of features: [UInt64]) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: CampaignSignature.slotCount) { slots, initialized in
            multipliers.withUnsafeBufferPointer { multipliers in
                offsets.withUnsafeBufferPointer { offsets in
                    features.withUnsafeBufferPointer { features in
                        for first in stride(from: 0, to: CampaignSignature.slotCount, by: 4) {
                            fill(&slots, from: first, features, multipliers, offsets)
                        }
                    }
                }
            }
            initialized = CampaignSignature.slotCount
        }
    }

    /// Four slots per pass over the features: four independent minimum chains keep the
    /// multiplier busy, twice as fast as one slot at a time or one feature at a time.
    @inline(__always)
    private static func fill(
        _ slots: inout UnsafeMutableBufferPointer<UInt32>, from first: Int, _ features: UnsafeBufferPointer<UInt64>,
        _ multipliers: UnsafeBufferPointer<UInt64>, _ offsets: UnsafeBufferPointer<UInt64>
    ) {
        let (a0, a1, a2, a3) = (multipliers[first], multipliers[first + 1], multipliers[first + 2], multipliers[first + 3])
        let (b0, b1, b2, b3) = (offsets[first], offsets[first + 1], offsets[first + 2], offsets[first + 3])
        var (m0, m1, m2, m3) = (UInt64.max, UInt64.max, UInt64.max, UInt64.max)
        for feature in features {
            m0 = min(m0, (feature ^ b0) &* a0)
            m1 = min(m1, (feature ^ b1) &* a1)
            m2 = min(m2, (feature ^ b2) &* a2)
            m3 = min(m3, (feature ^ b3) &* a3)
        }
        slots[first] = UInt32(truncatingIfNeeded: m0 >> 32)
        slots[first + 1] = UInt32(truncatingIfNeeded: m1 >> 32)
        slots[first + 2] = UInt32(truncatingIfNeeded: m2 >> 32)
        slots[first + 3] = UInt32(truncatingIfNeeded: m3 >> 32)
    }

    /// A SplitMix64 stream: the seeds the slot hash functions are made from.
    private static func seeds(from start: UInt64) -> [UInt64] {
        (0..<UInt64(CampaignSignature.slotCount)).map { CampaignHash.mix(start &+ $0 &* 0x9E37_79B9_7F4A_7C15) }
    }
}
