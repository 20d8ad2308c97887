/// After step 6: the dot of a link written so that it is not one — `bit(.)ly`, `situs[dot]com`,
/// `situs (dot) com`, `togel。com`, `gacor dot com`, `b i t . l y` — becomes a plain `.` when what
/// follows is a link suffix (`com`, `ly`, `id`, …, see `LinkSuffixes`; spelled out one letter at a
/// time counts). Without a suffix after it nothing changes, so `titik (.)` in prose and `dot` as a
/// word stay.
struct LinkDotFolding: NormalizationStep {
    /// Ways of writing the dot, in lower case (the text is case-folded by then), longest first.
    static let dots: [[Unicode.Scalar]] = [
        " (dot) ", " [dot] ", " {dot} ", "(dot)", "[dot]", "{dot}", " dot ", " (.) ", " [.] ", "(.)", "[.]", "{.}", " . ", " .",
        "\u{3002}", "\u{FF61}", "\u{FE52}",
    ].map { Array($0.unicodeScalars) }

    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            guard Self.mayHaveDot(elements) else { return input }
            var edits: [(range: Range<Int>, suffix: Range<Int>)] = []
            var index = 1
            while index < elements.count {
                guard Self.mayStartDot(at: index, elements), NormalizerCharacterClass.isLetterOrDigit(elements[index - 1].scalar),
                    let dot = Self.dot(at: index, elements), let suffix = Self.suffix(at: index + dot, elements)
                else {
                    index += 1
                    continue
                }
                edits.append((index..<(index + dot), suffix))
                index = suffix.upperBound
            }
            guard !edits.isEmpty else { return input }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                var copied = 0
                for edit in edits {
                    output.append(elements, copied..<edit.range.lowerBound)
                    output.append(MappedScalar(".", start: elements[edit.range.lowerBound].start, end: elements[edit.range.upperBound - 1].end))
                    // A suffix spelled out (`l y`) loses its spaces.
                    for position in edit.suffix where elements[position].scalar != " " { output.append(elements[position]) }
                    copied = edit.suffix.upperBound
                }
                output.append(elements, copied..<elements.count)
            }
        }
    }

    /// Cheap test before the forms are tried: what a written dot can start with.
    @inline(__always)
    private static func mayStartDot(at index: Int, _ elements: Elements) -> Bool {
        switch elements[index].value {
        case 0x28, 0x5B, 0x7B, 0x3002, 0xFF61, 0xFE52: return true  // ( [ { 。 ｡ ﹒
        case 0x20:
            guard index + 1 < elements.count else { return false }
            switch elements[index + 1].value {
            case 0x28, 0x5B, 0x7B, 0x2E: return true
            // ` dot `, not every word after a space that starts with d (dan, di, dari, …).
            case 0x64:
                return index + 4 < elements.count && elements[index + 2].value == 0x6F && elements[index + 3].value == 0x74
                    && elements[index + 4].value == 0x20
            default: return false
            }
        default: return false
        }
    }

    private static func mayHaveDot(_ elements: Elements) -> Bool {
        elements.indices.contains { mayStartDot(at: $0, elements) }
    }

    /// The length of a written dot starting at `index`, or nil.
    private static func dot(at index: Int, _ elements: Elements) -> Int? {
        for form in dots where index + form.count <= elements.count {
            if form.indices.allSatisfy({ elements[index + $0].scalar == form[$0] }) { return form.count }
        }
        return nil
    }

    /// A link suffix starting at `index` — as a word, or one letter at a time with single spaces —
    /// followed by the end of the word.
    private static func suffix(at index: Int, _ elements: Elements) -> Range<Int>? {
        var letters: [UInt8] = []
        var end = index
        let spelled = index + 1 < elements.count && elements[index + 1].scalar == " "
        while end < elements.count {
            let scalar = elements[end].scalar
            guard scalar.isASCII, NormalizerCharacterClass.isLetter(scalar) else { break }
            letters.append(UInt8(scalar.value))
            end += 1
            if spelled, end + 1 < elements.count, elements[end].scalar == " ", elements[end + 1].scalar.isASCII,
                NormalizerCharacterClass.isLetter(elements[end + 1].scalar), end + 2 == elements.count || !NormalizerCharacterClass.isLetter(elements[end + 2].scalar)
            {
                end += 1
            } else if spelled {
                break
            }
        }
        guard !letters.isEmpty, end == elements.count || !NormalizerCharacterClass.isLetterOrDigit(elements[end].scalar),
            LinkSuffixes.all.contains(CampaignHash.token(letters))
        else { return nil }
        return index..<end
    }
}
