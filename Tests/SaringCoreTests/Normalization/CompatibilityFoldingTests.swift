import Testing

@testable import SaringCore

@Suite("Normalizer step 1: compatibility folding (NFKC)")
struct CompatibilityFoldingTests {
    let step = CompatibilityFolding()

    @Test func foldsMathematicalBoldToAscii() {
        #expect(step.applied(to: "𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥") == "SLOT GACOR")
        #expect(step.applied(to: "𝐌𝐄𝐍𝐀𝐍𝐆𝟗𝟗") == "MENANG99")
        #expect(step.applied(to: "𝘽𝙊𝙉𝙐𝙎𝟴𝟴") == "BONUS88")
    }

    @Test(arguments: [
        ("ＳＬＯＴ", "SLOT"), ("ｓｌｏｔ", "slot"), ("ⓈⓁⓄⓉ", "SLOT"), ("ⓢⓛⓞⓣ", "slot"), ("①②", "12"),
        ("ˢˡᵒᵗ", "slot"), ("ﬁ", "fi"), ("\u{00A0}", " "), ("\u{3000}", " "), ("🄰", "A"),
    ])
    func foldsCompatibilityForms(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test func dropsParenthesesAroundParenthesizedLettersAndDigits() {
        #expect(step.applied(to: "⒮⒧⒪⒯") == "slot")
        #expect(step.applied(to: "⑴⑽") == "110")
    }

    @Test func leavesWhatNFKCDoesNotFold() {
        // Dingbat digits, negative squared letters, Cyrillic and ł are LookalikeFolding's job.
        for text in ["❶❻", "➊", "⓿", "🅢🅛🅞🅣", "ѕlоt", "ł", "ᴀ"] {
            #expect(step.applied(to: text) == text)
        }
    }

    @Test func keepsSpacingAccentsRatherThanInjectingSpaces() {
        #expect(step.applied(to: "caf´e") == "caf´e")
    }

    @Test func givesEveryExpandedScalarTheOriginOfItsSource() {
        #expect(NormalizationTestSupport.origins(of: "aﬁ𝗦", after: step) == [0..<1, 1..<2, 1..<2, 2..<3])
    }
}
