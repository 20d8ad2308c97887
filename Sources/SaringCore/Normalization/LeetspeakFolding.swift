/// Step 7: leetspeak inside words (`g4c0r` → `gacor`, `m4xw1n` → `maxwin`), numbers left alone.
///
/// Folds 4→a 3→e 1→i 0→o 5→s 7→t @→a $→s. A *word* is a maximal run of letters, ASCII digits, `@`
/// and `$`; a *run* is a maximal stretch of non-letters inside it.
/// - An *inner* run (letters on both sides) folds when all of it is leet (`g4c0r`, `b4ng54t`,
///   `j@ckp0t`, `gobl0k`), unless it is a number with a unit that ends the word (`rb ribu jt juta`
///   after any number: `rp50rb`, `depo5jt`; `k d x an` only after two digits or more: `depo10k`, since
///   `gobl0k` and `an4k` are words) or `@` in an e-mail address (the word is followed by `.` and a
///   letter).
/// - An *edge* run (first or last in the word) folds only when it is one character, the word has at
///   least 3 letters counting inner folds, and more letters than other non-letters (`5lot`, `b0nu5`,
///   `p0l4`, `5lot88`; not `4d`, `mp3`, `ps4`, and never `gacor77`, `covid19`); `@` never folds at an
///   edge (`@budi` is a mention).
/// Words without letters (`2023`, `100`, `50.000`) and anything in a URL with a scheme
/// (`https://youtu.be/a1b2`) are never touched.
struct LeetspeakFolding: NormalizationStep {
    /// Units written straight after a number: `5k`, `50rb`, `2juta`, `4d`, `10x`, `90an`.
    static let unitSuffixes: [[Unicode.Scalar]] = ["k", "rb", "ribu", "jt", "juta", "d", "x", "an"].map { Array($0.unicodeScalars) }

    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            guard Self.hasLeetNextToLetter(elements) else { return input }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                foldWords(elements, into: &output)
            }
        }
    }

    /// Cheap read-only pre-check: a leet character touching a letter.
    private static func hasLeetNextToLetter(_ elements: Elements) -> Bool {
        for index in elements.indices where leetLetter(elements[index].scalar) != nil {
            if index > 0, NormalizerCharacterClass.isLetter(elements[index - 1].scalar) { return true }
            if index + 1 < elements.count, NormalizerCharacterClass.isLetter(elements[index + 1].scalar) { return true }
        }
        return false
    }

    private func foldWords(_ elements: Elements, into output: inout MappedScalarBuffer.Writer) {
        var index = 0
        var copied = 0  // input before this is in the output already
        var chunkIsURL = Self.chunkContainsScheme(from: 0, elements)
        while index < elements.count {
            guard Self.isWordCharacter(elements[index].scalar) else {
                if NormalizerCharacterClass.isSpace(elements[index].scalar) {
                    chunkIsURL = Self.chunkContainsScheme(from: index + 1, elements)
                }
                index += 1
                continue
            }
            var end = index
            var hasLetter = false
            var hasLeet = false
            while end < elements.count, Self.isWordCharacter(elements[end].scalar) {
                let scalar = elements[end].scalar
                if NormalizerCharacterClass.isLetter(scalar) { hasLetter = true }
                else if Self.leetLetter(scalar) != nil { hasLeet = true }
                end += 1
            }
            if hasLetter && hasLeet && !chunkIsURL {
                output.append(elements, copied..<index)
                foldWord(index..<end, elements, into: &output)
                copied = end
            }
            index = end
        }
        output.append(elements, copied..<elements.count)
    }

    private func foldWord(_ word: Range<Int>, _ elements: Elements, into output: inout MappedScalarBuffer.Writer) {
        // First pass: count letters and inner folds, which decide the edges.
        var letters = 0
        var innerFolds = 0
        var position = word.lowerBound
        while position < word.upperBound {
            let run = nonLetterRun(at: position, word, elements)
            if run.isEmpty {
                letters += 1
                position += 1
            } else {
                if foldsAsInner(run, word, elements) { innerFolds += run.count }
                position = run.upperBound
            }
        }
        let others = word.count - letters - innerFolds
        position = word.lowerBound
        while position < word.upperBound {
            let run = nonLetterRun(at: position, word, elements)
            if run.isEmpty {
                output.append(elements[position])
                position += 1
                continue
            }
            let isEdge = run.lowerBound == word.lowerBound || run.upperBound == word.upperBound
            let folds =
                isEdge
                ? run.count == 1 && elements[run.lowerBound].value != 0x40 && Self.leetLetter(elements[run.lowerBound].scalar) != nil
                    && letters + innerFolds >= 3 && letters + innerFolds > others - 1
                : foldsAsInner(run, word, elements)
            for index in run {
                output.append(folds ? elements[index].with(Self.leetLetter(elements[index].scalar)!) : elements[index])
            }
            position = run.upperBound
        }
    }

    /// The maximal run of non-letters starting at `position`; empty when `position` holds a letter.
    private func nonLetterRun(at position: Int, _ word: Range<Int>, _ elements: Elements) -> Range<Int> {
        var end = position
        while end < word.upperBound, !NormalizerCharacterClass.isLetter(elements[end].scalar) { end += 1 }
        return position..<end
    }

    /// An inner run (letters on both sides) folds when every character in it is leet, unless it is a
    /// number with a unit (`5k`, `50rb`) or the `@` of an e-mail address.
    private func foldsAsInner(_ run: Range<Int>, _ word: Range<Int>, _ elements: Elements) -> Bool {
        guard run.lowerBound > word.lowerBound, run.upperBound < word.upperBound,
            run.allSatisfy({ Self.leetLetter(elements[$0].scalar) != nil })
        else { return false }
        if run.contains(where: { elements[$0].value == 0x40 }) {
            let after = word.upperBound
            let looksLikeEmail =
                after + 1 < elements.count && elements[after].scalar == "."
                && NormalizerCharacterClass.isLetter(elements[after + 1].scalar)
            if looksLikeEmail { return false }
        }
        guard run.contains(where: { NormalizerCharacterClass.isDigit(elements[$0].scalar) }) else { return true }
        // One leet digit before a one-letter "unit" is a word far more often (`gobl0k`, `an4k`).
        let rest = elements[run.upperBound..<word.upperBound]
        // ...except `4d` after a word of three letters or more: the lottery-site shape (`visi4d`,
        // `slot4d`), which rules must be able to see on the normalized text.
        if run.count == 1, elements[run.lowerBound].scalar == "4", rest.count == 1, rest.first?.scalar == "d",
            run.lowerBound - word.lowerBound >= 3
        {
            return false
        }
        return !Self.unitSuffixes.contains { suffix in
            (run.count > 1 || suffix.count > 1) && suffix.elementsEqual(rest, by: { $0 == $1.scalar })
        }
    }

    /// Whether the white-space-delimited chunk starting at `start` holds `://`: a URL, whose path
    /// and video ids are not words (`https://youtu.be/a1b2`).
    private static func chunkContainsScheme(from start: Int, _ elements: Elements) -> Bool {
        var index = start
        while index + 2 < elements.count, !NormalizerCharacterClass.isSpace(elements[index].scalar) {
            if elements[index].scalar == ":", elements[index + 1].scalar == "/", elements[index + 2].scalar == "/" {
                return true
            }
            index += 1
        }
        return false
    }

    @inline(__always)
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        NormalizerCharacterClass.isLetterOrDigit(scalar) || scalar.value == 0x40 || scalar.value == 0x24
    }

    /// The letter a leet character stands for (switching on the value compiles to a table lookup).
    @inline(__always)
    static func leetLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x34, 0x40: "a"  // 4 @
        case 0x33: "e"  // 3
        case 0x31: "i"  // 1
        case 0x30: "o"  // 0
        case 0x35, 0x24: "s"  // 5 $
        case 0x37: "t"  // 7
        default: nil
        }
    }
}
