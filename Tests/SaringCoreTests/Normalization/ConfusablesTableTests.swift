import Testing

@testable import SaringCore

/// The look-alikes generated from Unicode's confusables data, and how the hand-kept table and the
/// Indonesian rules of the generator sit on top of them.
@Suite("Normalizer step 3: the confusables table")
struct ConfusablesTableTests {
    let step = LookalikeFolding()
    let generated = Dictionary(ConfusablesTable.entries, uniquingKeysWith: { first, _ in first })
    let handKept = Dictionary(LookalikeTable.entries, uniquingKeysWith: { first, _ in first })

    @Test(arguments: [
        ("ꓢꓡꓳꓔ ꓖꓮꓚꓳꓣ", "slot gacor"),  // Lisu capitals
        ("ꓟꓮꓢꓴꓗ", "masuk"),
        ("ⲦⲞⲦⲞ", "toto"),  // Coptic
        ("ӨҚЕ", "oke"),  // Cyrillic barred o and ka with descender
        ("ɢᴀᴄᴑʀ", "gacor"),  // sideways o among small capitals
        ("ƉƦ ǀ Ɩ", "dr i i"),  // African D, yr, dental click and iota read as capital I
        ("ɱ", "m"),  // its prototype is "rn", the prototype of m
    ])
    func foldsWhatTheStandardDataAddsToTheHandKeptTable(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test func keepsAsciiThatUnicodeCallsConfusableAsItIs() {
        // UTS #39 maps 0 → O, 1 and I → l, m → rn; Indonesian text keeps its digits and letters.
        for text in ["warnet", "rumah", "Rp 10.000", "I l 1 | 0 O", "modern"] {
            #expect(step.applied(to: text) == text)
        }
    }

    @Test func keepsThePrototypesTargetsAsLowercaseLettersAndDigits() {
        for (key, target) in ConfusablesTable.entries {
            #expect(key >= 0x80)
            #expect(!target.isEmpty && target.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
            #expect(!target.contains("rn"), "\(String(key, radix: 16)) → \(target)")
            #expect(Unicode.Scalar(key)?.properties.numericType != .decimal)  // folded by numeric value
        }
    }

    @Test func readsCapitalAndCaselessBarsAsIAndSmallOnesAsL() {
        #expect(generated[0x0399] == "i")  // Greek Ι
        #expect(generated[0x0406] == "i")  // Cyrillic І
        #expect(generated[0xA4F2] == "i")  // Lisu ꓲ
        #expect(generated[0x0142] == "l")  // ł
    }

    @Test func leavesTheLettersOfScriptsOfRealTextAlone() {
        // Arabic alef and heh, Hebrew vav, Malayalam anusvara look like l, o; these words stay words.
        for text in ["الله أكبر", "שלום", "മലയാളം", "ภาษาไทย", "〇"] {
            #expect(step.applied(to: text) == text)
        }
    }

    @Test func handKeptEntriesWinWhereTheStandardReadsIndonesianTextWrong() {
        #expect(generated[0x0431] == "6")  // Cyrillic б: a 6 to UTS #39
        #expect(step.applied(to: "бесаr") == "becar")
        #expect(step.applied(to: "ȣ ʋ ғ ᶌ ӏ") == "o v f v l")
    }

    @Test func handKeptTableHoldsOnlyWhatTheStandardLacksOrGetsWrong() {
        for (key, target) in LookalikeTable.entries {
            #expect(generated[key] != target, "\(String(key, radix: 16)) is in ConfusablesTable already")
        }
        #expect(handKept.count == LookalikeTable.entries.count)
    }
}
