/// Step 6: joins words spelled out one character at a time (`s l o t`, `S.L.O.T`, `s-l-o-t`).
///
/// The rule: a *unit* is a single letter or digit with no letter or digit on either side. Three or
/// more units in a row, at least two of them letters, each pair separated by the *same* gap (one to
/// three separator characters: white space, `. - _ * | / ~ ·` and friends, see
/// `NormalizerCharacterClass.isJoinSeparator`), are joined into one word. A different gap ends the
/// group, so `s l o t  g a c o r` (double space) and `s-l-o-t g-a-c-o-r` give `slot gacor`; a gap made
/// only of separators between two joined groups becomes one space (`s.l.o.t / g.a.c.o.r`). Two single
/// letters (`a b`) and digit-only runs (`1 2 3`, spaced phone numbers) are left alone.
struct SpacedLetterJoining: NormalizationStep {
    static let minimumUnits = 3
    static let minimumLetters = 2
    static let maximumGap = 3

    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            guard Self.hasEnoughUnits(elements) else { return input }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                join(elements, into: &output)
            }
        }
    }

    /// Cheap read-only pre-check: most comments have fewer than three single letters or digits.
    private static func hasEnoughUnits(_ elements: Elements) -> Bool {
        var units = 0
        var previous = false
        var current = elements.first.map { NormalizerCharacterClass.isLetterOrDigit($0.scalar) } ?? false
        for index in elements.indices {
            let next = index + 1 < elements.count && NormalizerCharacterClass.isLetterOrDigit(elements[index + 1].scalar)
            if current && !previous && !next {
                units += 1
                if units >= minimumUnits { return true }
            }
            previous = current
            current = next
        }
        return false
    }

    private func join(_ elements: Elements, into output: inout MappedScalarBuffer.Writer) {
        var index = 0
        var copied = 0  // input before this is in the output already
        var lastGroupEnd: Int?  // output count right after the previous joined group
        while index < elements.count {
            guard NormalizerCharacterClass.isLetterOrDigit(elements[index].scalar) else {
                index += 1
                continue
            }
            // At a word's first character (what precedes is not a letter or digit).
            if isUnit(at: index, elements), let last = joinableGroupEnd(startingAt: index, elements) {
                output.append(elements, copied..<index)
                replaceSeparatorGap(after: lastGroupEnd, in: &output)
                for element in elements[index...last] where NormalizerCharacterClass.isLetterOrDigit(element.scalar) {
                    output.append(element)
                }
                lastGroupEnd = output.count
                index = last + 1
                copied = index
                continue
            }
            while index < elements.count, NormalizerCharacterClass.isLetterOrDigit(elements[index].scalar) {
                index += 1
            }
        }
        output.append(elements, copied..<elements.count)
    }

    /// Whether the letter or digit at `index`, already known to follow a non-alphanumeric, is single.
    @inline(__always)
    private func isUnit(at index: Int, _ elements: Elements) -> Bool {
        index + 1 == elements.count || !NormalizerCharacterClass.isLetterOrDigit(elements[index + 1].scalar)
    }

    /// Index of the last unit of a joinable group starting at the unit `start`, or nil.
    private func joinableGroupEnd(startingAt start: Int, _ elements: Elements) -> Int? {
        var units = 1
        var letters = NormalizerCharacterClass.isLetter(elements[start].scalar) ? 1 : 0
        var last = start
        var firstGap: Range<Int>?
        while true {
            let gapStart = last + 1
            var next = gapStart
            while next < elements.count, next - gapStart < Self.maximumGap,
                NormalizerCharacterClass.isJoinSeparator(elements[next].scalar)
            {
                next += 1
            }
            guard next > gapStart, next < elements.count,
                NormalizerCharacterClass.isLetterOrDigit(elements[next].scalar), isUnit(at: next, elements)
            else { break }
            let gap = gapStart..<next
            if let firstGap {
                guard elements[gap].elementsEqual(elements[firstGap], by: { $0.scalar == $1.scalar }) else { break }
            } else {
                firstGap = gap
            }
            units += 1
            letters += NormalizerCharacterClass.isLetter(elements[next].scalar) ? 1 : 0
            last = next
        }
        return units >= Self.minimumUnits && letters >= Self.minimumLetters ? last : nil
    }

    /// Between two joined groups, a gap of separators only (`  `, ` / `) becomes a single space.
    private func replaceSeparatorGap(after groupEnd: Int?, in output: inout MappedScalarBuffer.Writer) {
        guard let groupEnd, output.count > groupEnd else { return }
        for index in groupEnd..<output.count where !NormalizerCharacterClass.isJoinSeparator(output[index].scalar) {
            return
        }
        let space = MappedScalar(" ", start: output[groupEnd].start, end: output[output.count - 1].end)
        output.truncate(to: groupEnd)
        output.append(space)
    }
}
