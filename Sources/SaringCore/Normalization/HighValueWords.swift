/// The few words worth undoing a costly trick for — written backwards (`rocag`), upside down
/// (`ɹoɔɐƃ`), or split across a line break (`ga⏎cor`): gambling spam and the heaviest insults.
/// None of them reads as an Indonesian word backwards.
enum HighValueWords {
    static let all: Set<String> = [
        "gacor", "slot", "togel", "maxwin", "judi", "jackpot", "scatter", "deposit", "zeus", "olympus", "bandar", "casino",
        "bangsat", "anjing", "kontol", "memek", "ngentot", "jancok", "bajingan", "goblok", "tolol", "kampret",
    ]

    /// An ASCII word of up to 8 letters packed into one integer (a letter a byte), so a word of a
    /// comment is compared with the lists without copying it or touching reference-counted arrays.
    static func pack(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64? {
        var packed: UInt64 = 0
        var count = 0
        for scalar in scalars {
            guard count < 8, scalar.value < 0x80 else { return nil }
            packed = packed << 8 | UInt64(scalar.value)
            count += 1
        }
        return packed
    }

    /// The words spelled backwards, packed.
    static let backwardsPacked = PackedWordList(all.compactMap { pack($0.unicodeScalars.reversed()) })
    /// The words, packed.
    static let forwards = PackedWordList(all.compactMap { pack($0.unicodeScalars) })
}

/// A short list of words packed by ``HighValueWords/pack(_:)``, with a 256-bit filter in front:
/// nearly every word of a comment is not in the list, and the filter says so in a few
/// instructions where comparing with each entry cost a few dozen per word.
struct PackedWordList: Sendable {
    let words: [UInt64]
    /// 256 bits, one set per word of the list.
    private var filter: [UInt64] = [0, 0, 0, 0]

    init(_ words: [UInt64]) {
        self.words = words
        for word in words {
            let bit = Self.bit(word)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// The position of `packed` in the list, or nil.
    @inline(__always)
    func firstIndex(of packed: UInt64) -> Int? {
        let bit = Self.bit(packed)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return words.firstIndex(of: packed)
    }

    @inline(__always)
    func contains(_ packed: UInt64) -> Bool { firstIndex(of: packed) != nil }

    @inline(__always)
    private static func bit(_ packed: UInt64) -> Int { Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 56) }
}
