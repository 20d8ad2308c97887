/// The fixed, process-independent 64-bit hashing campaign signatures are built from.
///
/// Signatures are compared across processes and restarts (and may one day be stored), so they
/// cannot use `Hasher`, which is seeded randomly per process. FNV-1a reads a token's bytes in one
/// pass with no setup; its low-quality bits are then spread by the SplitMix64 finalizer, so
/// MinHash and the LSH band keys can use any bits of the result.
enum CampaignHash {
    static let fnvOffsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// One FNV-1a step; start from `fnvOffsetBasis`.
    @inline(__always)
    static func fnv(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* fnvPrime
    }

    /// The SplitMix64 finalizer: a bijection on 64 bits with full avalanche.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The finished hash of a whole token, as the tokenizer computes it byte by byte.
    static func token<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
        mix(bytes.reduce(fnvOffsetBasis, fnv))
    }

    /// A word pair, order-sensitive so "slot gacor" and "gacor slot" are different shingles.
    @inline(__always)
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(first &* 0x9E37_79B9_7F4A_7C15 ^ second)
    }
}
