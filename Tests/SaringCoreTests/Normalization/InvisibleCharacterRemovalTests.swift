import Testing

@testable import SaringCore

@Suite("Normalizer step 5: invisible characters and marks")
struct InvisibleCharacterRemovalTests {
    let step = InvisibleCharacterRemoval()

    static let invisibles: [Unicode.Scalar] =
        (0x200B...0x200F).map { Unicode.Scalar($0)! } + (0x2060...0x2064).map { Unicode.Scalar($0)! }
        + (0x202A...0x202E).map { Unicode.Scalar($0)! } + (0x2066...0x2069).map { Unicode.Scalar($0)! }
        + ["\u{FEFF}", "\u{00AD}", "\u{FE0F}", "\u{FE00}", "\u{E0100}", "\u{E0041}", "\u{3164}", "\u{0001}", "\u{007F}"]

    @Test(arguments: invisibles)
    func removesInvisibleCharacterInsideWord(_ invisible: Unicode.Scalar) {
        #expect(step.applied(to: "sl\(Character(invisible))ot") == "slot")
    }

    @Test func removesCombiningMarksLikeTheUnderlineSpamUses() {
        #expect(step.applied(to: "P͟U͟L͟A͟U͟W͟I͟N͟") == "PULAUWIN")
        #expect(step.applied(to: "M̲A̲X̲") == "MAX")
        #expect(step.applied(to: "e\u{0301}") == "e")
        #expect(step.applied(to: "1\u{FE0F}\u{20E3}") == "1")
    }

    @Test func widensALettersOriginOverTheMarksOnIt() {
        // P ͟ U ͟ → P covers 0..<2, U covers 2..<4.
        #expect(NormalizationTestSupport.origins(of: "P͟U͟", after: step) == [0..<2, 2..<4])
    }

    @Test func doesNotWidenOverAnInvisibleBetweenLetterAndMark() {
        #expect(NormalizationTestSupport.origins(of: "a\u{200B}\u{0301}b", after: step) == [0..<1, 3..<4])
    }

    @Test func keepsWhiteSpaceEmojiAndOrdinaryText() {
        let text = "baris satu\nbaris\tdua 🔥👍🏼 日本"
        #expect(step.applied(to: text) == text)
    }
}
