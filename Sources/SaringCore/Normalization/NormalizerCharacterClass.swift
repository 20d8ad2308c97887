/// Character classes the normalization steps agree on, with ASCII answered without a table lookup.
enum NormalizerCharacterClass {
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Letters of any script (after folding, mostly a–z). Not the archaic Hangul vowel ᆢ (U+11A2):
    /// modern Korean never writes it alone, spam uses it as a dotted filler between letters.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return value != 0x11A2 && scalar.properties.isAlphabetic
    }

    /// ASCII digits only: other scripts' digits have been folded to ASCII by then.
    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    @inline(__always)
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || isLetter(scalar)
    }

    /// Unicode white space, plus the braille blank (U+2800) that renders empty and is used as filler.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return value == 0x2800 || scalar.properties.isWhitespace
    }

    /// Punctuation (Unicode P* and ASCII punctuation; not symbols, not digits).
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// What may stand between the letters of a spaced-out word: `s l o t`, `S.L.O.T`, `s-l-o-t`,
    /// `s_l_o_t`, `s*l*o*t`, `s|l|o|t`, `s/l/o/t`, `s~l~o~t`, `s·l·o·t`, emoji and symbols
    /// (`s🎰l🎰o🎰t`), and the Hangul ᆢ filler seen in spam (`ᆢBᆢᆢOᆢᆢNᆢ`).
    static func isJoinSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x2D, 0x5F, 0x2A, 0x7C, 0x2F, 0x7E: return true
        case 0xB7, 0x2022, 0x2027, 0x30FB, 0x11A2, 0x2010...0x2015, 0x2212: return true
        default: return isSpace(scalar) || NumberRepair.isPictograph(scalar)
        }
    }
}
