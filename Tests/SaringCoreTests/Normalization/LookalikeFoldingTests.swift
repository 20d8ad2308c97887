import Testing

@testable import SaringCore

@Suite("Normalizer step 3: look-alike folding")
struct LookalikeFoldingTests {
    let step = LookalikeFolding()

    @Test(arguments: [
        ("ѕlоt", "slot"),  // Cyrillic s and o
        ("СЕРАТ ЯАЈА", "cepat raja"),  // Cyrillic capitals, Я as R
        ("SΛΝΤИ", "Santi"),  // Greek Λ Ν Τ, Cyrillic И (ASCII left for case folding)
        ("ρυαsα ωιɴ", "puasa win"),  // Greek small letters, small capital N
        ("ꜱʟᴏᴛ ɢᴀᴄᴏʀ", "slot gacor"),  // small capitals
        ("łøđıƒ", "lodif"),
        ("🅢🅛🅞🅣", "slot"), ("🅜🅐🅢🅤🅚", "masuk"), ("🇲🇾", "my"),
        ("ᑭᗩᑎᗪᗩ ᗯIᑎ", "panda wIn"),  // Canadian syllabics
        ("𐊗OP", "tOP"),  // Lycian T
    ])
    func foldsLookalikeLetters(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test(arguments: [("❶❻", "16"), ("➊➓", "110"), ("⓿", "0"), ("⓵", "1"), ("٢٠٢٣", "2023"), ("०८१२", "0812")])
    func foldsDigitLookalikesAndOtherScriptsDigits(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test func tellsGreekCapitalsAndSmallLettersApart() {
        // Η looks like H but η like n; Ν like N but ν like v.
        #expect(step.applied(to: "Ηη Νν") == "hn nv")
    }

    @Test func leavesAsciiEmojiAndOtherScriptsAlone() {
        for text in ["Slot gacor 88!", "🔥💎", "日本語", "अपमान", "한국어"] {
            #expect(step.applied(to: text) == text)
        }
    }
}
