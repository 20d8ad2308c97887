/// Locality-sensitive hashing over signature slots: 21 bands of 3 slots each, one bucket key per
/// band.
///
/// Two signatures share a bucket when some band is equal in all 3 slots, which for Jaccard
/// similarity J happens with probability 1 − (1 − J³)²¹: 0.94 at J = 0.5, 0.99 at 0.6, 0.9999 at
/// 0.75 (near-copies), but 0.02 at J = 0.1 and 0.003 at 0.05 (comments that only share a topic).
/// So a lookup verifies a handful of candidates instead of the whole window. Four-slot bands would
/// miss a third of the pairs at J = 0.5; two-slot bands would verify a quarter of the pairs at
/// J = 0.1.
enum CampaignBanding {
    static let bandCount = 21
    static let rowsPerBand = 3

    /// The bucket key of one band; the band number is part of it, so equal slot values in
    /// different bands are different buckets.
    static func key(band: Int, of signature: CampaignSignature) -> UInt64 {
        signature.slots.withUnsafeBufferPointer { key(band: band, of: $0) }
    }

    /// The bucket key of one band of a signature's slots.
    static func key(band: Int, of slots: UnsafeBufferPointer<UInt32>) -> UInt64 {
        let first = band * rowsPerBand
        let high = UInt64(slots[first]) << 32 | UInt64(slots[first + 1])
        return CampaignHash.pair(high, UInt64(slots[first + 2]) << 8 | UInt64(band))
    }
}
