/// Before step 9: words taken apart to get past a word list are put back together.
///
/// - A word split across a line break: joined when the line ends in a hyphen (`ga-⏎cor`), or when
///   the two halves make one of `HighValueWords` (`ga⏎cor`); two ordinary words on two lines stay two.
/// - One of `HighValueWords` written backwards (`rocag`, `tols`) is turned around; every scalar of
///   it maps to the whole word in the original.
struct WordRepair: NormalizationStep {
    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            let hasLineBreak = elements.contains { $0.scalar == "\n" }
            var words: [Range<Int>] = []
            var index = 0
            while index < elements.count {
                guard Self.isASCIILetter(elements[index].scalar) else {
                    index += 1
                    continue
                }
                var end = index
                while end < elements.count, Self.isASCIILetter(elements[end].scalar) { end += 1 }
                let shape = HighValueWords.shape(length: end - index, first: elements[index].scalar, last: elements[end - 1].scalar)
                if hasLineBreak || HighValueWords.reversedShapes.contains(shape) { words.append(index..<end) }
                index = end
            }
            // (range to replace, scalars to write, origin covering the whole range?)
            var edits: [(range: Range<Int>, keep: [Int], reversed: Bool)] = []
            var position = 0
            while position < words.count {
                let word = words[position]
                if hasLineBreak, position + 1 < words.count, let gap = Self.lineBreakGap(elements, word.upperBound..<words[position + 1].lowerBound) {
                    let next = words[position + 1]
                    let joined = Self.text(elements, word) + Self.text(elements, next)
                    if gap.hyphenated || HighValueWords.all.contains(joined) {
                        edits.append((word.lowerBound..<next.upperBound, Array(word) + Array(next), false))
                        position += 2
                        continue
                    }
                }
                let shape = HighValueWords.shape(length: word.count, first: elements[word.lowerBound].scalar, last: elements[word.upperBound - 1].scalar)
                if HighValueWords.reversedShapes.contains(shape), HighValueWords.reversed[Self.text(elements, word)] != nil {
                    edits.append((word, word.reversed(), true))
                }
                position += 1
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

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 && NormalizerCharacterClass.isLetter(scalar)
    }

    private static func text(_ elements: Elements, _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: elements[range].lazy.map(\.scalar))
        return String(view)
    }
}
