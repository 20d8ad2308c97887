/// Before step 9: words taken apart to get past a word list are put back together.
///
/// - A word split across a line break: joined when the line ends in a hyphen (`ga-⏎cor`), or when
///   the two halves make one of `HighValueWords` (`ga⏎cor`); two ordinary words on two lines stay two.
/// - One of `HighValueWords` written backwards (`rocag`, `tols`) is turned around; every scalar of
///   it maps to the whole word in the original.
struct WordRepair: NormalizationStep {
    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        let backwards = HighValueWords.backwardsPacked
        return input.elements.withUnsafeBufferPointer { elements in
            let hasLineBreak = elements.contains { $0.scalar == "\n" }
            // (range to replace, the positions to write in order, whether the range reads as a whole)
            var edits: [(range: Range<Int>, keep: [Int], reversed: Bool)] = []
            var previous: Range<Int>?
            var index = 0
            while index < elements.count {
                guard Self.isASCIILetter(elements[index].scalar) else {
                    index += 1
                    continue
                }
                var end = index
                while end < elements.count, Self.isASCIILetter(elements[end].scalar) { end += 1 }
                let word = index..<end
                index = end
                if hasLineBreak, let before = previous, edits.last?.range.upperBound != before.upperBound,
                    let gap = Self.lineBreakGap(elements, before.upperBound..<word.lowerBound),
                    gap.hyphenated
                        || HighValueWords.pack((Array(before) + Array(word)).lazy.map { elements[$0].scalar }).map(HighValueWords.forwards.contains) == true
                {
                    edits.append((before.lowerBound..<word.upperBound, Array(before) + Array(word), false))
                    previous = word
                    continue
                }
                if (4...8).contains(word.count), backwards.contains(Self.pack(elements, word)) {
                    edits.append((word, word.reversed(), true))
                }
                previous = word
            }
            guard !edits.isEmpty else { return input }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                var copied = 0
                for edit in edits {
                    output.append(elements, copied..<edit.range.lowerBound)
                    let start = elements[edit.range.lowerBound].start
                    let end = elements[edit.range.upperBound - 1].end
                    for source in edit.keep {
                        output.append(edit.reversed ? MappedScalar(elements[source].scalar, start: start, end: end) : elements[source])
                    }
                    copied = edit.range.upperBound
                }
                output.append(elements, copied..<elements.count)
            }
        }
    }

    /// Whether `gap` between two words is a line break (with spaces, a carriage return, and a
    /// hyphen at the end of the first line allowed), and whether it had the hyphen.
    private static func lineBreakGap(_ elements: Elements, _ gap: Range<Int>) -> (hyphenated: Bool, Void)? {
        guard !gap.isEmpty, gap.count <= 6, gap.contains(where: { elements[$0].scalar == "\n" }) else { return nil }
        var hyphenated = false
        for index in gap {
            switch elements[index].scalar {
            case "\n", "\r", " ", "\t": continue
            case "-" where index == gap.lowerBound: hyphenated = true
            default: return nil
            }
        }
        return (hyphenated, ())
    }

    @inline(__always)
    private static func pack(_ elements: Elements, _ range: Range<Int>) -> UInt64 {
        var packed: UInt64 = 0
        for index in range { packed = packed << 8 | UInt64(elements[index].value) }
        return packed
    }

    @inline(__always)
    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 && NormalizerCharacterClass.isLetter(scalar)
    }
}
