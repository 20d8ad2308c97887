/// Step 5: removes what renders as nothing or only decorates a letter.
///
/// Format characters (General_Category Cf: zero-width space/joiners U+200B–U+200F, word joiner and
/// invisible operators U+2060–U+2064, BOM U+FEFF, bidi controls U+202A–U+202E and U+2066–U+2069, soft
/// hyphen, tags), control characters other than white space, Hangul fillers, and every combining mark
/// (M*: the underline in P͟U͟L͟A͟U͟, accents, variation selectors, the keycap in 1️⃣).
///
/// A removed mark still belongs to the letter it decorates, so it widens that letter's origin: masking
/// `P͟U͟L͟A͟U͟` then hides the last underline too. Other removed characters map to nothing.
struct InvisibleCharacterRemoval: NormalizationStep {
    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        guard input.elements.contains(where: { Self.removes($0.scalar) }) else { return input }
        return MappedScalarBuffer(maxCount: input.count) { output in
            for element in input.elements {
                if element.value &- 0x20 < 0x5F {  // printable ASCII
                    output.append(element)
                } else if NormalizerCharacterClass.isCombiningMark(element.scalar) {
                    // Only when nothing was dropped in between: the mark sits on that letter.
                    if let last = output.last, last.end == element.start {
                        output.extendLast(to: element.end)
                    }
                } else if !Self.isInvisible(element.scalar) {
                    output.append(element)
                }
            }
        }
    }

    /// Whether the step drops `scalar` (the pre-check that lets most comments skip the copy).
    @inline(__always)
    static func removes(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x20 >= 0x5F && (NormalizerCharacterClass.isCombiningMark(scalar) || isInvisible(scalar))
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x09...0x0D, 0x85: return false  // white space is collapsed later
        case 0x00...0x1F, 0x7F...0x9F: return true  // other controls
        case 0x115F, 0x1160, 0x3164, 0xFFA0: return true  // Hangul fillers render blank
        case 0xA0..<0x300: return scalar.value == 0xAD  // soft hyphen is the only Cf here
        default: return scalar.properties.generalCategory == .format
        }
    }
}
