/// Before step 1: text turned upside down (`ʇols ɹoɔɐƃ`, read by tilting the head: `gacor slot`)
/// is turned back: each letter to the one it is a rotation of, and the run of such words reversed.
///
/// A word counts as upside down when it has two or more letters that only occur in rotated text
/// (`ɐ ɔ ǝ ɟ ƃ ɥ ᴉ ɾ ʞ ɯ ɹ ʇ ʌ ʍ ʎ ∀ Ɔ Ǝ Ⅎ ⅁ ⊥ ∩ ⅄ Ԁ`), or one and nothing else but letters that
/// read the same rotated (`l o s x z` and the pairs `n/u p/d b/q`). Consecutive upside-down words
/// are reversed together; since reversing changes the order, every scalar of such a run is mapped to
/// the whole run in the original (a match inside highlights the run). It runs before the look-alike
/// table, which reads `ƃ` as a `b`. IPA text uses some of these letters, but rarely two in one word.
struct UpsideDownFolding: NormalizationStep {
    /// Rotated letter → the letter it stands for.
    static let rotated: [UInt32: Unicode.Scalar] = [
        0x0250: "a", 0x0254: "c", 0x01DD: "e", 0x025F: "f", 0x0183: "g", 0x0265: "h", 0x1D09: "i", 0x027E: "j",
        0x029E: "k", 0x026F: "m", 0x0279: "r", 0x0287: "t", 0x028C: "v", 0x028D: "w", 0x028E: "y", 0x2200: "a",
        0x0186: "c", 0x018E: "e", 0x2132: "f", 0x2141: "g", 0x22A5: "t", 0x2229: "u", 0x2144: "y", 0x0500: "p",
        0xA781: "l", 0xA780: "l",
    ]
    /// ASCII letters as they read rotated.
    static let turned: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "u", "u": "n", "p": "d", "d": "p", "b": "q", "q": "b", "l": "l", "o": "o", "s": "s", "x": "x", "z": "z",
        "N": "u", "U": "n", "P": "d", "D": "p", "L": "l", "O": "o", "S": "s", "X": "x", "Z": "z", "W": "m", "M": "w",
    ]

    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            guard elements.contains(where: { $0.value >= 0x0183 && Self.rotated[$0.value] != nil }) else { return input }
            var words: [Range<Int>] = []
            var index = 0
            while index < elements.count {
                guard Self.isWordScalar(elements[index].scalar) else {
                    index += 1
                    continue
                }
                var end = index
                while end < elements.count, Self.isWordScalar(elements[end].scalar) { end += 1 }
                if Self.isUpsideDown(elements, index..<end) { words.append(index..<end) }
                index = end
            }
            guard !words.isEmpty else { return input }
            // Runs of upside-down words with only spaces between them.
            var runs: [Range<Int>] = []
            for word in words {
                if let last = runs.last, elements[last.upperBound..<word.lowerBound].allSatisfy({ $0.scalar == " " }) {
                    runs[runs.count - 1] = last.lowerBound..<word.upperBound
                } else {
                    runs.append(word)
                }
            }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                var copied = 0
                for run in runs {
                    output.append(elements, copied..<run.lowerBound)
                    let start = elements[run.lowerBound].start
                    let end = elements[run.upperBound - 1].end
                    for position in run.reversed() {
                        let scalar = elements[position].scalar
                        let letter = Self.rotated[scalar.value] ?? Self.turned[scalar] ?? scalar
                        output.append(MappedScalar(letter, start: start, end: end))
                    }
                    copied = run.upperBound
                }
                output.append(elements, copied..<elements.count)
            }
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        rotated[scalar.value] != nil || NormalizerCharacterClass.isLetter(scalar)
    }

    private static func isUpsideDown(_ elements: Elements, _ word: Range<Int>) -> Bool {
        let rotatedCount = word.filter { rotated[elements[$0].value] != nil }.count
        if rotatedCount >= 2 { return true }
        return rotatedCount == 1 && word.allSatisfy { rotated[elements[$0].value] != nil || turned[elements[$0].scalar] != nil }
    }
}
