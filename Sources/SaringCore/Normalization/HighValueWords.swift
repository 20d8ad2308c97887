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
    static let backwardsPacked: [UInt64] = all.compactMap { pack($0.unicodeScalars.reversed()) }
    /// The words, packed.
    static let forwards: [UInt64] = all.compactMap { pack($0.unicodeScalars) }
}
