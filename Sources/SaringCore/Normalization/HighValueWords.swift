/// The few words worth undoing a costly trick for — written backwards (`rocag`), upside down
/// (`ɹoɔɐƃ`), or split across a line break (`ga⏎cor`): gambling spam and the heaviest insults.
/// None of them reads as an Indonesian word backwards.
enum HighValueWords {
    static let all: Set<String> = [
        "gacor", "slot", "togel", "maxwin", "judi", "jackpot", "scatter", "deposit", "zeus", "olympus", "bandar", "casino",
        "bangsat", "anjing", "kontol", "memek", "ngentot", "jancok", "bajingan", "goblok", "tolol", "kampret",
    ]

    /// Spelled backwards, to recognise a reversed word.
    static let reversed: [String: String] = Dictionary(uniqueKeysWithValues: all.map { (String($0.reversed()), $0) })

    /// Length, first and last letter of every reversed word: a word that matches none of them is
    /// not looked up (and not copied into a string).
    static let reversedShapes: Set<UInt32> = Set(reversed.keys.map { shape(length: $0.unicodeScalars.count, first: $0.unicodeScalars.first!, last: $0.unicodeScalars.last!) })

    static func shape(length: Int, first: Unicode.Scalar, last: Unicode.Scalar) -> UInt32 {
        UInt32(min(length, 255)) << 16 | (first.value & 0xFF) << 8 | (last.value & 0xFF)
    }
}
